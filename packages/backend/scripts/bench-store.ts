/**
 * A micro-benchmark of the stores, to compare them and catch a slow query shape. Not a test:
 * it asserts nothing about time. Run from the repo root:
 *
 *   pnpm exec tsx packages/backend/scripts/bench-store.ts [records]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createSqliteStore } from '../src/sqlite/index.js';
import { createMemoryStore } from '../src/store/memory.js';
import type { Store, StoredRecord, StoreQuery } from '../src/store/store.js';

const COUNT = Number(process.argv[2] ?? 100_000);
const PARTNERS = 1_000;
const STATUSES = ['draft', 'submitted', 'under_review', 'returned', 'approved', 'rejected'];
const COMPANIES = ['Acme', 'Globex', 'Initech', 'Umbrella', 'Hooli', 'Stark', 'Wayne', 'Tyrell'];

/** A small seeded generator (mulberry32), so every run inserts the same records. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function deals(count: number): StoredRecord[] {
  const next = random(42);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  const start = Date.parse('2025-01-01T00:00:00Z');
  return Array.from({ length: count }, (_, index) => {
    const partner = Math.floor(next() * PARTNERS);
    const company = `${pick(COMPANIES)} ${Math.floor(next() * 10_000)}`;
    const createdAt = new Date(start + Math.floor(next() * 730 * 86_400_000)).toISOString();
    return {
      id: `deal_${index.toString(36).padStart(6, '0')}`,
      number: `DR-${String(index + 1).padStart(6, '0')}`,
      partnerId: `partner_${partner}`,
      submittedBy: `user_${partner}_${Math.floor(next() * 5)}`,
      programId: 'program_1',
      status: pick(STATUSES),
      customer: {
        company,
        domain: `${company.toLowerCase().replace(/\s+/g, '-')}.example`,
        country: pick(['US', 'DE', 'FR', 'GB', 'JP']),
      },
      products: [
        { productId: `product_${Math.floor(next() * 50)}`, quantity: 1 + Math.floor(next() * 20) },
      ],
      estimatedValue: { amount: Math.floor(next() * 10_000_000), currency: 'USD' },
      comments: [],
      createdAt,
      updatedAt: createdAt,
      version: 1,
    };
  });
}

/** Milliseconds of one call of `work`, the median of `runs`. */
function time(work: () => unknown, runs = 1): number {
  const times: number[] = [];
  for (let run = 0; run < runs; run++) {
    const start = performance.now();
    work();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

const pageQuery: StoreQuery = {
  where: [
    { field: 'partnerId', op: 'eq', value: 'partner_7' },
    { field: 'status', op: 'in', values: ['submitted', 'under_review', 'approved'] },
  ],
  sort: { field: 'createdAt', direction: 'desc' },
  limit: 25,
};
const allQuery: StoreQuery = { sort: { field: 'createdAt', direction: 'desc' }, limit: 25 };
const searchQuery: StoreQuery = {
  search: { fields: ['number', 'customer.company', 'customer.domain'], text: 'ACME 12' },
  sort: { field: 'createdAt', direction: 'desc' },
  limit: 25,
};

function bench(name: string, store: Store, records: StoredRecord[]): Record<string, string> {
  const insert = time(() =>
    store.transaction((tx) => {
      for (const record of records) tx.put('deals', record);
    }),
  );
  const next = random(7);
  const ids = Array.from(
    { length: 1_000 },
    () => records[Math.floor(next() * records.length)]?.id ?? '',
  );
  const get = time(() => ids.forEach((id) => store.get('deals', id))) / ids.length;
  const page = time(() => store.list('deals', pageQuery), 5);
  const all = time(() => store.list('deals', allQuery), 5);
  const search = time(() => store.list('deals', searchQuery), 5);
  const { total } = store.list('deals', pageQuery);
  const found = store.list('deals', searchQuery).total;
  const ms = (value: number) => `${value.toFixed(value < 1 ? 3 : 1)} ms`;
  return {
    store: name,
    [`insert ${records.length} (1 tx)`]: ms(insert),
    'get (mean of 1000)': ms(get),
    [`partner page of 25 (total ${total})`]: ms(page),
    'all, newest 25': ms(all),
    [`search (total ${found})`]: ms(search),
  };
}

const records = deals(COUNT);
const dir = mkdtempSync(join(tmpdir(), 'prm-bench-'));
try {
  const file = createSqliteStore({ filename: join(dir, 'bench.db') });
  const memorySqlite = createSqliteStore({ filename: ':memory:' });
  const rows = [
    bench('memory', createMemoryStore(), records),
    bench('sqlite :memory:', memorySqlite, records),
    bench('sqlite file (WAL)', file, records),
  ];
  file.close();
  memorySqlite.close();
  console.table(rows);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
