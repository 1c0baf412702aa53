/**
 * Checks any demo dataset must pass (the seed and generated ones alike): schemas, ids, stamps,
 * legal histories, references, derived fields recomputed with the core rules, MDF limits and
 * the activity log. Each throws an AssertionError naming the first bad record.
 */
import assert from 'node:assert/strict';
import {
  Activity,
  Case,
  DealRegistration,
  Lead,
  MdfAllocation,
  MdfBudget,
  MdfClaim,
  MdfRequest,
  Opportunity,
  Order,
  Partner,
  Product,
  Program,
  ProgramMembership,
  Quote,
  RESOURCES,
  STATEFUL_RESOURCES,
  Segment,
  TRANSITIONS,
  User,
  applyBasisPoints,
  approvalDueAt,
  extendProtection,
  isPartnerRole,
  mdfCommitted,
  mdfRemaining,
  protectionWindow,
  segmentsFor,
  validate,
  type ResourceName,
  type StatefulResource,
  type StatusChange,
  type TransitionRule,
} from '@prm-kit/core';
import type { Dataset } from '../../src/demo/index.js';

/** The core schema of each resource. */
export const SCHEMAS = {
  partners: Partner,
  users: User,
  programs: Program,
  memberships: ProgramMembership,
  segments: Segment,
  deals: DealRegistration,
  opportunities: Opportunity,
  products: Product,
  quotes: Quote,
  orders: Order,
  cases: Case,
  leads: Lead,
  mdfBudgets: MdfBudget,
  mdfAllocations: MdfAllocation,
  mdfRequests: MdfRequest,
  mdfClaims: MdfClaim,
  activities: Activity,
} as const satisfies Record<ResourceName, unknown>;

/** The status a record of each stateful resource is created in. */
export const INITIAL_STATUS: Record<StatefulResource, string> = {
  deals: 'draft',
  memberships: 'applied',
  cases: 'new',
  quotes: 'draft',
  orders: 'submitted',
  partners: 'prospect',
  leads: 'unassigned',
  mdfRequests: 'draft',
  mdfClaims: 'submitted',
  opportunities: 'prospecting',
  programs: 'draft',
};

export const SYSTEM_ID = 'system';

type AnyRecord = { id: string } & Record<string, unknown>;
const records = (data: Dataset, resource: ResourceName) => data[resource] as unknown as AnyRecord[];

/** `validate` accepts the record and returns it unchanged (nothing stripped or trimmed). */
export function checkSchemas(data: Dataset, pick: (index: number) => boolean = () => true): number {
  let checked = 0;
  for (const resource of RESOURCES) {
    records(data, resource).forEach((record, index) => {
      if (!pick(index)) return;
      const result = validate(SCHEMAS[resource], record);
      assert.ok(
        result.ok,
        `${resource} ${record.id}: ${result.ok ? '' : JSON.stringify(result.error.fields)}`,
      );
      assert.deepEqual(result.value, record, `${resource} ${record.id} changes when parsed`);
      checked += 1;
    });
  }
  return checked;
}

export function checkIds(data: Dataset): void {
  for (const resource of RESOURCES) {
    const seen = new Set<string>();
    for (const record of records(data, resource)) {
      assert.ok(!seen.has(record.id), `${resource}: duplicate id ${record.id}`);
      seen.add(record.id);
    }
  }
  for (const resource of [
    'deals',
    'quotes',
    'orders',
    'cases',
    'leads',
    'mdfRequests',
    'mdfClaims',
  ] as const) {
    const numbers = new Set(records(data, resource).map((r) => r.number));
    assert.equal(numbers.size, data[resource].length, `${resource}: duplicate numbers`);
  }
}

