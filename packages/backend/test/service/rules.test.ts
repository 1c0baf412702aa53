import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  caseDueTimes,
  isCaseBreached,
  isPrmError,
  type DealRegistrationInput,
  type DealRegistrationRules,
  type PrmAdapter,
} from '@prm-kit/core';
import { programInput } from '@prm-kit/core/testing';
import { STORES, demoService } from '../support/stores.js';

const DAY = 86_400_000;
let keys = 0;
const key = () => ({ idempotencyKey: `rules-${++keys}` });

/** An active program with these deal rules, which partner A has joined. */
async function programWith(
  as: ReturnType<typeof demoService>['as'],
  rules: Partial<DealRegistrationRules>,
) {
  const admin = as('programAdmin');
  const input = programInput(`Rules ${++keys}`);
  input.dealRegistration = { ...input.dealRegistration, ...rules };
  const draft = await admin.programs.create(input, key());
  const program = await admin.programs.transition(draft.id, 'active', { version: draft.version });
  const applied = await as('partnerAdmin').memberships.create(
    { programId: program.id, acceptedTermsVersion: program.termsVersion },
    key(),
  );
  await as('enterpriseAdmin').memberships.transition(applied.id, 'active', {
    version: applied.version,
  });
  return program;
}

const deal = (programId: string, company: string, amount = 5_000_000): DealRegistrationInput => ({
  programId,
  dealType: 'new_business',
  customer: {
    company,
    domain: `${company.toLowerCase().replaceAll(/\W/g, '')}.example.com`,
    country: 'US',
  },
  products: [{ productId: 'prod-fw-1000', quantity: 5 }],
  estimatedValue: { amount, currency: 'USD' },
  expectedCloseDate: '2027-02-15',
});

async function approve(adapter: PrmAdapter, id: string, version: number) {
  const review = await adapter.deals.transition(id, 'under_review', { version });
  return adapter.deals.transition(id, 'approved', { version: review.version });
}

