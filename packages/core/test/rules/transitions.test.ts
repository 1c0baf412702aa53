import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { PrmError } from '../../src/errors.js';
import type { Role } from '../../src/schemas/viewer.js';
import {
  CASE_STATUSES,
  DEAL_STATUSES,
  LEAD_STATUSES,
  MDF_CLAIM_STATUSES,
  MDF_REQUEST_STATUSES,
  MEMBERSHIP_STATUSES,
  OPPORTUNITY_STAGES,
  ORDER_STATUSES,
  PARTNER_STATUSES,
  PROGRAM_STATUSES,
  QUOTE_STATUSES,
  ROLES,
} from '../../src/schemas/values.js';
import {
  STATEFUL_RESOURCES,
  TRANSITIONS,
  assertTransition,
  availableTransitions,
  isTerminalStatus,
  nextStatuses,
  type StatefulResource,
  type TransitionInput,
} from '../../src/rules/transitions.js';

// The loose signatures let the tables below (plain strings) and hostile input through.
type Loose = (resource: string, from: string, to: string, input?: TransitionInput) => void;
const assertLoose = assertTransition as unknown as Loose;
const nextLoose = nextStatuses as unknown as (resource: string, from: string) => string[];
const terminalLoose = isTerminalStatus as unknown as (resource: string, status: string) => boolean;
const availableLoose = availableTransitions as unknown as (
  resource: string,
  from: string,
  role: Role,
) => { to: string; requires: readonly string[] }[];

const STATUSES: Record<StatefulResource, readonly string[]> = {
  deals: DEAL_STATUSES,
  memberships: MEMBERSHIP_STATUSES,
  cases: CASE_STATUSES,
  quotes: QUOTE_STATUSES,
  orders: ORDER_STATUSES,
  partners: PARTNER_STATUSES,
  leads: LEAD_STATUSES,
  mdfRequests: MDF_REQUEST_STATUSES,
  mdfClaims: MDF_CLAIM_STATUSES,
  opportunities: OPPORTUNITY_STAGES,
  programs: PROGRAM_STATUSES,
};

const ROLE_CODES: Record<string, Role> = {
  PA: 'partner_admin',
  PM: 'partner_manager',
  AS: 'partner_associate',
  CM: 'channel_manager',
  PR: 'program_admin',
  SA: 'support_agent',
  EA: 'enterprise_admin',
};

/** The graphs as DESIGN.md and the brief state them: `from to roles [requires]`; `-` is system-only. */
const SPEC: Record<StatefulResource, string[]> = {
  deals: [
    'draft submitted PA,PM,AS,EA',
    'draft withdrawn PA,PM,AS,EA',
    'submitted under_review CM,EA',
    'submitted approved CM,EA',
    'submitted rejected CM,EA reason',
    'submitted withdrawn PA,PM,AS,EA',
    'under_review approved CM,EA',
    'under_review rejected CM,EA reason',
    'under_review returned CM,EA message',
    'returned submitted PA,PM,AS,EA',
    'returned withdrawn PA,PM,AS,EA',
    'approved converted PA,PM,AS,CM,EA',
    'approved expired -',
    'approved under_review -',
  ],
  memberships: [
    'applied active CM,EA',
    'applied rejected CM,EA reason',
    'applied withdrawn PA,EA',
    'active suspended CM,EA reason',
    'active expired -',
    'active withdrawn PA,EA',
    'suspended active CM,EA',
  ],
  cases: [
    'new in_progress SA,EA',
    'new resolved SA,EA',
    'in_progress awaiting_partner SA,EA message',
    'in_progress resolved SA,EA',
    'awaiting_partner in_progress PA,PM,AS,SA,EA',
    'awaiting_partner resolved SA,EA',
    'resolved closed PA,PM,AS,SA,EA',
    'resolved in_progress PA,PM,AS,SA,EA message',
  ],
  quotes: [
    'draft sent PA,PM,EA',
    'sent accepted PA,PM,EA',
    'sent rejected PA,PM,EA',
    'sent expired -',
    'sent draft PA,PM,EA',
  ],
  orders: [
    'submitted processing EA',
    'submitted cancelled PA,PM,EA reason',
    'processing fulfilled EA',
    'processing cancelled EA reason',
  ],
  partners: [
    'prospect onboarding CM,EA',
    'prospect terminated CM,EA reason',
    'onboarding active CM,EA',
    'onboarding terminated CM,EA reason',
    'active suspended CM,EA reason',
    'active terminated EA reason',
    'suspended active CM,EA',
    'suspended terminated EA reason',
  ],
  leads: [
    'unassigned assigned CM,EA',
    'assigned accepted PA,PM,EA',
    'assigned declined PA,PM,EA reason',
    'assigned unassigned CM,EA',
    'declined assigned CM,EA',
  ],
  mdfRequests: [
    'draft submitted PA,EA',
    'submitted approved CM,EA',
    'submitted rejected CM,EA reason',
  ],
  mdfClaims: ['submitted approved CM,EA', 'submitted rejected CM,EA reason', 'approved paid EA'],
  opportunities: ['prospecting', 'qualification', 'proposal', 'negotiation'].flatMap(
    (from, _, open) => [
      ...open.filter((to) => to !== from).map((to) => `${from} ${to} PA,PM,EA`),
      `${from} closed_won PA,PM,EA`,
      `${from} closed_lost PA,PM,EA`,
    ],
  ),
  programs: ['draft active PR,EA', 'active retired PR,EA'],
};

