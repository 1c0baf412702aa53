import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { PrmError } from '../../src/errors.js';
import type { ResourceName } from '../../src/schemas/activity.js';
import type { Role } from '../../src/schemas/viewer.js';
import { PARTNER_ROLES, RESOURCES, ROLES } from '../../src/schemas/values.js';
import {
  ACTIONS,
  CAPABILITIES,
  assertCan,
  assertCanPatchPartner,
  can,
  listScope,
  type Action,
  type CapabilityViewer,
  type ListScope,
  type RecordScope,
} from '../../src/rules/capabilities.js';
import { STATEFUL_RESOURCES, TRANSITIONS } from '../../src/rules/transitions.js';

// Partner p-1 is looked after by channel manager cm-1, p-2 by cm-2; p-3 has no channel manager.
const VIEWERS: Record<string, CapabilityViewer> = {
  admin: { userId: 'pa-1', role: 'partner_admin', partnerId: 'p-1' },
  manager: { userId: 'pm-1', role: 'partner_manager', partnerId: 'p-1' },
  associate: { userId: 'as-1', role: 'partner_associate', partnerId: 'p-1' },
  channel: { userId: 'cm-1', role: 'channel_manager', partnerId: null },
  program: { userId: 'pr-1', role: 'program_admin', partnerId: null },
  support: { userId: 'sa-1', role: 'support_agent', partnerId: null },
  enterprise: { userId: 'ea-1', role: 'enterprise_admin', partnerId: null },
};
const viewer = (key: keyof typeof VIEWERS): CapabilityViewer => VIEWERS[key]!;

const OWN: RecordScope = { partnerId: 'p-1', ownerId: 'as-1', channelManagerId: 'cm-1' };
const COLLEAGUES: RecordScope = { partnerId: 'p-1', ownerId: 'as-2', channelManagerId: 'cm-1' };
const P1_NO_OWNER: RecordScope = { partnerId: 'p-1', channelManagerId: 'cm-1' };
const OTHER_PARTNER: RecordScope = { partnerId: 'p-2', ownerId: 'as-1', channelManagerId: 'cm-2' };
const NO_MANAGER: RecordScope = { partnerId: 'p-3', ownerId: null, channelManagerId: null };
const CATALOG: RecordScope = { partnerId: null };