/** `version` ≥ 1 and `createdAt ≤ updatedAt ≤ now`; activities not after now. */
export function checkStamps(data: Dataset, now: string): void {
  for (const resource of RESOURCES) {
    if (resource === 'activities') continue;
    for (const r of records(data, resource)) {
      const { createdAt, updatedAt, version } = r as unknown as {
        createdAt: string;
        updatedAt: string;
        version: number;
      };
      assert.ok(version >= 1, `${resource} ${r.id}: version ${String(version)}`);
      assert.ok(createdAt <= updatedAt, `${resource} ${r.id}: updated before created`);
      assert.ok(updatedAt <= now, `${resource} ${r.id}: updated after now`);
    }
  }
  for (const a of data.activities) assert.ok(a.at <= now, `activity ${a.id} after now`);
  for (const m of data.memberships) {
    const live = m.status === 'active' || m.status === 'suspended';
    if (live) assert.ok(m.renewsAt !== null && m.renewsAt > now, `membership ${m.id}: lapsed`);
    if (m.status === 'expired')
      assert.ok(m.renewsAt !== null && m.renewsAt <= now, `membership ${m.id}`);
  }
}

const ruleOf = (
  resource: StatefulResource,
  from: string,
  to: string,
): TransitionRule | undefined => {
  const table = TRANSITIONS[resource] as unknown as Record<
    string,
    Record<string, TransitionRule | undefined>
  >;
  return Object.hasOwn(table, from) && Object.hasOwn(table[from]!, to)
    ? table[from]![to]
    : undefined;
};

/**
 * A history is a legal path: it starts from nothing in the resource's initial status, each
 * move is in the transition table and made by a role it allows (the system makes only moves
 * in the graph), required reasons and messages are given, times do not go back, and it ends in
 * the record's status.
 */
export function checkPath(
  resource: StatefulResource,
  record: { id: string; createdAt: string; updatedAt: string },
  status: string,
  history: readonly Pick<StatusChange, 'from' | 'to' | 'by' | 'at' | 'reason' | 'message'>[],
  users: ReadonlyMap<string, { role: string; partnerId: string | null }>,
  /** The record's partner, which partner users must belong to; `undefined` skips the check. */
  partnerId: string | null | undefined,
  trail = false,
): void {
  const where = `${resource} ${record.id}`;
  assert.ok(history.length > 0, `${where}: no history`);
  const [first] = history;
  assert.equal(first!.from, null, `${where}: history starts from a status`);
  assert.equal(first!.to, INITIAL_STATUS[resource], `${where}: created in ${first!.to}`);
  assert.equal(first!.at, record.createdAt, `${where}: history starts after creation`);
  for (let i = 1; i < history.length; i += 1) {
    const prev = history[i - 1]!;
    const move = history[i]!;
    assert.equal(
      move.from,
      prev.to,
      `${where}: move ${String(i)} does not start where the last ended`,
    );
    assert.ok(move.at >= prev.at, `${where}: move ${String(i)} goes back in time`);
    const rule = ruleOf(resource, move.from ?? '', move.to);
    assert.ok(rule, `${where}: ${String(move.from)} → ${move.to} is not in the table`);
    // Activity trails carry no reasons: only histories are checked for them.
    for (const field of trail ? [] : (rule.requires ?? [])) {
      assert.ok(move[field]?.trim(), `${where}: ${move.from} → ${move.to} without a ${field}`);
    }
    if (move.by === SYSTEM_ID) continue;
    const user = users.get(move.by);
    assert.ok(user, `${where}: moved by unknown user ${move.by}`);
    assert.ok(
      (rule.roles as readonly string[]).includes(user.role),
      `${where}: a ${user.role} may not move ${move.from} → ${move.to}`,
    );
    if (partnerId !== undefined && isPartnerRole(user.role as never)) {
      assert.equal(user.partnerId, partnerId, `${where}: moved by another partner's user`);
    }
  }
  const last = history[history.length - 1]!;
  assert.equal(last.to, status, `${where}: history ends in ${last.to}, status is ${status}`);
  assert.ok(last.at <= record.updatedAt, `${where}: last move after updatedAt`);
}

const statusOf = (resource: StatefulResource, r: AnyRecord) =>
  (resource === 'opportunities' ? r.stage : r.status) as string;

