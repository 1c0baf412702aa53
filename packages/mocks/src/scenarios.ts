/**
 * Named scenarios, shared by tests and stories: options for `createHandlers`.
 *
 * ```ts
 * createHandlers(scenario('empty'));
 * createHandlers(scenario('slow', { baseUrl: 'https://api.example.com/prm' }));
 * ```
 */
import { DEMO_USERS, demoDataset } from '@prm-kit/backend';
import type { HandlersOptions } from './handlers.js';

export const SCENARIO_NAMES = ['default', 'empty', 'error', 'slow'] as const;
export type ScenarioName = (typeof SCENARIO_NAMES)[number];

/**
 * The demo's people and structure with none of their work: the demo users' partners (ABC
 * Systems, Northwind Networks), their users and every enterprise user, their program
 * memberships, every program, segment and product, and MDF budgets and allocations with
 * nothing committed — but no deals, opportunities, quotes, orders, cases, leads, MDF
 * requests or claims, and no activity.
 */
export function emptySeed(): Record<string, object[]> {
  const demo = demoDataset();
  const partnerIds = new Set<string>(
    Object.values(DEMO_USERS).flatMap((user) => (user.partnerId === null ? [] : [user.partnerId])),
  );
  const ours = (record: { partnerId: string | null }) =>
    record.partnerId === null || partnerIds.has(record.partnerId);
  return {
    partners: demo.partners.filter((partner) => partnerIds.has(partner.id)),
    users: demo.users.filter(ours),
    programs: demo.programs,
    memberships: demo.memberships.filter(ours),
    segments: demo.segments.map((segment) => ({
      ...segment,
      manualMemberIds: segment.manualMemberIds.filter((id) => partnerIds.has(id)),
    })),
    products: demo.products,
    mdfBudgets: demo.mdfBudgets,
    mdfAllocations: demo.mdfAllocations.filter(ours).map((allocation) => ({
      ...allocation,
      committed: { ...allocation.committed, amount: 0 },
      remaining: { ...allocation.amount },
    })),
  };
}

const PRESETS: Readonly<Record<ScenarioName, () => HandlersOptions>> = {
  /** The demo data, no faults. */
  default: () => ({}),
  /** Users, partners, programs and products; no records of anyone's work. */
  empty: () => ({ seed: emptySeed() }),
  /** Every request answers `500` with a `server` problem. */
  error: () => ({ faults: { errorRate: 1 } }),
  /** Every answer takes 1.5–2.5 s. */
  slow: () => ({ faults: { latency: { min: 1_500, max: 2_500 } } }),
};

/** The options of a named scenario; `overrides` win, and their faults merge with its faults. */
export function scenario(name: ScenarioName, overrides: HandlersOptions = {}): HandlersOptions {
  const preset = PRESETS[name]();
  const faults = { ...preset.faults, ...overrides.faults };
  return {
    ...preset,
    ...overrides,
    ...(Object.keys(faults).length > 0 ? { faults } : {}),
  };
}

/** Every scenario's options, by name (each read builds fresh options). */
export const scenarios: Readonly<Record<ScenarioName, HandlersOptions>> = Object.freeze(
  Object.defineProperties(
    {},
    Object.fromEntries(
      SCENARIO_NAMES.map((name) => [name, { get: () => scenario(name), enumerable: true }]),
    ),
  ) as Record<ScenarioName, HandlersOptions>,
);
