import { PrmError } from '../errors.js';
import type { ResourceName } from '../schemas/activity.js';
import { isPartnerRole } from '../schemas/values.js';
import type { Role, Viewer } from '../schemas/viewer.js';
import { humanize, nounsOf, upperFirst, withArticle } from './internal.js';

/**
 * Everything a viewer may be allowed to do, as `resource.verb`. `transition` is "change this
 * record's status at all"; which moves a role may make is in `TRANSITIONS`. There is no
 * `delete`: records end in a status (withdrawn, rejected, cancelled …) and catalog records
 * (programs, segments, products, MDF budgets) are removed under `manage`.
 */
export const ACTIONS = [
  'partners.read',
  'partners.create',
  // Profile fields a partner keeps up to date: name, website, contacts, …
  'partners.update',
  // Enterprise-owned fields: tier, channel manager, onboarding checklist, certifications.
  'partners.manage',
  'partners.transition',
  'partners.manageUsers',
  'users.read',
  'programs.read',
  // Create and edit programs, their tiers and rules.
  'programs.manage',
  'programs.transition',
  'memberships.read',
  'memberships.apply',
  // Change a membership's tier or entitlements.
  'memberships.update',
  // Approve or reject an application; suspend and reinstate.
  'memberships.decide',
  'memberships.transition',
  'segments.read',
  // Create and edit segments and their program links.
  'segments.manage',
  'deals.read',
  'deals.create',
  'deals.update',
  'deals.transition',
  'deals.comment',
  // Approve, reject or return a registration; see conflicts with other partners.
  'deals.review',
  'deals.convert',
  // Request an extension of the protection window.
  'deals.extend',
  'deals.decideExtension',
  // Read and write enterprise-only work notes.
  'deals.workNotes',
  'opportunities.read',
  'opportunities.create',
  'opportunities.update',
  'opportunities.transition',
  'products.read',
  'products.manage',
  'quotes.read',
  'quotes.create',
  'quotes.update',
  'quotes.transition',
  'orders.read',
  'orders.create',
  'orders.transition',
  'cases.read',
  'cases.create',
  'cases.update',
  'cases.transition',
  'cases.comment',
  'cases.assign',
  'cases.workNotes',
  'leads.read',
  'leads.create',
  // Assign, recall and reassign leads to partners.
  'leads.distribute',
  'leads.transition',
  'mdfBudgets.read',
  'mdfBudgets.manage',
  'mdfAllocations.read',
  'mdfAllocations.manage',
  'mdfRequests.read',
  'mdfRequests.create',
  'mdfRequests.update',
  'mdfRequests.transition',
  // Approve or reject a fund request.
  'mdfRequests.decide',
  'mdfClaims.read',
  'mdfClaims.create',
  'mdfClaims.transition',
  // Approve or reject a claim.
  'mdfClaims.decide',
  'activities.read',
] as const satisfies readonly `${ResourceName}.${string}`[];
export type Action = (typeof ACTIONS)[number];

/**
 * How far a role's right reaches:
 * - `all`: every record;
 * - `partner`: records of the viewer's own partner;
 * - `own`: records of the viewer's own partner that the viewer submitted or raised;
 * - `assigned`: records of partners whose channel manager is the viewer;
 * - `assignedOrPool`: those, and records of no partner yet (unassigned leads, enterprise users).
 */
export type Reach = 'all' | 'partner' | 'own' | 'assigned' | 'assignedOrPool';

/** One role's rights: the actions it may take and how far each reaches; a missing action is denied. */
export type RoleCapabilities = Readonly<Partial<Record<Action, Reach>>>;

/**
 * The record an action is about. `partnerId` is the partner it belongs to (`null` for catalog
 * records and unassigned leads), `ownerId` the user who submitted or raised it,
 * `channelManagerId` the enterprise owner of the record's partner.
 */
export interface RecordScope {
  partnerId: string | null;
  ownerId?: string | null | undefined;
  channelManagerId?: string | null | undefined;
}

/**
 * The filter a backend applies to a list for one viewer; `ownerId` means the submitter or
 * raiser field (`submittedBy` of deals, `raisedBy` of cases), `channelManagerId` the channel
 * manager of each record's partner, and `includeWithoutPartner` also admits records whose
 * `partnerId` is `null`.
 */
export type ListScope =
  | 'all'
  | 'none'
  | { readonly partnerId: string; readonly ownerId?: string }
  | { readonly channelManagerId: string; readonly includeWithoutPartner?: true };

/** The fields of a viewer that rights depend on; a whole `Viewer` fits. */
export type CapabilityViewer = Pick<Viewer, 'userId' | 'role' | 'partnerId'>;

const CATALOG_READ = {
  'programs.read': 'all',
  'segments.read': 'all',
  'products.read': 'all',
} as const satisfies RoleCapabilities;