/** Every history (and the activity trail of partners and programs, which have none) is legal. */
export function checkHistories(data: Dataset): void {
  const users = new Map(data.users.map((u) => [u.id, u]));
  for (const resource of STATEFUL_RESOURCES) {
    if (resource === 'partners' || resource === 'programs') continue;
    for (const r of records(data, resource)) {
      const partnerId = (r.partnerId ?? null) as string | null;
      const history = r.history as StatusChange[];
      // A lead moves between partners: `checkActivities` checks each move's partner.
      const owner = resource === 'leads' ? undefined : partnerId;
      checkPath(resource, r as never, statusOf(resource, r), history, users, owner);
    }
  }
  // Partners and programs: the transitions in the activity log.
  const trails = new Map<string, StatusChange[]>();
  for (const a of data.activities) {
    if ((a.resource !== 'partners' && a.resource !== 'programs') || a.action === 'commented')
      continue;
    if (a.action !== 'created' && a.action !== 'transitioned') continue;
    const key = `${a.resource}/${a.recordId}`;
    const list = trails.get(key) ?? [];
    list.push({
      from: a.action === 'created' ? null : a.from!,
      to: a.action === 'created' ? INITIAL_STATUS[a.resource as StatefulResource] : a.to!,
      by: a.actorId,
      at: a.at,
    });
    trails.set(key, list);
  }
  for (const resource of ['partners', 'programs'] as const) {
    for (const r of records(data, resource)) {
      const trail = trails.get(`${resource}/${r.id}`);
      if (!trail && data.activities.length === 0) continue;
      const owner = resource === 'partners' ? r.id : null;
      checkPath(resource, r as never, r.status as string, trail ?? [], users, owner, true);
    }
  }
}

function groupBy<T>(list: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of list) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

function index<T extends { id: string }>(list: readonly T[]): Map<string, T> {
  return new Map(list.map((item) => [item.id, item]));
}

