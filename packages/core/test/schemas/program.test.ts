import {
  MembershipApplication,
  Program,
  ProgramInput,
  ProgramEligibility,
  ProgramMembership,
  ProgramPatch,
} from '../../src/schemas/program.js';
import {
  CONFLICT_POLICIES,
  DEAL_TYPES,
  MEMBERSHIP_STATUSES,
  PARTNER_STATUSES,
  PARTNER_TIERS,
  PROGRAM_STATUSES,
  REQUIREMENT_METRICS,
} from '../../src/schemas/values.js';
import {
  membershipApplication,
  program,
  programEligibility,
  programInput,
  programMembership,
} from './fixtures.js';
import { MISSING, m, row, schemaTable } from './table.js';

schemaTable('Program', Program, program, [
  row('a missing name', { name: MISSING }, 'name', m.required()),
  row(
    'an unknown status',
    { status: 'archived' },
    'status',
    m.oneOf({ options: PROGRAM_STATUSES }),
  ),
  row('no tiers', { tiers: [] }, 'tiers', m.tooFewItems({ minimum: 1 })),
  row('a tier key with capitals', { 'tiers.0.key': 'Silver' }, 'tiers.0.key', m.key()),
  row('a negative tier rank', { 'tiers.1.rank': -1 }, 'tiers.1.rank', m.tooSmall({ minimum: 0 })),
  row(
    'an unknown requirement metric',
    { 'tiers.1.requirements.0.metric': 'revenue' },
    'tiers.1.requirements.0.metric',
    m.oneOf({ options: REQUIREMENT_METRICS }),
  ),
  row(
    'a discount of 10001 basis points',
    { 'tiers.1.benefits.discountBps': 10_001 },
    'tiers.1.benefits.discountBps',
    m.basisPoints(),
  ),
  row(
    'a float deal registration discount',
    { 'tiers.0.benefits.dealRegistrationDiscountBps': 12.5 },
    'tiers.0.benefits.dealRegistrationDiscountBps',
    m.basisPoints(),
  ),
  row(
    'a float MDF amount 12.5',
    { 'tiers.1.benefits.mdfPerQuarter.amount': 12.5 },
    'tiers.1.benefits.mdfPerQuarter.amount',
    m.moneyMinorUnits(),
  ),
  row(
    'a lower-case MDF currency usd',
    { 'tiers.1.benefits.mdfPerQuarter.currency': 'usd' },
    'tiers.1.benefits.mdfPerQuarter.currency',
    m.currencyCode(),
  ),
  row(
    'a blank perk',
    { 'tiers.1.benefits.perks': ['  '] },
    'tiers.1.benefits.perks.0',
    m.required(),
  ),
  row(
    'an eligibility country USA',
    { 'eligibility.countries': ['US', 'USA'] },
    'eligibility.countries.1',
    m.countryCode(),
  ),
  row(
    'an unknown minimum tier',
    { 'eligibility.minimumTier': 'bronze' },
    'eligibility.minimumTier',
    m.oneOf({ options: PARTNER_TIERS }),
  ),
  row(
    'a missing minimum tier (null is required)',
    { 'eligibility.minimumTier': MISSING },
    'eligibility.minimumTier',
    m.required(),
  ),
  row(
    'an unknown deal type',
    { 'dealRegistration.dealTypes': ['resale'] },
    'dealRegistration.dealTypes.0',
    m.oneOf({ options: DEAL_TYPES }),
  ),
  row(
    'an unknown conflict policy',
    { 'dealRegistration.conflictPolicy': 'last_wins' },
    'dealRegistration.conflictPolicy',
    m.oneOf({ options: CONFLICT_POLICIES }),
  ),
  row(
    'a negative minimum value',
    { 'dealRegistration.minimumValue.amount': -1 },
    'dealRegistration.minimumValue.amount',
    m.nonNegativeAmount(),
  ),
  row(
    'a float auto-approve threshold 12.5',
    { 'dealRegistration.autoApproveBelow.amount': 12.5 },
    'dealRegistration.autoApproveBelow.amount',
    m.moneyMinorUnits(),
  ),
  row(
    'fractional exclusivity days',
    { 'dealRegistration.exclusivityDays': 1.5 },
    'dealRegistration.exclusivityDays',
    m.wholeNumber(),
  ),
  row(
    'negative extension days',
    { 'dealRegistration.extensionDays': -30 },
    'dealRegistration.extensionDays',
    m.tooSmall({ minimum: 0 }),
  ),
  row(
    'enabled as a string',
    { 'dealRegistration.enabled': 'yes' },
    'dealRegistration.enabled',
    m.wrongType({ expected: 'boolean' }),
  ),
  row('a missing terms version', { termsVersion: MISSING }, 'termsVersion', m.required()),
  row('a javascript: terms URL', { termsUrl: 'javascript:alert(1)' }, 'termsUrl', m.webUrl()),
  row(
    'a description over 5000 characters',
    { description: 'x'.repeat(5_001) },
    'description',
    m.tooLong({ maximum: 5_000 }),
  ),
]);