/** `undefined` scope is the "no scope" form: may the viewer do this to some record of this kind? */
const cases: {
  viewer: keyof typeof VIEWERS;
  action: Action;
  scope?: RecordScope;
  expected: boolean;
}[] = [
  // partner_associate: only its own deals and cases; reads its partner's profile and programs.
  { viewer: 'associate', action: 'deals.read', scope: OWN, expected: true },
  { viewer: 'associate', action: 'deals.read', scope: COLLEAGUES, expected: false },
  { viewer: 'associate', action: 'deals.read', scope: P1_NO_OWNER, expected: false },
  { viewer: 'associate', action: 'deals.read', expected: true },
  { viewer: 'associate', action: 'deals.update', scope: OWN, expected: true },
  { viewer: 'associate', action: 'deals.update', scope: COLLEAGUES, expected: false },
  { viewer: 'associate', action: 'deals.transition', scope: COLLEAGUES, expected: false },
  { viewer: 'associate', action: 'deals.convert', scope: OWN, expected: true },
  { viewer: 'associate', action: 'deals.extend', scope: OWN, expected: true },
  { viewer: 'associate', action: 'deals.create', scope: P1_NO_OWNER, expected: true },
  { viewer: 'associate', action: 'deals.review', scope: OWN, expected: false },
  { viewer: 'associate', action: 'deals.workNotes', scope: OWN, expected: false },
  { viewer: 'associate', action: 'cases.read', scope: OWN, expected: true },
  { viewer: 'associate', action: 'cases.comment', scope: OWN, expected: true },
  { viewer: 'associate', action: 'cases.comment', scope: COLLEAGUES, expected: false },
  { viewer: 'associate', action: 'cases.create', scope: P1_NO_OWNER, expected: true },
  { viewer: 'associate', action: 'cases.workNotes', scope: OWN, expected: false },
  { viewer: 'associate', action: 'partners.read', scope: P1_NO_OWNER, expected: true },
  { viewer: 'associate', action: 'partners.update', scope: P1_NO_OWNER, expected: false },
  { viewer: 'associate', action: 'memberships.read', scope: P1_NO_OWNER, expected: true },
  { viewer: 'associate', action: 'memberships.apply', scope: P1_NO_OWNER, expected: false },
  { viewer: 'associate', action: 'programs.read', scope: CATALOG, expected: true },
  { viewer: 'associate', action: 'opportunities.read', scope: OWN, expected: false },
  { viewer: 'associate', action: 'quotes.read', expected: false },
  { viewer: 'associate', action: 'orders.create', expected: false },
  { viewer: 'associate', action: 'leads.read', expected: false },
  { viewer: 'associate', action: 'users.read', expected: false },
  { viewer: 'associate', action: 'activities.read', expected: false },
  // partner_manager: all deals, opportunities, quotes, orders, cases of its partner; reads profile and programs.
  { viewer: 'manager', action: 'deals.read', scope: COLLEAGUES, expected: true },
  { viewer: 'manager', action: 'deals.update', scope: COLLEAGUES, expected: true },
  { viewer: 'manager', action: 'deals.review', scope: COLLEAGUES, expected: false },
  { viewer: 'manager', action: 'opportunities.transition', scope: P1_NO_OWNER, expected: true },
  { viewer: 'manager', action: 'quotes.create', scope: P1_NO_OWNER, expected: true },
  { viewer: 'manager', action: 'orders.transition', scope: P1_NO_OWNER, expected: true },
  { viewer: 'manager', action: 'cases.transition', scope: COLLEAGUES, expected: true },
  { viewer: 'manager', action: 'leads.transition', scope: P1_NO_OWNER, expected: true },
  { viewer: 'manager', action: 'partners.read', scope: P1_NO_OWNER, expected: true },
  { viewer: 'manager', action: 'partners.update', scope: P1_NO_OWNER, expected: false },
  { viewer: 'manager', action: 'partners.manageUsers', expected: false },
  { viewer: 'manager', action: 'memberships.apply', expected: false },
  { viewer: 'manager', action: 'mdfRequests.read', scope: P1_NO_OWNER, expected: true },
  { viewer: 'manager', action: 'mdfRequests.create', expected: false },
  // partner_admin: everything of its own partner, nothing of the enterprise's.
  { viewer: 'admin', action: 'partners.update', scope: P1_NO_OWNER, expected: true },
  { viewer: 'admin', action: 'partners.manageUsers', scope: P1_NO_OWNER, expected: true },
  { viewer: 'admin', action: 'users.read', scope: P1_NO_OWNER, expected: true },
  { viewer: 'admin', action: 'memberships.apply', scope: P1_NO_OWNER, expected: true },
  { viewer: 'admin', action: 'memberships.transition', scope: P1_NO_OWNER, expected: true },
  { viewer: 'admin', action: 'deals.update', scope: COLLEAGUES, expected: true },
  { viewer: 'admin', action: 'mdfRequests.transition', scope: P1_NO_OWNER, expected: true },
  { viewer: 'admin', action: 'mdfClaims.create', scope: P1_NO_OWNER, expected: true },
  { viewer: 'admin', action: 'partners.manage', scope: P1_NO_OWNER, expected: false },
  { viewer: 'admin', action: 'partners.transition', scope: P1_NO_OWNER, expected: false },
  { viewer: 'admin', action: 'memberships.decide', scope: P1_NO_OWNER, expected: false },
  { viewer: 'admin', action: 'deals.review', expected: false },
  { viewer: 'admin', action: 'cases.assign', expected: false },
  { viewer: 'admin', action: 'leads.distribute', expected: false },
  { viewer: 'admin', action: 'mdfClaims.decide', expected: false },
  { viewer: 'admin', action: 'mdfBudgets.read', expected: false },
  { viewer: 'admin', action: 'programs.manage', expected: false },
  { viewer: 'admin', action: 'segments.manage', expected: false },
  // partner users on unassigned leads and enterprise users (partnerId null): not theirs.
  { viewer: 'admin', action: 'leads.read', scope: CATALOG, expected: false },
  { viewer: 'admin', action: 'users.read', scope: CATALOG, expected: false },
  // channel_manager: its assigned partners' records, memberships, deal approval, conversion.
  { viewer: 'channel', action: 'deals.review', scope: COLLEAGUES, expected: true },
  { viewer: 'channel', action: 'deals.review', scope: OTHER_PARTNER, expected: false },
  { viewer: 'channel', action: 'deals.review', scope: NO_MANAGER, expected: false },
  { viewer: 'channel', action: 'deals.review', scope: { partnerId: 'p-1' }, expected: false },
  { viewer: 'channel', action: 'deals.review', expected: true },
  { viewer: 'channel', action: 'deals.convert', scope: OWN, expected: true },
  { viewer: 'channel', action: 'deals.convert', scope: OTHER_PARTNER, expected: false },
  { viewer: 'channel', action: 'deals.decideExtension', scope: OWN, expected: true },
  { viewer: 'channel', action: 'deals.workNotes', scope: OWN, expected: true },
  { viewer: 'channel', action: 'deals.update', scope: OWN, expected: false },
  { viewer: 'channel', action: 'deals.create', expected: false },
  { viewer: 'channel', action: 'memberships.decide', scope: P1_NO_OWNER, expected: true },
  { viewer: 'channel', action: 'memberships.decide', scope: OTHER_PARTNER, expected: false },
  { viewer: 'channel', action: 'partners.read', scope: P1_NO_OWNER, expected: true },
  { viewer: 'channel', action: 'partners.read', scope: OTHER_PARTNER, expected: false },
  { viewer: 'channel', action: 'partners.transition', scope: NO_MANAGER, expected: false },
  { viewer: 'channel', action: 'partners.manage', scope: P1_NO_OWNER, expected: true },
  { viewer: 'channel', action: 'partners.create', expected: false },
  { viewer: 'channel', action: 'partners.manageUsers', scope: P1_NO_OWNER, expected: false },
  { viewer: 'channel', action: 'quotes.read', scope: P1_NO_OWNER, expected: true },
  { viewer: 'channel', action: 'quotes.update', scope: P1_NO_OWNER, expected: false },
  { viewer: 'channel', action: 'cases.read', scope: OWN, expected: true },
  { viewer: 'channel', action: 'cases.transition', scope: OWN, expected: false },
  { viewer: 'channel', action: 'cases.assign', expected: false },
  { viewer: 'channel', action: 'leads.distribute', scope: CATALOG, expected: true },
  { viewer: 'channel', action: 'leads.distribute', scope: P1_NO_OWNER, expected: true },
  { viewer: 'channel', action: 'leads.distribute', scope: OTHER_PARTNER, expected: false },
  { viewer: 'channel', action: 'users.read', scope: CATALOG, expected: true },
  { viewer: 'channel', action: 'mdfRequests.decide', scope: P1_NO_OWNER, expected: true },
  { viewer: 'channel', action: 'mdfClaims.decide', scope: OTHER_PARTNER, expected: false },
  { viewer: 'channel', action: 'mdfBudgets.read', scope: CATALOG, expected: true },
  { viewer: 'channel', action: 'mdfBudgets.manage', expected: false },
  { viewer: 'channel', action: 'products.read', scope: CATALOG, expected: true },
  { viewer: 'channel', action: 'segments.read', scope: CATALOG, expected: true },
  { viewer: 'channel', action: 'segments.manage', expected: false },
  { viewer: 'channel', action: 'programs.manage', expected: false },
  // program_admin: programs, tiers, segments and their links.
  { viewer: 'program', action: 'programs.manage', scope: CATALOG, expected: true },
  { viewer: 'program', action: 'programs.transition', scope: CATALOG, expected: true },
  { viewer: 'program', action: 'segments.manage', scope: CATALOG, expected: true },
  { viewer: 'program', action: 'partners.read', scope: OTHER_PARTNER, expected: true },
  { viewer: 'program', action: 'partners.update', scope: OTHER_PARTNER, expected: false },
  { viewer: 'program', action: 'memberships.decide', scope: P1_NO_OWNER, expected: false },
  { viewer: 'program', action: 'deals.read', expected: false },
  { viewer: 'program', action: 'cases.read', expected: false },
  { viewer: 'program', action: 'products.manage', expected: false },
  // support_agent: cases (assign, status, comment, work notes) and reads partners.
  { viewer: 'support', action: 'cases.assign', scope: OTHER_PARTNER, expected: true },
  { viewer: 'support', action: 'cases.transition', scope: NO_MANAGER, expected: true },
  { viewer: 'support', action: 'cases.comment', scope: OWN, expected: true },
  { viewer: 'support', action: 'cases.workNotes', scope: OWN, expected: true },
  { viewer: 'support', action: 'partners.read', scope: OTHER_PARTNER, expected: true },
  { viewer: 'support', action: 'partners.update', scope: OTHER_PARTNER, expected: false },
  { viewer: 'support', action: 'deals.read', scope: OWN, expected: false },
  { viewer: 'support', action: 'deals.workNotes', expected: false },
  { viewer: 'support', action: 'programs.manage', expected: false },
  // enterprise_admin: everything, on any record.
  { viewer: 'enterprise', action: 'deals.review', scope: NO_MANAGER, expected: true },
  { viewer: 'enterprise', action: 'partners.create', expected: true },
  { viewer: 'enterprise', action: 'partners.manageUsers', scope: CATALOG, expected: true },
];