/** References resolve, and people act for their own partner. */
export function checkReferences(data: Dataset): void {
  const partners = index(data.partners);
  const users = index(data.users);
  const programs = index(data.programs);
  const products = index(data.products);
  const segments = index(data.segments);
  const deals = index(data.deals);
  const opportunities = index(data.opportunities);
  const quotes = index(data.quotes);
  const leads = index(data.leads);
  const budgets = index(data.mdfBudgets);
  const allocations = index(data.mdfAllocations);
  const requests = index(data.mdfRequests);
  const ofPartner = (userId: string, partnerId: string, what: string) => {
    const user = users.get(userId);
    assert.ok(user, `${what}: unknown user ${userId}`);
    assert.equal(user.partnerId, partnerId, `${what}: user ${userId} is not the partner's`);
  };

  for (const u of data.users) {
    assert.equal(
      isPartnerRole(u.role),
      u.partnerId !== null,
      `user ${u.id}: role and partner disagree`,
    );
    if (u.partnerId !== null) assert.ok(partners.has(u.partnerId), `user ${u.id}: unknown partner`);
  }
  for (const p of data.partners) {
    if (p.channelManagerId !== null) {
      assert.equal(
        users.get(p.channelManagerId)?.role,
        'channel_manager',
        `partner ${p.id}: channel manager`,
      );
    }
    for (const c of p.contacts)
      if (c.userId !== null) ofPartner(c.userId, p.id, `partner ${p.id} contact`);
    assert.deepEqual(p.segmentIds, segmentsFor(p, data.segments), `partner ${p.id}: segments`);
  }
  for (const s of data.segments) {
    for (const link of s.programLinks)
      assert.ok(programs.has(link.programId), `segment ${s.id}: program`);
    for (const id of s.manualMemberIds)
      assert.ok(partners.has(id), `segment ${s.id}: member ${id}`);
  }
  for (const p of data.programs) {
    for (const id of p.eligibility.segmentIds)
      assert.ok(segments.has(id), `program ${p.id}: segment ${id}`);
  }
  for (const m of data.memberships) {
    assert.ok(partners.has(m.partnerId), `membership ${m.id}: partner`);
    const program = programs.get(m.programId);
    assert.ok(program, `membership ${m.id}: program`);
    assert.ok(
      program.tiers.some((t) => t.key === m.tierKey),
      `membership ${m.id}: tier ${m.tierKey}`,
    );
    assert.equal(m.acceptedTerms.version, program.termsVersion, `membership ${m.id}: terms`);
    ofPartner(m.acceptedTerms.by, m.partnerId, `membership ${m.id} terms`);
    assert.equal(
      m.startedAt !== null,
      m.history.some((h) => h.to === 'active'),
      `membership ${m.id}: startedAt`,
    );
  }
  for (const d of data.deals) {
    assert.ok(partners.has(d.partnerId), `deal ${d.id}: partner`);
    const program = programs.get(d.programId);
    assert.ok(program?.dealRegistration.enabled, `deal ${d.id}: program without deal registration`);
    ofPartner(d.submittedBy, d.partnerId, `deal ${d.id}`);
    for (const line of d.products) assert.ok(products.has(line.productId), `deal ${d.id}: product`);
    for (const c of d.conflicts ?? []) {
      assert.equal(
        deals.get(c.dealId)?.partnerId,
        c.partnerId,
        `deal ${d.id}: conflict ${c.dealId}`,
      );
    }
    assert.equal(d.status === 'converted', d.opportunityId !== null, `deal ${d.id}: opportunity`);
    if (d.opportunityId !== null) {
      const opp = opportunities.get(d.opportunityId);
      assert.equal(opp?.dealRegistrationId, d.id, `deal ${d.id}: opportunity ${d.opportunityId}`);
      assert.equal(opp.partnerId, d.partnerId, `deal ${d.id}: opportunity of another partner`);
    }
    // Derived with the core rules.
    const rules = program.dealRegistration;
    assert.equal(
      d.approvalDueAt,
      d.submittedAt === null ? null : approvalDueAt(d.submittedAt, rules),
      `deal ${d.id}: approvalDueAt`,
    );
    const holds = d.status === 'approved' || d.status === 'converted' || d.status === 'expired';
    assert.equal(d.decision?.outcome === 'approved', holds, `deal ${d.id}: decision`);
    if (holds) {
      let window = protectionWindow(d.decision!.at, rules);
      if (d.extension?.status === 'granted') window = extendProtection(window, rules);
      assert.deepEqual(d.protection, window, `deal ${d.id}: protection`);
    } else {
      assert.equal(d.protection, null, `deal ${d.id}: protection without approval`);
    }
    if (d.status === 'rejected')
      assert.ok(d.decision?.reason, `deal ${d.id}: rejected without a reason`);
    if (d.status === 'expired') {
      assert.equal(
        d.history[d.history.length - 1]!.at,
        d.protection!.endsAt,
        `deal ${d.id}: expired early`,
      );
    }
    for (const c of [...d.comments, ...(d.workNotes ?? [])])
      assert.ok(users.has(c.authorId), `deal ${d.id}: author`);
  }
  for (const o of data.opportunities) {
    assert.ok(partners.has(o.partnerId), `opportunity ${o.id}: partner`);
    if (o.ownerId !== null) ofPartner(o.ownerId, o.partnerId, `opportunity ${o.id} owner`);
    if (o.dealRegistrationId !== null) {
      assert.equal(
        deals.get(o.dealRegistrationId)?.opportunityId,
        o.id,
        `opportunity ${o.id}: deal`,
      );
    }
    if (o.leadId !== null) {
      const lead = leads.get(o.leadId);
      assert.equal(lead?.opportunityId, o.id, `opportunity ${o.id}: lead`);
      assert.equal(lead.partnerId, o.partnerId, `opportunity ${o.id}: lead of another partner`);
    }
  }
  for (const q of data.quotes) {
    assert.ok(partners.has(q.partnerId), `quote ${q.id}: partner`);
    if (q.opportunityId !== null) {
      assert.equal(
        opportunities.get(q.opportunityId)?.partnerId,
        q.partnerId,
        `quote ${q.id}: opportunity`,
      );
    }
    if (q.dealRegistrationId !== null) {
      assert.equal(deals.get(q.dealRegistrationId)?.partnerId, q.partnerId, `quote ${q.id}: deal`);
    }
    let list = 0;
    let discount = 0;
    for (const line of q.lines) {
      const product = products.get(line.productId);
      assert.ok(product, `quote ${q.id}: product`);
      assert.equal(line.unitPrice.amount, product.listPrice.amount, `quote ${q.id}: unit price`);
      assert.equal(
        line.listTotal.amount,
        line.unitPrice.amount * line.quantity,
        `quote ${q.id}: list total`,
      );
      assert.equal(
        line.discount.amount,
        applyBasisPoints(line.listTotal.amount, line.discountBps),
        `quote ${q.id}: discount`,
      );
      assert.equal(
        line.netTotal.amount,
        line.listTotal.amount - line.discount.amount,
        `quote ${q.id}: net`,
      );
      for (const m of [line.unitPrice, line.listTotal, line.discount, line.netTotal])
        assert.equal(m.currency, q.currency);
      list += line.listTotal.amount;
      discount += line.discount.amount;
    }
    assert.deepEqual(
      q.totals,
      {
        list: { amount: list, currency: q.currency },
        discount: { amount: discount, currency: q.currency },
        net: { amount: list - discount, currency: q.currency },
      },
      `quote ${q.id}: totals`,
    );
  }
  for (const o of data.orders) {
    const quote = quotes.get(o.quoteId);
    assert.ok(quote, `order ${o.id}: quote`);
    assert.equal(quote.status, 'accepted', `order ${o.id}: from a ${quote.status} quote`);
    assert.equal(quote.partnerId, o.partnerId, `order ${o.id}: partner`);
    assert.deepEqual(o.lines, quote.lines, `order ${o.id}: lines`);
    assert.deepEqual(o.total, quote.totals.net, `order ${o.id}: total`);
    assert.ok(
      o.createdAt >= quote.updatedAt,
      `order ${o.id}: placed before the quote was accepted`,
    );
  }
  for (const c of data.cases) {
    assert.ok(partners.has(c.partnerId), `case ${c.id}: partner`);
    ofPartner(c.raisedBy, c.partnerId, `case ${c.id}`);
    if (c.assigneeId !== null) {
      assert.ok(
        ['support_agent', 'enterprise_admin'].includes(users.get(c.assigneeId)?.role ?? ''),
        `case ${c.id}: assignee`,
      );
    }
    if (c.related?.type === 'deal')
      assert.equal(deals.get(c.related.id)?.partnerId, c.partnerId, `case ${c.id}: related`);
    if (c.related?.type === 'program')
      assert.ok(programs.has(c.related.id), `case ${c.id}: related`);
    assert.ok(
      c.firstResponseDueAt > c.createdAt && c.resolutionDueAt >= c.firstResponseDueAt,
      `case ${c.id}: due times`,
    );
    assert.equal(
      c.resolvedAt !== null,
      c.status === 'resolved' || c.status === 'closed',
      `case ${c.id}: resolvedAt`,
    );
  }
  for (const l of data.leads) {
    const holds = l.status !== 'unassigned';
    assert.equal(l.partnerId !== null, holds, `lead ${l.id}: partner`);
    if (l.partnerId !== null) assert.ok(partners.has(l.partnerId), `lead ${l.id}: partner`);
    assert.equal(l.assignedAt !== null, holds, `lead ${l.id}: assignedAt`);
    if (l.status === 'declined') {
      assert.equal(
        l.declinedBy[l.declinedBy.length - 1]?.partnerId,
        l.partnerId,
        `lead ${l.id}: declinedBy`,
      );
    }
    for (const d of l.declinedBy) assert.ok(partners.has(d.partnerId), `lead ${l.id}: decliner`);
    assert.equal(l.opportunityId !== null, l.status === 'accepted', `lead ${l.id}: opportunity`);
    for (const id of l.productIds) assert.ok(products.has(id), `lead ${l.id}: product`);
  }
  for (const a of data.mdfAllocations) {
    assert.ok(budgets.has(a.budgetId), `allocation ${a.id}: budget`);
    assert.ok(partners.has(a.partnerId), `allocation ${a.id}: partner`);
    assert.deepEqual(a.period, budgets.get(a.budgetId)!.period, `allocation ${a.id}: period`);
  }
  for (const r of data.mdfRequests) {
    assert.equal(
      allocations.get(r.allocationId)?.partnerId,
      r.partnerId,
      `request ${r.id}: allocation`,
    );
  }
  for (const c of data.mdfClaims) {
    const request = requests.get(c.requestId);
    assert.equal(request?.partnerId, c.partnerId, `claim ${c.id}: request`);
    assert.equal(request.status, 'approved', `claim ${c.id}: against a ${request.status} request`);
  }
}

