import {
  OpportunityInput,
  OpportunityPatch,
  OrderInput,
  PrmError,
  QuoteInput,
  QuotePatch,
  parse,
  priceQuote,
  tierBenefitsFor,
  type DealRegistration,
  type OpportunitiesApi,
  type Opportunity,
  type Order,
  type OrdersApi,
  type Partner,
  type Product,
  type ProgramMembership,
  type Quote,
  type QuotesApi,
  type Segment,
} from '@prm-kit/core';
import { newId } from './ids.js';
import { partnerFor, partnerSegments, programById } from './programs.js';
import { readable, type Run } from './run.js';
import type { Session } from './session.js';

/** Opens an opportunity from a converted registration or an accepted lead. */
export function openOpportunity(
  s: Session,
  fields: Pick<
    Opportunity,
    | 'name'
    | 'partnerId'
    | 'customer'
    | 'stage'
    | 'amount'
    | 'closeDate'
    | 'ownerId'
    | 'dealRegistrationId'
    | 'leadId'
  >,
): Opportunity {
  const opportunity: Opportunity = {
    id: newId('opportunity'),
    createdAt: s.now,
    updatedAt: s.now,
    version: 1,
    ...fields,
    history: [
      { from: null, to: fields.stage, by: s.viewer.userId, byName: s.viewer.name, at: s.now },
    ],
  };
  s.tx.put('opportunities', opportunity);
  s.log('opportunities', opportunity, 'created', `created opportunity ${opportunity.name}`);
  s.changed('opportunities', opportunity, 'created');
  return opportunity;
}

export const opportunitiesApi = (run: Run): OpportunitiesApi => ({
  ...readable<Opportunity>(run, 'opportunities'),
  create: (raw, { idempotencyKey }) =>
    run((s) => {
      const input = parse(OpportunityInput, raw);
      const partner = partnerFor(s, input.partnerId);
      return s.create<Opportunity>(
        'opportunities',
        idempotencyKey,
        'opportunities.create',
        (base) => ({
          ...base,
          name: input.name,
          partnerId: partner.id,
          customer: input.customer,
          stage: 'prospecting',
          amount: input.amount,
          closeDate: input.closeDate,
          ownerId: s.viewer.userId,
          dealRegistrationId: null,
          leadId: null,
          history: [
            {
              from: null,
              to: 'prospecting',
              by: s.viewer.userId,
              byName: s.viewer.name,
              at: s.now,
            },
          ],
        }),
      );
    }),
  update: (id, raw, { version }) =>
    run((s) => {
      const patch = parse(OpportunityPatch, raw);
      return s.update<Opportunity>('opportunities', id, version, 'opportunities.update', (record) =>
        Object.assign(record, patch),
      );
    }),
  transition: (id, to, options) =>
    run((s) => s.transition<Opportunity>('opportunities', id, to, options)),
});

/**
 * Prices quote lines for a partner: its best active membership tier's discount, plus the deal
 * registration discount on the products of an approved registration of its own.
 */
function price(
  s: Session,
  partnerId: string,
  input: { lines: QuoteInput['lines']; currency: string; dealRegistrationId?: string | null },
) {
  const segments = s.all<Segment>('segments');
  const partner = s.find<Partner>('partners', partnerId);
  const mine = new Set(partnerSegments(s, partner));
  const benefits = s
    .all<ProgramMembership>('memberships', [
      { field: 'partnerId', op: 'eq', value: partnerId },
      { field: 'status', op: 'eq', value: 'active' },
    ])
    .map((m) =>
      tierBenefitsFor(
        programById(s, m.programId),
        m.tierKey,
        segments.filter((g) => mine.has(g.id)),
      ),
    )
    .filter((b) => b !== null)
    .sort((a, b) => b.discountBps - a.discountBps)[0];
  let deal: DealRegistration | undefined;
  if (input.dealRegistrationId) {
    deal = s.find<DealRegistration>('deals', input.dealRegistrationId);
    if (
      deal.partnerId !== partnerId ||
      (deal.status !== 'approved' && deal.status !== 'converted')
    ) {
      const message = 'Quote against an approved registration of your own.';
      throw new PrmError('validation', message, {
        fields: [{ path: 'dealRegistrationId', message }],
      });
    }
  }
  return priceQuote({
    lines: input.lines,
    products: s.all<Product>('products'),
    tierDiscountBps: benefits?.discountBps ?? 0,
    currency: input.currency,
    ...(deal
      ? {
          dealRegistrationDiscountBps: benefits?.dealRegistrationDiscountBps ?? 0,
          dealProductIds: deal.products.map((line) => line.productId),
        }
      : {}),
  });
}

export const quotesApi = (run: Run): QuotesApi => ({
  ...readable<Quote>(run, 'quotes'),
  create: (raw, { idempotencyKey }) =>
    run((s) => {
      const input = parse(QuoteInput, raw);
      const partner = partnerFor(s, input.partnerId);
      if (input.opportunityId) s.find('opportunities', input.opportunityId);
      return s.create<Quote>('quotes', idempotencyKey, 'quotes.create', (base) => ({
        ...base,
        number: s.nextNumber('quotes'),
        partnerId: partner.id,
        opportunityId: input.opportunityId ?? null,
        dealRegistrationId: input.dealRegistrationId ?? null,
        currency: input.currency,
        ...price(s, partner.id, input),
        status: 'draft',
        validUntil: input.validUntil,
        history: [
          { from: null, to: 'draft', by: s.viewer.userId, byName: s.viewer.name, at: s.now },
        ],
      }));
    }),
  update: (id, raw, { version }) =>
    run((s) => {
      const patch = parse(QuotePatch, raw);
      return s.update<Quote>('quotes', id, version, 'quotes.update', (record) => {
        const quote = record as unknown as Quote;
        if (quote.status !== 'draft') {
          throw new PrmError(
            'conflict',
            'Only a draft quote can be changed. Move it back to draft first.',
          );
        }
        if (patch.validUntil) quote.validUntil = patch.validUntil;
        if (patch.lines)
          Object.assign(quote, price(s, quote.partnerId, { ...quote, lines: patch.lines }));
      });
    }),
  transition: (id, to, options) => run((s) => s.transition<Quote>('quotes', id, to, options)),
});

export const ordersApi = (run: Run): OrdersApi => ({
  ...readable<Order>(run, 'orders'),
  create: (raw, { idempotencyKey }) =>
    run((s) => {
      const input = parse(OrderInput, raw);
      const quote = s.find<Quote>('quotes', input.quoteId);
      return s.create<Order>('orders', idempotencyKey, 'orders.create', (base) => {
        if (quote.status !== 'accepted') {
          throw new PrmError('invalid_transition', 'Only an accepted quote can be ordered.');
        }
        return {
          ...base,
          number: s.nextNumber('orders'),
          partnerId: quote.partnerId,
          quoteId: quote.id,
          ...(input.purchaseOrderNumber ? { purchaseOrderNumber: input.purchaseOrderNumber } : {}),
          lines: quote.lines,
          total: quote.totals.net,
          status: 'submitted',
          submittedAt: s.now,
          history: [
            { from: null, to: 'submitted', by: s.viewer.userId, byName: s.viewer.name, at: s.now },
          ],
        };
      });
    }),
  transition: (id, to, options) => run((s) => s.transition<Order>('orders', id, to, options)),
});
