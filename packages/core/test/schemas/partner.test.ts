import {
  OnboardingStep,
  Partner,
  PartnerApplication,
  PartnerContact,
  PartnerPatch,
} from '../../src/schemas/partner.js';
import {
  PARTNER_ROLES,
  PARTNER_STATUSES,
  PARTNER_TIERS,
  REGIONS,
} from '../../src/schemas/values.js';
import { partner, partnerApplication, partnerContact, partnerPatch } from './fixtures.js';
import { MISSING, m, row, schemaTable } from './table.js';

schemaTable('PartnerContact', PartnerContact, partnerContact, [
  row('a missing name', { name: MISSING }, 'name', m.required()),
  row('a bad email', { email: 'jane.miller' }, 'email', m.email()),
  row('a missing email', { email: MISSING }, 'email', m.required()),
  row(
    'an enterprise role',
    { role: 'channel_manager' },
    'role',
    m.oneOf({ options: PARTNER_ROLES }),
  ),
  row('a missing userId (null is required)', { userId: MISSING }, 'userId', m.required()),
  row('primary as a string', { primary: 'yes' }, 'primary', m.wrongType({ expected: 'boolean' })),
  row('a long title', { title: 't'.repeat(121) }, 'title', m.tooLong({ maximum: 120 })),
]);

schemaTable('OnboardingStep', OnboardingStep, partner.onboarding[0], [
  row('a key with spaces', { key: 'sign agreement' }, 'key', m.key()),
  row('a bad completedAt', { completedAt: '2026-01-14' }, 'completedAt', m.dateTime()),
  row('a missing done', { done: MISSING }, 'done', m.required()),
]);

schemaTable('Partner', Partner, partner, [
  row('a missing name', { name: MISSING }, 'name', m.required()),
  row('a blank name', { name: '   ' }, 'name', m.required()),
  row('a name over 200 characters', { name: 'A'.repeat(201) }, 'name', m.tooLong({ maximum: 200 })),
  row('a javascript: website', { website: 'javascript:alert(1)' }, 'website', m.webUrl()),
  row('the country USA', { country: 'USA' }, 'country', m.countryCode()),
  row('an unknown region', { region: 'americas' }, 'region', m.oneOf({ options: REGIONS })),
  row('an unknown status', { status: 'paused' }, 'status', m.oneOf({ options: PARTNER_STATUSES })),
  row('an unknown tier', { tier: 'bronze' }, 'tier', m.oneOf({ options: PARTNER_TIERS })),
  row(
    'a specialization that is not a key',
    { specializations: ['Cloud'] },
    'specializations.0',
    m.key(),
  ),
  row('a bad contact email', { 'contacts.1.email': 'raj@' }, 'contacts.1.email', m.email()),
  row(
    'a float annual revenue 12.5',
    { 'annualRevenue.amount': 12.5 },
    'annualRevenue.amount',
    m.moneyMinorUnits(),
  ),
  row(
    'a negative annual revenue',
    { 'annualRevenue.amount': -1 },
    'annualRevenue.amount',
    m.nonNegativeAmount(),
  ),
  row(
    'a lower-case currency usd',
    { 'annualRevenue.currency': 'usd' },
    'annualRevenue.currency',
    m.currencyCode(),
  ),
  row('negative employees', { employees: -3 }, 'employees', m.tooSmall({ minimum: 0 })),
  row('fractional certifications', { certifications: 2.5 }, 'certifications', m.wholeNumber()),
  row('a missing version', { version: MISSING }, 'version', m.required()),
  row('version 0', { version: 0 }, 'version', m.tooSmall({ minimum: 1 })),
  row('a missing createdAt', { createdAt: MISSING }, 'createdAt', m.required()),
  row('a bad updatedAt', { updatedAt: '2026-02-30T10:00:00Z' }, 'updatedAt', m.dateTime()),
  row('an empty id', { id: '' }, 'id', m.required()),
  row(
    'segmentIds as a string',
    { segmentIds: 'seg_na_resellers' },
    'segmentIds',
    m.wrongType({ expected: 'array' }),
  ),
]);

schemaTable('PartnerApplication', PartnerApplication, partnerApplication, [
  row('a missing name', { name: MISSING }, 'name', m.required()),
  row('a javascript: website', { website: 'javascript:alert(1)' }, 'website', m.webUrl()),
  row('the country USA', { country: 'USA' }, 'country', m.countryCode()),
  row('a missing region', { region: MISSING }, 'region', m.required()),
  row('a missing contact', { contact: MISSING }, 'contact', m.required()),
  row(
    'a bad contact email',
    { 'contact.email': 'jane at abcsystems.com' },
    'contact.email',
    m.email(),
  ),
  row('a blank contact name', { 'contact.name': '' }, 'contact.name', m.required()),
]);

schemaTable('PartnerPatch', PartnerPatch, partnerPatch, [
  row('a blank name', { name: ' ' }, 'name', m.required()),
  row('a javascript: website', { website: 'javascript:alert(1)' }, 'website', m.webUrl()),
  row('an unknown tier', { tier: 'diamond' }, 'tier', m.oneOf({ options: PARTNER_TIERS })),
  row('the country USA', { country: 'USA' }, 'country', m.countryCode()),
  row(
    'a float annual revenue 12.5',
    { 'annualRevenue.amount': 12.5 },
    'annualRevenue.amount',
    m.moneyMinorUnits(),
  ),
]);