/** Requests never commit more than allocated, claims never exceed their request, budgets cover allocations. */
export function checkMdf(data: Dataset): void {
  const requestsBy = groupBy(data.mdfRequests, (r) => r.allocationId);
  for (const a of data.mdfAllocations) {
    const requests = requestsBy.get(a.id) ?? [];
    assert.deepEqual(a.committed, mdfCommitted(a, requests), `allocation ${a.id}: committed`);
    assert.deepEqual(a.remaining, mdfRemaining(a, requests), `allocation ${a.id}: remaining`);
    assert.ok(a.committed.amount <= a.amount.amount, `allocation ${a.id}: overcommitted`);
  }
  const claimsBy = groupBy(data.mdfClaims, (c) => c.requestId);
  for (const r of data.mdfRequests) {
    const claimed = (claimsBy.get(r.id) ?? [])
      .filter((c) => c.status !== 'rejected')
      .reduce((sum, c) => sum + c.amount.amount, 0);
    assert.ok(claimed <= r.amount.amount, `request ${r.id}: claims exceed it`);
  }
  for (const b of data.mdfBudgets) {
    const allocated = data.mdfAllocations
      .filter((a) => a.budgetId === b.id)
      .reduce((sum, a) => sum + a.amount.amount, 0);
    assert.ok(allocated <= b.amount.amount, `budget ${b.id}: allocations exceed it`);
  }
}

