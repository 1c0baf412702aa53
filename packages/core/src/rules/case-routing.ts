/**
 * Case routing: which support agent a new or unassigned case should go to. A routing table
 * names the agents who handle each category; among those (or, when the table names no
 * available agent, among every active agent) the one with the fewest open cases wins.
 */
import type { CaseCategory } from '../schemas/case.js';
import type { User } from '../schemas/viewer.js';
import { compareCodeUnits } from './internal.js';

/** Category → the ids of the agents who handle it, in order of preference. */
export type CaseRoutingTable = Readonly<Partial<Record<CaseCategory, readonly string[]>>>;

/** The agent fields routing reads. */
export type RoutableAgent = Pick<User, 'id' | 'active'>;

/** Why an agent was suggested: the table routes the category to them, or they have the least work. */
export type CaseRoutingReason = 'handles_category' | 'least_open_cases';

export interface AssigneeSuggestion {
  agentId: string;
  reason: CaseRoutingReason;
  /** The agent's open cases, as given in `load` (0 when absent). */
  openCases: number;
}

/**
 * The agent to suggest for a case of `category`, or `null` when no agent is active. Only
 * active agents qualify. The agents the routing table names for the category come first;
 * among the candidates, fewer open cases (`load`, by agent id) wins, then the table's order,
 * then the id — no randomness, so the same inputs always give the same agent.
 */
export function suggestAssignee(
  category: CaseCategory,
  agents: readonly RoutableAgent[],
  load: Readonly<Record<string, number>> = {},
  routes: CaseRoutingTable = {},
): AssigneeSuggestion | null {
  const active = agents.filter((agent) => agent.active);
  const listed = routes[category] ?? [];
  const routed = active.filter((agent) => listed.includes(agent.id));
  const candidates = routed.length > 0 ? routed : active;
  const open = (id: string) => load[id] ?? 0;
  const rank = (id: string) => (listed.includes(id) ? listed.indexOf(id) : listed.length);
  const best = [...candidates].sort(
    (a, b) => open(a.id) - open(b.id) || rank(a.id) - rank(b.id) || compareCodeUnits(a.id, b.id),
  )[0];
  if (!best) return null;
  return {
    agentId: best.id,
    reason: routed.length > 0 ? 'handles_category' : 'least_open_cases',
    openCases: open(best.id),
  };
}
