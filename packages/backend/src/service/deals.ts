import {
  CLOSURE_REASONS,
  CommentInput,
  ConflictCheckInput,
  DealRegistrationInput,
  DealRegistrationPatch,
  PrmError,
  LIVE_DEAL_STATUSES,
  approvalDueAt,
  conflictKeys,
  conflictLookup,
  type ConflictCustomer,
  autoDecision,
  dealEditEffect,
  extendProtection,
  extensionEligibility,
  findDealConflicts,
  hasApprovedClaim,
  isPartnerRole,
  parse,
  protectionWindow,
  summarizeConflicts,
  type BusinessCalendar,
  type ClosureReason,
  type Comment,
  type DealRegistration,
  type DealsApi,
  type ProgramMembership,
  type TransitionOptions,
} from '@prm-kit/core';
import type { Condition } from '../store/store.js';
import { newId } from './ids.js';
import { partnerFor, programById } from './programs.js';
import { readable, type Run } from './run.js';
import { openOpportunity } from './sales.js';
import { SYSTEM_ACTOR, type Session, type Stored } from './session.js';

type Deal = DealRegistration & Stored;

/** A rejection's reason, which must be one of the closure reasons. */
function closureReason(reason: string | undefined): ClosureReason {
  if (!CLOSURE_REASONS.includes(reason as ClosureReason)) {
    throw fieldError('reason', `Choose a closure reason: ${CLOSURE_REASONS.join(', ')}.`);
  }
  return reason as ClosureReason;
}

const fieldError = (path: string, message: string) =>
  new PrmError('validation', message, { fields: [{ path, message }] });

/**
 * The live claims that may conflict with a customer, found through their conflict keys (an
 * indexed look-up, not a scan of every claim); `findDealConflicts` then applies the rule.
 */
function liveClaims(s: Session, customer: ConflictCustomer, exceptId?: string): Deal[] {
  const lookup = conflictLookup(customer);
  const live: Condition = { field: 'status', op: 'in', values: LIVE_DEAL_STATUSES };
  const same: Condition[] = [];
  // A check while the form is being filled in may know only the domain, or only the name.
  if (lookup.company) same.push({ field: 'conflictKeys.company', op: 'eq', value: lookup.company });
  if (lookup.domains.length > 0) {
    same.push({ field: 'conflictKeys.domain', op: 'in', values: lookup.domains });
  }
  const found = new Map(
    (same.length > 0 ? s.all<Deal>('deals', [live, { any: same }]) : []).map((d) => [d.id, d]),
  );
  if (lookup.subdomainsOf) {
    // Reversed domains put `com.acme.sales` right after `com.acme.`: a range, not a scan.
    const under = s.all<Deal>('deals', [
      live,
      { field: 'conflictKeys.domain', op: 'gt', value: `${lookup.subdomainsOf}.` },
      { field: 'conflictKeys.domain', op: 'lt', value: `${lookup.subdomainsOf}/` },
    ]);
    for (const deal of under) found.set(deal.id, deal);
  }
  found.delete(exceptId ?? '');
  return [...found.values()];
}

/** A program the partner may register deals in, and a deal type it accepts. */
function checkProgram(s: Session, partnerId: string, programId: string, dealType: string) {
  const program = programById(s, programId);
  const member = s
    .all<ProgramMembership>('memberships', [
      { field: 'partnerId', op: 'eq', value: partnerId },
      { field: 'programId', op: 'eq', value: programId },
      { field: 'status', op: 'eq', value: 'active' },
    ])
    .at(0);
  if (program.status !== 'active' || !member) {
    throw fieldError('programId', 'Choose a program your company is an active member of.');
  }
  if (!program.dealRegistration.enabled) {
    throw fieldError('programId', 'This program does not take deal registrations.');
  }
  if (!program.dealRegistration.dealTypes.includes(dealType as never)) {
    throw fieldError('dealType', 'This program does not take this type of deal.');
  }
  return program;
}

/** A comment authored by the session's viewer. */
const commentBy = (s: Session, body: string): Comment => ({
  id: newId('comment'),
  authorId: s.viewer.userId,
  authorName: s.viewer.name,
  body,
  createdAt: s.now,
});

/**
 * What submitting does: due time, conflicts, and the program's automatic decision
 * (approve, reject, or leave for a person).
 */