interface Edge {
  resource: StatefulResource;
  from: string;
  to: string;
  roles: Role[];
  requires: ('reason' | 'message')[];
}

const EDGES: Edge[] = STATEFUL_RESOURCES.flatMap((resource) =>
  SPEC[resource].map((line) => {
    const [from = '', to = '', roles = '', requires] = line.split(' ');
    return {
      resource,
      from,
      to,
      roles: roles === '-' ? [] : roles.split(',').map((code) => ROLE_CODES[code]!),
      requires: requires === undefined ? [] : [requires as 'reason' | 'message'],
    };
  }),
);

const isLegal = (resource: string, from: string, to: string) =>
  EDGES.some((edge) => edge.resource === resource && edge.from === from && edge.to === to);

/** Runs `fn` and returns the PrmError it throws (failing when it throws nothing else). */
function caught(fn: () => void): PrmError {
  try {
    fn();
  } catch (error) {
    assert.ok(error instanceof PrmError, `expected a PrmError, got ${String(error)}`);
    return error;
  }
  assert.fail('expected a PrmError');
}

const filled = { reason: 'duplicate', message: 'Please add the customer contact.' };

describe('TRANSITIONS', () => {
  it('covers exactly the stateful resources', () => {
    assert.deepEqual(Object.keys(TRANSITIONS).sort(), [...STATEFUL_RESOURCES].sort());
  });

  for (const resource of STATEFUL_RESOURCES) {
    it(`${resource}: has a row for every status of the schema and exactly the specified edges`, () => {
      assert.deepEqual(Object.keys(TRANSITIONS[resource]).sort(), [...STATUSES[resource]].sort());
      for (const from of STATUSES[resource]) {
        const expected = EDGES.filter((e) => e.resource === resource && e.from === from)
          .map((e) => e.to)
          .sort();
        assert.deepEqual(nextLoose(resource, from).sort(), expected, `${resource} from ${from}`);
        assert.equal(
          terminalLoose(resource, from),
          expected.length === 0,
          `${resource} ${from} terminal`,
        );
      }
    });
  }
});

describe('assertTransition: legal edges', () => {
  for (const edge of EDGES) {
    const { resource, from, to, roles, requires } = edge;
    const name = `${resource}: ${from} → ${to}`;

    it(`${name} is accepted from ${roles.length ? roles.join(', ') : 'the system only'}`, () => {
      for (const role of roles) assertLoose(resource, from, to, { role, ...filled });
      // No role: the backend acting on its own.
      assertLoose(resource, from, to, filled);
    });

    it(`${name} is refused to every other role with forbidden`, () => {
      for (const role of ROLES.filter((r) => !roles.includes(r))) {
        const error = caught(() => assertLoose(resource, from, to, { role, ...filled }));
        assert.equal(error.code, 'forbidden', `${role}`);
      }
    });

    if (requires.length > 0) {
      const field = requires[0]!;
      const role = roles[0];
      for (const value of [undefined, null, '', '   ']) {
        it(`${name} without a ${field} (${JSON.stringify(value)}) is a validation error`, () => {
          const error = caught(() =>
            assertLoose(resource, from, to, { role, ...filled, [field]: value }),
          );
          assert.equal(error.code, 'validation');
          assert.deepEqual(
            error.fields.map((f) => f.path),
            [field],
          );
          assert.match(error.fieldMessage(field) ?? '', new RegExp(`^Give a ${field} to move `));
        });
      }
    } else {
      it(`${name} needs neither reason nor message`, () => {
        assertLoose(resource, from, to, { role: roles[0] });
      });
    }
  }
});

