/**
 * The adapter conformance suite: proves that a `PrmAdapter` behaves as the contract says.
 * It needs no test runner — call it from yours and fail on `report.failed`:
 *
 * ```ts
 * import { runConformance, formatReport } from '@prm-kit/core/testing';
 * const report = await runConformance({ makeAdapter: (actor) => myAdapterSignedInAs(actor) });
 * if (report.failed > 0) throw new Error(formatReport(report));
 * ```
 *
 * See `CONFORMANCE_ACTORS` for the users and data the backend must hold.
 */
import type { PrmAdapter } from '../adapter.js';
import { ConformanceFailure } from './assert.js';
import type { ConformanceCase } from './case.js';
import { catalogCases } from './cases/catalog.js';
import { dealCases } from './cases/deals.js';
import { fundsAndLeadsCases } from './cases/funds-and-leads.js';
import { lifecycleCases } from './cases/lifecycle.js';
import { partnerCases } from './cases/partners.js';
import { salesCases } from './cases/sales.js';
import { sessionCases } from './cases/session.js';
import { supportCases } from './cases/support.js';
import { timelineCases } from './cases/timeline.js';
import { World, type MakeAdapter } from './world.js';

export {
  CONFORMANCE_ACTORS,
  programInput,
  type ConformanceActor,
  type MakeAdapter,
} from './world.js';
export { ConformanceFailure } from './assert.js';
export type { ConformanceCase } from './case.js';

/** Every case of the suite, in the order it runs. */
export const conformanceCases: readonly ConformanceCase[] = [
  ...sessionCases,
  ...catalogCases,
  ...partnerCases,
  ...dealCases,
  ...supportCases,
  ...salesCases,
  ...fundsAndLeadsCases,
  ...lifecycleCases,
  ...timelineCases,
];

export interface ConformanceOptions {
  /** An adapter signed in as `actor`. Every adapter of one run must share one backend. */
  makeAdapter: MakeAdapter;
  /** Run only the cases this returns true for (by `group` and `name`). */
  filter?: (testCase: ConformanceCase) => boolean;
  /** Per-case time limit; a case that hangs fails instead of stalling the run. Default 20 s. */
  timeoutMs?: number;
}

export interface ConformanceResult {
  group: string;
  name: string;
  /** `not_applicable`: the backend does not declare a resource the case needs. */
  status: 'passed' | 'failed' | 'not_applicable';
  error?: unknown;
  durationMs: number;
}

export interface ConformanceReport {
  passed: number;
  failed: number;
  notApplicable: number;
  results: ConformanceResult[];
}

/** Runs the suite, one case at a time, and reports every case. Never throws for a failed case. */
export async function runConformance(options: ConformanceOptions): Promise<ConformanceReport> {
  const timeoutMs = options.timeoutMs ?? 20_000;
  const probe: PrmAdapter = await options.makeAdapter('enterpriseAdmin');
  const world = new World(options.makeAdapter, probe.capabilities);
  const results: ConformanceResult[] = [];
  for (const testCase of conformanceCases.filter(options.filter ?? (() => true))) {
    const { group, name } = testCase;
    if (!testCase.needs.every((resource) => world.supports(resource))) {
      results.push({ group, name, status: 'not_applicable', durationMs: 0 });
      continue;
    }
    const started = Date.now();
    try {
      await withTimeout(testCase.run(world), timeoutMs);
      results.push({ group, name, status: 'passed', durationMs: Date.now() - started });
    } catch (error) {
      results.push({ group, name, status: 'failed', error, durationMs: Date.now() - started });
    }
  }
  const count = (status: ConformanceResult['status']) =>
    results.filter((r) => r.status === status).length;
  return {
    passed: count('passed'),
    failed: count('failed'),
    notApplicable: count('not_applicable'),
    results,
  };
}

/** The report as text: one line per case, failures with their reason. */
export function formatReport(report: ConformanceReport): string {
  const mark = { passed: '✓', failed: '✗', not_applicable: '–' } as const;
  const lines = report.results.map((r) => {
    const reason = r.status === 'failed' ? `\n    ${errorText(r.error)}` : '';
    return `${mark[r.status]} ${r.group}: ${r.name}${reason}`;
  });
  lines.push(
    `${report.passed} passed, ${report.failed} failed, ${report.notApplicable} not applicable`,
  );
  return lines.join('\n');
}

function errorText(error: unknown): string {
  if (error instanceof ConformanceFailure) return error.message;
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return String(error);
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new ConformanceFailure(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
