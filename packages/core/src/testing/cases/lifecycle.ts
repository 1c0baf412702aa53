import { Opportunity, Quote } from '../../schemas/sales.js';
import { User } from '../../schemas/viewer.js';
import { check, checkEqual, checkRejects, checkSchema } from '../assert.js';
import { collectAll, defineCases } from '../case.js';
import { dateFromToday, type World } from '../world.js';

async function acceptedQuote(world: World) {
  const [product] = await world.products();
  check(product, 'no product');
  const partner = await world.as('partnerManager');
  const quote = await partner.quotes.create(
    {
      currency: product.listPrice.currency,
      lines: [{ productId: product.id, quantity: 1 }],
      validUntil: dateFromToday(30),
    },
    { idempotencyKey: world.key() },
  );
  const sent = await partner.quotes.transition(quote.id, 'sent', { version: quote.version });
  return partner.quotes.transition(quote.id, 'accepted', { version: sent.version });
}

export const lifecycleCases = defineCases('lifecycle', {
  'deals: drafts are edited freely; a material edit after approval re-opens review': {
    needs: ['deals'],
    async run(world) {
      const associate = await world.as('partnerAssociate');
      const input = { ...(await world.dealInput()), comments: 'Customer wants a pilot first.' };
      const draft = await associate.deals.create(input, { idempotencyKey: world.key() });
      check(
        draft.comments.some((c) => c.body === input.comments),
        "the form's comments do not open the conversation",
      );
      const later = dateFromToday(90);
      const edited = await associate.deals.update(
        draft.id,
        { expectedCloseDate: later },
        { version: draft.version },
      );
      checkEqual(edited.expectedCloseDate, later, 'the edited close date');
      const submitted = await associate.deals.transition(draft.id, 'submitted', {
        version: edited.version,
      });
      await checkRejects(
        () =>
          associate.deals.update(
            draft.id,
            { expectedCloseDate: dateFromToday(100) },
            { version: submitted.version },
          ),
        'conflict',
        'editing a registration while it is being reviewed',
      );
      const manager = await world.as('channelManager');
      const review = await manager.deals.transition(draft.id, 'under_review', {
        version: submitted.version,
      });
      const approved = await manager.deals.transition(draft.id, 'approved', {
        version: review.version,
      });
      const minor = await associate.deals.update(
        draft.id,
        { expectedCloseDate: dateFromToday(120) },
        { version: approved.version },
      );
      checkEqual(minor.status, 'approved', 'status after a minor edit of an approved registration');
      const line = minor.products[0];
      check(line, 'the registration has no product');
      const material = await associate.deals.update(
        draft.id,
        { products: [{ productId: line.productId, quantity: line.quantity + 40 }] },
        { version: minor.version },
      );
      checkEqual(material.status, 'under_review', 'status after changing the products');
      checkEqual(material.protection, null, 'the protection window after a material edit');
    },
  },
  'users: the enterprise finds its agents; a partner sees only its own people': {
    needs: ['users'],
    async run(world) {
      const admin = await world.as('enterpriseAdmin');
      const agents = await collectAll(
        (cursor) => admin.users.list({ filter: { role: ['support_agent'] }, limit: 50, cursor }),
        50,
      );
      const agentId = (await world.viewer('supportAgent')).userId;
      check(
        agents.some((u) => u.id === agentId),
        'the support agent is missing from the agent list',
      );
      check(
        agents.every((u) => checkSchema(User, u, 'a user').role === 'support_agent'),
        'the role filter let another role through',
      );
      const partner = await world.as('partnerAdmin');
      const people = await collectAll((cursor) => partner.users.list({ limit: 50, cursor }), 50);
      const a = await world.partnerId('partnerAdmin');
      check(
        people.every((u) => u.partnerId === a),
        "a partner admin sees another partner's or the enterprise's users",
      );
      const associateId = (await world.viewer('partnerAssociate')).userId;
      check(
        people.some((u) => u.id === associateId),
        'a partner admin does not see its associate',
      );
    },
  },
  'opportunities: a partner edits and advances its own, never another partner': {
    needs: ['opportunities'],
    async run(world) {
      const [product] = await world.products();
      check(product, 'no product');
      const partner = await world.as('partnerManager');
      const created = checkSchema(
        Opportunity,
        await partner.opportunities.create(
          {
            name: world.unique('Opportunity'),
            customer: { company: world.unique('Stage customer'), country: 'CA' },
            amount: { amount: 250_000, currency: product.listPrice.currency },
            closeDate: dateFromToday(45),
          },
          { idempotencyKey: world.key() },
        ),
        'an opportunity',
      );
      const bigger = await partner.opportunities.update(
        created.id,
        { amount: { amount: 400_000, currency: product.listPrice.currency } },
        { version: created.version },
      );
      checkEqual(bigger.amount.amount, 400_000, 'the new amount');
      const qualified = await partner.opportunities.transition(created.id, 'qualification', {
        version: bigger.version,
      });
      checkEqual(qualified.stage, 'qualification', 'the new stage');
      await checkRejects(
        () =>
          partner.opportunities.transition(created.id, 'proposal', { version: created.version }),
        'version_conflict',
        'a stage change on a stale version',
      );
      const won = await partner.opportunities.transition(created.id, 'closed_won', {
        version: qualified.version,
      });
      await checkRejects(
        () => partner.opportunities.transition(created.id, 'prospecting', { version: won.version }),
        'invalid_transition',
        'closed_won → prospecting',
      );
      const other = await world.as('otherPartnerAdmin');
      await checkRejects(
        () => other.opportunities.get(created.id),
        'not_found',
        "B reading A's opportunity",
      );
    },
  },
  'quotes: changing the lines re-prices the quote': {
    needs: ['quotes'],
    async run(world) {
      const [product] = await world.products();
      check(product, 'no product');
      const partner = await world.as('partnerManager');
      const quote = checkSchema(
        Quote,
        await partner.quotes.create(
          {
            currency: product.listPrice.currency,
            lines: [{ productId: product.id, quantity: 1 }],
            validUntil: dateFromToday(30),
          },
          { idempotencyKey: world.key() },
        ),
        'a quote',
      );
      const doubled = await partner.quotes.update(
        quote.id,
        { lines: [{ productId: product.id, quantity: 2 }] },
        { version: quote.version },
      );
      checkEqual(doubled.totals.list.amount, quote.totals.list.amount * 2, 'list total of 2 units');
      checkEqual(
        doubled.totals.net.amount,
        doubled.lines.reduce((sum, line) => sum + line.netTotal.amount, 0),
        'the net total against its lines',
      );
    },
  },
  'orders: a partner cancels a submitted order, giving a reason': {
    needs: ['quotes', 'orders'],
    async run(world) {
      const accepted = await acceptedQuote(world);
      const partner = await world.as('partnerManager');
      const order = await partner.orders.create(
        { quoteId: accepted.id },
        { idempotencyKey: world.key() },
      );
      await checkRejects(
        () => partner.orders.transition(order.id, 'cancelled', { version: order.version }),
        'validation',
        'a cancellation without a reason',
        'reason',
      );
      const cancelled = await partner.orders.transition(order.id, 'cancelled', {
        version: order.version,
        reason: 'Customer postponed the project.',
      });
      checkEqual(cancelled.status, 'cancelled', 'status after cancelling');
      await checkRejects(
        () => partner.orders.transition(order.id, 'processing', { version: cancelled.version }),
        'invalid_transition',
        'cancelled → processing',
      );
    },
  },
  'cases: an agent re-prioritises; another partner cannot touch the case': {
    needs: ['cases'],
    async run(world) {
      const partner = await world.as('partnerAssociate');
      const created = await partner.cases.create(
        {
          category: 'product_configuration',
          priority: 'medium',
          subject: world.unique('VPN tunnel drops'),
          description: 'The site-to-site tunnel drops every hour.',
        },
        { idempotencyKey: world.key() },
      );
      const agent = await world.as('supportAgent');
      const urgent = await agent.cases.update(
        created.id,
        { priority: 'critical' },
        { version: created.version },
      );
      checkEqual(urgent.priority, 'critical', 'the new priority');
      const other = await world.as('otherPartnerAdmin');
      await checkRejects(
        () => other.cases.update(created.id, { priority: 'low' }, { version: urgent.version }),
        ['not_found', 'forbidden'],
        "B editing A's case",
      );
    },
  },
  'leads: a partner declines with a reason, and is recorded as having declined': {
    needs: ['leads'],
    async run(world) {
      const a = await world.partnerId('partnerAdmin');
      const enterprise = await world.as('enterpriseAdmin');
      const lead = await enterprise.leads.create(
        {
          customer: { company: world.unique('Declined lead'), country: 'US' },
          interest: 'Wi-Fi for 40 stores',
          partnerId: a,
        },
        { idempotencyKey: world.key() },
      );
      const partner = await world.as('partnerAdmin');
      const declined = await partner.leads.transition(lead.id, 'declined', {
        version: lead.version,
        reason: 'no_capacity',
      });
      check(
        declined.declinedBy.some((d) => d.partnerId === a && d.reason === 'no_capacity'),
        'the decline is not recorded',
      );
    },
  },
  'mdf: budgets are enterprise data; allocations stay with their partner': {
    needs: ['mdfBudgets', 'mdfAllocations'],
    async run(world) {
      const manager = await world.as('channelManager');
      const budgets = await manager.mdfBudgets.list({ limit: 50 });
      check(budgets.items.length > 0, 'the channel manager sees no MDF budget');
      const first = budgets.items[0];
      check(first, 'no budget');
      checkEqual((await manager.mdfBudgets.get(first.id)).id, first.id, 'budget id');
      const mine = await (await world.as('partnerAdmin')).mdfAllocations.list({ limit: 50 });
      const other = await world.as('otherPartnerAdmin');
      for (const allocation of mine.items) {
        await checkRejects(
          () => other.mdfAllocations.get(allocation.id),
          'not_found',
          "B reading A's allocation",
        );
      }
    },
  },
});