function onSubmit(s: Session, deal: Deal, calendar: BusinessCalendar | undefined): void {
  const rules = programById(s, deal.programId).dealRegistration;
  deal.submittedAt = s.now;
  deal.approvalDueAt = approvalDueAt(s.now, rules, calendar);
  deal.conflicts = findDealConflicts(deal, liveClaims(s, deal.customer, deal.id), {
    partnerId: deal.partnerId,
    excludeId: deal.id,
  });
  const verdict = autoDecision(deal, rules, deal.conflicts);
  if (verdict.decision === 'review') return;
  const to = verdict.decision === 'approve' ? 'approved' : 'rejected';
  s.recordHistory(deal, 'submitted', to, SYSTEM_ACTOR, { reason: verdict.reason });
  deal.status = to;
  deal.decision = {
    outcome: to,
    by: SYSTEM_ACTOR.userId,
    byName: SYSTEM_ACTOR.name,
    at: s.now,
    ...(to === 'rejected' ? { reason: verdict.reason as 'duplicate' } : {}),
    message: `Decided automatically: ${verdict.reason.replaceAll('_', ' ')}.`,
  };
  if (to === 'approved') deal.protection = protectionWindow(s.now, rules);
}

function onTransition(
  s: Session,
  deal: Deal,
  to: string,
  options: TransitionOptions,
  calendar: BusinessCalendar | undefined,
): void {
  const scope = s.scopeOf('deals', deal);
  if (to === 'submitted') return onSubmit(s, deal, calendar);
  if (to === 'approved' || to === 'rejected' || to === 'returned') {
    if (!s.can('deals.review', scope)) {
      throw new PrmError('forbidden', 'Only the channel team decides on deal registrations.');
    }
    if (to === 'approved') {
      if (
        hasApprovedClaim(deal, liveClaims(s, deal.customer, deal.id), {
          partnerId: deal.partnerId,
          excludeId: deal.id,
        })
      ) {
        throw new PrmError(
          'conflict',
          'Another registration for this customer and product is already approved. Reject this one as a conflict.',
        );
      }
      deal.protection = protectionWindow(s.now, programById(s, deal.programId).dealRegistration);
    }
    const reason = to === 'rejected' ? closureReason(options.reason) : undefined;
    deal.decision = {
      outcome: to,
      by: s.viewer.userId,
      byName: s.viewer.name,
      at: s.now,
      ...(reason ? { reason } : {}),
      ...(options.message ? { message: options.message } : {}),
    };
  }
  if (to === 'converted') {
    const opportunity = openOpportunity(s, {
      name: deal.customer.company,
      partnerId: deal.partnerId,
      customer: deal.customer,
      stage: 'qualification',
      amount: deal.estimatedValue,
      closeDate: deal.expectedCloseDate,
      ownerId: deal.submittedBy,
      dealRegistrationId: deal.id,
      leadId: null,
    });
    deal.opportunityId = opportunity.id;
  }
}

