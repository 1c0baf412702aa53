/**
 * What the service costs on a large data set, on each store:
 * `pnpm exec tsx packages/backend/scripts/bench-service.ts [partners] [dealsPerPartner]`
 * (default 100 000 partners × 3 registrations). Prints figures; asserts nothing.
 */
import type { ConformanceActor } from '@prm-kit/core/testing';
import { createPrmService, datasetSnapshot, type Store } from '../src/index.js';
import { DEMO_NOW, demoViewer, generateDataset } from '../src/demo/index.js';
import { createMemoryStore } from '../src/store/memory.js';
import { createSqliteStore } from '../src/sqlite/index.js';

const [partners = 100_000, dealsPerPartner = 3] = process.argv.slice(2).map(Number);
const ms = (start: number) => `${(performance.now() - start).toFixed(1)} ms`;

let start = performance.now();
const dataset = generateDataset({ partners, dealsPerPartner, activities: false, now: DEMO_NOW });
const snapshot = datasetSnapshot(dataset);
console.log(
  `${partners} partners, ${dataset.deals.length} registrations generated in ${ms(start)}`,
);

async function measure(name: string, store: Store) {
  const service = createPrmService({ store, clock: () => new Date(DEMO_NOW) });
  const as = (actor: ConformanceActor) => service.for(demoViewer(actor));
  const time = async (label: string, work: () => Promise<unknown>) => {
    await work(); // warm up
    const t = performance.now();
    await work();
    console.log(`  ${name.padEnd(7)} ${label.padEnd(48)} ${ms(t)}`);
  };
  const deal = dataset.deals.find((d) => d.partnerId === 'p-abc')!;
  await time('partner: first page of its registrations', () =>
    as('partnerAdmin').deals.list({ limit: 25 }),
  );
  await time('enterprise: first page of all registrations', () =>
    as('enterpriseAdmin').deals.list({ limit: 25 }),
  );
  await time('channel manager: first page of its partners', () =>
    as('channelManager').partners.list({ limit: 25 }),
  );
  await time('channel manager: submitted registrations', () =>
    as('channelManager').deals.list({ filter: { status: ['submitted'] }, limit: 25 }),
  );
  await time('enterprise: search partners by name', () =>
    as('enterpriseAdmin').partners.list({ search: 'systems', limit: 25 }),
  );
  await time('partner: one registration', () => as('partnerAdmin').deals.get(deal.id));
  await time('partner: live conflict check', () =>
    as('partnerAdmin').deals.checkConflicts({ customer: deal.customer, products: deal.products }),
  );
}

start = performance.now();
const memory = createMemoryStore(snapshot);
console.log(`memory store loaded in ${ms(start)}`);
await measure('memory', memory);
start = performance.now();
const sqlite = createSqliteStore({ filename: ':memory:' });
sqlite.restore(snapshot);
console.log(`SQLite store loaded in ${ms(start)}`);
await measure('sqlite', sqlite);
sqlite.close();
