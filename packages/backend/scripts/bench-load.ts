/**
 * What loading a snapshot costs on each store: the generated data set (default 20 000 partners
 * × 3 registrations, no activities) into the memory store, into SQLite by `restore` (empty, and
 * over the same data) and into a new SQLite store seeded with it. Not a test: prints figures,
 * asserts nothing. Run from the repo root:
 *
 *   pnpm exec tsx packages/backend/scripts/bench-load.ts [partners] [runs]
 */
import { performance } from 'node:perf_hooks';
import { createMemoryStore, datasetSnapshot, generateDataset } from '../src/index.js';
import { createSqliteStore, type SqliteStore } from '../src/sqlite/index.js';

const [partners = 20_000, runs = 3] = process.argv.slice(2).map(Number);

const snapshot = datasetSnapshot(
  generateDataset({ partners, dealsPerPartner: 3, activities: false }),
);
const records = Object.values(snapshot.records).reduce((sum, items) => sum + items.length, 0);
const resources = Object.keys(snapshot.records).length;
console.log(`${partners} partners: ${records} records in ${resources} resources, ${runs} runs`);

/**
 * Times `work` `runs` times, each after `prepare` and before `finish` (untimed); prints the
 * fastest and the slowest run.
 */
function time<T>(
  label: string,
  prepare: () => T,
  work: (prepared: T) => unknown,
  finish?: (prepared: T, result: unknown) => void,
): void {
  const times: number[] = [];
  for (let run = 0; run < runs; run++) {
    const prepared = prepare();
    const start = performance.now();
    const result = work(prepared);
    times.push(performance.now() - start);
    finish?.(prepared, result);
  }
  const ms = (value: number) => `${value.toFixed(0).padStart(6)} ms`;
  console.log(
    `  ${label.padEnd(46)} best ${ms(Math.min(...times))}  worst ${ms(Math.max(...times))}`,
  );
}

time(
  'memory: createMemoryStore(snapshot)',
  () => undefined,
  () => createMemoryStore(snapshot),
);

time(
  'sqlite: restore(snapshot) into an empty store',
  () => createSqliteStore({ filename: ':memory:' }),
  (store: SqliteStore) => store.restore(snapshot),
  (store) => store.close(),
);

const full = createSqliteStore({ filename: ':memory:', snapshot });
time(
  'sqlite: restore(snapshot) over the same data',
  () => full,
  (store: SqliteStore) => store.restore(snapshot),
);
full.close();

time(
  'sqlite: createSqliteStore({ snapshot })',
  () => undefined,
  () => createSqliteStore({ filename: ':memory:', snapshot }),
  (_, store) => (store as SqliteStore).close(),
);