describe('assertTransition: illegal moves', () => {
  // Every pair of statuses the spec does not list, self-moves and terminal exits included.
  for (const resource of STATEFUL_RESOURCES) {
    it(`${resource}: every unlisted pair is invalid_transition, for every role and none`, () => {
      let count = 0;
      for (const from of STATUSES[resource]) {
        for (const to of STATUSES[resource]) {
          if (isLegal(resource, from, to)) continue;
          count += 1;
          for (const role of [undefined, ...ROLES]) {
            const error = caught(() => assertLoose(resource, from, to, { role, ...filled }));
            assert.equal(error.code, 'invalid_transition', `${resource} ${from} → ${to} (${role})`);
          }
        }
      }
      assert.ok(count >= STATUSES[resource].length, 'at least the self-moves');
    });
  }

  const cases: { name: string; resource: string; from: string; to: string; message: string }[] = [
    {
      name: 'backwards',
      resource: 'deals',
      from: 'approved',
      to: 'draft',
      message: 'A deal registration that is approved cannot become draft.',
    },
    {
      name: 'skipping review to returned',
      resource: 'deals',
      from: 'submitted',
      to: 'returned',
      message: 'A deal registration that is submitted cannot become returned.',
    },
    {
      name: 'withdrawing under review',
      resource: 'deals',
      from: 'under_review',
      to: 'withdrawn',
      message: 'A deal registration that is under review cannot become withdrawn.',
    },
    {
      name: 'out of a terminal status',
      resource: 'deals',
      from: 'converted',
      to: 'approved',
      message: 'A deal registration that is converted is final: it cannot become approved.',
    },
    {
      name: 'self-move',
      resource: 'quotes',
      from: 'sent',
      to: 'sent',
      message: 'This quote is already sent.',
    },
    {
      name: 'self-move of a terminal status',
      resource: 'cases',
      from: 'closed',
      to: 'closed',
      message: 'This case is already closed.',
    },
    {
      name: '"an" before a vowel',
      resource: 'orders',
      from: 'fulfilled',
      to: 'cancelled',
      message: 'An order that is fulfilled is final: it cannot become cancelled.',
    },
    {
      name: 'reopening a closed opportunity',
      resource: 'opportunities',
      from: 'closed_lost',
      to: 'negotiation',
      message: 'An opportunity that is closed lost is final: it cannot become negotiation.',
    },
    {
      name: 'a declined lead cannot be accepted',
      resource: 'leads',
      from: 'declined',
      to: 'accepted',
      message: 'A lead that is declined cannot become accepted.',
    },
    {
      name: 'a suspended membership cannot expire',
      resource: 'memberships',
      from: 'suspended',
      to: 'expired',
      message: 'A program membership that is suspended cannot become expired.',
    },
    {
      name: 'a case cannot close before it is resolved',
      resource: 'cases',
      from: 'in_progress',
      to: 'closed',
      message: 'A case that is in progress cannot become closed.',
    },
    {
      name: 'an unknown status (input from an adapter)',
      resource: 'deals',
      from: 'archived',
      to: 'draft',
      message: 'A deal registration that is archived cannot become draft.',
    },
    {
      name: 'a prototype key as status',
      resource: 'deals',
      from: 'constructor',
      to: 'toString',
      message: 'A deal registration that is constructor cannot become toString.',
    },
    {
      name: 'a prototype key as target',
      resource: 'deals',
      from: 'draft',
      to: '__proto__',
      message: 'A deal registration that is draft cannot become   proto  .',
    },
    {
      name: 'an unknown resource',
      resource: 'widgets',
      from: 'a',
      to: 'b',
      message: 'A widgets that is a cannot become b.',
    },
  ];
  for (const c of cases) {
    it(`${c.name}: ${c.resource} ${c.from} → ${c.to}`, () => {
      const error = caught(() =>
        assertLoose(c.resource, c.from, c.to, { role: 'enterprise_admin' }),
      );
      assert.equal(error.code, 'invalid_transition');
      assert.equal(error.message, c.message);
    });
  }
});

