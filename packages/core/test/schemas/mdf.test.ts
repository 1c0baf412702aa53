import {
  MdfAllocation,
  MdfBudget,
  MdfClaim,
  MdfClaimInput,
  MdfRequest,
  MdfRequestInput,
} from '../../src/schemas/mdf.js';
import {
  MDF_ACTIVITY_TYPES,
  MDF_CLAIM_STATUSES,
  MDF_REQUEST_STATUSES,
} from '../../src/schemas/values.js';
import {
  mdfAllocation,
  mdfBudget,
  mdfClaim,
  mdfClaimInput,
  mdfRequest,
  mdfRequestInput,
} from './fixtures.js';
import { MISSING, m, row, schemaTable } from './table.js';

schemaTable('MdfBudget', MdfBudget, mdfBudget, [
  row(
    'a period ending before it starts',
    { 'period.end': '2026-03-31' },
    'period.end',
    m.dateRange(),
  ),
  row(
    'the period start 2026-02-30',
    { 'period.start': '2026-02-30', 'period.end': '2026-12-31' },
    'period.start',
    m.date(),
  ),
  row('a missing period', { period: MISSING }, 'period', m.required()),
  row('a float amount 12.5', { 'amount.amount': 12.5 }, 'amount.amount', m.moneyMinorUnits()),
  row('a negative amount', { 'amount.amount': -1 }, 'amount.amount', m.nonNegativeAmount()),
  row(
    'a lower-case currency usd',
    { 'amount.currency': 'usd' },
    'amount.currency',
    m.currencyCode(),
  ),
]);

schemaTable('MdfAllocation', MdfAllocation, mdfAllocation, [
  row(
    'a period ending before it starts',
    { 'period.start': '2026-07-01' },
    'period.end',
    m.dateRange(),
  ),
  row(
    'a negative remaining amount',
    { 'remaining.amount': -250_000 },
    'remaining.amount',
    m.nonNegativeAmount(),
  ),
  row('a missing budgetId', { budgetId: MISSING }, 'budgetId', m.required()),
]);

schemaTable('MdfRequestInput', MdfRequestInput, mdfRequestInput, [
  row(
    'an activity ending before it starts',
    { 'activity.period.end': '2026-05-11' },
    'activity.period.end',
    m.dateRange(),
  ),
  row(
    'an unknown activity type',
    { 'activity.type': 'webinar' },
    'activity.type',
    m.oneOf({ options: MDF_ACTIVITY_TYPES }),
  ),
  row('a blank activity name', { 'activity.name': '  ' }, 'activity.name', m.required()),
  row('a zero amount', { 'amount.amount': 0 }, 'amount.amount', m.positiveAmount()),
  row('a float amount 12.5', { 'amount.amount': 12.5 }, 'amount.amount', m.moneyMinorUnits()),
  row(
    'a lower-case currency usd',
    { 'amount.currency': 'usd' },
    'amount.currency',
    m.currencyCode(),
  ),
  row('a missing allocationId', { allocationId: MISSING }, 'allocationId', m.required()),
]);

schemaTable('MdfRequest', MdfRequest, mdfRequest, [
  row(
    'an unknown status',
    { status: 'paid' },
    'status',
    m.oneOf({ options: MDF_REQUEST_STATUSES }),
  ),
  row('a negative amount', { 'amount.amount': -750_000 }, 'amount.amount', m.positiveAmount()),
  row(
    'an activity ending before it starts',
    { 'activity.period.start': '2026-06-01' },
    'activity.period.end',
    m.dateRange(),
  ),
]);

schemaTable('MdfClaimInput', MdfClaimInput, mdfClaimInput, [
  row('no proof of performance', { proof: [] }, 'proof', m.tooFewItems({ minimum: 1 })),
  row(
    'a javascript: proof link',
    { 'proof.0.url': 'javascript:alert(1)' },
    'proof.0.url',
    m.webUrl(),
  ),
  row('a proof without a name', { 'proof.1.name': MISSING }, 'proof.1.name', m.required()),
  row('a zero amount', { 'amount.amount': 0 }, 'amount.amount', m.positiveAmount()),
  row('a float amount 12.5', { 'amount.amount': 12.5 }, 'amount.amount', m.moneyMinorUnits()),
]);

schemaTable('MdfClaim', MdfClaim, mdfClaim, [
  row('an unknown status', { status: 'draft' }, 'status', m.oneOf({ options: MDF_CLAIM_STATUSES })),
  row('a relative proof link', { 'proof.0.url': '/mdf/invoice.pdf' }, 'proof.0.url', m.webUrl()),
  row('a missing requestId', { requestId: MISSING }, 'requestId', m.required()),
]);