/** What a partner manager does across its partner; the partner admin does this and more. */
const partnerManager: RoleCapabilities = {
  ...CATALOG_READ,
  'partners.read': 'partner',
  'users.read': 'partner',
  'memberships.read': 'partner',
  'deals.read': 'partner',
  'deals.create': 'partner',
  'deals.update': 'partner',
  'deals.transition': 'partner',
  'deals.comment': 'partner',
  'deals.convert': 'partner',
  'deals.extend': 'partner',
  'opportunities.read': 'partner',
  'opportunities.create': 'partner',
  'opportunities.update': 'partner',
  'opportunities.transition': 'partner',
  'quotes.read': 'partner',
  'quotes.create': 'partner',
  'quotes.update': 'partner',
  'quotes.transition': 'partner',
  'orders.read': 'partner',
  'orders.create': 'partner',
  'orders.transition': 'partner',
  'cases.read': 'partner',
  'cases.create': 'partner',
  'cases.update': 'partner',
  'cases.transition': 'partner',
  'cases.comment': 'partner',
  'leads.read': 'partner',
  'leads.transition': 'partner',
  'mdfAllocations.read': 'partner',
  'mdfRequests.read': 'partner',
  'mdfClaims.read': 'partner',
  'activities.read': 'partner',
};

/** The partner admin: everything of its own partner — profile, users, enrollments, funds. */
const partnerAdmin: RoleCapabilities = {
  ...partnerManager,
  'partners.update': 'partner',
  'partners.manageUsers': 'partner',
  'memberships.apply': 'partner',
  'memberships.transition': 'partner',
  'mdfRequests.create': 'partner',
  'mdfRequests.update': 'partner',
  'mdfRequests.transition': 'partner',
  'mdfClaims.create': 'partner',
};

const partnerAssociate: RoleCapabilities = {
  ...CATALOG_READ,
  'partners.read': 'partner',
  'memberships.read': 'partner',
  // A new record is the creator's own by definition.
  'deals.create': 'partner',
  'deals.read': 'own',
  'deals.update': 'own',
  'deals.transition': 'own',
  'deals.comment': 'own',
  'deals.convert': 'own',
  'deals.extend': 'own',
  'cases.create': 'partner',
  'cases.read': 'own',
  'cases.update': 'own',
  'cases.transition': 'own',
  'cases.comment': 'own',
};

const channelManager: RoleCapabilities = {
  ...CATALOG_READ,
  'partners.read': 'assigned',
  'partners.update': 'assigned',
  'partners.manage': 'assigned',
  'partners.transition': 'assigned',
  'users.read': 'assignedOrPool',
  'memberships.read': 'assigned',
  'memberships.apply': 'assigned',
  'memberships.update': 'assigned',
  'memberships.decide': 'assigned',
  'memberships.transition': 'assigned',
  'deals.read': 'assigned',
  'deals.transition': 'assigned',
  'deals.comment': 'assigned',
  'deals.review': 'assigned',
  'deals.convert': 'assigned',
  'deals.decideExtension': 'assigned',
  'deals.workNotes': 'assigned',
  'opportunities.read': 'assigned',
  'quotes.read': 'assigned',
  'orders.read': 'assigned',
  'cases.read': 'assigned',
  'cases.create': 'assigned',
  'cases.comment': 'assigned',
  'cases.workNotes': 'assigned',
  'leads.read': 'assignedOrPool',
  'leads.create': 'assignedOrPool',
  'leads.distribute': 'assignedOrPool',
  'leads.transition': 'assignedOrPool',
  'mdfBudgets.read': 'all',
  'mdfAllocations.read': 'assigned',
  'mdfRequests.read': 'assigned',
  'mdfRequests.transition': 'assigned',
  'mdfRequests.decide': 'assigned',
  'mdfClaims.read': 'assigned',
  'mdfClaims.transition': 'assigned',
  'mdfClaims.decide': 'assigned',
  'activities.read': 'assigned',
};

const programAdmin: RoleCapabilities = {
  ...CATALOG_READ,
  'partners.read': 'all',
  'programs.manage': 'all',
  'programs.transition': 'all',
  'memberships.read': 'all',
  'segments.manage': 'all',
  'mdfBudgets.read': 'all',
};

const supportAgent: RoleCapabilities = {
  ...CATALOG_READ,
  'partners.read': 'all',
  'users.read': 'all',
  'memberships.read': 'all',
  'cases.read': 'all',
  'cases.create': 'all',
  'cases.update': 'all',
  'cases.transition': 'all',
  'cases.comment': 'all',
  'cases.assign': 'all',
  'cases.workNotes': 'all',
  'activities.read': 'all',
};

const enterpriseAdmin: RoleCapabilities = Object.fromEntries(
  ACTIONS.map((action): [Action, Reach] => [action, 'all']),
);

/**
 * The role → capability matrix of DESIGN.md ("Roles and what they may do") as data. Products,
 * programs and segments are readable by everyone signed in; the enterprise admin may do
 * everything. Partner-side reaches never cross the viewer's own partner.
 */
export const CAPABILITIES: Readonly<Record<Role, RoleCapabilities>> = {
  partner_admin: partnerAdmin,
  partner_manager: partnerManager,
  partner_associate: partnerAssociate,
  channel_manager: channelManager,
  program_admin: programAdmin,
  support_agent: supportAgent,
  enterprise_admin: enterpriseAdmin,
};

