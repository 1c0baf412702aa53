/**
 * One valid sample of every core entity and input schema, from the project's story:
 * XYZ Solutions (the enterprise) runs the "XYZ Partner Advantage" program; ABC Systems is a
 * North-American reseller registering a deal for Acme Manufacturing.
 *
 * Every sample is already normalised (trimmed, lower-cased domains), so parsing it returns
 * an equal value.
 */
import type { Activity } from '../../src/schemas/activity.js';
import type { Case, CaseInput } from '../../src/schemas/case.js';
import type { Money } from '../../src/schemas/common.js';
import type {
  ConflictCheck,
  ConflictCheckInput,
  DealRegistration,
  DealRegistrationInput,
} from '../../src/schemas/deal.js';
import type { Lead, LeadInput } from '../../src/schemas/lead.js';
import type { ListQueries, Page } from '../../src/schemas/list.js';
import type {
  MdfAllocation,
  MdfBudget,
  MdfClaim,
  MdfClaimInput,
  MdfRequest,
  MdfRequestInput,
} from '../../src/schemas/mdf.js';
import type { EnterpriseMetrics, PartnerMetrics } from '../../src/schemas/metrics.js';
import type {
  Partner,
  PartnerApplication,
  PartnerContact,
  PartnerPatch,
} from '../../src/schemas/partner.js';
import type {
  MembershipApplication,
  Program,
  ProgramEligibility,
  ProgramInput,
  ProgramMembership,
} from '../../src/schemas/program.js';
import type {
  Opportunity,
  Order,
  OrderInput,
  Product,
  Quote,
  QuoteInput,
} from '../../src/schemas/sales.js';
import type { Segment, SegmentInput } from '../../src/schemas/segment.js';
import type { User, Viewer } from '../../src/schemas/viewer.js';

/** Record fields of an entity: id, timestamps and version. */
const record = (id: string, version = 1) => ({
  id,
  createdAt: '2026-01-12T09:30:00Z',
  updatedAt: '2026-03-02T16:45:00+01:00',
  version,
});

const usd = (amount: number): Money => ({ amount, currency: 'USD' });

// ---------------------------------------------------------------- partners and people

export const partnerContact: PartnerContact = {
  id: 'con_abc_jane',
  userId: 'usr_abc_jane',
  name: 'Jane Miller',
  email: 'jane.miller@abcsystems.com',
  phone: '+1 415 555 0134',
  title: 'Alliance Director',
  role: 'partner_admin',
  primary: true,
};

export const partner: Partner = {
  ...record('ptn_abc', 4),
  name: 'ABC Systems',
  website: 'https://www.abcsystems.com',
  country: 'US',
  region: 'north_america',
  status: 'active',
  tier: 'gold',
  specializations: ['security', 'cloud'],
  segmentIds: ['seg_na_resellers'],
  contacts: [
    partnerContact,
    {
      id: 'con_abc_raj',
      userId: null,
      name: 'Raj Patel',
      email: 'raj.patel@abcsystems.com',
      role: 'partner_associate',
      primary: false,
    },
  ],
  channelManagerId: 'usr_xyz_sam',
  onboarding: [
    {
      key: 'sign_agreement',
      label: 'Sign the partner agreement',
      done: true,
      completedAt: '2026-01-14T10:00:00Z',
    },
    { key: 'sales_training', label: 'Complete XYZ sales training', done: false },
  ],
  annualRevenue: usd(1_250_000_000),
  employees: 85,
  certifications: 6,
};

export const partnerApplication: PartnerApplication = {
  name: 'ABC Systems',
  website: 'https://www.abcsystems.com',
  country: 'US',
  region: 'north_america',
  specializations: ['security'],
  employees: 85,
  contact: {
    name: 'Jane Miller',
    email: 'jane.miller@abcsystems.com',
    phone: '+1 415 555 0134',
    title: 'Alliance Director',
  },
};

export const partnerPatch: PartnerPatch = {
  name: 'ABC Systems Inc.',
  website: null,
  tier: 'platinum',
  channelManagerId: null,
  annualRevenue: usd(1_400_000_000),
  employees: 92,
  certifications: 8,
};

