import { Lead, LeadInput } from '../../src/schemas/lead.js';
import { LEAD_DECLINE_REASONS, LEAD_STATUSES } from '../../src/schemas/values.js';
import { lead, leadInput } from './fixtures.js';
import { MISSING, m, row, schemaTable } from './table.js';

schemaTable('Lead', Lead, lead, [
  row('a missing customer', { customer: MISSING }, 'customer', m.required()),
  row('an unknown status', { status: 'open' }, 'status', m.oneOf({ options: LEAD_STATUSES })),
  row(
    'an unknown decline reason',
    { 'declinedBy.0.reason': 'busy' },
    'declinedBy.0.reason',
    m.oneOf({ options: LEAD_DECLINE_REASONS }),
  ),
  row(
    'a float estimated value 12.5',
    { 'estimatedValue.amount': 12.5 },
    'estimatedValue.amount',
    m.moneyMinorUnits(),
  ),
  row(
    'the customer country USA',
    { 'customer.country': 'USA' },
    'customer.country',
    m.countryCode(),
  ),
  row('a bad assignedAt', { assignedAt: 'today' }, 'assignedAt', m.dateTime()),
]);

schemaTable('LeadInput', LeadInput, leadInput, [
  row('a missing customer', { customer: MISSING }, 'customer', m.required()),
  row(
    'a customer domain with scheme and path',
    { 'customer.domain': 'https://acme.com/x' },
    'customer.domain',
    m.domain(),
  ),
  row(
    'a bad contact email',
    { 'customer.contact.email': 'hank' },
    'customer.contact.email',
    m.email(),
  ),
  row(
    'a lower-case currency usd',
    { 'estimatedValue.currency': 'usd' },
    'estimatedValue.currency',
    m.currencyCode(),
  ),
  row(
    'an interest over 2000 characters',
    { interest: 'i'.repeat(2_001) },
    'interest',
    m.tooLong({ maximum: 2_000 }),
  ),
  row('an empty product id', { productIds: [''] }, 'productIds.0', m.required()),
]);