function reachOf(role: Role, action: string): Reach | undefined {
  if (!Object.hasOwn(CAPABILITIES, role)) return undefined;
  const rights: Readonly<Partial<Record<string, Reach>>> = CAPABILITIES[role];
  return Object.hasOwn(rights, action) ? rights[action] : undefined;
}

/**
 * May `viewer` take `action` on the record described by `scope`? Without a scope: may it take
 * this action on some record of this kind (to show or hide a button or menu). A partner-side
 * viewer is refused anything on another partner's record, whatever the action.
 */
export function can(viewer: CapabilityViewer, action: Action, scope?: RecordScope): boolean {
  const reach = reachOf(viewer.role, action);
  if (reach === undefined) return false;
  if (isPartnerRole(viewer.role)) {
    // A partner-side viewer without a partner is malformed: trust it with nothing.
    if (viewer.partnerId === null) return false;
    if (scope && scope.partnerId !== null && scope.partnerId !== viewer.partnerId) return false;
  }
  if (scope === undefined) return true;
  switch (reach) {
    case 'all':
      return true;
    case 'partner':
      return scope.partnerId === viewer.partnerId;
    case 'own':
      return scope.partnerId === viewer.partnerId && scope.ownerId === viewer.userId;
    case 'assigned':
      return scope.channelManagerId === viewer.userId;
    case 'assignedOrPool':
      return scope.partnerId === null || scope.channelManagerId === viewer.userId;
  }
}

/** Like `can`, but throws a `forbidden` `PrmError` with a message for people instead of returning false. */
export function assertCan(viewer: CapabilityViewer, action: Action, scope?: RecordScope): void {
  if (can(viewer, action, scope)) return;
  const dot = action.indexOf('.');
  const resource = action.slice(0, dot);
  const verb = action.slice(dot + 1);
  const [one, many] = nounsOf(resource);
  const object = scope === undefined ? many : `this ${one}`;
  const who = upperFirst(withArticle(humanize(viewer.role)));
  throw new PrmError('forbidden', `${who} may not ${VERBS[verb] ?? verb} ${object}.`);
}

/**
 * The filter a backend must apply when `viewer` lists `resource`: the list form of
 * `can(viewer, '<resource>.read', scope)`, so backend and components share one definition.
 */
export function listScope(viewer: CapabilityViewer, resource: ResourceName): ListScope {
  const reach = reachOf(viewer.role, `${resource}.read`);
  if (reach === undefined) return 'none';
  const { partnerId, userId } = viewer;
  if (isPartnerRole(viewer.role)) {
    if (partnerId === null) return 'none';
    if (reach === 'own') return { partnerId, ownerId: userId };
    if (reach === 'partner') return { partnerId };
  }
  if (reach === 'assigned') return { channelManagerId: userId };
  if (reach === 'assignedOrPool') return { channelManagerId: userId, includeWithoutPartner: true };
  // `partner` and `own` reach only a partner's people: anyone else gets nothing.
  return reach === 'all' ? 'all' : 'none';
}

const VERBS: Readonly<Partial<Record<string, string>>> = {
  read: 'see',
  create: 'create',
  update: 'edit',
  manage: 'manage',
  transition: 'change the status of',
  comment: 'comment on',
  manageUsers: 'manage the users of',
  apply: 'apply for',
  decide: 'decide on',
  review: 'review',
  convert: 'convert',
  extend: 'request an extension of',
  decideExtension: 'decide on an extension of',
  workNotes: 'use the work notes of',
  assign: 'assign',
  distribute: 'distribute',
};

/**
 * Partner fields only the enterprise sets (`partners.manage`): a partner admin keeps its
 * profile up to date (`partners.update`) but cannot raise its own tier.
 */
export const ENTERPRISE_PARTNER_FIELDS = [
  'tier',
  'channelManagerId',
  'onboarding',
  'certifications',
] as const;

const PARTNER_FIELD_LABELS: Record<(typeof ENTERPRISE_PARTNER_FIELDS)[number], string> = {
  tier: 'tier',
  channelManagerId: 'channel manager',
  onboarding: 'onboarding checklist',
  certifications: 'certification count',
};

/**
 * Checks an edit of a partner record field by field: `partners.update` for the profile, and
 * `partners.manage` as well when the patch touches an `ENTERPRISE_PARTNER_FIELDS` field.
 * Throws `forbidden` naming the first such field.
 */
export function assertCanPatchPartner(
  viewer: CapabilityViewer,
  patch: object,
  scope: RecordScope,
): void {
  assertCan(viewer, 'partners.update', scope);
  const managed = ENTERPRISE_PARTNER_FIELDS.find((field) => Object.hasOwn(patch, field));
  if (managed !== undefined && !can(viewer, 'partners.manage', scope)) {
    throw new PrmError(
      'forbidden',
      `Only the enterprise may change a partner's ${PARTNER_FIELD_LABELS[managed]}.`,
      { fields: [{ path: managed, message: 'Only the enterprise may change this.' }] },
    );
  }
}