describe('assertTransition: messages', () => {
  const cases: {
    name: string;
    resource: string;
    from: string;
    to: string;
    input: TransitionInput;
    code: string;
    message: string;
    fields?: string[];
  }[] = [
    {
      name: 'a partner may not approve its own deal',
      resource: 'deals',
      from: 'under_review',
      to: 'approved',
      input: { role: 'partner_admin' },
      code: 'forbidden',
      message: 'A partner admin may not move a deal registration from under review to approved.',
    },
    {
      name: 'a support agent may not reject a deal',
      resource: 'deals',
      from: 'submitted',
      to: 'rejected',
      input: { role: 'support_agent', reason: 'duplicate' },
      code: 'forbidden',
      message: 'A support agent may not move a deal registration from submitted to rejected.',
    },
    {
      name: 'forbidden comes before a missing reason',
      resource: 'deals',
      from: 'submitted',
      to: 'rejected',
      input: { role: 'partner_manager' },
      code: 'forbidden',
      message: 'A partner manager may not move a deal registration from submitted to rejected.',
    },
    {
      name: '"an" before a vowel role',
      resource: 'programs',
      from: 'draft',
      to: 'active',
      input: { role: 'channel_manager' },
      code: 'forbidden',
      message: 'A channel manager may not move a program from draft to active.',
    },
    {
      name: 'nobody expires a deal by hand, not even the enterprise admin',
      resource: 'deals',
      from: 'approved',
      to: 'expired',
      input: { role: 'enterprise_admin' },
      code: 'forbidden',
      message:
        'Only the system moves a deal registration from approved to expired; no one can do it by hand.',
    },
    {
      name: 'a return needs a message',
      resource: 'deals',
      from: 'under_review',
      to: 'returned',
      input: { role: 'channel_manager', reason: 'incomplete' },
      code: 'validation',
      message: 'Give a message to move a deal registration from under review to returned.',
      fields: ['message'],
    },
    {
      name: 'a rejection needs a reason, a message does not stand in for it',
      resource: 'deals',
      from: 'under_review',
      to: 'rejected',
      input: { role: 'enterprise_admin', message: 'Sorry.' },
      code: 'validation',
      message: 'Give a reason to move a deal registration from under review to rejected.',
      fields: ['reason'],
    },
    {
      name: 'a first_come rejection by the system still needs its reason',
      resource: 'deals',
      from: 'submitted',
      to: 'rejected',
      input: {},
      code: 'validation',
      message: 'Give a reason to move a deal registration from submitted to rejected.',
      fields: ['reason'],
    },
    {
      name: 'a lead decline needs a reason',
      resource: 'leads',
      from: 'assigned',
      to: 'declined',
      input: { role: 'partner_manager', reason: ' ' },
      code: 'validation',
      message: 'Give a reason to move a lead from assigned to declined.',
      fields: ['reason'],
    },
    {
      name: 'an order cancellation needs a reason',
      resource: 'orders',
      from: 'submitted',
      to: 'cancelled',
      input: { role: 'partner_admin' },
      code: 'validation',
      message: 'Give a reason to move an order from submitted to cancelled.',
      fields: ['reason'],
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const error = caught(() => assertLoose(c.resource, c.from, c.to, c.input));
      assert.equal(error.code, c.code);
      assert.equal(error.message, c.message);
      assert.deepEqual(
        error.fields.map((f) => f.path),
        c.fields ?? [],
      );
    });
  }

  it('accepts a move with its reason and without a role', () => {
    assert.doesNotThrow(() =>
      assertTransition('deals', 'submitted', 'rejected', { reason: 'partner_conflict' }),
    );
    assert.doesNotThrow(() => assertTransition('deals', 'draft', 'submitted'));
  });
});

