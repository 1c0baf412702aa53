import { EnterpriseMetrics, PartnerMetrics } from '../../src/schemas/metrics.js';
import { MEMBERSHIP_STATUSES } from '../../src/schemas/values.js';
import { enterpriseMetrics, partnerMetrics } from './fixtures.js';
import { MISSING, m, row, schemaTable } from './table.js';

schemaTable('PartnerMetrics', PartnerMetrics, partnerMetrics, [
  row('a missing partnerId', { partnerId: MISSING }, 'partnerId', m.required()),
  row('a win rate above 1', { winRate: 1.2 }, 'winRate', m.tooBig({ maximum: 1 })),
  row('a negative win rate', { winRate: -0.1 }, 'winRate', m.tooSmall({ minimum: 0 })),
  row(
    'a float pipeline amount 12.5',
    { 'pipeline.0.amounts.0.amount': 12.5 },
    'pipeline.0.amounts.0.amount',
    m.moneyMinorUnits(),
  ),
  row(
    'a lower-case pipeline currency usd',
    { 'pipeline.0.amounts.0.currency': 'usd' },
    'pipeline.0.amounts.0.currency',
    m.currencyCode(),
  ),
  row(
    'a negative pipeline count',
    { 'pipeline.0.count': -1 },
    'pipeline.0.count',
    m.tooSmall({ minimum: 0 }),
  ),
  row(
    'an unknown membership status',
    { 'programs.0.status': 'gold' },
    'programs.0.status',
    m.oneOf({ options: MEMBERSHIP_STATUSES }),
  ),
  row(
    'a requirement ratio above 1',
    { 'programs.0.progress.requirements.0.ratio': 4 },
    'programs.0.progress.requirements.0.ratio',
    m.tooBig({ maximum: 1 }),
  ),
  row('a fractional SLA count', { 'sla.breached': 0.5 }, 'sla.breached', m.wholeNumber()),
  row(
    'negative average days',
    { averageDaysToApprove: -1 },
    'averageDaysToApprove',
    m.tooSmall({ minimum: 0 }),
  ),
  row(
    'a metric value as a string',
    { 'registrations.0.value': '1' },
    'registrations.0.value',
    m.wrongType({ expected: 'number' }),
  ),
]);

schemaTable('EnterpriseMetrics', EnterpriseMetrics, enterpriseMetrics, [
  row('a missing engagement', { engagement: MISSING }, 'engagement', m.required()),
  row('a bad generatedAt', { generatedAt: '2026-03-15' }, 'generatedAt', m.dateTime()),
  row(
    'a lower-case ranking currency usd',
    { 'topPartnersByRegisteredValue.0.currency': 'usd' },
    'topPartnersByRegisteredValue.0.currency',
    m.currencyCode(),
  ),
  row(
    'a fractional ranked value',
    { 'topPartnersByRegisteredValue.0.rows.0.value': 12.5 },
    'topPartnersByRegisteredValue.0.rows.0.value',
    m.wholeNumber(),
  ),
  row(
    'a conversion above 1',
    { 'conversionByProgram.0.value': 1.5 },
    'conversionByProgram.0.value',
    m.tooBig({ maximum: 1 }),
  ),
  row(
    'negative overdue approvals',
    { 'approvals.overdue': -2 },
    'approvals.overdue',
    m.tooSmall({ minimum: 0 }),
  ),
  row(
    'a bad last activity time',
    { 'engagement.mostEngaged.0.lastActivityAt': 'never' },
    'engagement.mostEngaged.0.lastActivityAt',
    m.dateTime(),
  ),
]);