schemaTable('ProgramInput', ProgramInput, programInput, [
  row('a missing name', { name: MISSING }, 'name', m.required()),
  row('a missing eligibility', { eligibility: MISSING }, 'eligibility', m.required()),
  row('no tiers', { tiers: [] }, 'tiers', m.tooFewItems({ minimum: 1 })),
  row(
    'a discount of 10001 basis points',
    { 'tiers.0.benefits.discountBps': 10_001 },
    'tiers.0.benefits.discountBps',
    m.basisPoints(),
  ),
  row(
    'a missing conflict policy',
    { 'dealRegistration.conflictPolicy': MISSING },
    'dealRegistration.conflictPolicy',
    m.required(),
  ),
]);

schemaTable(
  'ProgramPatch',
  ProgramPatch,
  { name: 'XYZ Partner Advantage 2027', termsVersion: '2027.1' },
  [
    row('a blank name', { name: '' }, 'name', m.required()),
    row('no tiers', { tiers: [] }, 'tiers', m.tooFewItems({ minimum: 1 })),
  ],
);

schemaTable('ProgramMembership', ProgramMembership, programMembership, [
  row('a missing partnerId', { partnerId: MISSING }, 'partnerId', m.required()),
  row(
    'an unknown status',
    { status: 'paused' },
    'status',
    m.oneOf({ options: MEMBERSHIP_STATUSES }),
  ),
  row('a tier key with spaces', { tierKey: 'gold tier' }, 'tierKey', m.key()),
  row('a bad renewsAt', { renewsAt: '2027-01-20' }, 'renewsAt', m.dateTime()),
  row(
    'a missing acceptedTerms.by',
    { 'acceptedTerms.by': MISSING },
    'acceptedTerms.by',
    m.required(),
  ),
  row(
    'negative entitlement use',
    { 'entitlements.0.used': -1 },
    'entitlements.0.used',
    m.tooSmall({ minimum: 0 }),
  ),
  row('a bad history timestamp', { 'history.1.at': 'soon' }, 'history.1.at', m.dateTime()),
]);

schemaTable('MembershipApplication', MembershipApplication, membershipApplication, [
  row('a missing programId', { programId: MISSING }, 'programId', m.required()),
  row(
    'terms not accepted (empty version)',
    { acceptedTermsVersion: '' },
    'acceptedTermsVersion',
    m.acceptTerms(),
  ),
  row(
    'a missing terms version',
    { acceptedTermsVersion: MISSING },
    'acceptedTermsVersion',
    m.required(),
  ),
  row('a tier key with capitals', { tierKey: 'Gold' }, 'tierKey', m.key()),
]);

schemaTable('ProgramEligibility', ProgramEligibility, programEligibility, [
  row('eligible as a string', { eligible: 'no' }, 'eligible', m.wrongType({ expected: 'boolean' })),
  row('a reason without a code', { 'reasons.0.code': MISSING }, 'reasons.0.code', m.required()),
  // A discriminated union reports no options for an unknown discriminator: the generic message.
  row('an unknown reason code', { 'reasons.0.code': 'too_small' }, 'reasons.0.code', m.invalid()),
  row(
    'an unknown required tier',
    { 'reasons.0.required': 'bronze' },
    'reasons.0.required',
    m.oneOf({ options: PARTNER_TIERS }),
  ),
  row(
    'an unknown partner status',
    { 'reasons.1.status': 'paused' },
    'reasons.1.status',
    m.oneOf({ options: PARTNER_STATUSES }),
  ),
  row(
    'a membership reason without its id',
    { 'reasons.2.membershipId': MISSING },
    'reasons.2.membershipId',
    m.required(),
  ),
]);

schemaTable(
  'ProgramEligibility (eligible)',
  ProgramEligibility,
  { programId: 'prg_advantage', eligible: true, reasons: [] },
  [],
);