for (const store of STORES) {
  describe(`the service's rules on the ${store.name} store`, () => {
    it('expires an approved registration when its protection window ends', async () => {
      const { as, time } = demoService(store);
      const program = await programWith(as, { exclusivityDays: 30 });
      const draft = await as('partnerAssociate').deals.create(deal(program.id, 'Initech'), {
        ...key(),
        submit: true,
      });
      assert.equal(draft.status, 'submitted');
      const approved = await approve(as('channelManager'), draft.id, draft.version);
      assert.equal(
        approved.protection?.endsAt,
        new Date(Date.parse(approved.updatedAt) + 30 * DAY).toISOString(),
      );
      time.advance(29 * DAY);
      assert.equal((await as('partnerAssociate').deals.get(draft.id)).status, 'approved');
      time.advance(2 * DAY);
      const expired = await as('partnerAssociate').deals.get(draft.id);
      assert.equal(expired.status, 'expired');
      assert.deepEqual(expired.history.at(-1)?.to, 'expired');
      const timeline = await as('partnerAdmin').activities.list({ filter: { recordId: draft.id } });
      assert.ok(timeline.items.some((a) => a.to === 'expired' && a.actorId === 'system'));
    });

    it('decides on submit by the program: auto-approve, first-come conflict, duplicate', async () => {
      const { as } = demoService(store);
      const auto = await programWith(as, { approvalRequired: false, conflictPolicy: 'first_come' });
      const partner = as('partnerAssociate');
      const first = await partner.deals.create(deal(auto.id, 'Hooli'), { ...key(), submit: true });
      assert.equal(first.status, 'approved');
      assert.ok(first.protection, 'an automatic approval starts the window');
      const again = await partner.deals.create(deal(auto.id, 'HOOLI, Inc.'), {
        ...key(),
        submit: true,
      });
      assert.equal(again.status, 'rejected');
      assert.equal(again.decision?.reason, 'duplicate');
      // Another partner's claim on the same customer is rejected first come, first served.
      const other = as('otherPartnerAdmin');
      const otherProgram = await as('programAdmin').programs.get(auto.id);
      const applied = await other.memberships.create(
        { programId: otherProgram.id, acceptedTermsVersion: otherProgram.termsVersion },
        key(),
      );
      await as('enterpriseAdmin').memberships.transition(applied.id, 'active', {
        version: applied.version,
      });
      const late = await other.deals.create(deal(auto.id, 'Hooli Corporation'), {
        ...key(),
        submit: true,
      });
      assert.equal(late.status, 'rejected');
      assert.equal(late.decision?.reason, 'partner_conflict');
      assert.equal(late.conflicts, undefined, 'a partner never sees the conflicting claim');
    });

    it('keeps at most one approved registration per customer and product', async () => {
      const { as } = demoService(store);
      const program = await programWith(as, { conflictPolicy: 'manual_review' });
      const enterprise = as('enterpriseAdmin');
      const mine = await as('partnerAssociate').deals.create(deal(program.id, 'Umbrella'), {
        ...key(),
        submit: true,
      });
      await approve(enterprise, mine.id, mine.version);
      const other = as('otherPartnerAdmin');
      const applied = await other.memberships.create(
        { programId: program.id, acceptedTermsVersion: program.termsVersion },
        key(),
      );
      await enterprise.memberships.transition(applied.id, 'active', { version: applied.version });
      const theirs = await other.deals.create(deal(program.id, 'Umbrella Corp'), {
        ...key(),
        submit: true,
      });
      assert.equal(theirs.status, 'submitted', 'manual review leaves the conflict to a person');
      const reviewed = await enterprise.deals.get(theirs.id);
      assert.ok(
        reviewed.conflicts?.some((c) => c.dealId === mine.id),
        'the reviewer sees the conflict',
      );
      await assert.rejects(approve(enterprise, theirs.id, theirs.version), (e: unknown) =>
        isPrmError(e, 'conflict'),
      );
    });

    it('refuses registrations outside an active membership', async () => {
      const { as } = demoService(store);
      const admin = as('programAdmin');
      const draft = await admin.programs.create(programInput('Not joined'), key());
      const open = await admin.programs.transition(draft.id, 'active', { version: draft.version });
      await assert.rejects(
        as('partnerAssociate').deals.create(deal(open.id, 'Stark'), key()),
        (e: unknown) => isPrmError(e, 'validation') && e.fields.some((f) => f.path === 'programId'),
      );
    });

    it('gives a case the due times of its priority and flags it when breached', async () => {
      const { as, time } = demoService(store);
      const raised = await as('partnerAssociate').cases.create(
        {
          category: 'licensing',
          priority: 'high',
          subject: 'Keys',
          description: 'No licence keys.',
        },
        key(),
      );
      const expected = caseDueTimes(raised.createdAt, 'high');
      assert.ok(
        raised.firstResponseDueAt <= expected.firstResponseDueAt,
        'a tier may only tighten the SLA',
      );
      assert.equal(raised.resolutionDueAt, expected.resolutionDueAt);
      const agent = as('supportAgent');
      const breachedNow = async () =>
        (await agent.cases.list({ filter: { breached: true }, limit: 200 })).items.map((c) => c.id);
      assert.ok(!(await breachedNow()).includes(raised.id));
      time.advance(10 * DAY);
      const breached = await breachedNow();
      assert.ok(breached.includes(raised.id));
      const all = await agent.cases.list({ limit: 200 });
      const now = new Date(Date.parse(raised.createdAt) + 10 * DAY).toISOString();
      assert.deepEqual(
        new Set(breached),
        new Set(
          all.items
            .filter(
              (c) => isCaseBreached(c, now) && c.status !== 'resolved' && c.status !== 'closed',
            )
            .map((c) => c.id),
        ),
        'the breached filter is the core SLA rule',
      );
    });

    it('lists approved registrations about to lose protection', async () => {
      const { as } = demoService(store);
      const program = await programWith(as, { exclusivityDays: 5 });
      const created = await as('partnerAssociate').deals.create(deal(program.id, 'Soylent'), {
        ...key(),
        submit: true,
      });
      await approve(as('channelManager'), created.id, created.version);
      const soon = await as('partnerAssociate').deals.list({
        filter: { expiringWithinDays: 7 },
        limit: 200,
      });
      assert.ok(soon.items.some((d) => d.id === created.id));
      assert.ok(soon.items.every((d) => d.status === 'approved'));
      const later = await as('partnerAssociate').deals.list({
        filter: { expiringWithinDays: 1 },
        limit: 200,
      });
      assert.ok(!later.items.some((d) => d.id === created.id));
    });

    it('writes an activity for every change, naming who and what', async () => {
      const { as } = demoService(store);
      const associate = as('partnerAssociate');
      const raised = await associate.cases.create(
        { category: 'technical', priority: 'low', subject: 'Trace me', description: 'Audit trail' },
        key(),
      );
      const agent = as('supportAgent');
      const assigned = await agent.cases.assign(raised.id, 'u-xyz-support-lindqvist', {
        version: raised.version,
      });
      await agent.cases.comment(raised.id, { body: 'On it.' }, { version: assigned.version });
      const trail = await as('partnerAdmin').activities.list({
        filter: { recordId: raised.id },
        sort: 'at',
      });
      assert.deepEqual(
        trail.items.map((a) => [a.action, a.actorId]),
        [
          ['created', 'u-abc-associate'],
          ['assigned', 'u-xyz-support-lindqvist'],
          ['commented', 'u-xyz-support-lindqvist'],
        ],
      );
    });
  });
}