export const user: User = {
  ...record('usr_xyz_sam', 2),
  name: 'Sam Carter',
  email: 'sam.carter@xyzsolutions.com',
  role: 'channel_manager',
  partnerId: null,
  active: true,
};

/** A partner-side viewer: Jane, partner admin at ABC Systems. */
export const partnerViewer: Viewer = {
  userId: 'usr_abc_jane',
  name: 'Jane Miller',
  email: 'jane.miller@abcsystems.com',
  role: 'partner_admin',
  partnerId: 'ptn_abc',
  locale: 'en-US',
};

/** An enterprise-side viewer: Sam, channel manager at XYZ Solutions. */
export const enterpriseViewer: Viewer = {
  userId: 'usr_xyz_sam',
  name: 'Sam Carter',
  email: 'sam.carter@xyzsolutions.com',
  role: 'channel_manager',
  partnerId: null,
};

// ---------------------------------------------------------------- programs and segments

export const programInput: ProgramInput = {
  name: 'XYZ Partner Advantage',
  description: 'Resell XYZ security and cloud products with tiered discounts and MDF.',
  tiers: [
    {
      key: 'silver',
      name: 'Silver',
      rank: 0,
      requirements: [{ metric: 'certifications', target: 2 }],
      benefits: {
        discountBps: 1000,
        dealRegistrationDiscountBps: 500,
        perks: ['Partner portal access'],
      },
    },
    {
      key: 'gold',
      name: 'Gold',
      rank: 1,
      requirements: [
        { metric: 'certifications', target: 5, label: 'Five certified engineers' },
        { metric: 'won_revenue', target: 50_000_000 },
      ],
      benefits: {
        discountBps: 2000,
        dealRegistrationDiscountBps: 1000,
        mdfPerQuarter: usd(2_000_000),
        caseFirstResponseHours: 4,
        perks: ['Named channel manager', 'Demo licences'],
      },
    },
  ],
  eligibility: {
    segmentIds: ['seg_na_resellers'],
    minimumTier: 'silver',
    countries: ['US', 'CA'],
  },
  dealRegistration: {
    enabled: true,
    dealTypes: ['new_business', 'upsell'],
    exclusivityDays: 90,
    extensionDays: 30,
    maxExtensions: 1,
    minimumValue: usd(500_000),
    approvalRequired: true,
    autoApproveBelow: usd(2_500_000),
    approvalSlaHours: 16,
    conflictPolicy: 'manual_review',
  },
  termsVersion: '2026.1',
  termsUrl: 'https://partners.xyzsolutions.com/terms/2026.1',
};

export const program: Program = {
  ...record('prg_advantage', 3),
  status: 'active',
  ...programInput,
};

export const programMembership: ProgramMembership = {
  ...record('mem_abc_advantage', 2),
  partnerId: 'ptn_abc',
  programId: 'prg_advantage',
  tierKey: 'gold',
  status: 'active',
  startedAt: '2026-01-20T00:00:00Z',
  renewsAt: '2027-01-20T00:00:00Z',
  acceptedTerms: { version: '2026.1', by: 'usr_abc_jane', at: '2026-01-15T11:02:00Z' },
  entitlements: [
    { key: 'demo_licences', label: 'Demo licences', total: 10, used: 3 },
    { key: 'training_seats', label: 'Training seats', total: null, used: 4 },
  ],
  history: [
    { from: null, to: 'applied', by: 'usr_abc_jane', at: '2026-01-15T11:02:00Z' },
    {
      from: 'applied',
      to: 'active',
      by: 'usr_xyz_sam',
      at: '2026-01-20T00:00:00Z',
      reason: 'Meets the Gold requirements',
    },
  ],
};

export const membershipApplication: MembershipApplication = {
  programId: 'prg_advantage',
  partnerId: 'ptn_abc',
  tierKey: 'gold',
  acceptedTermsVersion: '2026.1',
};

