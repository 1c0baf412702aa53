import { page } from '../../schemas/list.js';
import { Program, ProgramMembership } from '../../schemas/program.js';
import { Product } from '../../schemas/sales.js';
import { Segment, type SegmentInput } from '../../schemas/segment.js';
import { check, checkEqual, checkRejects, checkSchema } from '../assert.js';
import { collectAll, defineCases } from '../case.js';
import { programInput } from '../world.js';

const segmentInput = (name: string): SegmentInput => ({
  name,
  kind: 'market',
  colour: '#0b6bcb',
  rule: { match: 'all', criteria: [{ field: 'region', op: 'eq', value: 'north_america' }] },
  manualMemberIds: [],
  programLinks: [],
});

export const catalogCases = defineCases('catalog', {
  'products: pages follow cursors to the end, without repeats': {
    needs: ['products'],
    async run(world) {
      const adapter = await world.as('partnerAssociate');
      const first = checkSchema(page(Product), await adapter.products.list({ limit: 1 }), 'a page');
      checkEqual(first.items.length, 1, 'items on a page of limit 1');
      check(first.nextCursor !== null, 'a page of 1 out of 2+ products has no nextCursor');
      const all = await collectAll((cursor) => adapter.products.list({ limit: 1, cursor }), 1);
      const whole = await collectAll(
        (cursor) => adapter.products.list({ limit: 200, cursor }),
        200,
      );
      checkEqual(all.length, whole.length, 'records paged one by one vs all at once');
      if (first.total !== undefined) checkEqual(first.total, whole.length, 'page total');
    },
  },
  'products: get returns the listed record; an unknown id is not_found': {
    needs: ['products'],
    async run(world) {
      const adapter = await world.as('partnerAssociate');
      const [product] = await world.products();
      check(product, 'no product');
      const got = checkSchema(Product, await adapter.products.get(product.id), 'a product');
      checkEqual(got.id, product.id, 'product id');
      await checkRejects(() => adapter.products.get(`missing-${world.runId}`), 'not_found', 'get');
    },
  },
  'products: filter and sort are applied': {
    needs: ['products'],
    async run(world) {
      const adapter = await world.as('partnerAdmin');
      const sorted = await adapter.products.list({ sort: 'name', limit: 200 });
      const names = sorted.items.map((p) => p.name);
      // The contract leaves the collation open: case-insensitive code points or the locale's.
      const inOrder = (a: string, b: string) =>
        a.toLowerCase() <= b.toLowerCase() || a.localeCompare(b) <= 0;
      check(
        names.every((name, i) => i === 0 || inOrder(names[i - 1] ?? '', name)),
        'products sorted by name are out of order',
      );
      const active = await adapter.products.list({ filter: { active: true }, limit: 200 });
      check(
        active.items.every((p) => p.active),
        'the active filter returned an inactive product',
      );
    },
  },
  'programs: a program admin creates a draft once per idempotency key': {
    needs: ['programs'],
    async run(world) {
      const admin = await world.as('programAdmin');
      const key = world.key();
      const input = programInput(world.unique('Idempotent program'));
      const first = checkSchema(
        Program,
        await admin.programs.create(input, { idempotencyKey: key }),
        'a program',
      );
      const again = await admin.programs.create(input, { idempotencyKey: key });
      checkEqual(again.id, first.id, 'the id of a replayed create');
      checkEqual(first.status, 'draft', 'a new program status');
      const named = await admin.programs.list({ search: input.name, limit: 50 });
      checkEqual(
        named.items.filter((p) => p.name === input.name).length,
        1,
        'programs with that name',
      );
    },
  },
  'programs: bad input is rejected with field paths': {
    needs: ['programs'],
    async run(world) {
      const admin = await world.as('programAdmin');
      const input = programInput('');
      await checkRejects(
        () => admin.programs.create(input, { idempotencyKey: world.key() }),
        'validation',
        'a program without a name',
        'name',
      );
      const badDays = programInput(world.unique('Bad days'));
      badDays.dealRegistration.exclusivityDays = -5;
      await checkRejects(
        () => admin.programs.create(badDays, { idempotencyKey: world.key() }),
        'validation',
        'negative exclusivity days',
        'dealRegistration.exclusivityDays',
      );
    },
  },
  'programs: partner users may read but not create': {
    needs: ['programs'],
    async run(world) {
      const program = await world.program();
      const partner = await world.as('partnerAdmin');
      checkEqual((await partner.programs.get(program.id)).id, program.id, 'program id');
      await checkRejects(
        () =>
          partner.programs.create(programInput(world.unique('Forbidden')), {
            idempotencyKey: world.key(),
          }),
        'forbidden',
        'a partner admin creating a program',
      );
    },
  },
  'programs: status follows the transition table; stale versions conflict': {
    needs: ['programs'],
    async run(world) {
      const admin = await world.as('programAdmin');
      const draft = await admin.programs.create(programInput(world.unique('Lifecycle')), {
        idempotencyKey: world.key(),
      });
      const active = await admin.programs.transition(draft.id, 'active', {
        version: draft.version,
      });
      checkEqual(active.status, 'active', 'status after activation');
      check(active.version > draft.version, 'the version did not increase');
      await checkRejects(
        () => admin.programs.transition(draft.id, 'draft', { version: active.version }),
        'invalid_transition',
        'active → draft',
      );
      await checkRejects(
        () => admin.programs.update(draft.id, { description: 'stale' }, { version: draft.version }),
        'version_conflict',
        'an update with a stale version',
      );
      const updated = await admin.programs.update(
        draft.id,
        { description: 'fresh' },
        { version: active.version },
      );
      checkEqual(updated.description, 'fresh', 'the updated description');
    },
  },
  'programs: eligibility explains itself': {
    needs: ['programs'],
    async run(world) {
      const program = await world.program();
      const partner = await world.as('partnerAdmin');
      const answers = await partner.programs.eligibility();
      const answer = answers.find((a) => a.programId === program.id);
      check(answer, 'the open program is missing from the eligibility answer');
      check(answer.eligible || answer.reasons.length > 0, 'ineligible without a reason');
    },
  },
  'memberships: a partner admin enrolls with the current terms; the enterprise approves': {
    needs: ['programs', 'memberships'],
    async run(world) {
      const membership = checkSchema(ProgramMembership, await world.membership(), 'a membership');
      checkEqual(membership.status, 'active', 'status after approval');
      checkEqual(membership.partnerId, await world.partnerId('partnerAdmin'), 'membership partner');
      const own = await (await world.as('partnerAssociate')).memberships.list({ limit: 200 });
      check(
        own.items.some((m) => m.id === membership.id),
        "a partner user doesn't see its membership",
      );
    },
  },
  'memberships: stale terms and associates are refused': {
    needs: ['programs', 'memberships'],
    async run(world) {
      const admin = await world.as('programAdmin');
      const program = await admin.programs.create(programInput(world.unique('Terms')), {
        idempotencyKey: world.key(),
      });
      const open = await admin.programs.transition(program.id, 'active', {
        version: program.version,
      });
      const partner = await world.as('partnerAdmin');
      await checkRejects(
        () =>
          partner.memberships.create(
            { programId: open.id, acceptedTermsVersion: 'an-old-version' },
            { idempotencyKey: world.key() },
          ),
        'validation',
        'enrolling with outdated terms',
        'acceptedTermsVersion',
      );
      const associate = await world.as('partnerAssociate');
      await checkRejects(
        () =>
          associate.memberships.create(
            { programId: open.id, acceptedTermsVersion: open.termsVersion },
            { idempotencyKey: world.key() },
          ),
        'forbidden',
        'an associate enrolling its partner',
      );
    },
  },
  "memberships: another partner never sees partner A's": {
    needs: ['programs', 'memberships'],
    async run(world) {
      const membership = await world.membership();
      const other = await world.as('otherPartnerAdmin');
      await checkRejects(
        () => other.memberships.get(membership.id),
        'not_found',
        "reading A's membership",
      );
      const mine = await collectAll((cursor) => other.memberships.list({ limit: 50, cursor }), 50);
      const b = await world.partnerId('otherPartnerAdmin');
      check(
        mine.every((m) => m.partnerId === b),
        "partner B's list holds another partner's membership",
      );
    },
  },
  'segments: program admins manage them; partners may not': {
    needs: ['segments'],
    async run(world) {
      const admin = await world.as('programAdmin');
      const created = checkSchema(
        Segment,
        await admin.segments.create(segmentInput(world.unique('Segment')), {
          idempotencyKey: world.key(),
        }),
        'a segment',
      );
      const renamed = await admin.segments.update(
        created.id,
        { colour: '#aa3300' },
        { version: created.version },
      );
      checkEqual(renamed.colour, '#aa3300', 'the new colour');
      await checkRejects(
        () =>
          admin.segments.update(created.id, { colour: '#000000' }, { version: created.version }),
        'version_conflict',
        'a stale segment update',
      );
      await checkRejects(
        () =>
          admin.segments.create(
            { ...segmentInput(''), colour: 'blue' },
            { idempotencyKey: world.key() },
          ),
        'validation',
        'a segment with a bad colour',
        'colour',
      );
      const partner = await world.as('partnerAdmin');
      await checkRejects(
        () =>
          partner.segments.create(segmentInput(world.unique('Nope')), {
            idempotencyKey: world.key(),
          }),
        'forbidden',
        'a partner creating a segment',
      );
      await admin.segments.remove(created.id, { version: renamed.version });
      await checkRejects(() => admin.segments.get(created.id), 'not_found', 'a removed segment');
    },
  },
});
