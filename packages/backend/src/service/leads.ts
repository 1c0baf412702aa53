import {
  LEAD_DECLINE_REASONS,
  LeadInput,
  PrmError,
  assignLead,
  parse,
  type Lead,
  type LeadsApi,
  type Partner,
  type ProgramMembership,
} from '@prm-kit/core';
import { readable, type Run } from './run.js';
import { openOpportunity } from './sales.js';
import type { Session, Stored } from './session.js';

/** The partner the assignment rule picks for a lead: country, then region, by tier. */
function pickPartner(s: Session, lead: Pick<Lead, 'customer' | 'declinedBy'>): string | null {
  const open = s.all<Lead>('leads', [{ field: 'status', op: 'eq', value: 'assigned' }]);
  const openLeads: Record<string, number> = {};
  for (const l of open) if (l.partnerId) openLeads[l.partnerId] = (openLeads[l.partnerId] ?? 0) + 1;
  return assignLead(
    lead,
    s.all<Partner>('partners', [{ field: 'status', op: 'eq', value: 'active' }]),
    {
      memberships: s.all<ProgramMembership>('memberships', [
        { field: 'status', op: 'eq', value: 'active' },
      ]),
      openLeads,
    },
  );
}

export const leadsApi = (run: Run): LeadsApi => ({
  ...readable<Lead>(run, 'leads'),
  create: (raw, { idempotencyKey }) =>
    run((s) => {
      const input = parse(LeadInput, raw);
      if (input.partnerId) s.find('partners', input.partnerId);
      const partnerId =
        input.partnerId ?? pickPartner(s, { customer: input.customer, declinedBy: [] });
      return s.create<Lead>('leads', idempotencyKey, 'leads.create', (base) => ({
        ...base,
        number: s.nextNumber('leads'),
        customer: input.customer,
        interest: input.interest,
        productIds: input.productIds ?? [],
        estimatedValue: input.estimatedValue ?? null,
        status: partnerId ? 'assigned' : 'unassigned',
        partnerId,
        assignedAt: partnerId ? s.now : null,
        declinedBy: [],
        opportunityId: null,
        history: [
          {
            from: null,
            to: partnerId ? 'assigned' : 'unassigned',
            by: s.viewer.userId,
            byName: s.viewer.name,
            at: s.now,
          },
        ],
      }));
    }),
  transition: (id, to, options) =>
    run((s) =>
      s.transition<Lead>('leads', id, to, options, (record: Stored) => {
        const lead = record as unknown as Lead & Stored;
        if (to === 'declined' && lead.partnerId) {
          const { reason } = options;
          if (reason === undefined || !LEAD_DECLINE_REASONS.includes(reason)) {
            const message = `Choose a reason: ${LEAD_DECLINE_REASONS.join(', ')}.`;
            throw new PrmError('validation', message, { fields: [{ path: 'reason', message }] });
          }
          lead.declinedBy.push({ partnerId: lead.partnerId, reason, at: s.now });
        }
        if (to === 'assigned') {
          // The enterprise hands the lead on: the rule skips every partner that declined it.
          const next = pickPartner(s, lead);
          if (!next) {
            throw new PrmError(
              'conflict',
              'No other partner can take this lead. Leave it unassigned.',
            );
          }
          lead.partnerId = next;
          lead.assignedAt = s.now;
        }
        if (to === 'unassigned') {
          lead.partnerId = null;
          lead.assignedAt = null;
        }
        if (to === 'accepted' && lead.partnerId) {
          const opportunity = openOpportunity(s, {
            name: lead.customer.company,
            partnerId: lead.partnerId,
            customer: lead.customer,
            stage: 'prospecting',
            amount: lead.estimatedValue ?? { amount: 0, currency: 'USD' },
            closeDate: new Date(Date.parse(s.now) + 90 * 86_400_000).toISOString().slice(0, 10),
            ownerId: s.viewer.userId,
            dealRegistrationId: null,
            leadId: lead.id,
          });
          lead.opportunityId = opportunity.id;
        }
      }),
    ),
});