describe('can', () => {
  for (const c of cases) {
    const where = c.scope === undefined ? 'no scope' : JSON.stringify(c.scope);
    it(`${c.viewer} ${c.action} on ${where} → ${String(c.expected)}`, () => {
      assert.equal(can(viewer(c.viewer), c.action, c.scope), c.expected);
    });
  }

  // Tenant isolation: whatever the action, whatever else the scope says.
  for (const role of PARTNER_ROLES) {
    it(`${role} can do nothing to another partner's record, for every action`, () => {
      const partnerViewer = { userId: 'u-1', role, partnerId: 'p-1' };
      for (const action of ACTIONS) {
        for (const scope of [
          { partnerId: 'p-2' },
          { partnerId: 'p-2', ownerId: 'u-1', channelManagerId: 'u-1' },
          { partnerId: 'P-1' },
        ]) {
          assert.equal(
            can(partnerViewer, action, scope),
            false,
            `${action} ${JSON.stringify(scope)}`,
          );
        }
      }
    });
  }

  it('every role reads products, programs and segments, with or without a scope', () => {
    for (const role of ROLES) {
      const v = {
        userId: 'u-1',
        role,
        partnerId: PARTNER_ROLES.includes(role as never) ? 'p-1' : null,
      };
      for (const action of ['products.read', 'programs.read', 'segments.read'] as const) {
        assert.equal(can(v, action), true, `${role} ${action}`);
        assert.equal(can(v, action, CATALOG), true, `${role} ${action} catalog`);
      }
    }
  });

  it('the enterprise admin may take every action on every record', () => {
    for (const action of ACTIONS) {
      for (const scope of [undefined, OWN, OTHER_PARTNER, NO_MANAGER, CATALOG]) {
        assert.equal(can(viewer('enterprise'), action, scope), true, action);
      }
    }
  });

  it('a partner-side viewer without a partner is trusted with nothing', () => {
    for (const role of PARTNER_ROLES) {
      for (const action of ACTIONS) {
        assert.equal(
          can({ userId: 'u-1', role, partnerId: null }, action),
          false,
          `${role} ${action}`,
        );
        assert.equal(can({ userId: 'u-1', role, partnerId: null }, action, CATALOG), false);
      }
    }
  });

  it('refuses actions and roles it does not know', () => {
    const loose = can as unknown as (v: unknown, action: string, scope?: RecordScope) => boolean;
    assert.equal(loose(viewer('enterprise'), 'deals.delete'), false);
    assert.equal(loose(viewer('enterprise'), 'constructor'), false);
    assert.equal(loose({ userId: 'x', role: 'root', partnerId: null }, 'deals.read'), false);
    assert.equal(loose({ userId: 'x', role: 'toString', partnerId: null }, 'deals.read'), false);
  });
});

