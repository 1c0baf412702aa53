import type { CaseInput } from '../../schemas/case.js';
import { Case } from '../../schemas/case.js';
import { check, checkEqual, checkRejects, checkSchema } from '../assert.js';
import { collectAll, defineCases } from '../case.js';
import type { ConformanceActor, World } from '../world.js';

const caseInput = (world: World): CaseInput => ({
  category: 'licensing',
  priority: 'high',
  subject: world.unique('Licence keys missing'),
  description: 'The customer has not received the licence keys of order 1234.',
});

async function raised(world: World, actor: ConformanceActor = 'partnerAssociate') {
  const adapter = await world.as(actor);
  return adapter.cases.create(caseInput(world), { idempotencyKey: world.key() });
}

export const supportCases = defineCases('cases', {
  'a partner raises a case once per key, with SLA due times': {
    needs: ['cases'],
    async run(world) {
      const adapter = await world.as('partnerAssociate');
      const input = caseInput(world);
      const key = world.key();
      const created = checkSchema(
        Case,
        await adapter.cases.create(input, { idempotencyKey: key }),
        'a case',
      );
      checkEqual(created.status, 'new', 'a new case status');
      check(created.number.length > 0, 'the case has no number');
      check(
        created.firstResponseDueAt > created.createdAt,
        'first response is due before the case was raised',
      );
      checkEqual(
        (await adapter.cases.create(input, { idempotencyKey: key })).id,
        created.id,
        'replayed id',
      );
      await checkRejects(
        () =>
          adapter.cases.create(
            { ...input, subject: '', priority: 'urgent' as 'high' },
            { idempotencyKey: world.key() },
          ),
        'validation',
        'a case without subject and with an unknown priority',
        'priority',
      );
    },
  },
  'an agent assigns, replies and resolves; the partner confirms': {
    needs: ['cases'],
    async run(world) {
      const created = await raised(world);
      const agent = await world.as('supportAgent');
      const agentId = (await world.viewer('supportAgent')).userId;
      const assigned = await agent.cases.assign(created.id, agentId, { version: created.version });
      checkEqual(assigned.assigneeId, agentId, 'assignee');
      const working = await agent.cases.transition(created.id, 'in_progress', {
        version: assigned.version,
      });
      const replied = await agent.cases.comment(
        created.id,
        { body: 'Keys re-sent.' },
        { version: working.version },
      );
      const resolved = await agent.cases.transition(created.id, 'resolved', {
        version: replied.version,
      });
      const partner = await world.as('partnerAssociate');
      const seen = await partner.cases.get(created.id);
      check(
        seen.comments.some((c) => c.body === 'Keys re-sent.'),
        'the partner misses the reply',
      );
      const closed = await partner.cases.transition(created.id, 'closed', {
        version: resolved.version,
      });
      checkEqual(closed.status, 'closed', 'status after the partner confirms');
      await checkRejects(
        () => partner.cases.assign(created.id, agentId, { version: closed.version }),
        'forbidden',
        'a partner assigning a case',
      );
      await checkRejects(
        () => agent.cases.transition(created.id, 'new', { version: closed.version }),
        'invalid_transition',
        'closed → new',
      );
    },
  },
  'work notes on a case never reach the partner': {
    needs: ['cases'],
    async run(world) {
      const created = await raised(world);
      const agent = await world.as('supportAgent');
      await agent.cases.comment(
        created.id,
        { body: 'Customer is on a pirated key.', internal: true },
        {
          version: created.version,
        },
      );
      const seen = await (await world.as('partnerAssociate')).cases.get(created.id);
      check(!JSON.stringify(seen).includes('pirated'), 'a work note reached the partner');
      const listed = await (await world.as('partnerAdmin')).cases.list({ limit: 100 });
      check(!JSON.stringify(listed).includes('pirated'), 'a work note reached a partner list');
      const inside = await agent.cases.get(created.id);
      check(
        inside.workNotes?.some((n) => n.body.includes('pirated')),
        'the agent misses its note',
      );
    },
  },
  "an associate sees only its own cases; partner B sees none of A's": {
    needs: ['cases'],
    async run(world) {
      const mine = await raised(world, 'partnerAssociate');
      const colleague = await raised(world, 'partnerManager');
      const associate = await world.as('partnerAssociate');
      const seen = new Set(
        (await collectAll((cursor) => associate.cases.list({ limit: 100, cursor }), 100)).map(
          (c) => c.id,
        ),
      );
      check(seen.has(mine.id), 'the associate misses its own case');
      check(!seen.has(colleague.id), "the associate sees a colleague's case");
      const admin = await (await world.as('partnerAdmin')).cases.list({ limit: 200 });
      check(
        admin.items.some((c) => c.id === colleague.id),
        "the partner admin misses a colleague's case",
      );
      const other = await world.as('otherPartnerAdmin');
      await checkRejects(() => other.cases.get(mine.id), 'not_found', "B reading A's case");
    },
  },
  'the agent queue filters by status and assignment': {
    needs: ['cases'],
    async run(world) {
      const created = await raised(world);
      const agent = await world.as('supportAgent');
      const unassigned = await collectAll(
        (cursor) =>
          agent.cases.list({ filter: { unassigned: true, status: ['new'] }, limit: 100, cursor }),
        100,
      );
      check(
        unassigned.some((c) => c.id === created.id),
        'a new case is missing from the unassigned queue',
      );
      check(
        unassigned.every((c) => c.assigneeId === null && c.status === 'new'),
        'the queue filter leaks',
      );
    },
  },
});