/** Why Northwind Integrators may not join the program: every failing check. */
export const programEligibility: ProgramEligibility = {
  programId: 'prg_advantage',
  eligible: false,
  reasons: [
    { code: 'tier_too_low', required: 'silver', actual: 'registered' },
    { code: 'partner_not_active', status: 'suspended' },
    { code: 'already_member', status: 'applied', membershipId: 'mem_northwind_advantage' },
    { code: 'program_not_active', status: 'retired' },
    { code: 'segment_required', segmentIds: ['seg_na_resellers'] },
    { code: 'country_not_covered', country: 'MX' },
  ],
};

export const segmentInput: SegmentInput = {
  name: 'North American resellers',
  kind: 'market',
  colour: '#0b6bcb',
  description: 'Gold and platinum resellers in the US and Canada.',
  rule: {
    match: 'all',
    criteria: [
      { field: 'region', op: 'eq', value: 'north_america' },
      { field: 'tier', op: 'in', value: ['gold', 'platinum'] },
      { field: 'annualRevenue', op: 'gte', value: 100_000_000 },
    ],
  },
  manualMemberIds: [],
  programLinks: [{ programId: 'prg_advantage', benefitOverrides: { discountBps: 2500 } }],
};

export const segment: Segment = { ...record('seg_na_resellers', 5), ...segmentInput };

// ---------------------------------------------------------------- deal registration

const acme = {
  company: 'Acme Manufacturing Inc.',
  domain: 'acme.com',
  country: 'US',
  postalCode: '94107',
  contact: { name: 'Lee Wong', email: 'lee.wong@acme.com', phone: '+1 628 555 0199' },
};

export const dealRegistrationInput: DealRegistrationInput = {
  programId: 'prg_advantage',
  dealType: 'new_business',
  customer: acme,
  products: [
    { productId: 'prd_fw500', quantity: 4 },
    { productId: 'prd_support', quantity: 4 },
  ],
  estimatedValue: usd(4_800_000),
  expectedCloseDate: '2026-06-30',
  comments: 'Acme is replacing its ageing firewalls at four plants.',
};

export const dealRegistration: DealRegistration = {
  ...record('deal_acme', 6),
  number: 'DR-000123',
  partnerId: 'ptn_abc',
  submittedBy: 'usr_abc_jane',
  programId: 'prg_advantage',
  dealType: 'new_business',
  customer: acme,
  products: dealRegistrationInput.products,
  estimatedValue: usd(4_800_000),
  expectedCloseDate: '2026-06-30',
  status: 'approved',
  submittedAt: '2026-02-02T14:00:00Z',
  approvalDueAt: '2026-02-04T14:00:00Z',
  decision: {
    outcome: 'approved',
    by: 'usr_xyz_sam',
    byName: 'Sam Carter',
    at: '2026-02-03T10:15:00Z',
    message: 'Approved: no conflicting registration.',
  },
  protection: {
    startsAt: '2026-02-03T10:15:00Z',
    endsAt: '2026-05-04T10:15:00Z',
    extensions: 0,
  },
  extension: {
    requestedAt: '2026-04-28T08:00:00Z',
    requestedBy: 'usr_abc_jane',
    reason: 'Acme moved its board approval to June.',
    status: 'granted',
    decidedAt: '2026-04-29T09:00:00Z',
    decidedBy: 'usr_xyz_sam',
  },
  conflicts: [],
  opportunityId: null,
  comments: [
    {
      id: 'cmt_1',
      authorId: 'usr_abc_jane',
      authorName: 'Jane Miller',
      body: 'Acme is replacing its ageing firewalls at four plants.',
      createdAt: '2026-02-02T14:00:00Z',
    },
  ],
  workNotes: [
    {
      id: 'wn_1',
      authorId: 'usr_xyz_sam',
      authorName: 'Sam Carter',
      body: 'Checked with the direct team: no open opportunity at Acme.',
      createdAt: '2026-02-03T10:10:00Z',
    },
  ],
  history: [
    { from: 'draft', to: 'submitted', by: 'usr_abc_jane', at: '2026-02-02T14:00:00Z' },
    {
      from: 'under_review',
      to: 'approved',
      by: 'usr_xyz_sam',
      byName: 'Sam Carter',
      at: '2026-02-03T10:15:00Z',
      message: 'Approved: no conflicting registration.',
    },
  ],
};