describe('assertCan', () => {
  const messages: {
    viewer: keyof typeof VIEWERS;
    action: Action;
    scope?: RecordScope;
    message: string;
  }[] = [
    {
      viewer: 'associate',
      action: 'deals.read',
      scope: COLLEAGUES,
      message: 'A partner associate may not see this deal registration.',
    },
    {
      viewer: 'manager',
      action: 'partners.manageUsers',
      message: 'A partner manager may not manage the users of partners.',
    },
    {
      viewer: 'admin',
      action: 'deals.review',
      scope: OWN,
      message: 'A partner admin may not review this deal registration.',
    },
    {
      viewer: 'admin',
      action: 'opportunities.read',
      scope: OTHER_PARTNER,
      message: 'A partner admin may not see this opportunity.',
    },
    {
      viewer: 'support',
      action: 'deals.workNotes',
      message: 'A support agent may not use the work notes of deal registrations.',
    },
    {
      viewer: 'program',
      action: 'mdfRequests.decide',
      scope: P1_NO_OWNER,
      message: 'A program admin may not decide on this fund request.',
    },
    {
      viewer: 'channel',
      action: 'memberships.apply',
      scope: OTHER_PARTNER,
      message: 'A channel manager may not apply for this program membership.',
    },
  ];
  for (const c of messages) {
    it(`${c.viewer} ${c.action}: "${c.message}"`, () => {
      assert.throws(
        () => assertCan(viewer(c.viewer), c.action, c.scope),
        (error: unknown) =>
          error instanceof PrmError && error.code === 'forbidden' && error.message === c.message,
      );
    });
  }

  it('returns quietly when allowed', () => {
    assert.doesNotThrow(() => assertCan(viewer('associate'), 'deals.update', OWN));
    assert.doesNotThrow(() => assertCan(viewer('channel'), 'deals.review'));
  });

  it('words every action in plain English', () => {
    const nobody = { userId: 'u-1', role: 'partner_admin' as const, partnerId: null };
    for (const action of ACTIONS) {
      for (const scope of [undefined, OWN]) {
        assert.throws(
          () => assertCan(nobody, action, scope),
          (error: unknown) =>
            error instanceof PrmError &&
            /^A partner admin may not [a-z ]+ (this )?[A-Za-z ]+\.$/.test(error.message),
          action,
        );
      }
    }
  });

  it('still says something readable for an unknown action', () => {
    const loose = assertCan as unknown as (v: CapabilityViewer, action: string) => void;
    assert.throws(() => loose(viewer('enterprise'), 'widgets.polish'), {
      code: 'forbidden',
      message: 'An enterprise admin may not polish widgets.',
    });
  });
});