describe('availableTransitions', () => {
  const cases: { resource: string; from: string; role: Role; expected: string[] }[] = [
    {
      resource: 'deals',
      from: 'submitted',
      role: 'channel_manager',
      expected: ['under_review', 'approved', 'rejected:reason'],
    },
    { resource: 'deals', from: 'submitted', role: 'partner_associate', expected: ['withdrawn'] },
    {
      resource: 'deals',
      from: 'under_review',
      role: 'enterprise_admin',
      expected: ['approved', 'rejected:reason', 'returned:message'],
    },
    { resource: 'deals', from: 'under_review', role: 'partner_admin', expected: [] },
    // Expiry and re-review after an edit are the system's: no buttons.
    { resource: 'deals', from: 'approved', role: 'enterprise_admin', expected: ['converted'] },
    { resource: 'deals', from: 'approved', role: 'partner_associate', expected: ['converted'] },
    { resource: 'deals', from: 'approved', role: 'support_agent', expected: [] },
    { resource: 'deals', from: 'converted', role: 'enterprise_admin', expected: [] },
    {
      resource: 'cases',
      from: 'resolved',
      role: 'partner_associate',
      expected: ['closed', 'in_progress:message'],
    },
    {
      resource: 'cases',
      from: 'new',
      role: 'support_agent',
      expected: ['in_progress', 'resolved'],
    },
    { resource: 'cases', from: 'new', role: 'partner_admin', expected: [] },
    { resource: 'cases', from: 'new', role: 'channel_manager', expected: [] },
    { resource: 'memberships', from: 'active', role: 'partner_admin', expected: ['withdrawn'] },
    {
      resource: 'memberships',
      from: 'active',
      role: 'channel_manager',
      expected: ['suspended:reason'],
    },
    { resource: 'memberships', from: 'applied', role: 'partner_manager', expected: [] },
    {
      resource: 'partners',
      from: 'active',
      role: 'channel_manager',
      expected: ['suspended:reason'],
    },
    {
      resource: 'partners',
      from: 'active',
      role: 'enterprise_admin',
      expected: ['suspended:reason', 'terminated:reason'],
    },
    {
      resource: 'leads',
      from: 'assigned',
      role: 'partner_manager',
      expected: ['accepted', 'declined:reason'],
    },
    { resource: 'leads', from: 'assigned', role: 'channel_manager', expected: ['unassigned'] },
    {
      resource: 'quotes',
      from: 'sent',
      role: 'partner_manager',
      expected: ['accepted', 'rejected', 'draft'],
    },
    { resource: 'orders', from: 'processing', role: 'partner_admin', expected: [] },
    { resource: 'mdfClaims', from: 'approved', role: 'enterprise_admin', expected: ['paid'] },
    { resource: 'mdfClaims', from: 'approved', role: 'channel_manager', expected: [] },
    {
      resource: 'opportunities',
      from: 'proposal',
      role: 'partner_manager',
      expected: ['prospecting', 'qualification', 'negotiation', 'closed_won', 'closed_lost'],
    },
    { resource: 'opportunities', from: 'proposal', role: 'partner_associate', expected: [] },
    { resource: 'programs', from: 'draft', role: 'program_admin', expected: ['active'] },
    { resource: 'programs', from: 'retired', role: 'program_admin', expected: [] },
    { resource: 'programs', from: 'unknown', role: 'program_admin', expected: [] },
    { resource: 'nothing', from: 'draft', role: 'enterprise_admin', expected: [] },
  ];
  for (const c of cases) {
    it(`${c.resource} ${c.from} as ${c.role} → [${c.expected.join(', ')}]`, () => {
      const actual = availableLoose(c.resource, c.from, c.role).map((t) =>
        [t.to, ...t.requires].join(':'),
      );
      assert.deepEqual(actual, c.expected);
    });
  }

  it('agrees with assertTransition for every role and status', () => {
    for (const resource of STATEFUL_RESOURCES) {
      for (const from of STATUSES[resource]) {
        for (const role of ROLES) {
          const offered = availableLoose(resource, from, role).map((t) => t.to);
          const allowed = STATUSES[resource].filter((to) => {
            try {
              assertLoose(resource, from, to, { role, ...filled });
              return true;
            } catch {
              return false;
            }
          });
          assert.deepEqual(offered.sort(), allowed.sort(), `${resource} ${from} ${role}`);
        }
      }
    }
  });
});

describe('nextStatuses and isTerminalStatus on unknown input', () => {
  const cases: { resource: string; status: string; next: string[]; terminal: boolean }[] = [
    { resource: 'deals', status: 'archived', next: [], terminal: false },
    { resource: 'deals', status: 'hasOwnProperty', next: [], terminal: false },
    { resource: 'toString', status: 'draft', next: [], terminal: false },
    { resource: 'quotes', status: 'accepted', next: [], terminal: true },
    { resource: 'leads', status: 'declined', next: ['assigned'], terminal: false },
  ];
  for (const c of cases) {
    it(`${c.resource} / ${c.status}`, () => {
      assert.deepEqual(nextLoose(c.resource, c.status), c.next);
      assert.equal(terminalLoose(c.resource, c.status), c.terminal);
    });
  }
});
