import type { PrmAdapter } from '../../adapter.js';
import { ConflictCheck, DealRegistration } from '../../schemas/deal.js';
import { Opportunity } from '../../schemas/sales.js';
import { check, checkEqual, checkRejects, checkSchema } from '../assert.js';
import { collectAll, defineCases } from '../case.js';
import type { ConformanceActor, World } from '../world.js';

/** A submitted registration of `actor`'s partner. */
async function submitted(world: World, actor: ConformanceActor = 'partnerAssociate') {
  const adapter = await world.as(actor);
  const draft = await adapter.deals.create(await world.dealInput(), {
    idempotencyKey: world.key(),
  });
  return adapter.deals.transition(draft.id, 'submitted', { version: draft.version });
}

/** A registration the channel manager has approved. */
async function approved(world: World) {
  const deal = await submitted(world);
  const manager = await world.as('channelManager');
  const review = await manager.deals.transition(deal.id, 'under_review', { version: deal.version });
  return manager.deals.transition(deal.id, 'approved', { version: review.version });
}

const ids = async (adapter: PrmAdapter) =>
  new Set(
    (await collectAll((cursor) => adapter.deals.list({ limit: 100, cursor }), 100)).map(
      (d) => d.id,
    ),
  );

export const dealCases = defineCases('deals', {
  'a partner registers a draft once per idempotency key': {
    needs: ['deals'],
    async run(world) {
      const adapter = await world.as('partnerAssociate');
      const input = await world.dealInput();
      const key = world.key();
      const draft = checkSchema(
        DealRegistration,
        await adapter.deals.create(input, { idempotencyKey: key }),
        'a registration',
      );
      checkEqual(draft.status, 'draft', 'a new registration status');
      checkEqual(draft.partnerId, await world.partnerId('partnerAdmin'), 'registration partner');
      checkEqual(draft.submittedBy, (await world.viewer('partnerAssociate')).userId, 'submitter');
      const replays = await Promise.all([
        adapter.deals.create(input, { idempotencyKey: key }),
        adapter.deals.create(input, { idempotencyKey: key }),
      ]);
      check(
        replays.every((d) => d.id === draft.id),
        'a replayed create made another record',
      );
      const found = await adapter.deals.list({ search: input.customer.company, limit: 50 });
      checkEqual(found.items.length, 1, `registrations for "${input.customer.company}"`);
    },
  },
  'bad input is rejected with the paths of the fields': {
    needs: ['deals'],
    async run(world) {
      const adapter = await world.as('partnerAssociate');
      const input = await world.dealInput();
      const broken = {
        ...input,
        customer: { ...input.customer, company: ' ', domain: 'https://acme.com/path' },
        products: [],
        estimatedValue: { amount: 10.5, currency: 'usd' },
      };
      for (const field of [
        'customer.company',
        'customer.domain',
        'products',
        'estimatedValue.amount',
      ]) {
        await checkRejects(
          () => adapter.deals.create(broken, { idempotencyKey: world.key() }),
          'validation',
          'a registration with four bad fields',
          field,
        );
      }
      await checkRejects(
        () =>
          adapter.deals.create(
            { ...input, programId: `missing-${world.runId}` },
            { idempotencyKey: world.key() },
          ),
        ['validation', 'not_found'],
        'a registration in an unknown program',
      );
    },
  },
  'submitting, reviewing and approving follow the table and the roles': {
    needs: ['deals'],
    async run(world) {
      const deal = await submitted(world);
      checkEqual(deal.status, 'submitted', 'status after submit');
      check(deal.submittedAt !== null, 'submittedAt is not set');
      check(deal.approvalDueAt !== null, 'approvalDueAt is not set');
      const associate = await world.as('partnerAssociate');
      await checkRejects(
        () => associate.deals.transition(deal.id, 'approved', { version: deal.version }),
        'forbidden',
        'a partner approving its own registration',
      );
      const manager = await world.as('channelManager');
      const review = await manager.deals.transition(deal.id, 'under_review', {
        version: deal.version,
      });
      const done = checkSchema(
        DealRegistration,
        await manager.deals.transition(deal.id, 'approved', { version: review.version }),
        'an approved registration',
      );
      checkEqual(done.status, 'approved', 'status after approval');
      check(done.protection !== null, 'approval did not start a protection window');
      check(
        done.protection.endsAt > done.protection.startsAt,
        'the protection window ends before it starts',
      );
      checkEqual(done.decision?.outcome, 'approved', 'the decision');
      check(
        done.history.some((h) => h.to === 'approved'),
        'the history lacks the approval',
      );
      await checkRejects(
        () => manager.deals.transition(deal.id, 'draft', { version: done.version }),
        'invalid_transition',
        'approved → draft',
      );
      await checkRejects(
        () => manager.deals.transition(deal.id, 'converted', { version: review.version }),
        'version_conflict',
        'a transition on a stale version',
      );
    },
  },
  'rejecting needs a closure reason; returning needs a message': {
    needs: ['deals'],
    async run(world) {
      const deal = await submitted(world);
      const manager = await world.as('channelManager');
      const review = await manager.deals.transition(deal.id, 'under_review', {
        version: deal.version,
      });
      await checkRejects(
        () => manager.deals.transition(deal.id, 'rejected', { version: review.version }),
        'validation',
        'a rejection without a reason',
        'reason',
      );
      await checkRejects(
        () => manager.deals.transition(deal.id, 'returned', { version: review.version }),
        'validation',
        'a return without a message',
        'message',
      );
      const returned = await manager.deals.transition(deal.id, 'returned', {
        version: review.version,
        message: 'Which products exactly?',
      });
      checkEqual(returned.status, 'returned', 'status after return');
      const associate = await world.as('partnerAssociate');
      const resubmitted = await associate.deals.transition(deal.id, 'submitted', {
        version: returned.version,
      });
      const again = await manager.deals.transition(deal.id, 'under_review', {
        version: resubmitted.version,
      });
      const rejected = await manager.deals.transition(deal.id, 'rejected', {
        version: again.version,
        reason: 'incomplete',
        message: 'No answer about products.',
      });
      checkEqual(rejected.decision?.reason, 'incomplete', 'the closure reason');
    },
  },
  "the conflict check warns another partner without revealing A's claim": {
    needs: ['deals'],
    async run(world) {
      const deal = await submitted(world);
      const probe = {
        customer: {
          ...deal.customer,
          company: `${deal.customer.company.toUpperCase()}, Inc.`,
          domain: `sales.${deal.customer.domain ?? 'example.com'}`,
        },
        products: deal.products,
      };
      const other = await world.as('otherPartnerAdmin');
      const seen = checkSchema(
        ConflictCheck,
        await other.deals.checkConflicts(probe),
        'a conflict check',
      );
      checkEqual(seen.conflict, true, 'conflict for partner B');
      checkEqual(seen.matches.length, 0, 'matches revealed to partner B');
      const own = await (await world.as('partnerAdmin')).deals.checkConflicts(probe);
      checkEqual(own.duplicate, true, "duplicate for A's own claim");
      checkEqual(own.conflict, false, "conflict for A's own claim");
      const manager = await (await world.as('channelManager')).deals.checkConflicts(probe);
      check(
        manager.matches.some((m) => m.dealId === deal.id),
        'the enterprise does not see the match',
      );
      const unrelated = await other.deals.checkConflicts({
        customer: { company: world.unique('Nobody') },
        products: deal.products,
      });
      checkEqual(unrelated.conflict, false, 'conflict for an unrelated customer');
      // A form checks while it is filled in: the domain alone is enough to match.
      const byDomain = await other.deals.checkConflicts({
        customer: { domain: probe.customer.domain },
        products: deal.products,
      });
      checkEqual(byDomain.conflict, true, 'conflict by the domain alone');
    },
  },
  'an approved registration converts to an opportunity': {
    needs: ['deals', 'opportunities'],
    async run(world) {
      const deal = await approved(world);
      const manager = await world.as('channelManager');
      const converted = await manager.deals.transition(deal.id, 'converted', {
        version: deal.version,
      });
      check(converted.opportunityId !== null, 'conversion made no opportunity');
      const partner = await world.as('partnerAdmin');
      const opportunity = checkSchema(
        Opportunity,
        await partner.opportunities.get(converted.opportunityId),
        'the opportunity',
      );
      checkEqual(opportunity.dealRegistrationId, deal.id, "the opportunity's registration");
      checkEqual(opportunity.partnerId, deal.partnerId, "the opportunity's partner");
    },
  },
  'a partner asks for more protection time; the channel manager decides': {
    needs: ['deals'],
    async run(world) {
      const deal = await approved(world);
      const associate = await world.as('partnerAssociate');
      await checkRejects(
        () =>
          associate.deals.requestExtension(deal.id, 'Customer delayed the purchase.', {
            version: deal.version - 1,
          }),
        'version_conflict',
        'an extension request on a stale version',
      );
      const asked = await associate.deals.requestExtension(
        deal.id,
        'Customer delayed the purchase.',
        {
          version: deal.version,
        },
      );
      checkEqual(asked.extension?.status, 'requested', 'extension status');
      await checkRejects(
        () => associate.deals.decideExtension(deal.id, true, { version: asked.version }),
        'forbidden',
        'a partner granting its own extension',
      );
      const granted = await (
        await world.as('channelManager')
      ).deals.decideExtension(deal.id, true, {
        version: asked.version,
      });
      checkEqual(granted.extension?.status, 'granted', 'extension status after the decision');
      check(
        (granted.protection?.endsAt ?? '') > (deal.protection?.endsAt ?? ''),
        'granting did not move the end of the window',
      );
    },
  },
  "partner B never sees partner A's registrations": {
    needs: ['deals'],
    async run(world) {
      const deal = await submitted(world);
      const other = await world.as('otherPartnerAdmin');
      await checkRejects(() => other.deals.get(deal.id), 'not_found', "B reading A's registration");
      check(!(await ids(other)).has(deal.id), "A's registration is in B's list");
      await checkRejects(
        () => other.deals.transition(deal.id, 'withdrawn', { version: deal.version }),
        ['not_found', 'forbidden'],
        "B withdrawing A's registration",
      );
    },
  },
  "an associate sees its own registrations, not a colleague's; a manager sees both": {
    needs: ['deals'],
    async run(world) {
      const mine = await submitted(world, 'partnerAssociate');
      const colleague = await submitted(world, 'partnerManager');
      const associate = await world.as('partnerAssociate');
      const seen = await ids(associate);
      check(seen.has(mine.id), 'the associate misses its own registration');
      check(!seen.has(colleague.id), "the associate sees a colleague's registration");
      await checkRejects(
        () => associate.deals.get(colleague.id),
        ['not_found', 'forbidden'],
        "reading a colleague's",
      );
      const manager = await ids(await world.as('partnerManager'));
      check(manager.has(mine.id) && manager.has(colleague.id), 'the manager misses a registration');
    },
  },
  'work notes stay on the enterprise side': {
    needs: ['deals'],
    async run(world) {
      const deal = await submitted(world);
      const manager = await world.as('channelManager');
      const noted = await manager.deals.comment(
        deal.id,
        { body: 'Internal: check the direct team.', internal: true },
        { version: deal.version },
      );
      check(
        noted.workNotes?.some((n) => n.body.startsWith('Internal')),
        'the enterprise does not see its note',
      );
      const replied = await manager.deals.comment(
        deal.id,
        { body: 'Thanks, reviewing.' },
        { version: noted.version },
      );
      const partner = await world.as('partnerAssociate');
      const seen = await partner.deals.get(deal.id);
      check((seen.workNotes ?? []).length === 0, 'a partner viewer received work notes');
      check(
        !JSON.stringify(seen).includes('check the direct team'),
        'the note text reached a partner',
      );
      check(
        seen.comments.some((c) => c.body === 'Thanks, reviewing.'),
        'the partner misses the comment',
      );
      await checkRejects(
        () =>
          partner.deals.comment(
            deal.id,
            { body: 'sneaky', internal: true },
            { version: replied.version },
          ),
        'forbidden',
        'a partner writing a work note',
      );
    },
  },
  'lists filter by status and sort by creation': {
    needs: ['deals'],
    async run(world) {
      await submitted(world);
      const adapter = await world.as('partnerManager');
      const page = await adapter.deals.list({
        filter: { status: ['submitted'] },
        sort: '-createdAt',
        limit: 50,
      });
      check(page.items.length > 0, 'no submitted registration listed');
      check(
        page.items.every((d) => d.status === 'submitted'),
        'the status filter let another status through',
      );
      const times = page.items.map((d) => d.createdAt);
      check(
        times.every((t, i) => i === 0 || (times[i - 1] ?? '') >= t),
        'not sorted newest first',
      );
    },
  },
});
