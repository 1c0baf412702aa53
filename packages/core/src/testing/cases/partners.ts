import { page } from '../../schemas/list.js';
import { Partner } from '../../schemas/partner.js';
import { check, checkEqual, checkRejects, checkSchema } from '../assert.js';
import { collectAll, defineCases } from '../case.js';

export const partnerCases = defineCases('partners', {
  'a partner user sees its own partner and no other': {
    needs: ['partners'],
    async run(world) {
      const a = await world.partnerId('partnerAdmin');
      const b = await world.partnerId('otherPartnerAdmin');
      const associate = await world.as('partnerAssociate');
      checkEqual(
        checkSchema(Partner, await associate.partners.get(a), 'a partner').id,
        a,
        'partner id',
      );
      await checkRejects(
        () => associate.partners.get(b),
        'not_found',
        'an associate reading partner B',
      );
      const listed = checkSchema(
        page(Partner),
        await associate.partners.list({ limit: 50 }),
        'a page',
      );
      check(
        listed.items.every((p) => p.id === a),
        "a partner user's list holds another partner",
      );
    },
  },
  'the enterprise lists every partner, filtered and searched': {
    needs: ['partners'],
    async run(world) {
      const admin = await world.as('enterpriseAdmin');
      const active = await collectAll(
        (cursor) => admin.partners.list({ filter: { status: ['active'] }, limit: 50, cursor }),
        50,
      );
      check(active.length >= 2, 'fewer than two active partners');
      check(
        active.every((p) => p.status === 'active'),
        'the status filter let another status through',
      );
      const a = await admin.partners.get(await world.partnerId('partnerAdmin'));
      const found = await admin.partners.list({ search: a.name, limit: 50 });
      check(
        found.items.some((p) => p.id === a.id),
        `searching "${a.name}" does not find it`,
      );
    },
  },
  'a partner admin edits its profile; stale versions and associates are refused': {
    needs: ['partners'],
    async run(world) {
      const id = await world.partnerId('partnerAdmin');
      const admin = await world.as('partnerAdmin');
      const before = await admin.partners.get(id);
      const employees = (before.employees ?? 0) + 1;
      const after = await admin.partners.update(id, { employees }, { version: before.version });
      checkEqual(after.employees, employees, 'employees after the edit');
      check(after.version > before.version, 'the version did not increase');
      await checkRejects(
        () => admin.partners.update(id, { employees: 1 }, { version: before.version }),
        'version_conflict',
        'an edit on a stale version',
      );
      const associate = await world.as('partnerAssociate');
      await checkRejects(
        () => associate.partners.update(id, { employees: 2 }, { version: after.version }),
        'forbidden',
        'an associate editing the profile',
      );
      await checkRejects(
        () => admin.partners.update(id, { tier: 'platinum' }, { version: after.version }),
        'forbidden',
        'a partner admin raising its own tier',
      );
      const manager = await world.as('channelManager');
      const raised = await manager.partners.update(
        id,
        { tier: before.tier },
        { version: after.version },
      );
      checkEqual(raised.tier, before.tier, 'the tier the channel manager set');
      await checkRejects(
        () =>
          admin.partners.update(
            id,
            { website: 'javascript:alert(1)' },
            { version: raised.version },
          ),
        'validation',
        'a javascript: website',
        'website',
      );
      const other = await world.as('otherPartnerAdmin');
      await checkRejects(
        () => other.partners.update(id, { employees: 3 }, { version: after.version }),
        ['not_found', 'forbidden'],
        'partner B editing partner A',
      );
    },
  },
  'a prospect applies; the application is validated': {
    needs: ['partners'],
    async run(world) {
      const admin = await world.as('enterpriseAdmin');
      const name = world.unique('Prospect');
      const key = world.key();
      const input = {
        name,
        website: 'https://prospect.example.com',
        country: 'DE',
        region: 'emea',
        contact: { name: 'Kim Prospect', email: 'kim@prospect.example.com' },
      } as const;
      const created = await admin.partners.create(input, { idempotencyKey: key });
      checkEqual(created.status, 'prospect', 'a new partner status');
      checkEqual(
        (await admin.partners.create(input, { idempotencyKey: key })).id,
        created.id,
        'replayed id',
      );
      await checkRejects(
        () =>
          admin.partners.create(
            { ...input, country: 'Germany', contact: { name: 'Kim', email: 'not-an-email' } },
            { idempotencyKey: world.key() },
          ),
        'validation',
        'an application with a bad country and email',
        'contact.email',
      );
      const active = await admin.partners.transition(created.id, 'onboarding', {
        version: created.version,
      });
      await checkRejects(
        () => admin.partners.transition(created.id, 'prospect', { version: active.version }),
        'invalid_transition',
        'onboarding → prospect',
      );
    },
  },
});