export const dealsApi = (run: Run, calendar?: BusinessCalendar): DealsApi => ({
  ...readable<DealRegistration>(run, 'deals'),
  create: (raw, { idempotencyKey, submit }) =>
    run((s) => {
      const { comments, ...input } = parse(DealRegistrationInput, raw);
      const partner = partnerFor(s, undefined);
      const created = s.create<DealRegistration>(
        'deals',
        idempotencyKey,
        'deals.create',
        (base) => {
          checkProgram(s, partner.id, input.programId, input.dealType);
          return {
            ...base,
            ...input,
            number: s.nextNumber('deals'),
            conflictKeys: conflictKeys(input.customer),
            partnerId: partner.id,
            submittedBy: s.viewer.userId,
            status: 'draft',
            submittedAt: null,
            approvalDueAt: null,
            decision: null,
            protection: null,
            extension: null,
            conflicts: [],
            opportunityId: null,
            comments: comments ? [commentBy(s, comments)] : [],
            workNotes: [],
            history: [
              { from: null, to: 'draft', by: s.viewer.userId, byName: s.viewer.name, at: s.now },
            ],
          };
        },
      );
      if (!submit || created.status !== 'draft') return created;
      return s.transition<DealRegistration>(
        'deals',
        created.id,
        'submitted',
        { version: created.version },
        (record) => onSubmit(s, record as Deal, calendar),
      );
    }),
  update: (id, raw, { version }) =>
    run((s) => {
      const patch = parse(DealRegistrationPatch, raw);
      return s.update<DealRegistration>('deals', id, version, 'deals.update', (record) => {
        const deal = record as Deal;
        const effect = dealEditEffect(deal, patch);
        if (patch.programId !== undefined || patch.dealType !== undefined) {
          checkProgram(
            s,
            deal.partnerId,
            patch.programId ?? deal.programId,
            patch.dealType ?? deal.dealType,
          );
        }
        Object.assign(deal, patch);
        if (patch.customer) deal.conflictKeys = conflictKeys(patch.customer);
        if (effect === 'review') {
          s.recordHistory(deal, 'approved', 'under_review', SYSTEM_ACTOR, {
            reason: 'material_change',
          });
          deal.status = 'under_review';
          deal.protection = null;
          deal.decision = null;
        }
      });
    }),
  transition: (id, to, options) =>
    run((s) =>
      s.transition<DealRegistration>('deals', id, to, options, (record) =>
        onTransition(s, record as Deal, to, options, calendar),
      ),
    ),
  checkConflicts: (raw) =>
    run((s) => {
      const input = parse(ConflictCheckInput, raw);
      const partnerId = s.viewer.partnerId ?? '';
      const matches = findDealConflicts(input, liveClaims(s, input.customer, input.excludeId), {
        partnerId,
        ...(input.excludeId ? { excludeId: input.excludeId } : {}),
      });
      return summarizeConflicts(matches, { reveal: !isPartnerRole(s.viewer.role) });
    }),
  requestExtension: (id, reason, { version }) =>
    run((s) =>
      s.update<DealRegistration>('deals', id, version, 'deals.extend', (record) => {
        const deal = record as Deal;
        if (!reason.trim()) throw fieldError('reason', 'Say why the customer needs more time.');
        const rules = programById(s, deal.programId).dealRegistration;
        const verdict = extensionEligibility(deal, rules, s.now);
        if (!verdict.eligible) {
          throw new PrmError(
            'invalid_transition',
            EXTENSION_REFUSALS[verdict.reason ?? ''] ?? 'This registration cannot be extended.',
          );
        }
        deal.extension = {
          requestedAt: s.now,
          requestedBy: s.viewer.userId,
          reason,
          status: 'requested',
        };
      }),
    ),
  decideExtension: (id, grant, { version }) =>
    run((s) =>
      s.update<DealRegistration>('deals', id, version, 'deals.decideExtension', (record) => {
        const deal = record as Deal;
        if (deal.extension?.status !== 'requested' || !deal.protection) {
          throw new PrmError('invalid_transition', 'No extension is waiting for a decision.');
        }
        if (grant)
          deal.protection = extendProtection(
            deal.protection,
            programById(s, deal.programId).dealRegistration,
          );
        deal.extension = {
          ...deal.extension,
          status: grant ? 'granted' : 'denied',
          decidedAt: s.now,
          decidedBy: s.viewer.userId,
        };
      }),
    ),
  comment: (id, raw, { version }) => run((s) => addComment(s, 'deals', id, raw, version)),
});

const EXTENSION_REFUSALS: Record<string, string> = {
  extensions_disabled: 'This program does not extend protection windows.',
  not_approved: 'Only an approved registration can be extended.',
  window_ended: 'The protection window has already ended.',
  limit_reached: 'This registration has had all the extensions its program allows.',
  already_requested: 'An extension is already waiting for a decision.',
};

/** A partner-visible comment, or an enterprise-only work note, on a deal or a case. */
export function addComment<T>(
  s: Session,
  resource: 'deals' | 'cases',
  id: string,
  raw: unknown,
  version: number,
): T {
  const input = parse(CommentInput, raw);
  if (
    input.internal &&
    !s.can(`${resource}.workNotes`, s.scopeOf(resource, s.find(resource, id)))
  ) {
    throw new PrmError('forbidden', 'Only the enterprise writes work notes.');
  }
  return s.update<T>(
    resource,
    id,
    version,
    `${resource}.comment`,
    (record) => {
      const list = input.internal ? 'workNotes' : 'comments';
      record[list] = [...((record[list] as Comment[] | undefined) ?? []), commentBy(s, input.body)];
      if (
        resource === 'cases' &&
        !input.internal &&
        !s.isPartner &&
        record.firstRespondedAt === null
      ) {
        record.firstRespondedAt = s.now;
      }
    },
    'commented',
  );
}
