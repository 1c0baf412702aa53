import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  suggestAssignee,
  type AssigneeSuggestion,
  type CaseRoutingTable,
  type RoutableAgent,
} from '../../src/rules/case-routing.js';
import type { CaseCategory } from '../../src/schemas/case.js';

const sofia: RoutableAgent = { id: 'u-sofia', active: true };
const raj: RoutableAgent = { id: 'u-raj', active: true };
const mia: RoutableAgent = { id: 'u-mia', active: true };
const gone: RoutableAgent = { id: 'u-gone', active: false };

describe('suggestAssignee', () => {
  const cases: {
    name: string;
    category: CaseCategory;
    agents: RoutableAgent[];
    load?: Record<string, number>;
    routes?: CaseRoutingTable;
    expected: AssigneeSuggestion | null;
  }[] = [
    {
      name: 'no agents: no suggestion',
      category: 'licensing',
      agents: [],
      expected: null,
    },
    {
      name: 'only inactive agents: no suggestion',
      category: 'licensing',
      agents: [gone],
      routes: { licensing: ['u-gone'] },
      expected: null,
    },
    {
      name: 'without a table, the agent with the fewest open cases',
      category: 'billing',
      agents: [sofia, raj, mia],
      load: { 'u-sofia': 4, 'u-raj': 1, 'u-mia': 2 },
      expected: { agentId: 'u-raj', reason: 'least_open_cases', openCases: 1 },
    },
    {
      name: 'an agent missing from the load has none open',
      category: 'billing',
      agents: [sofia, raj],
      load: { 'u-sofia': 1 },
      expected: { agentId: 'u-raj', reason: 'least_open_cases', openCases: 0 },
    },
    {
      name: 'a tie on load goes to the lower id',
      category: 'other',
      agents: [sofia, raj],
      expected: { agentId: 'u-raj', reason: 'least_open_cases', openCases: 0 },
    },
    {
      name: 'the table wins over a lighter load elsewhere',
      category: 'licensing',
      agents: [sofia, raj],
      load: { 'u-sofia': 5, 'u-raj': 0 },
      routes: { licensing: ['u-sofia'] },
      expected: { agentId: 'u-sofia', reason: 'handles_category', openCases: 5 },
    },
    {
      name: 'among routed agents, fewer open cases wins',
      category: 'technical',
      agents: [sofia, raj, mia],
      load: { 'u-sofia': 3, 'u-raj': 2, 'u-mia': 0 },
      routes: { technical: ['u-sofia', 'u-raj'] },
      expected: { agentId: 'u-raj', reason: 'handles_category', openCases: 2 },
    },
    {
      name: "a tie among routed agents follows the table's order",
      category: 'technical',
      agents: [raj, sofia],
      routes: { technical: ['u-sofia', 'u-raj'] },
      expected: { agentId: 'u-sofia', reason: 'handles_category', openCases: 0 },
    },
    {
      name: 'an inactive routed agent is skipped',
      category: 'licensing',
      agents: [gone, raj, sofia],
      load: { 'u-raj': 3, 'u-sofia': 1 },
      routes: { licensing: ['u-gone', 'u-raj'] },
      expected: { agentId: 'u-raj', reason: 'handles_category', openCases: 3 },
    },
    {
      name: 'a table naming no available agent falls back to the least loaded',
      category: 'licensing',
      agents: [sofia, raj],
      load: { 'u-sofia': 1, 'u-raj': 2 },
      routes: { licensing: ['u-gone'], billing: ['u-raj'] },
      expected: { agentId: 'u-sofia', reason: 'least_open_cases', openCases: 1 },
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      assert.deepEqual(suggestAssignee(c.category, c.agents, c.load, c.routes), c.expected);
    });
  }

  it('does not reorder the agents it is given', () => {
    const agents = [sofia, raj];
    suggestAssignee('other', agents, { 'u-sofia': 2 });
    assert.deepEqual(agents, [sofia, raj]);
  });
});
