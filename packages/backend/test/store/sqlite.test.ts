import Database from 'better-sqlite3';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it, type TestContext } from 'node:test';
import {
  MIGRATIONS,
  createSqliteStore,
  migrate,
  type SqliteStore,
  type SqliteStoreOptions,
} from '../../src/sqlite/index.js';
import type { Condition, StoredRecord, StoreSnapshot } from '../../src/store/store.js';
import { describeStoreContract } from './store-contract.js';

describeStoreContract('sqlite', (snapshot) =>
  createSqliteStore(snapshot ? { filename: ':memory:', snapshot } : { filename: ':memory:' }),
);

describe('sqlite store', () => {
  let dir = '';
  let files = 0;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'prm-store-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  /** A new database file in the test's temporary directory. */
  const newFile = () => join(dir, `store-${++files}.db`);
  const open = (t: TestContext, options: SqliteStoreOptions): SqliteStore => {
    const store = createSqliteStore(options);
    t.after(() => store.close());
    return store;
  };

  const seed: StoreSnapshot = {
    records: {
      deals: [
        { id: 'd1', partnerId: 'p1', status: 'draft' },
        { id: 'd2', partnerId: 'p2', status: 'submitted' },
      ],
    },
    keys: { k1: 'd1' },
    sequences: { DR: 2 },
  };

  describe('migrations', () => {
    it('migrate a new file once and record the version', (t) => {
      const filename = newFile();
      const first = createSqliteStore({ filename });
      assert.equal(first.database.pragma('user_version', { simple: true }), MIGRATIONS.length);
      assert.equal(first.database.pragma('journal_mode', { simple: true }), 'wal');
      first.transaction((tx) => tx.put('deals', { id: 'd1' }));
      first.close();
      // Reopening runs no step again: the first one's CREATE TABLE would fail if it did.
      const second = open(t, { filename });
      assert.equal(second.database.pragma('user_version', { simple: true }), MIGRATIONS.length);
      assert.deepEqual(second.get('deals', 'd1'), { id: 'd1' });
    });

    it('run only the steps a database lacks, each once', () => {
      const db = new Database(':memory:');
      const log = () => db.prepare('SELECT step FROM log').pluck().all();
      const steps = ['CREATE TABLE log (step INTEGER); INSERT INTO log VALUES (1);'];
      assert.equal(migrate(db, steps), 1);
      assert.equal(migrate(db, [...steps, 'INSERT INTO log VALUES (2);']), 2);
      assert.equal(migrate(db, [...steps, 'INSERT INTO log VALUES (2);']), 2);
      assert.deepEqual(log(), [1, 2]);
      assert.equal(db.pragma('user_version', { simple: true }), 2);
      db.close();
    });

    it('leave the version where it was when a step fails', () => {
      const db = new Database(':memory:');
      const steps = ['CREATE TABLE log (step INTEGER);', 'INSERT INTO log VALUES (2); BOGUS;'];
      assert.throws(() => migrate(db, steps), /syntax error/);
      assert.equal(db.pragma('user_version', { simple: true }), 1);
      assert.deepEqual(db.prepare('SELECT step FROM log').all(), []);
      db.close();
    });

    it('index channelManagerId in a database made before that step', () => {
      const db = new Database(':memory:');
      migrate(db, MIGRATIONS.slice(0, 1));
      const put = db.prepare('INSERT INTO records (resource, id, body) VALUES (?, ?, jsonb(?))');
      for (let index = 0; index < 500; index++) {
        const id = `p${index}`;
        put.run('partners', id, JSON.stringify({ id, channelManagerId: `m${index % 5}` }));
      }
      db.exec('ANALYZE');
      const store = createSqliteStore({ database: db });
      assert.equal(db.pragma('user_version', { simple: true }), MIGRATIONS.length);
      const stats = db.prepare('SELECT idx FROM sqlite_stat1').pluck().all();
      assert.ok(stats.includes('records_channelManagerId'), 'analyzed on opening');
      const where: Condition[] = [{ field: 'channelManagerId', op: 'eq', value: 'm1' }];
      assert.match(store.queryPlan('partners', { where }).join('\n'), /records_channelManagerId/);
      assert.equal(store.list('partners', { where }).total, 100);
      store.close();
      db.close();
    });

    it('refuse a database made by newer code', () => {
      const filename = newFile();
      const db = new Database(filename);
      db.pragma('user_version = 99');
      db.close();
      assert.throws(() => createSqliteStore({ filename }), /schema version 99/);
    });
  });

  describe('files', () => {
    it('keep everything across close and reopen', (t) => {
      const filename = newFile();
      const first = createSqliteStore({ filename });
      first.transaction((tx) => {
        tx.put('deals', { id: 'd1', customer: { company: 'Acme' } });
        tx.putKey('k1', 'd1');
        tx.nextSequence('DR');
      });
      const written = first.snapshot();
      first.close();
      first.close();
      const second = open(t, { filename });
      assert.deepEqual(second.snapshot(), written);
      assert.equal(
        second.transaction((tx) => tx.nextSequence('DR')),
        2,
      );
    });

    it('are seeded only while empty', (t) => {
      const filename = newFile();
      createSqliteStore({ filename, snapshot: seed }).close();
      const other: StoreSnapshot = { records: { deals: [{ id: 'x' }] }, keys: {}, sequences: {} };
      const store = open(t, { filename, snapshot: other });
      assert.deepEqual(store.snapshot(), seed);
    });

    it('are left as they were by a failed transaction', (t) => {
      const filename = newFile();
      createSqliteStore({ filename, snapshot: seed }).close();
      const store = createSqliteStore({ filename });
      const before = store.snapshot();
      assert.throws(
        () =>
          store.transaction((tx) => {
            tx.put('deals', { id: 'd3' });
            tx.delete('deals', 'd1');
            tx.putKey('k1', 'changed');
            tx.nextSequence('DR');
            throw new Error('midway');
          }),
        /midway/,
      );
      store.close();
      const reopened = open(t, { filename });
      assert.deepEqual(reopened.snapshot(), before);
      assert.deepEqual(before, seed);
    });
  });

  describe('snapshots', () => {
    it('restore replaces everything', (t) => {
      const store = open(t, { filename: ':memory:', snapshot: seed });
      const replacement: StoreSnapshot = {
        records: { cases: [{ id: 'c1' }] },
        keys: {},
        sequences: { CS: 7 },
      };
      store.restore(replacement);
      assert.deepEqual(store.snapshot(), replacement);
      assert.throws(
        () => store.restore({ records: { cases: [{}] } } as unknown as StoreSnapshot),
        /Invalid/,
      );
      assert.throws(() => store.restore(null as unknown as StoreSnapshot), /Invalid snapshot/);
      assert.deepEqual(store.snapshot(), replacement);
    });
  });

  describe('a database it was given', () => {
    it('is migrated, used and left open', () => {
      const db = new Database(':memory:');
      const store = createSqliteStore({ database: db, snapshot: seed });
      assert.deepEqual(store.snapshot(), seed);
      store.close();
      assert.equal(db.open, true);
      assert.equal(db.prepare('SELECT count(*) FROM records').pluck().get(), 2);
      db.close();
    });

    it('is left open when the store cannot use it', () => {
      const db = new Database(':memory:');
      db.pragma('user_version = 99');
      assert.throws(() => createSqliteStore({ database: db }), /schema version 99/);
      assert.equal(db.open, true);
      db.close();
    });
  });

  describe('queries', () => {
    const deals = (count: number): StoredRecord[] =>
      Array.from({ length: count }, (_, index) => ({
        id: `d${index}`,
        number: `DR-${String(index + 1).padStart(6, '0')}`,
        partnerId: `p${index % 200}`,
        status: ['draft', 'submitted', 'approved'][index % 3],
        createdAt: new Date(Date.UTC(2025, 0, 1) + index * 3_600_000).toISOString(),
      }));

    it('use the filter indexes', (t) => {
      const store = open(t, { filename: ':memory:' });
      store.transaction((tx) => deals(3_000).forEach((deal) => tx.put('deals', deal)));
      const newest = { sort: { field: 'createdAt', direction: 'desc' }, limit: 25 } as const;
      const partner = { where: [{ field: 'partnerId', op: 'eq', value: 'p7' }] } as const;
      const plans: [object, string][] = [
        [partner, 'records_partnerId'],
        [{ ...partner, ...newest }, 'records_partnerId'],
        [{ where: [{ field: 'partnerId', op: 'in', values: ['p7', 'p8'] }] }, 'records_partnerId'],
        [{ where: [{ field: 'number', op: 'eq', value: 'DR-000042' }] }, 'records_number'],
        [newest, 'records_sort_createdAt'],
        [{ sort: { field: 'createdAt', direction: 'asc' } }, 'records_sort_createdAt'],
        // The service's conflict look-up by company and by subdomain range.
        [
          { where: [{ field: 'conflictKeys.company', op: 'eq', value: 'acme' }] },
          'records_conflictCompany',
        ],
        [
          {
            where: [
              { field: 'conflictKeys.domain', op: 'gt', value: 'com.acme.' },
              { field: 'conflictKeys.domain', op: 'lt', value: 'com.acme/' },
            ],
          },
          'records_conflictDomain',
        ],
      ];
      for (const [query, index] of plans) {
        const plan = store.queryPlan('deals', query).join('\n');
        assert.match(
          plan,
          new RegExp(`USING INDEX ${index} `),
          `${JSON.stringify(query)}:\n${plan}`,
        );
      }
      const page = store.list('deals', { ...partner, ...newest });
      assert.deepEqual(
        page.items.map((deal) => deal.id),
        Array.from({ length: 15 }, (_, index) => `d${2807 - index * 200}`),
      );
      assert.equal(page.total, 15);
    });

    /** Deals whose partner is one of those `manager` manages: the channel manager's scope. */
    const managedBy = (manager: string): Condition[] => [
      {
        field: 'partnerId',
        op: 'in',
        query: {
          resource: 'partners',
          where: [{ field: 'channelManagerId', op: 'eq', value: manager }],
        },
      },
    ];

    it('use the indexes for a subquery on channelManagerId', (t) => {
      const store = open(t, { filename: ':memory:' });
      store.transaction((tx) => {
        deals(3_000).forEach((deal) => tx.put('deals', deal));
        for (let index = 0; index < 200; index++) {
          tx.put('partners', { id: `p${index}`, channelManagerId: `m${index % 10}` });
        }
      });
      const where = managedBy('m7');
      const plans: [object, string[]][] = [
        [{ where }, ['records_partnerId', 'records_channelManagerId']],
        [
          { where, sort: { field: 'createdAt', direction: 'desc' }, limit: 25 },
          ['records_channelManagerId'],
        ],
        [
          { where: [...where, { field: 'status', op: 'eq', value: 'approved' }] },
          ['records_channelManagerId'],
        ],
      ];
      for (const [query, indexes] of plans) {
        const plan = store.queryPlan('deals', query).join('\n');
        for (const index of indexes) {
          assert.match(
            plan,
            new RegExp(`USING INDEX ${index} `),
            `${JSON.stringify(query)}:\n${plan}`,
          );
        }
        assert.doesNotMatch(plan, /^SCAN records$/m, `${JSON.stringify(query)}:\n${plan}`);
      }
      const expected = deals(3_000).filter(
        (deal) => Number(String(deal.partnerId).slice(1)) % 10 === 7,
      );
      const all = store.list('deals', { where });
      assert.equal(all.total, expected.length);
      assert.deepEqual(
        all.items.map((deal) => deal.id),
        expected.map((deal) => deal.id).sort(),
      );
    });

    it('take a subquery of 40 000 partner ids', (t) => {
      const partners: StoredRecord[] = Array.from({ length: 45_000 }, (_, index) => ({
        id: `p${index}`,
        channelManagerId: index < 40_000 ? 'm1' : 'm2',
      }));
      const many: StoredRecord[] = Array.from({ length: 5_000 }, (_, index) => ({
        id: `d${index}`,
        partnerId: `p${(index * 9) % 45_000}`,
        createdAt: new Date(Date.UTC(2025, 0, 1) + index * 60_000).toISOString(),
      }));
      const store = open(t, {
        filename: ':memory:',
        snapshot: { records: { partners, deals: many }, keys: {}, sequences: {} },
      });
      const where = managedBy('m1');
      const mine = many.filter((deal) => Number(String(deal.partnerId).slice(1)) < 40_000);
      assert.equal(
        store.list('partners', { where: [{ field: 'channelManagerId', op: 'eq', value: 'm1' }] })
          .total,
        40_000,
      );
      const page = store.list('deals', {
        where,
        sort: { field: 'createdAt', direction: 'desc' },
        offset: 10,
        limit: 25,
      });
      assert.equal(page.total, mine.length);
      assert.deepEqual(
        page.items.map((deal) => deal.id),
        mine
          .map((deal) => deal.id)
          .reverse()
          .slice(10, 35),
      );
      // The same answer as the ids listed and passed as values.
      const ids = store
        .list('partners', { where: [{ field: 'channelManagerId', op: 'eq', value: 'm1' }] })
        .items.map((partner) => partner.id);
      const values = store.list('deals', {
        where: [{ field: 'partnerId', op: 'in', values: ids }],
        sort: { field: 'createdAt', direction: 'desc' },
        offset: 10,
        limit: 25,
      });
      assert.deepEqual(values, page);
    });

    it('bind values, so text that looks like SQL is only text', (t) => {
      const store = open(t, { filename: ':memory:', snapshot: seed });
      const tricks = ["x' OR '1'='1", "'); DROP TABLE records; --", '%', '\\'];
      for (const text of tricks) {
        assert.equal(
          store.list('deals', { where: [{ field: 'status', op: 'eq', value: text }] }).total,
          0,
        );
        assert.equal(store.list('deals', { search: { fields: ['status'], text } }).total, 0);
        assert.equal(
          store.list('deals', { where: [{ field: 'status', op: 'in', values: [text] }] }).total,
          0,
        );
        store.transaction((tx) => tx.put(text, { id: text, status: text }));
        assert.deepEqual(store.get(text, text), { id: text, status: text });
      }
      assert.deepEqual(store.snapshot().records.deals, seed.records.deals);
    });

    it('keep working past the statement cache', (t) => {
      const store = open(t, { filename: ':memory:', snapshot: seed });
      for (let index = 0; index < 210; index++) {
        const query = { sort: { field: `f${index % 205}`, direction: 'asc' } } as const;
        assert.equal(store.list('deals', query).total, 2);
      }
    });
  });
});
