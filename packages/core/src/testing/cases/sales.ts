import { Order, Quote } from '../../schemas/sales.js';
import { check, checkEqual, checkRejects, checkSchema } from '../assert.js';
import { defineCases } from '../case.js';
import { dateFromToday } from '../world.js';

export const salesCases = defineCases('sales', {
  'a partner quotes with computed totals, and orders from the accepted quote': {
    needs: ['opportunities', 'quotes', 'orders', 'products'],
    async run(world) {
      const [first, second] = await world.products();
      check(first && second, 'two products are needed');
      const partner = await world.as('partnerManager');
      const opportunity = await partner.opportunities.create(
        {
          name: world.unique('Opportunity'),
          customer: { company: world.unique('Quote customer'), country: 'US' },
          amount: { amount: 1_000_000, currency: first.listPrice.currency },
          closeDate: dateFromToday(30),
        },
        { idempotencyKey: world.key() },
      );
      const currency = first.listPrice.currency;
      const lines = [{ productId: first.id, quantity: 3 }];
      if (second.listPrice.currency === currency) lines.push({ productId: second.id, quantity: 1 });
      const quote = checkSchema(
        Quote,
        await partner.quotes.create(
          { opportunityId: opportunity.id, currency, lines, validUntil: dateFromToday(30) },
          { idempotencyKey: world.key() },
        ),
        'a quote',
      );
      checkEqual(quote.status, 'draft', 'a new quote status');
      checkEqual(quote.lines.length, lines.length, 'quote lines');
      const sum = quote.lines.reduce((total, line) => total + line.netTotal.amount, 0);
      checkEqual(quote.totals.net.amount, sum, 'the net total against its lines');
      checkEqual(
        quote.lines[0]?.listTotal.amount,
        first.listPrice.amount * 3,
        'list total of 3 units',
      );
      check(
        quote.totals.net.amount <= quote.totals.list.amount,
        'the net total exceeds the list total',
      );
      await checkRejects(
        () => partner.orders.create({ quoteId: quote.id }, { idempotencyKey: world.key() }),
        ['invalid_transition', 'validation', 'conflict'],
        'ordering from a draft quote',
      );
      const sent = await partner.quotes.transition(quote.id, 'sent', { version: quote.version });
      const accepted = await partner.quotes.transition(quote.id, 'accepted', {
        version: sent.version,
      });
      const order = checkSchema(
        Order,
        await partner.orders.create({ quoteId: accepted.id }, { idempotencyKey: world.key() }),
        'an order',
      );
      checkEqual(order.total.amount, quote.totals.net.amount, 'order total');
      checkEqual(order.status, 'submitted', 'a new order status');
      const other = await world.as('otherPartnerAdmin');
      await checkRejects(() => other.orders.get(order.id), 'not_found', "B reading A's order");
      await checkRejects(() => other.quotes.get(quote.id), 'not_found', "B reading A's quote");
    },
  },
  'a quote for an unknown product names the line': {
    needs: ['quotes'],
    async run(world) {
      const partner = await world.as('partnerManager');
      const [product] = await world.products();
      check(product, 'no product');
      await checkRejects(
        () =>
          partner.quotes.create(
            {
              currency: product.listPrice.currency,
              lines: [
                { productId: product.id, quantity: 1 },
                { productId: `missing-${world.runId}`, quantity: 1 },
              ],
              validUntil: dateFromToday(30),
            },
            { idempotencyKey: world.key() },
          ),
        'validation',
        'a quote with an unknown product',
        'lines.1.productId',
      );
    },
  },
});