const keyOf = (resource: string, id: string): string => `${resource}/${id}`;

/**
 * The activity log names real records and people, holds a creation for every record and a
 * transition for every status change in a history.
 */
export function checkActivities(data: Dataset): void {
  const users = index(data.users);
  const partners = new Set(data.partners.map((p) => p.id));
  const ids = new Map<ResourceName, Set<string>>(
    RESOURCES.map((r) => [r, new Set(records(data, r).map((x) => x.id))]),
  );
  const created = new Set<string>();
  const transitions = new Map<string, number>();
  for (const a of data.activities) {
    assert.ok(
      ids.get(a.resource)!.has(a.recordId),
      `activity ${a.id}: unknown ${a.resource} ${a.recordId}`,
    );
    const actor = users.get(a.actorId);
    assert.ok(a.actorId === SYSTEM_ID || actor, `activity ${a.id}: unknown actor`);
    // A partner's people act on their own partner's records only.
    if (actor?.partnerId)
      assert.equal(
        a.partnerId,
        actor.partnerId,
        `activity ${a.id}: ${actor.id} acts for another partner`,
      );
    if (a.partnerId !== null)
      assert.ok(partners.has(a.partnerId), `activity ${a.id}: unknown partner`);
    const key = keyOf(a.resource, a.recordId);
    if (a.action === 'created') created.add(key);
    if (a.action === 'transitioned') transitions.set(key, (transitions.get(key) ?? 0) + 1);
  }
  for (const resource of RESOURCES) {
    if (resource === 'activities') continue;
    for (const r of records(data, resource)) {
      const key = keyOf(resource, r.id);
      assert.ok(created.has(key), `${key}: no creation activity`);
      const history = r.history as StatusChange[] | undefined;
      if (history) {
        assert.equal(
          transitions.get(key) ?? 0,
          history.length - 1,
          `${key}: transitions not logged`,
        );
      }
    }
  }
}