describe('listScope', () => {
  const scopes: { viewer: keyof typeof VIEWERS; resource: ResourceName; expected: ListScope }[] = [
    { viewer: 'admin', resource: 'deals', expected: { partnerId: 'p-1' } },
    { viewer: 'admin', resource: 'users', expected: { partnerId: 'p-1' } },
    { viewer: 'admin', resource: 'programs', expected: 'all' },
    { viewer: 'admin', resource: 'mdfBudgets', expected: 'none' },
    { viewer: 'manager', resource: 'cases', expected: { partnerId: 'p-1' } },
    { viewer: 'manager', resource: 'activities', expected: { partnerId: 'p-1' } },
    { viewer: 'associate', resource: 'deals', expected: { partnerId: 'p-1', ownerId: 'as-1' } },
    { viewer: 'associate', resource: 'cases', expected: { partnerId: 'p-1', ownerId: 'as-1' } },
    { viewer: 'associate', resource: 'partners', expected: { partnerId: 'p-1' } },
    { viewer: 'associate', resource: 'memberships', expected: { partnerId: 'p-1' } },
    { viewer: 'associate', resource: 'products', expected: 'all' },
    { viewer: 'associate', resource: 'opportunities', expected: 'none' },
    { viewer: 'associate', resource: 'activities', expected: 'none' },
    { viewer: 'channel', resource: 'partners', expected: { channelManagerId: 'cm-1' } },
    { viewer: 'channel', resource: 'deals', expected: { channelManagerId: 'cm-1' } },
    {
      viewer: 'channel',
      resource: 'leads',
      expected: { channelManagerId: 'cm-1', includeWithoutPartner: true },
    },
    { viewer: 'channel', resource: 'segments', expected: 'all' },
    { viewer: 'channel', resource: 'mdfBudgets', expected: 'all' },
    { viewer: 'program', resource: 'partners', expected: 'all' },
    { viewer: 'program', resource: 'deals', expected: 'none' },
    { viewer: 'support', resource: 'cases', expected: 'all' },
    { viewer: 'support', resource: 'quotes', expected: 'none' },
    { viewer: 'enterprise', resource: 'mdfClaims', expected: 'all' },
  ];
  for (const c of scopes) {
    it(`${c.viewer} lists ${c.resource} → ${JSON.stringify(c.expected)}`, () => {
      assert.deepEqual(listScope(viewer(c.viewer), c.resource), c.expected);
    });
  }

  it('gives a partner-side viewer without a partner nothing', () => {
    for (const resource of RESOURCES) {
      assert.equal(
        listScope({ userId: 'u', role: 'partner_admin', partnerId: null }, resource),
        'none',
      );
    }
  });

  /** How a backend applies a list scope to one record. */
  const admits = (list: ListScope, record: RecordScope): boolean => {
    if (list === 'all' || list === 'none') return list === 'all';
    if ('partnerId' in list) {
      return (
        record.partnerId === list.partnerId &&
        (list.ownerId === undefined || record.ownerId === list.ownerId)
      );
    }
    return (
      record.channelManagerId === list.channelManagerId ||
      (list.includeWithoutPartner === true && record.partnerId === null)
    );
  };

  it('admits exactly the records `can(…read…)` allows, for every role and resource', () => {
    const viewers = [
      ...Object.values(VIEWERS),
      { userId: 'pa-2', role: 'partner_admin' as Role, partnerId: 'p-2' },
      { userId: 'cm-2', role: 'channel_manager' as Role, partnerId: null },
    ];
    const partnerRecords = [OWN, COLLEAGUES, P1_NO_OWNER, OTHER_PARTNER, NO_MANAGER, CATALOG];
    // Catalog records belong to no partner.
    const catalog = new Set<ResourceName>(['products', 'programs', 'segments', 'mdfBudgets']);
    for (const v of viewers) {
      for (const resource of RESOURCES) {
        const list = listScope(v, resource);
        for (const record of catalog.has(resource) ? [CATALOG] : partnerRecords) {
          assert.equal(
            admits(list, record),
            can(v, `${resource}.read` as Action, record),
            `${v.role}/${v.userId} ${resource} ${JSON.stringify(record)}`,
          );
        }
      }
    }
  });
});