export const conflictCheck: ConflictCheck = {
  conflict: true,
  duplicate: false,
  matches: [
    {
      dealId: 'deal_northwind_acme',
      dealNumber: 'DR-000118',
      partnerId: 'ptn_northwind',
      partnerName: 'Northwind Integrators',
      status: 'under_review',
      matchedBy: ['company', 'domain'],
      productIds: ['prd_fw500'],
      duplicate: false,
    },
  ],
};

/** A live conflict pre-check while Jane edits the Acme registration. */
export const conflictCheckInput: ConflictCheckInput = {
  customer: { company: acme.company, domain: acme.domain },
  products: [{ productId: 'prd_fw500', quantity: 4 }],
  excludeId: 'deal_acme',
};

// ---------------------------------------------------------------- sales

export const product: Product = {
  ...record('prd_fw500'),
  sku: 'XYZ-FW-500',
  name: 'XYZ Firewall 500',
  description: 'Next-generation firewall appliance for mid-size sites.',
  family: 'security',
  listPrice: usd(1_000_000),
  unit: 'each',
  active: true,
};

export const opportunity: Opportunity = {
  ...record('opp_acme', 2),
  name: 'Acme Manufacturing — firewall refresh',
  partnerId: 'ptn_abc',
  customer: acme,
  stage: 'proposal',
  amount: usd(4_800_000),
  closeDate: '2026-06-30',
  ownerId: 'usr_abc_jane',
  dealRegistrationId: 'deal_acme',
  leadId: null,
  history: [
    { from: 'qualification', to: 'proposal', by: 'usr_abc_jane', at: '2026-03-01T12:00:00Z' },
  ],
};

export const quoteInput: QuoteInput = {
  partnerId: 'ptn_abc',
  opportunityId: 'opp_acme',
  dealRegistrationId: 'deal_acme',
  currency: 'USD',
  lines: [
    { productId: 'prd_fw500', quantity: 4, extraDiscountBps: 500 },
    { productId: 'prd_support', quantity: 4 },
  ],
  validUntil: '2026-05-31',
};

const quoteLines: Quote['lines'] = [
  {
    productId: 'prd_fw500',
    description: 'XYZ Firewall 500',
    quantity: 4,
    unitPrice: usd(1_000_000),
    listTotal: usd(4_000_000),
    discountBps: 2000,
    discount: usd(800_000),
    netTotal: usd(3_200_000),
  },
  {
    productId: 'prd_support',
    description: 'XYZ Premium Support, 1 year',
    quantity: 4,
    unitPrice: usd(200_000),
    listTotal: usd(800_000),
    discountBps: 2000,
    discount: usd(160_000),
    netTotal: usd(640_000),
  },
];

export const quote: Quote = {
  ...record('quo_acme', 2),
  number: 'Q-2026-0042',
  partnerId: 'ptn_abc',
  opportunityId: 'opp_acme',
  dealRegistrationId: 'deal_acme',
  currency: 'USD',
  lines: quoteLines,
  totals: { list: usd(4_800_000), discount: usd(960_000), net: usd(3_840_000) },
  status: 'accepted',
  validUntil: '2026-05-31',
  history: [{ from: 'sent', to: 'accepted', by: 'usr_abc_jane', at: '2026-03-10T15:00:00Z' }],
};

export const orderInput: OrderInput = {
  quoteId: 'quo_acme',
  purchaseOrderNumber: 'PO-ABC-2026-0042',
};

export const order: Order = {
  ...record('ord_acme'),
  number: 'SO-2026-0311',
  partnerId: 'ptn_abc',
  quoteId: 'quo_acme',
  purchaseOrderNumber: 'PO-ABC-2026-0042',
  lines: quoteLines,
  total: usd(3_840_000),
  status: 'processing',
  submittedAt: '2026-03-11T09:00:00Z',
  history: [{ from: 'submitted', to: 'processing', by: 'usr_xyz_ops', at: '2026-03-11T13:00:00Z' }],
};

