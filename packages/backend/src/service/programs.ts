import {
  MembershipApplication,
  PrmError,
  ProgramInput,
  ProgramPatch,
  SegmentInput,
  SegmentPatch,
  parse,
  programEligibility,
  segmentsFor,
  type MembershipsApi,
  type Partner,
  type Product,
  type ProductsApi,
  type Program,
  type ProgramMembership,
  type ProgramsApi,
  type Segment,
  type SegmentsApi,
} from '@prm-kit/core';
import { readable, type Run } from './run.js';
import type { Session } from './session.js';

/** The partner an operation is about: a partner viewer's own, or the one an enterprise viewer names. */
export function partnerFor(s: Session, requested: string | undefined): Partner {
  const partnerId = s.viewer.partnerId ?? requested;
  if (!partnerId) {
    const message = 'Choose the partner this is for.';
    throw new PrmError('validation', message, { fields: [{ path: 'partnerId', message }] });
  }
  return s.find<Partner>('partners', partnerId);
}

/** A program by id, for rules that need it whoever asks. */
export function programById(s: Session, id: string, path = 'programId'): Program {
  const program = s.tx.get('programs', id) as Program | undefined;
  if (!program) {
    const message = 'Choose a program that exists.';
    throw new PrmError('validation', message, { fields: [{ path, message }] });
  }
  return program;
}

/** The partner's segments as the segment rules place it now. */
export const partnerSegments = (s: Session, partner: Partner): string[] =>
  segmentsFor(partner, s.all<Segment>('segments'));

export const programsApi = (run: Run): ProgramsApi => ({
  ...readable<Program>(run, 'programs'),
  create: (raw, { idempotencyKey }) =>
    run((s) => {
      const input = parse(ProgramInput, raw);
      return s.create<Program>('programs', idempotencyKey, 'programs.manage', (base) => ({
        ...base,
        ...input,
        status: 'draft',
      }));
    }),
  update: (id, raw, { version }) =>
    run((s) => {
      const patch = parse(ProgramPatch, raw);
      return s.update<Program>('programs', id, version, 'programs.manage', (record) =>
        Object.assign(record, patch),
      );
    }),
  transition: (id, to, options) => run((s) => s.transition<Program>('programs', id, to, options)),
  eligibility: (partnerId) =>
    run((s) => {
      const partner = partnerFor(s, partnerId);
      const memberships = s.all<ProgramMembership>('memberships', [
        { field: 'partnerId', op: 'eq', value: partner.id },
      ]);
      const segmentIds = partnerSegments(s, partner);
      return s
        .all<Program>('programs', [{ field: 'status', op: 'ne', value: 'draft' }])
        .map((program) => ({
          programId: program.id,
          ...programEligibility(partner, program, { memberships, segmentIds }),
        }));
    }),
});

export const membershipsApi = (run: Run): MembershipsApi => ({
  ...readable<ProgramMembership>(run, 'memberships'),
  create: (raw, { idempotencyKey }) =>
    run((s) => {
      const input = parse(MembershipApplication, raw);
      const partner = partnerFor(s, input.partnerId);
      const program = programById(s, input.programId);
      if (input.acceptedTermsVersion !== program.termsVersion) {
        const message = `Accept the program's current terms (version ${program.termsVersion}).`;
        throw new PrmError('validation', message, {
          fields: [{ path: 'acceptedTermsVersion', message }],
        });
      }
      const tier = input.tierKey ?? [...program.tiers].sort((a, b) => a.rank - b.rank)[0]?.key;
      if (!tier || !program.tiers.some((t) => t.key === tier)) {
        const message = 'Choose one of the program’s tiers.';
        throw new PrmError('validation', message, { fields: [{ path: 'tierKey', message }] });
      }
      return s.create<ProgramMembership>(
        'memberships',
        idempotencyKey,
        'memberships.apply',
        (base) => {
          const verdict = programEligibility(partner, program, {
            memberships: s.all<ProgramMembership>('memberships', [
              { field: 'partnerId', op: 'eq', value: partner.id },
            ]),
            segmentIds: partnerSegments(s, partner),
          });
          if (!verdict.eligible) {
            const fields = verdict.reasons.map((reason) => ({
              path: 'programId',
              message: ineligibleMessage(reason.code),
            }));
            throw new PrmError('validation', fields.map((f) => f.message).join(' '), { fields });
          }
          return {
            ...base,
            partnerId: partner.id,
            programId: program.id,
            tierKey: tier,
            status: 'applied',
            startedAt: null,
            renewsAt: null,
            acceptedTerms: { version: program.termsVersion, by: s.viewer.userId, at: s.now },
            entitlements: [],
            history: [
              { from: null, to: 'applied', by: s.viewer.userId, byName: s.viewer.name, at: s.now },
            ],
          };
        },
      );
    }),
  transition: (id, to, options) =>
    run((s) =>
      s.transition<ProgramMembership>('memberships', id, to, options, (record) => {
        if (to === 'active' && record.startedAt === null) {
          record.startedAt = s.now;
          record.renewsAt = new Date(Date.parse(s.now) + 365 * 86_400_000).toISOString();
        }
      }),
    ),
});

const INELIGIBLE: Record<string, string> = {
  program_not_active: 'This program is not open for applications.',
  partner_not_active: 'Only active or onboarding partners may apply.',
  segment_required: 'This program is for partners in other segments.',
  tier_too_low: 'This program needs a higher partner tier.',
  country_not_covered: 'This program is not offered in your country.',
  already_member: 'You already have a membership of this program.',
};
const ineligibleMessage = (code: string): string =>
  INELIGIBLE[code] ?? 'You may not join this program.';

export const segmentsApi = (run: Run): SegmentsApi => ({
  ...readable<Segment>(run, 'segments'),
  create: (raw, { idempotencyKey }) =>
    run((s) => {
      const input = parse(SegmentInput, raw);
      return s.create<Segment>('segments', idempotencyKey, 'segments.manage', (base) => ({
        ...base,
        ...input,
      }));
    }),
  update: (id, raw, { version }) =>
    run((s) => {
      const patch = parse(SegmentPatch, raw);
      return s.update<Segment>('segments', id, version, 'segments.manage', (record) =>
        Object.assign(record, patch),
      );
    }),
  remove: (id, { version }) =>
    run((s) => {
      s.update('segments', id, version, 'segments.manage', () => undefined, 'deleted');
      s.tx.delete('segments', id);
      s.changes.push({ resource: 'segments', id, kind: 'deleted', partnerId: null, at: s.now });
    }),
});

export const productsApi = (run: Run): ProductsApi => readable<Product>(run, 'products');