describe('the matrix as data', () => {
  it('has no duplicate actions, a read for every resource, and only known resources', () => {
    assert.equal(new Set(ACTIONS).size, ACTIONS.length);
    for (const resource of RESOURCES)
      assert.ok(ACTIONS.includes(`${resource}.read` as Action), resource);
    for (const action of ACTIONS) {
      assert.ok(RESOURCES.includes(action.split('.')[0] as ResourceName), action);
    }
  });

  it('has a row for every role, naming only known actions', () => {
    assert.deepEqual(Object.keys(CAPABILITIES).sort(), [...ROLES].sort());
    for (const role of ROLES) {
      for (const action of Object.keys(CAPABILITIES[role])) {
        assert.ok(ACTIONS.includes(action as Action), `${role} ${action}`);
      }
    }
  });

  it('gives partner-side roles only partner-bound reaches, except the shared catalog', () => {
    const catalog = new Set(['products.read', 'programs.read', 'segments.read']);
    for (const role of PARTNER_ROLES) {
      for (const [action, reach] of Object.entries(CAPABILITIES[role])) {
        const expected = catalog.has(action) ? ['all'] : ['partner', 'own'];
        assert.ok(expected.includes(reach), `${role} ${action}: ${reach}`);
      }
    }
  });

  // `.transition` is "may change this record's status at all"; the transition tables say which
  // moves. The two must name the same people, or a button shows that the backend then refuses.
  for (const resource of STATEFUL_RESOURCES) {
    it(`${resource}: the roles with ${resource}.transition are the roles in its transition table`, () => {
      const inTable = new Set<Role>();
      const table = TRANSITIONS[resource] as Record<
        string,
        Record<string, { roles: readonly Role[] }>
      >;
      for (const moves of Object.values(table)) {
        for (const rule of Object.values(moves)) for (const role of rule.roles) inTable.add(role);
      }
      const withCapability = ROLES.filter((role) =>
        can(
          { userId: 'u', role, partnerId: PARTNER_ROLES.includes(role as never) ? 'p' : null },
          `${resource}.transition` as Action,
        ),
      );
      assert.deepEqual([...inTable].sort(), [...withCapability].sort());
    });
  }

  const decisions: {
    action: Action;
    resource: 'deals' | 'memberships' | 'mdfRequests' | 'mdfClaims';
    from: string;
    to: string;
  }[] = [
    { action: 'deals.review', resource: 'deals', from: 'under_review', to: 'approved' },
    { action: 'deals.review', resource: 'deals', from: 'under_review', to: 'returned' },
    { action: 'deals.convert', resource: 'deals', from: 'approved', to: 'converted' },
    { action: 'memberships.decide', resource: 'memberships', from: 'applied', to: 'active' },
    { action: 'memberships.decide', resource: 'memberships', from: 'active', to: 'suspended' },
    { action: 'mdfRequests.decide', resource: 'mdfRequests', from: 'submitted', to: 'approved' },
    { action: 'mdfClaims.decide', resource: 'mdfClaims', from: 'submitted', to: 'rejected' },
  ];
  for (const d of decisions) {
    it(`${d.action} is held by exactly the roles that may move ${d.resource} ${d.from} → ${d.to}`, () => {
      const table = TRANSITIONS[d.resource] as Record<
        string,
        Record<string, { roles: readonly Role[] }>
      >;
      const movers = [...(table[d.from]?.[d.to]?.roles ?? [])].sort();
      const holders = ROLES.filter((role) => CAPABILITIES[role][d.action] !== undefined).sort();
      assert.deepEqual(holders, movers);
    });
  }
});