// ---------------------------------------------------------------- support, leads, MDF

export const caseInput: CaseInput = {
  category: 'licensing',
  priority: 'high',
  subject: 'Licence keys for order SO-2026-0311 do not activate',
  description: 'Two of the four firewall licence keys return "already in use".',
  related: { type: 'order', id: 'ord_acme' },
};

export const supportCase: Case = {
  ...record('case_licence', 3),
  number: 'CS-0001024',
  partnerId: 'ptn_abc',
  raisedBy: 'usr_abc_jane',
  subject: caseInput.subject,
  description: caseInput.description,
  category: 'licensing',
  priority: 'high',
  status: 'in_progress',
  assigneeId: 'usr_xyz_alex',
  related: { type: 'order', id: 'ord_acme' },
  firstResponseDueAt: '2026-03-12T13:00:00Z',
  resolutionDueAt: '2026-03-13T17:00:00Z',
  firstRespondedAt: '2026-03-12T10:20:00Z',
  resolvedAt: null,
  comments: [
    {
      id: 'cmt_c1',
      authorId: 'usr_xyz_alex',
      authorName: 'Alex Kim',
      body: 'We are re-issuing the two keys now.',
      createdAt: '2026-03-12T10:20:00Z',
    },
  ],
  workNotes: [],
  history: [{ from: 'new', to: 'in_progress', by: 'usr_xyz_alex', at: '2026-03-12T10:20:00Z' }],
};

const globex = {
  company: 'Globex Corporation',
  domain: 'globex.com',
  country: 'CA',
  postalCode: 'M5V 2T6',
  contact: { name: 'Hank Scorpio', email: 'hank@globex.com' },
};

export const leadInput: LeadInput = {
  customer: globex,
  interest: 'Cloud security for 300 remote employees.',
  productIds: ['prd_cloud_edge'],
  estimatedValue: usd(9_000_000),
  partnerId: 'ptn_abc',
};

export const lead: Lead = {
  ...record('lead_globex', 2),
  number: 'LD-000077',
  customer: globex,
  interest: leadInput.interest,
  productIds: ['prd_cloud_edge'],
  estimatedValue: usd(9_000_000),
  status: 'assigned',
  partnerId: 'ptn_abc',
  assignedAt: '2026-03-05T08:00:00Z',
  declinedBy: [{ partnerId: 'ptn_northwind', reason: 'no_capacity', at: '2026-03-04T17:00:00Z' }],
  opportunityId: null,
  history: [{ from: 'unassigned', to: 'assigned', by: 'usr_xyz_sam', at: '2026-03-05T08:00:00Z' }],
};

export const mdfBudget: MdfBudget = {
  ...record('mdfb_2026q2_na'),
  name: 'FY2026 Q2 North America',
  period: { start: '2026-04-01', end: '2026-06-30' },
  amount: usd(50_000_000),
};

export const mdfAllocation: MdfAllocation = {
  ...record('mdfa_abc_2026q2', 2),
  budgetId: 'mdfb_2026q2_na',
  partnerId: 'ptn_abc',
  period: { start: '2026-04-01', end: '2026-06-30' },
  amount: usd(2_000_000),
  committed: usd(750_000),
  remaining: usd(1_250_000),
};

export const mdfRequestInput: MdfRequestInput = {
  allocationId: 'mdfa_abc_2026q2',
  activity: {
    name: 'Secure Cloud Roadshow — Chicago',
    type: 'event',
    description: 'Half-day customer event with XYZ engineers and live demos.',
    // A one-day event: end on the start date is allowed.
    period: { start: '2026-05-12', end: '2026-05-12' },
  },
  amount: usd(750_000),
};

export const mdfRequest: MdfRequest = {
  ...record('mdfr_roadshow', 2),
  number: 'MDF-R-0009',
  partnerId: 'ptn_abc',
  ...mdfRequestInput,
  status: 'approved',
  history: [{ from: 'submitted', to: 'approved', by: 'usr_xyz_sam', at: '2026-04-10T09:00:00Z' }],
};

