import type { ChangeEvent } from '../../adapter.js';
import { Activity } from '../../schemas/activity.js';
import { EnterpriseMetrics, PartnerMetrics } from '../../schemas/metrics.js';
import { check, checkSchema, ConformanceFailure } from '../assert.js';
import { collectAll, defineCases } from '../case.js';

export const timelineCases = defineCases('timeline', {
  "every change writes an activity that only the record's partner and the enterprise see": {
    needs: ['activities', 'deals'],
    async run(world) {
      const adapter = await world.as('partnerAssociate');
      const draft = await adapter.deals.create(await world.dealInput(), {
        idempotencyKey: world.key(),
      });
      await adapter.deals.transition(draft.id, 'submitted', { version: draft.version });
      const a = await world.partnerId('partnerAdmin');
      const admin = await world.as('partnerAdmin');
      const entries = await collectAll(
        (cursor) => admin.activities.list({ filter: { recordId: draft.id }, limit: 50, cursor }),
        50,
      );
      const actions = entries.map((e) => checkSchema(Activity, e, 'an activity').action);
      check(actions.includes('created'), 'no activity for the creation');
      check(actions.includes('transitioned'), 'no activity for the submission');
      check(
        entries.every((e) => e.partnerId === a),
        'an activity of the record names another partner',
      );
      const other = await world.as('otherPartnerAdmin');
      const leaked = await other.activities.list({ filter: { recordId: draft.id }, limit: 50 });
      check(leaked.items.length === 0, "partner B sees A's activity");
    },
  },
  'metrics match the core schemas': {
    needs: [],
    async run(world) {
      const partner = await world.as('partnerAdmin');
      checkSchema(PartnerMetrics, await partner.metrics.partner(), 'partner metrics');
      const enterprise = await world.as('enterpriseAdmin');
      checkSchema(EnterpriseMetrics, await enterprise.metrics.enterprise(), 'enterprise metrics');
    },
  },
  'live changes reach subscribers': {
    needs: ['cases'],
    async run(world) {
      const agent = await world.as('supportAgent');
      if (!agent.capabilities.live) {
        check(agent.subscribe === undefined, 'capabilities.live is false but subscribe exists');
        return;
      }
      if (agent.subscribe === undefined) {
        throw new ConformanceFailure('capabilities.live is true but there is no subscribe');
      }
      const received: ChangeEvent[] = [];
      const unsubscribe = agent.subscribe((event) => received.push(event));
      try {
        const partner = await world.as('partnerAssociate');
        const created = await partner.cases.create(
          {
            category: 'technical',
            priority: 'low',
            subject: world.unique('Live'),
            description: 'Live check',
          },
          { idempotencyKey: world.key() },
        );
        for (
          let waited = 0;
          waited < 5_000 && !received.some((e) => e.id === created.id);
          waited += 50
        ) {
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
        check(
          received.some(
            (e) => e.id === created.id && e.resource === 'cases' && e.kind === 'created',
          ),
          'no change event for a new case within 5 s',
        );
      } finally {
        unsubscribe();
      }
    },
  },
});