describe('assertCanPatchPartner', () => {
  const own: RecordScope = { partnerId: 'p-1', channelManagerId: 'cm-1' };
  const cases: [keyof typeof VIEWERS, object, string][] = [
    ['admin', { name: 'ABC Systems Inc', employees: 40 }, 'ok'],
    ['admin', { tier: 'platinum' }, 'tier'],
    ['admin', { name: 'ABC', channelManagerId: 'cm-2' }, 'channelManagerId'],
    ['admin', { certifications: 9 }, 'certifications'],
    ['admin', { onboarding: [] }, 'onboarding'],
    ['channel', { tier: 'platinum', name: 'ABC' }, 'ok'],
    ['enterprise', { tier: 'gold' }, 'ok'],
    ['manager', { name: 'ABC' }, 'forbidden'],
    ['associate', { employees: 3 }, 'forbidden'],
  ];
  for (const [who, patch, expected] of cases) {
    it(`${who} patching ${Object.keys(patch).join(', ')}: ${expected}`, () => {
      const run = () => assertCanPatchPartner(viewer(who), patch, own);
      if (expected === 'ok') return assert.doesNotThrow(run);
      assert.throws(run, (error: unknown) => {
        assert.ok(error instanceof PrmError && error.code === 'forbidden');
        if (expected !== 'forbidden')
          assert.deepEqual(
            error.fields.map((f) => f.path),
            [expected],
          );
        return true;
      });
    });
  }

  it('refuses another partner whatever the fields', () => {
    assert.throws(
      () => assertCanPatchPartner(viewer('admin'), { name: 'Hijack' }, { partnerId: 'p-2' }),
      (error: unknown) => error instanceof PrmError && error.code === 'forbidden',
    );
  });
});
