import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CASE_REOPEN_DAYS, isPrmError, type ChangeEvent } from '@prm-kit/core';
import { STORES, demoService } from '../support/stores.js';

const DAY = 86_400_000;
let n = 0;
const key = () => ({ idempotencyKey: `workflow-${++n}` });
const rejectsWith = (code: string, path?: string) => (error: unknown) =>
  isPrmError(error) &&
  error.code === code &&
  (path === undefined || error.fields.some((f) => f.path === path));

for (const store of STORES) {
  describe(`workflows on the ${store.name} store`, () => {
    it('routes a lead by rule, and hands a declined one to another partner', async () => {
      const { as } = demoService(store);
      const enterprise = as('enterpriseAdmin');
      const customer = { company: 'Routed Retail', country: 'US' };
      const lead = await enterprise.leads.create({ customer, interest: 'POS network' }, key());
      assert.equal(lead.status, 'assigned');
      assert.ok(lead.partnerId);
      const chosen = await enterprise.partners.get(lead.partnerId);
      assert.deepEqual(
        [chosen.country, chosen.status],
        ['US', 'active'],
        'country first, active only',
      );
      // The first partner declines; the enterprise hands it on, never back to them.
      const first = lead.partnerId;
      const declined = await enterprise.leads.transition(lead.id, 'declined', {
        version: lead.version,
        reason: 'no_capacity',
      });
      const handed = await enterprise.leads.transition(lead.id, 'assigned', {
        version: declined.version,
      });
      assert.notEqual(handed.partnerId, first);
      assert.ok(handed.declinedBy.some((d) => d.partnerId === first));
      const recalled = await enterprise.leads.transition(lead.id, 'unassigned', {
        version: handed.version,
      });
      assert.equal(recalled.partnerId, null);
      await assert.rejects(
        enterprise.leads.transition(lead.id, 'declined', {
          version: recalled.version,
          reason: 'no_capacity',
        }),
        rejectsWith('invalid_transition'),
      );
    });

    it('refuses a decline reason that is not one of the reasons', async () => {
      const { as } = demoService(store);
      const lead = await as('enterpriseAdmin').leads.create(
        {
          customer: { company: 'Odd Reason', country: 'US' },
          interest: 'Wi-Fi',
          partnerId: 'p-abc',
        },
        key(),
      );
      await assert.rejects(
        as('partnerAdmin').leads.transition(lead.id, 'declined', {
          version: lead.version,
          reason: 'bored' as never,
        }),
        rejectsWith('validation', 'reason'),
      );
    });

    it('explains why a protection window cannot be extended', async () => {
      const { as } = demoService(store);
      const associate = as('partnerAssociate');
      const draft = (await associate.deals.list({ filter: { status: ['draft'] } })).items[0];
      assert.ok(draft, 'the demo has a draft');
      await assert.rejects(
        associate.deals.requestExtension(draft.id, 'More time', { version: draft.version }),
        (e: unknown) =>
          isPrmError(e, 'invalid_transition') &&
          e.message.includes('Only an approved registration'),
      );
      await assert.rejects(
        as('channelManager').deals.decideExtension(draft.id, true, { version: draft.version }),
        (e: unknown) =>
          isPrmError(e) && (e.code === 'invalid_transition' || e.code === 'not_found'),
      );
    });

    it('assigns cases to the enterprise support team only', async () => {
      const { as } = demoService(store);
      const raised = await as('partnerAssociate').cases.create(
        { category: 'billing', priority: 'low', subject: 'Invoice', description: 'Wrong VAT' },
        key(),
      );
      await assert.rejects(
        as('supportAgent').cases.assign(raised.id, 'u-abc-admin', { version: raised.version }),
        rejectsWith('validation', 'assigneeId'),
      );
      const reopened = await (async () => {
        const agent = as('supportAgent');
        const working = await agent.cases.transition(raised.id, 'in_progress', {
          version: raised.version,
        });
        const resolved = await agent.cases.transition(raised.id, 'resolved', {
          version: working.version,
        });
        assert.ok(resolved.resolvedAt);
        return as('partnerAssociate').cases.transition(raised.id, 'in_progress', {
          version: resolved.version,
          message: 'Still wrong.',
        });
      })();
      assert.equal(reopened.resolvedAt, null, 'reopening clears the resolution time');
    });

    it('lets a partner reopen a resolved case within the window, and not after it', async () => {
      const { as, time } = demoService(store);
      const agent = as('supportAgent');
      const resolve = async () => {
        const raised = await as('partnerAssociate').cases.create(
          { category: 'licensing', priority: 'low', subject: 'Keys', description: 'Missing' },
          key(),
        );
        return agent.cases.transition(raised.id, 'resolved', { version: raised.version });
      };
      const early = await resolve();
      time.advance(CASE_REOPEN_DAYS * DAY - 1_000);
      const reopened = await as('partnerAssociate').cases.transition(early.id, 'in_progress', {
        version: early.version,
        message: 'Still wrong.',
      });
      assert.equal(reopened.status, 'in_progress');

      const late = await resolve();
      time.advance(CASE_REOPEN_DAYS * DAY + 1_000);
      await assert.rejects(
        as('partnerAssociate').cases.transition(late.id, 'in_progress', {
          version: late.version,
          message: 'Still wrong.',
        }),
        rejectsWith('invalid_transition'),
      );
      assert.equal((await agent.cases.get(late.id)).status, 'resolved', 'nothing changed');
    });

    it('gives the deal registration discount on a quote against an approved registration', async () => {
      const { as } = demoService(store);
      const partner = as('partnerManager');
      const approved = (await partner.deals.list({ filter: { status: ['approved'] }, limit: 50 }))
        .items[0];
      assert.ok(approved, 'the demo has an approved registration of partner A');
      const line = approved.products[0]!;
      const base = {
        currency: 'USD',
        lines: [{ productId: line.productId, quantity: 1 }],
        validUntil: '2027-01-31',
      };
      const plain = await partner.quotes.create(base, key());
      const registered = await partner.quotes.create(
        { ...base, dealRegistrationId: approved.id },
        key(),
      );
      assert.ok(registered.lines[0]!.discountBps > plain.lines[0]!.discountBps);
      const sent = await partner.quotes.transition(plain.id, 'sent', { version: plain.version });
      await assert.rejects(
        partner.quotes.update(plain.id, { validUntil: '2027-02-28' }, { version: sent.version }),
        rejectsWith('conflict'),
      );
      const draftDeal = (await partner.deals.list({ filter: { status: ['draft'] } })).items[0]!;
      await assert.rejects(
        partner.quotes.create({ ...base, dealRegistrationId: draftDeal.id }, key()),
        rejectsWith('validation', 'dealRegistrationId'),
      );
    });

    it('filters by creation date and refuses a stale page link', async () => {
      const { as } = demoService(store);
      const admin = as('enterpriseAdmin');
      const recent = await admin.deals.list({ filter: { createdFrom: '2026-10-01' }, limit: 200 });
      assert.ok(recent.items.length > 0 && recent.items.every((d) => d.createdAt >= '2026-10-01'));
      const older = await admin.deals.list({ filter: { createdTo: '2026-09-30' }, limit: 200 });
      assert.ok(older.items.every((d) => d.createdAt <= '2026-09-30T23:59:59.999Z'));
      await assert.rejects(
        admin.deals.list({ cursor: 'not-a-cursor' }),
        rejectsWith('validation', 'cursor'),
      );
    });

    it('sweeps expiries on demand and tells subscribers', async () => {
      const { as, service, time } = demoService(store);
      const events: ChangeEvent[] = [];
      const stop = service.subscribe((event) => events.push(event));
      const approved = (
        await as('enterpriseAdmin').deals.list({ filter: { status: ['approved'] }, limit: 200 })
      ).items;
      time.advance(400 * DAY);
      service.sweep();
      await new Promise((resolve) => setTimeout(resolve, 0));
      stop();
      for (const deal of approved) {
        assert.ok(
          events.some((e) => e.id === deal.id && e.kind === 'updated'),
          `${deal.number} expired`,
        );
      }
      const after = await as('enterpriseAdmin').deals.list({
        filter: { status: ['approved'] },
        limit: 200,
      });
      assert.equal(after.items.length, 0);
    });

    it('lets a partner admin drop its website, and refuses enterprise figures to partners', async () => {
      const { as } = demoService(store);
      const admin = as('partnerAdmin');
      const abc = await admin.partners.get('p-abc');
      const updated = await admin.partners.update(
        'p-abc',
        { website: null },
        { version: abc.version },
      );
      assert.equal(updated.website, undefined);
      await assert.rejects(admin.metrics.enterprise(), rejectsWith('forbidden'));
      const figures = await as('channelManager').metrics.enterprise();
      assert.ok(figures.partnersByTier.length > 0);
    });
  });
}