export const mdfClaimInput: MdfClaimInput = {
  requestId: 'mdfr_roadshow',
  amount: usd(720_000),
  proof: [
    { name: 'Venue invoice', url: 'https://files.abcsystems.com/mdf/venue-invoice-0512.pdf' },
    { name: 'Attendee list', url: 'https://files.abcsystems.com/mdf/attendees-0512.csv' },
  ],
};

export const mdfClaim: MdfClaim = {
  ...record('mdfc_roadshow'),
  number: 'MDF-C-0004',
  partnerId: 'ptn_abc',
  ...mdfClaimInput,
  status: 'submitted',
  history: [{ from: null, to: 'submitted', by: 'usr_abc_jane', at: '2026-05-20T10:00:00Z' }],
};

export const activity: Activity = {
  id: 'act_1001',
  at: '2026-02-02T14:00:00Z',
  actorId: 'usr_abc_jane',
  actorName: 'Jane Miller',
  partnerId: 'ptn_abc',
  resource: 'deals',
  recordId: 'deal_acme',
  action: 'transitioned',
  summary: 'Submitted deal registration DR-000123 for Acme Manufacturing Inc.',
  from: 'draft',
  to: 'submitted',
};

export const money: Money = usd(4_800_000);

// ---------------------------------------------------------------- lists

/** A query for every resource that sets every filter field and every list option. */
export const listQuerySamples: { [R in keyof ListQueries]: ListQueries[R] } = {
  partners: {
    filter: {
      status: ['active', 'onboarding'],
      tier: ['gold', 'platinum'],
      region: ['north_america'],
      country: 'US',
      segmentId: 'seg_na_resellers',
      channelManagerId: 'usr_xyz_sam',
    },
    search: 'abc',
    sort: '-updatedAt',
    cursor: 'eyJpZCI6InB0bl9hYmMifQ',
    limit: 50,
  },
  users: { filter: { role: ['partner_admin'], partnerId: 'ptn_abc' }, sort: 'name' },
  programs: { filter: { status: ['active'] }, sort: '-createdAt' },
  memberships: {
    filter: { partnerId: 'ptn_abc', programId: 'prg_advantage', status: ['active'] },
    sort: 'renewsAt',
  },
  segments: { filter: { kind: ['market', 'tier'] }, sort: 'name' },
  deals: {
    filter: {
      status: ['submitted', 'under_review'],
      programId: 'prg_advantage',
      partnerId: 'ptn_abc',
      submittedBy: 'usr_abc_jane',
      createdFrom: '2026-01-01',
      createdTo: '2026-03-31',
      expiringWithinDays: 14,
    },
    search: 'acme',
    sort: '-estimatedValue',
    limit: 25,
  },
  opportunities: { filter: { stage: ['proposal'], partnerId: 'ptn_abc' }, sort: 'closeDate' },
  products: { filter: { family: 'security', active: true }, sort: 'listPrice' },
  quotes: {
    filter: { status: ['sent'], partnerId: 'ptn_abc', opportunityId: 'opp_acme' },
    sort: '-validUntil',
  },
  orders: { filter: { status: ['processing'], partnerId: 'ptn_abc' }, sort: '-number' },
  cases: {
    filter: {
      status: ['new', 'in_progress'],
      priority: ['high', 'critical'],
      category: ['licensing'],
      partnerId: 'ptn_abc',
      raisedBy: 'usr_abc_jane',
      assigneeId: 'usr_xyz_alex',
      unassigned: false,
      breached: true,
      createdFrom: '2026-03-01',
      createdTo: '2026-03-31',
    },
    sort: 'firstResponseDueAt',
    limit: 200,
  },
  leads: { filter: { status: ['assigned'], partnerId: 'ptn_abc' }, sort: '-createdAt' },
  mdfBudgets: { filter: {}, sort: 'name', limit: 1 },
  mdfAllocations: {
    filter: { partnerId: 'ptn_abc', budgetId: 'mdfb_2026q2_na' },
    sort: 'createdAt',
  },
  mdfRequests: {
    filter: { status: ['submitted'], partnerId: 'ptn_abc', allocationId: 'mdfa_abc_2026q2' },
    sort: 'number',
  },
  mdfClaims: {
    filter: { status: ['paid'], partnerId: 'ptn_abc', requestId: 'mdfr_roadshow' },
    sort: '-createdAt',
  },
  activities: {
    filter: { partnerId: 'ptn_abc', resource: 'deals', recordId: 'deal_acme' },
    sort: '-at',
  },
};

