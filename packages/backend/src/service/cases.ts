import {
  CaseInput,
  CASE_REOPEN_DAYS,
  CasePatch,
  PrmError,
  canReopenCase,
  caseDueTimes,
  parse,
  tierBenefitsFor,
  type BusinessCalendar,
  type Case,
  type CasesApi,
  type ProgramMembership,
} from '@prm-kit/core';
import { addComment } from './deals.js';
import { partnerFor, programById } from './programs.js';
import { readable, type Run } from './run.js';
import type { Session } from './session.js';

/** The shortest first-response target any of the partner's active tiers promises. */
function tierResponseHours(s: Session, partnerId: string): number | undefined {
  const hours = s
    .all<ProgramMembership>('memberships', [
      { field: 'partnerId', op: 'eq', value: partnerId },
      { field: 'status', op: 'eq', value: 'active' },
    ])
    .map((m) => tierBenefitsFor(programById(s, m.programId), m.tierKey)?.caseFirstResponseHours)
    .filter((h): h is number => h !== undefined);
  return hours.length > 0 ? Math.min(...hours) : undefined;
}

export const casesApi = (run: Run, calendar?: BusinessCalendar): CasesApi => ({
  ...readable<Case>(run, 'cases'),
  create: (raw, { idempotencyKey }) =>
    run((s) => {
      const input = parse(CaseInput, raw);
      const partner = partnerFor(s, input.partnerId);
      if (input.related)
        s.find(
          input.related.type === 'deal' ? 'deals' : `${input.related.type}s`,
          input.related.id,
        );
      const hours = tierResponseHours(s, partner.id);
      return s.create<Case>('cases', idempotencyKey, 'cases.create', (base) => ({
        ...base,
        number: s.nextNumber('cases'),
        partnerId: partner.id,
        raisedBy: s.viewer.userId,
        subject: input.subject,
        description: input.description,
        category: input.category,
        priority: input.priority,
        status: 'new',
        assigneeId: null,
        related: input.related ?? null,
        ...caseDueTimes(s.now, input.priority, {
          ...(calendar ? { calendar } : {}),
          ...(hours === undefined ? {} : { tierBenefits: { caseFirstResponseHours: hours } }),
        }),
        firstRespondedAt: null,
        resolvedAt: null,
        comments: [],
        workNotes: [],
        history: [{ from: null, to: 'new', by: s.viewer.userId, byName: s.viewer.name, at: s.now }],
      }));
    }),
  update: (id, raw, { version }) =>
    run((s) => {
      const patch = parse(CasePatch, raw);
      return s.update<Case>('cases', id, version, 'cases.update', (record) =>
        Object.assign(record, patch),
      );
    }),
  assign: (id, assigneeId, { version }) =>
    run((s) =>
      s.update<Case>(
        'cases',
        id,
        version,
        'cases.assign',
        (record) => {
          const assignee = assigneeId === null ? undefined : s.tx.get('users', assigneeId);
          if (assigneeId !== null && assignee?.partnerId !== null) {
            const message = 'Assign the case to someone on the enterprise support team.';
            throw new PrmError('validation', message, {
              fields: [{ path: 'assigneeId', message }],
            });
          }
          record.assigneeId = assigneeId;
        },
        'assigned',
      ),
    ),
  transition: (id, to, options) =>
    run((s) =>
      s.transition<Case>('cases', id, to, options, (record) => {
        // Only a resolved case carries `resolvedAt` into a move to in_progress: a reopen.
        const resolvedAt = typeof record.resolvedAt === 'string' ? record.resolvedAt : null;
        const reopening = to === 'in_progress' && resolvedAt !== null;
        const resolved = { status: 'resolved' as const, resolvedAt };
        if (reopening && !canReopenCase(resolved, s.now))
          throw new PrmError(
            'invalid_transition',
            `This case was resolved more than ${CASE_REOPEN_DAYS} days ago: raise a new case instead.`,
          );
        if (to === 'resolved') record.resolvedAt = s.now;
        if (reopening) record.resolvedAt = null;
      }),
    ),
  comment: (id, raw, { version }) => run((s) => addComment<Case>(s, 'cases', id, raw, version)),
});