export const partnerPage: Page<Partner> = {
  items: [partner],
  nextCursor: 'eyJpZCI6InB0bl9hYmMifQ',
  total: 42,
};

// ---------------------------------------------------------------- dashboards

const sla = { breached: 1, firstResponse: 0, resolution: 1, caseIds: ['case_licence'] };

export const partnerMetrics: PartnerMetrics = {
  partnerId: 'ptn_abc',
  generatedAt: '2026-03-15T08:00:00Z',
  currency: 'USD',
  programs: [
    {
      key: 'prg_advantage',
      label: 'XYZ Partner Advantage',
      status: 'active',
      tierKey: 'gold',
      tierName: 'Gold',
      renewsAt: '2027-01-20T00:00:00Z',
      entitlements: [{ key: 'nfr', label: 'Not-for-resale licences', total: 10, used: 3 }],
      progress: {
        programId: 'prg_advantage',
        currentTierKey: 'gold',
        nextTierKey: 'platinum',
        nextTierName: 'Platinum',
        met: false,
        requirements: [
          {
            metric: 'won_revenue',
            label: 'Won revenue',
            target: 200_000_000,
            actual: 50_000_000,
            met: false,
            ratio: 0.25,
          },
        ],
      },
    },
  ],
  pipeline: [{ key: 'proposal', count: 1, amounts: [usd(4_800_000)] }],
  registeredPipeline: { count: 1, amounts: [usd(4_800_000)] },
  winRate: 0.5,
  registrations: [{ key: 'approved', value: 1 }],
  registeredValueByMonth: [{ key: '2026-02', label: 'Feb 2026', count: 1, amounts: [] }],
  averageDaysToApprove: 0.8,
  cases: [{ key: 'in_progress', value: 1 }],
  sla,
};

export const enterpriseMetrics: EnterpriseMetrics = {
  generatedAt: '2026-03-15T08:00:00Z',
  partnersByStatus: [{ key: 'active', value: 12 }],
  partnersByTier: [{ key: 'gold', value: 4 }],
  partnersBySegment: [{ key: 'seg_na_resellers', label: 'North American resellers', value: 7 }],
  membersByProgram: [{ key: 'prg_advantage', label: 'XYZ Partner Advantage', value: 10 }],
  engagement: {
    active30Days: 9,
    active90Days: 11,
    inactive90Days: 1,
    mostEngaged: [
      {
        key: 'ptn_abc',
        label: 'ABC Systems',
        last30Days: 14,
        last90Days: 40,
        lastActivityAt: '2026-03-14T17:00:00Z',
      },
    ],
    leastEngaged: [{ key: 'ptn_dormant', last30Days: 0, last90Days: 0, lastActivityAt: null }],
  },
  approvals: { waiting: 3, overdue: 1, oldestSubmittedAt: '2026-03-09T09:00:00Z' },
  averageDaysToApprove: null,
  casesByStatus: [{ key: 'new', value: 2 }],
  casesByPartner: [{ key: 'ptn_abc', label: 'ABC Systems', open: 1, breached: 1 }],
  sla,
  topPartnersByRegisteredValue: [
    {
      currency: 'USD',
      rows: [{ key: 'ptn_abc', label: 'ABC Systems', value: 4_800_000, count: 1 }],
    },
  ],
  conversionByProgram: [
    { key: 'prg_advantage', converted: 3, decided: 4, value: 0.75 },
    { key: 'prg_services', converted: 0, decided: 0, value: null },
  ],
};
