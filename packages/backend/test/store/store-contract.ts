/**
 * The store contract: what every `Store` must do, run against each implementation so they
 * give the same answers (the service above them must not tell them apart).
 */
import assert from 'node:assert/strict';
import { describe, it, type TestContext } from 'node:test';
import type {
  Condition,
  Store,
  StoredRecord,
  StoreQuery,
  StoreSnapshot,
} from '../../src/store/store.js';

/** A store under test: a `Store` that can also show what it holds. */
export interface ContractStore extends Store {
  snapshot(): StoreSnapshot;
  close?(): void;
}

/** Makes a fresh store, loaded with `snapshot` when one is given. */
export type MakeStore = (snapshot?: StoreSnapshot) => ContractStore;

const EMPTY: StoreSnapshot = { records: {}, keys: {}, sequences: {} };

/** Records with every kind of value a condition must tell apart. */
const THINGS: StoredRecord[] = [
  {
    id: 'a',
    name: 'Alpha',
    status: 'active',
    count: 3,
    score: 1.5,
    flag: true,
    tags: ['x', 'y'],
    customer: { country: 'DE', size: 10 },
    createdAt: '2025-01-01T00:00:00.000Z',
    owner: null,
  },
  {
    id: 'b',
    name: 'beta',
    status: 'draft',
    count: 10,
    flag: false,
    tags: ['y'],
    customer: { country: 'US', size: 2 },
    createdAt: '2025-02-01T00:00:00.000Z',
    owner: 'u1',
  },
  {
    id: 'c',
    name: 'Gamma',
    status: 'active',
    count: -1,
    flag: 1,
    tags: [],
    customer: { country: 'de' },
    createdAt: '2024-12-31T23:59:59.999Z',
    owner: 'u2',
  },
  {
    id: 'd',
    name: 'delta',
    status: 'archived',
    count: '3',
    flag: 'true',
    tags: 'x',
    customer: null,
    createdAt: null,
    label: '{"id":"a"}',
  },
  {
    id: 'e',
    name: 'Éclair',
    status: 'ACTIVE',
    count: 0,
    tags: [1, 'z', { x: 1 }],
    customer: { country: ['DE'] },
  },
  { id: 'f' },
  { id: 'g', name: { first: 'Alpha' }, status: ['active'], count: { n: 3 }, tags: { x: 'x' } },
];

const ALL = ['a', 'b', 'c', 'd', 'e', 'f', 'g'];

/** [what it shows, where, the ids expected]. */
const CONDITIONS: [string, Condition[], string[]][] = [
  ['eq on text', [{ field: 'status', op: 'eq', value: 'active' }], ['a', 'c']],
  ['eq on text is case-sensitive', [{ field: 'status', op: 'eq', value: 'ACTIVE' }], ['e']],
  ['eq on a number is not eq on its text', [{ field: 'count', op: 'eq', value: 3 }], ['a']],
  ['eq on text is not eq on a number', [{ field: 'count', op: 'eq', value: '3' }], ['d']],
  ['eq 0', [{ field: 'count', op: 'eq', value: 0 }], ['e']],
  ['eq true matches only true', [{ field: 'flag', op: 'eq', value: true }], ['a']],
  ['eq false matches only false', [{ field: 'flag', op: 'eq', value: false }], ['b']],
  ['eq 1 does not match true', [{ field: 'flag', op: 'eq', value: 1 }], ['c']],
  ["eq 'true' does not match true", [{ field: 'flag', op: 'eq', value: 'true' }], ['d']],
  [
    'eq null matches null and missing',
    [{ field: 'owner', op: 'eq', value: null }],
    ['a', 'd', 'e', 'f', 'g'],
  ],
  ['eq on a dotted path', [{ field: 'customer.country', op: 'eq', value: 'DE' }], ['a']],
  [
    'eq null on a dotted path under null or missing',
    [{ field: 'customer.country', op: 'eq', value: null }],
    ['d', 'f', 'g'],
  ],
  ['eq on a nested number', [{ field: 'customer.size', op: 'eq', value: 10 }], ['a']],
  ['eq does not match an object', [{ field: 'name', op: 'eq', value: 'Alpha' }], ['a']],
  ['a path into an object', [{ field: 'name.first', op: 'eq', value: 'Alpha' }], ['g']],
  ['arrays have no named fields', [{ field: 'tags.length', op: 'eq', value: 2 }], []],
  ['inherited keys are not fields', [{ field: 'constructor', op: 'eq', value: null }], ALL],
  [
    'ne includes missing',
    [{ field: 'status', op: 'ne', value: 'active' }],
    ['b', 'd', 'e', 'f', 'g'],
  ],
  ['ne null', [{ field: 'owner', op: 'ne', value: null }], ['b', 'c']],
  ['ne true', [{ field: 'flag', op: 'ne', value: true }], ['b', 'c', 'd', 'e', 'f', 'g']],
  ['ne a number', [{ field: 'count', op: 'ne', value: 3 }], ['b', 'c', 'd', 'e', 'f', 'g']],
  ['in text', [{ field: 'status', op: 'in', values: ['draft', 'archived'] }], ['b', 'd']],
  [
    'in with null',
    [{ field: 'owner', op: 'in', values: [null, 'u1'] }],
    ['a', 'b', 'd', 'e', 'f', 'g'],
  ],
  ['in numbers and text', [{ field: 'count', op: 'in', values: [3, '3'] }], ['a', 'd']],
  ['in numbers', [{ field: 'count', op: 'in', values: [10, -1, 99] }], ['b', 'c']],
  ['in booleans', [{ field: 'flag', op: 'in', values: [true, false] }], ['a', 'b']],
  ['in a boolean and a number', [{ field: 'flag', op: 'in', values: [true, 1] }], ['a', 'c']],
  ['in nothing', [{ field: 'status', op: 'in', values: [] }], []],
  [
    'in on a dotted path',
    [{ field: 'customer.country', op: 'in', values: ['DE', 'de'] }],
    ['a', 'c'],
  ],
  ['gt a number', [{ field: 'count', op: 'gt', value: 0 }], ['a', 'b']],
  ['gte a number', [{ field: 'count', op: 'gte', value: 0 }], ['a', 'b', 'e']],
  ['lt a number', [{ field: 'count', op: 'lt', value: 3 }], ['c', 'e']],
  ['lte a number', [{ field: 'count', op: 'lte', value: 3 }], ['a', 'c', 'e']],
  ['gt a fraction', [{ field: 'score', op: 'gt', value: 1 }], ['a']],
  ['numbers compare numerically', [{ field: 'count', op: 'gt', value: 9 }], ['b']],
  ['text compares only with text', [{ field: 'count', op: 'gt', value: '0' }], ['d']],
  ['gte a date', [{ field: 'createdAt', op: 'gte', value: '2025-01-01' }], ['a', 'b']],
  ['lt a date', [{ field: 'createdAt', op: 'lt', value: '2025-01-01' }], ['c']],
  [
    'lte a timestamp',
    [{ field: 'createdAt', op: 'lte', value: '2025-01-01T00:00:00.000Z' }],
    ['a', 'c'],
  ],
  ['text compares case-sensitively', [{ field: 'name', op: 'gt', value: 'a' }], ['b', 'd', 'e']],
  ['lt text', [{ field: 'name', op: 'lt', value: 'B' }], ['a']],
  ['lte on a dotted path', [{ field: 'customer.size', op: 'lte', value: 2 }], ['b']],
  ['includes', [{ field: 'tags', op: 'includes', value: 'x' }], ['a']],
  ['includes in several arrays', [{ field: 'tags', op: 'includes', value: 'y' }], ['a', 'b']],
  ['includes text, not a number', [{ field: 'tags', op: 'includes', value: '1' }], []],
  ['includes among mixed items', [{ field: 'tags', op: 'includes', value: 'z' }], ['e']],
  [
    'includes on a dotted path',
    [{ field: 'customer.country', op: 'includes', value: 'DE' }],
    ['e'],
  ],
  [
    'any',
    [
      {
        any: [
          { field: 'status', op: 'eq', value: 'draft' },
          { field: 'count', op: 'gt', value: 5 },
        ],
      },
    ],
    ['b'],
  ],
  [
    'any of two',
    [
      {
        any: [
          { field: 'flag', op: 'eq', value: true },
          { field: 'customer.country', op: 'eq', value: 'de' },
        ],
      },
    ],
    ['a', 'c'],
  ],
  ['any of nothing', [{ any: [] }], []],
  [
    'any nested',
    [
      {
        any: [
          { any: [{ field: 'status', op: 'eq', value: 'archived' }] },
          { field: 'owner', op: 'eq', value: 'u2' },
        ],
      },
    ],
    ['c', 'd'],
  ],
  [
    'any with ne',
    [
      {
        any: [
          { field: 'owner', op: 'ne', value: null },
          { field: 'name', op: 'eq', value: 'Alpha' },
        ],
      },
    ],
    ['a', 'b', 'c'],
  ],
  [
    'every condition holds',
    [
      { field: 'status', op: 'eq', value: 'active' },
      { field: 'count', op: 'gt', value: 0 },
    ],
    ['a'],
  ],
  ['no condition', [], ALL],
  [
    'any beside another condition',
    [
      {
        any: [
          { field: 'status', op: 'eq', value: 'active' },
          { field: 'status', op: 'eq', value: 'draft' },
        ],
      },
      { field: 'tags', op: 'includes', value: 'y' },
    ],
    ['a', 'b'],
  ],
];

/**
 * Records that subqueries of THINGS draw on: ids, text, numbers, booleans, null and
 * missing values, objects and arrays. THINGS' owners are `u1` (b) and `u2` (c).
 */
const PEOPLE: StoredRecord[] = [
  {
    id: 'u1',
    team: 'red',
    active: true,
    country: 'DE',
    code: 3,
    level: 1,
    nick: 'Alpha',
    thing: 'a',
    manager: null,
  },
  {
    id: 'u2',
    team: 'blue',
    active: true,
    country: 'US',
    code: '3',
    level: true,
    nick: '{"first":"Alpha"}',
    thing: 'c',
  },
  { id: 'u3', team: 'red', active: false, country: 'de', code: 10, level: false, thing: 3 },
  { id: 'u4', team: null, country: ['DE'], code: true, level: '1', thing: { id: 'a' } },
  { id: '3', team: 'blue' },
];

const red: Condition = { field: 'team', op: 'eq', value: 'red' };

/** [what it shows, where (on THINGS, beside PEOPLE), the ids expected]. */
const SUBQUERIES: [string, Condition[], string[]][] = [
  [
    'in a subquery',
    [{ field: 'owner', op: 'in', query: { resource: 'people', where: [red] } }],
    ['b'],
  ],
  [
    'in a subquery of every record',
    [{ field: 'owner', op: 'in', query: { resource: 'people' } }],
    ['b', 'c'],
  ],
  [
    'in a subquery on id, named',
    [{ field: 'owner', op: 'in', query: { resource: 'people', field: 'id', where: [red] } }],
    ['b'],
  ],
  [
    'in a subquery with no matches',
    [
      {
        field: 'owner',
        op: 'in',
        query: { resource: 'people', where: [{ field: 'team', op: 'eq', value: 'green' }] },
      },
    ],
    [],
  ],
  [
    'in a subquery of a resource with no records',
    [{ field: 'owner', op: 'in', query: { resource: 'nobody' } }],
    [],
  ],
  [
    'in a subquery of a field other than id',
    [{ field: 'customer.country', op: 'in', query: { resource: 'people', field: 'country' } }],
    ['a', 'b', 'c'],
  ],
  [
    'in a subquery of a field other than id, filtered',
    [
      {
        field: 'customer.country',
        op: 'in',
        query: {
          resource: 'people',
          field: 'country',
          where: [{ field: 'active', op: 'eq', value: true }],
        },
      },
    ],
    ['a', 'b'],
  ],
  [
    'in a subquery: numbers and text stay apart',
    [{ field: 'count', op: 'in', query: { resource: 'people', field: 'code' } }],
    ['a', 'b', 'd'],
  ],
  [
    'in a subquery: ids match text, not numbers',
    [{ field: 'count', op: 'in', query: { resource: 'people' } }],
    ['d'],
  ],
  [
    'in a subquery: booleans never match, nor 1 true',
    [{ field: 'flag', op: 'in', query: { resource: 'people', field: 'level' } }],
    ['c'],
  ],
  [
    'in a subquery: numbers never match booleans',
    [{ field: 'count', op: 'in', query: { resource: 'people', field: 'level' } }],
    [],
  ],
  [
    'in a subquery: text never matches the JSON text of objects',
    [{ field: 'label', op: 'in', query: { resource: 'people', field: 'thing' } }],
    [],
  ],
  [
    'in a subquery: objects never match their JSON text',
    [{ field: 'name', op: 'in', query: { resource: 'people', field: 'nick' } }],
    ['a'],
  ],
  [
    'in a subquery: null and missing never match',
    [{ field: 'owner', op: 'in', query: { resource: 'people', field: 'manager' } }],
    [],
  ],
  [
    'in a subquery on a dotted path',
    [{ field: 'customer.country', op: 'in', query: { resource: 'people', field: 'country' } }],
    ['a', 'b', 'c'],
  ],
  [
    'id in a subquery',
    [{ field: 'id', op: 'in', query: { resource: 'people', field: 'thing' } }],
    ['a', 'c'],
  ],
  [
    'in a subquery of the same resource',
    [
      {
        field: 'customer.country',
        op: 'in',
        query: {
          resource: 'things',
          field: 'customer.country',
          where: [{ field: 'status', op: 'eq', value: 'draft' }],
        },
      },
    ],
    ['b'],
  ],
  [
    'in a subquery with a subquery in it',
    [
      {
        field: 'owner',
        op: 'in',
        query: {
          resource: 'people',
          where: [
            {
              field: 'country',
              op: 'in',
              query: {
                resource: 'things',
                field: 'customer.country',
                where: [{ field: 'status', op: 'eq', value: 'draft' }],
              },
            },
          ],
        },
      },
    ],
    ['c'],
  ],
  [
    'in a subquery between other conditions',
    [
      { field: 'status', op: 'ne', value: 'archived' },
      {
        field: 'owner',
        op: 'in',
        query: {
          resource: 'people',
          where: [{ field: 'team', op: 'in', values: ['red', 'blue'] }, { any: [red] }],
        },
      },
      { field: 'count', op: 'gt', value: 5 },
    ],
    ['b'],
  ],
  [
    'in a subquery within any',
    [
      {
        any: [
          { field: 'owner', op: 'in', query: { resource: 'people', where: [red] } },
          { field: 'status', op: 'eq', value: 'archived' },
        ],
      },
    ],
    ['b', 'd'],
  ],
  [
    'in a subquery with any in it',
    [
      {
        field: 'owner',
        op: 'in',
        query: {
          resource: 'people',
          where: [{ any: [{ field: 'country', op: 'eq', value: 'US' }, { any: [] }] }],
        },
      },
    ],
    ['c'],
  ],
];

/** [what it shows, search, where, the ids expected]. */
const SEARCHES: [string, StoreQuery['search'], Condition[], string[]][] = [
  ['a substring', { fields: ['name'], text: 'al' }, [], ['a']],
  ['ignoring ASCII case', { fields: ['name'], text: 'ALP' }, [], ['a']],
  ['everywhere it occurs', { fields: ['name'], text: 'a' }, [], ['a', 'b', 'c', 'd', 'e']],
  ['non-ASCII letters keep their case', { fields: ['name'], text: 'éclair' }, [], []],
  ['ASCII letters fold beside them', { fields: ['name'], text: 'ÉCLAIR' }, [], ['e']],
  ['any of several fields', { fields: ['name', 'customer.country'], text: 'us' }, [], ['b']],
  ['text only, not numbers', { fields: ['count'], text: '3' }, [], ['d']],
  ['text only, not arrays', { fields: ['status'], text: 'act' }, [], ['a', 'c', 'e']],
  ['no wildcards', { fields: ['name'], text: '_' }, [], []],
  ['empty text matches all', { fields: ['name'], text: '' }, [], ALL],
  ['no fields match nothing', { fields: [], text: 'a' }, [], []],
  [
    'with conditions',
    { fields: ['status'], text: 'act' },
    [{ field: 'flag', op: 'eq', value: true }],
    ['a'],
  ],
];

/** Values a sort must order: mixed case, non-ASCII, astral, numbers, booleans, null. */
const SORTED: StoredRecord[] = [
  { id: 's01', name: 'banana', n: 10 },
  { id: 's02', name: 'Apple', n: 2 },
  { id: 's03', name: 'apple', n: 2 },
  { id: 's04', name: null, n: null },
  { id: 's05' },
  { id: 's06', name: 'Cherry', n: -5 },
  { id: 's07', name: 'éclair', n: 2.5 },
  { id: 's08', name: 'Zebra', n: true },
  { id: 's09', name: 'Éclair', n: '5' },
  { id: 's10', name: '\uFF41pple', n: false },
  { id: 's11', name: '\u{1F34E}', n: 1 },
];

/** [what it shows, sort, the ids expected in order]. */
const SORTS: [string, StoreQuery['sort'], string[]][] = [
  ['by id when unsorted', undefined, SORTED.map((record) => record.id)],
  [
    'text ascending: folded, code-point order, ties by id, nulls last',
    { field: 'name', direction: 'asc' },
    ['s02', 's03', 's01', 's06', 's08', 's09', 's07', 's10', 's11', 's04', 's05'],
  ],
  [
    'text descending: nulls first, ties still by id',
    { field: 'name', direction: 'desc' },
    ['s04', 's05', 's11', 's10', 's07', 's09', 's08', 's06', 's01', 's02', 's03'],
  ],
  [
    'numbers ascending: numerically, booleans as 0 and 1, then text, then nulls',
    { field: 'n', direction: 'asc' },
    ['s06', 's10', 's08', 's11', 's02', 's03', 's07', 's01', 's09', 's04', 's05'],
  ],
  [
    'numbers descending',
    { field: 'n', direction: 'desc' },
    ['s04', 's05', 's09', 's01', 's07', 's02', 's03', 's08', 's11', 's10', 's06'],
  ],
];

/** [what it shows, query (sorted by n ascending), the ids expected, the total]. */
const PAGES: [string, StoreQuery, string[], number][] = [
  ['the first page', { limit: 3 }, ['s06', 's10', 's08'], 11],
  ['a later page', { offset: 3, limit: 3 }, ['s11', 's02', 's03'], 11],
  ['a short last page', { offset: 9, limit: 5 }, ['s04', 's05'], 11],
  ['just past the end', { offset: 11, limit: 5 }, [], 11],
  ['far past the end', { offset: 20 }, [], 11],
  ['no rows asked for', { limit: 0 }, [], 11],
  ['from an offset to the end', { offset: 8 }, ['s09', 's04', 's05'], 11],
  [
    'a filtered page',
    { where: [{ field: 'n', op: 'gte', value: 2 }], limit: 2 },
    ['s02', 's03'],
    4,
  ],
  [
    'a filtered page past the end',
    { where: [{ field: 'n', op: 'gte', value: 2 }], offset: 4, limit: 2 },
    [],
    4,
  ],
];

/** Field paths a caller might try to smuggle SQL or JSON-path syntax through. */
const BAD_PATHS = [
  '',
  "name'",
  "name') OR 1=1 --",
  'name); DROP TABLE records; --',
  '$.name',
  'name[0]',
  'tags.0',
  '0name',
  'a..b',
  '.a',
  'a.',
  'a b',
  'a-b',
  '__proto__',
  'na\u00efve',
];

/** Sorts ids the way the contract orders them by default: code points (UTF-8 bytes). */
const byBytes = (a: string, b: string) => Buffer.compare(Buffer.from(a), Buffer.from(b));

/** An independent statement of the sort order, to check large lists against. */
function referenceOrder(
  records: StoredRecord[],
  field: string,
  direction: 'asc' | 'desc',
): string[] {
  const rank = (value: unknown) =>
    typeof value === 'number' || typeof value === 'boolean' ? 0 : typeof value === 'string' ? 1 : 2;
  const fold = (text: string) => text.replace(/[A-Z]/g, (letter) => letter.toLowerCase());
  const compare = (a: unknown, b: unknown): number => {
    if (rank(a) !== rank(b)) return rank(a) - rank(b);
    if (rank(a) === 0) return Number(a) - Number(b);
    if (rank(a) === 1) return byBytes(fold(a as string), fold(b as string));
    return 0;
  };
  const sign = direction === 'asc' ? 1 : -1;
  return [...records]
    .sort((a, b) => sign * compare(a[field], b[field]) || byBytes(a.id, b.id))
    .map((record) => record.id);
}

/** Many records with few distinct values, so sorts meet ties, case and nulls everywhere. */
function manyRecords(count: number): StoredRecord[] {
  const names = ['alpha', 'Alpha', 'BETA', 'beta', 'gamma', 'Delta', null, undefined];
  const stamps = [
    '2025-03-01T10:00:00.000Z',
    '2025-01-15T08:30:00.000Z',
    '2024-12-31T23:59:59.999Z',
  ];
  return Array.from({ length: count }, (_, index) => {
    const record: StoredRecord = { id: `r${String((index * 37) % count).padStart(4, '0')}` };
    const name = names[index % names.length];
    if (name !== undefined) record.name = name;
    if (index % 11 !== 0) record.createdAt = stamps[index % stamps.length];
    record.rank = index % 13 === 0 ? null : (index * 7) % 19;
    record.partnerId = `p${index % 5}`;
    return record;
  });
}

const ids = (records: StoredRecord[]) => records.map((record) => record.id);

/**
 * Runs the store contract against `makeStore`. Every test opens its own store and closes it
 * (when the store has `close`) at the end.
 */
export function describeStoreContract(name: string, makeStore: MakeStore): void {
  const open = (t: TestContext, snapshot?: StoreSnapshot): ContractStore => {
    const store = makeStore(snapshot);
    t.after(() => store.close?.());
    return store;
  };
  const filled = (t: TestContext, resource: string, records: StoredRecord[]) =>
    open(t, { records: { [resource]: structuredClone(records) }, keys: {}, sequences: {} });

  describe(`${name}: store contract`, () => {
    describe('records', () => {
      it('gets nothing from an empty store', (t) => {
        const store = open(t);
        assert.equal(store.get('deals', 'missing'), undefined);
        assert.deepEqual(store.list('deals'), { items: [], total: 0 });
        assert.deepEqual(store.snapshot(), EMPTY);
      });

      it('puts, gets, replaces and deletes', (t) => {
        const store = open(t);
        const deal = { id: 'd1', status: 'draft', customer: { company: 'Acme' }, lines: [1, 2] };
        store.transaction((tx) => tx.put('deals', deal));
        assert.deepEqual(store.get('deals', 'd1'), deal);
        store.transaction((tx) => tx.put('deals', { id: 'd1', status: 'submitted' }));
        assert.deepEqual(store.get('deals', 'd1'), { id: 'd1', status: 'submitted' });
        store.transaction((tx) => tx.delete('deals', 'd1'));
        assert.equal(store.get('deals', 'd1'), undefined);
        store.transaction((tx) => tx.delete('deals', 'd1'));
        store.transaction((tx) => tx.delete('nothing', 'd1'));
        assert.deepEqual(store.snapshot(), EMPTY);
      });

      it('keeps resources apart', (t) => {
        const store = open(t);
        store.transaction((tx) => {
          tx.put('deals', { id: 'x', kind: 'deal' });
          tx.put('cases', { id: 'x', kind: 'case' });
        });
        assert.deepEqual(store.get('deals', 'x'), { id: 'x', kind: 'deal' });
        assert.deepEqual(store.get('cases', 'x'), { id: 'x', kind: 'case' });
        assert.equal(store.list('deals').total, 1);
        store.transaction((tx) => tx.delete('deals', 'x'));
        assert.deepEqual(store.get('cases', 'x'), { id: 'x', kind: 'case' });
      });

      it('is not changed through a record it was given', (t) => {
        const store = open(t);
        const deal = { id: 'd1', customer: { company: 'Acme' }, tags: ['a'] };
        store.transaction((tx) => tx.put('deals', deal));
        deal.customer.company = 'Changed';
        deal.tags.push('b');
        assert.deepEqual(store.get('deals', 'd1'), {
          id: 'd1',
          customer: { company: 'Acme' },
          tags: ['a'],
        });
      });

      it('is not changed through a record it returned', (t) => {
        const store = open(t);
        store.transaction((tx) => tx.put('deals', { id: 'd1', customer: { company: 'Acme' } }));
        type Deal = StoredRecord & { customer: { company: string } };
        const got = store.get('deals', 'd1') as Deal;
        got.customer.company = 'Changed';
        const listed = store.list('deals').items[0] as Deal;
        assert.equal(listed.customer.company, 'Acme');
        listed.customer.company = 'Changed';
        const inside = store.transaction((tx) => tx.get('deals', 'd1'))!;
        inside.extra = true;
        assert.deepEqual(store.get('deals', 'd1'), { id: 'd1', customer: { company: 'Acme' } });
        const snapshot = store.snapshot();
        snapshot.records.deals![0]!.id = 'changed';
        assert.deepEqual(ids(store.list('deals').items), ['d1']);
      });

      it('keeps what JSON keeps', (t) => {
        const store = open(t);
        const when = new Date(Date.UTC(2025, 0, 2));
        store.transaction((tx) => tx.put('deals', { id: 'd1', when, gone: undefined, n: 1.25 }));
        assert.deepEqual(store.get('deals', 'd1'), {
          id: 'd1',
          when: '2025-01-02T00:00:00.000Z',
          n: 1.25,
        });
      });

      it('keeps a __proto__ key as data', (t) => {
        const store = open(t);
        const record = JSON.parse('{"id":"p","__proto__":{"polluted":true}}') as StoredRecord;
        store.transaction((tx) => tx.put('things', record));
        for (const got of [store.get('things', 'p'), store.list('things').items[0]]) {
          assert.ok(got && Object.hasOwn(got, '__proto__'));
          assert.equal((got as { polluted?: boolean }).polluted, undefined);
        }
        assert.equal(({} as { polluted?: boolean }).polluted, undefined);
      });

      it('refuses a record without a text id', (t) => {
        const store = open(t);
        for (const bad of [{ id: 1 }, { name: 'no id' }, null, ['id']]) {
          assert.throws(
            () => store.transaction((tx) => tx.put('deals', bad as unknown as StoredRecord)),
            Error,
          );
        }
        assert.deepEqual(store.snapshot(), EMPTY);
      });
    });

    describe('conditions', () => {
      for (const [what, where, expected] of CONDITIONS) {
        it(what, (t) => {
          const store = filled(t, 'things', THINGS);
          const { items, total } = store.list('things', { where });
          assert.deepEqual(ids(items), expected);
          assert.equal(total, expected.length);
        });
      }

      it('compares text by code point, as UTF-8 bytes do', (t) => {
        const store = filled(t, 'sorted', SORTED);
        const where: Condition[] = [{ field: 'name', op: 'gt', value: '\uFFFF' }];
        assert.deepEqual(ids(store.list('sorted', { where }).items), ['s11']);
        const below: Condition[] = [{ field: 'name', op: 'lt', value: '\u{1F34E}' }];
        assert.equal(store.list('sorted', { where: below }).total, 8);
      });
    });

    describe('subqueries', () => {
      for (const [what, where, expected] of SUBQUERIES) {
        it(what, (t) => {
          const store = open(t, {
            records: { things: structuredClone(THINGS), people: structuredClone(PEOPLE) },
            keys: {},
            sequences: {},
          });
          const { items, total } = store.list('things', { where });
          assert.deepEqual(ids(items), expected);
          assert.equal(total, expected.length);
        });
      }

      it('see the writes of the transaction they run in', (t) => {
        const store = open(t, {
          records: { things: structuredClone(THINGS), people: structuredClone(PEOPLE) },
          keys: {},
          sequences: {},
        });
        const where: Condition[] = [
          { field: 'owner', op: 'in', query: { resource: 'people', where: [red] } },
        ];
        store.transaction((tx) => {
          tx.put('people', { id: 'u2', team: 'red' });
          tx.delete('people', 'u1');
          assert.deepEqual(ids(tx.list('things', { where }).items), ['c']);
        });
        assert.deepEqual(ids(store.list('things', { where }).items), ['c']);
      });

      it('leave sort, pages and totals as they were', (t) => {
        const records = manyRecords(240);
        const partners: StoredRecord[] = ['p0', 'p1', 'p2', 'p3', 'p4', 'p5'].map((id, n) => ({
          id,
          channelManagerId: n % 2 === 1 ? 'm1' : 'm2',
        }));
        const store = open(t, {
          records: { big: structuredClone(records), partners },
          keys: {},
          sequences: {},
        });
        const mine = records.filter((record) => ['p1', 'p3'].includes(record.partnerId as string));
        const where: Condition[] = [
          {
            field: 'partnerId',
            op: 'in',
            query: {
              resource: 'partners',
              where: [{ field: 'channelManagerId', op: 'eq', value: 'm1' }],
            },
          },
        ];
        for (const field of ['name', 'createdAt', 'rank']) {
          for (const direction of ['asc', 'desc'] as const) {
            const expected = referenceOrder(mine, field, direction);
            const sort = { field, direction };
            for (const [offset, limit] of [
              [0, 5],
              [40, 7],
              [0, 200],
              [90, 25],
            ] as const) {
              const page = store.list('big', { where, sort, offset, limit });
              assert.deepEqual(ids(page.items), expected.slice(offset, offset + limit));
              assert.equal(page.total, mine.length);
            }
          }
        }
        const values: Condition[] = [{ field: 'partnerId', op: 'in', values: ['p1', 'p3'] }];
        const query = { sort: { field: 'createdAt', direction: 'desc' }, limit: 10 } as const;
        assert.deepEqual(
          store.list('big', { ...query, where }),
          store.list('big', { ...query, where: values }),
        );
        assert.deepEqual(
          ids(store.list('big', { where, limit: 3 }).items),
          ids(mine).sort(byBytes).slice(0, 3),
        );
      });
    });

    describe('search', () => {
      for (const [what, search, where, expected] of SEARCHES) {
        it(what, (t) => {
          const store = filled(t, 'things', THINGS);
          const { items, total } = store.list('things', { search, where });
          assert.deepEqual(ids(items), expected);
          assert.equal(total, expected.length);
        });
      }
    });

    describe('sort', () => {
      for (const [what, sort, expected] of SORTS) {
        it(what, (t) => {
          const store = filled(t, 'sorted', SORTED);
          assert.deepEqual(ids(store.list('sorted', sort ? { sort } : {}).items), expected);
        });
      }

      it('orders objects and arrays as their JSON text', (t) => {
        const store = filled(t, 'mixed', [
          { id: 'm1', v: { b: 1 } },
          { id: 'm2', v: ['A'] },
          { id: 'm3', v: 'zeta' },
          { id: 'm4', v: { a: 'X' } },
        ]);
        const sorted = store.list('mixed', { sort: { field: 'v', direction: 'asc' } });
        assert.deepEqual(ids(sorted.items), ['m2', 'm3', 'm4', 'm1']);
      });

      it('orders a large list the same way, page by page', (t) => {
        const records = manyRecords(240);
        const store = filled(t, 'big', records);
        for (const field of ['name', 'createdAt', 'rank']) {
          for (const direction of ['asc', 'desc'] as const) {
            const expected = referenceOrder(records, field, direction);
            const sort = { field, direction };
            const all = store.list('big', { sort });
            assert.deepEqual(ids(all.items), expected, `${field} ${direction}`);
            for (const [offset, limit] of [
              [0, 5],
              [40, 7],
              [0, 200],
              [230, 25],
            ] as const) {
              const page = store.list('big', { sort, offset, limit });
              assert.deepEqual(ids(page.items), expected.slice(offset, offset + limit));
              assert.equal(page.total, records.length);
            }
          }
        }
        const byId = ids(records).sort(byBytes);
        assert.deepEqual(ids(store.list('big', { limit: 10 }).items), byId.slice(0, 10));
        const where: Condition[] = [{ field: 'partnerId', op: 'eq', value: 'p2' }];
        const filtered = store.list('big', {
          where,
          sort: { field: 'createdAt', direction: 'desc' },
          limit: 5,
        });
        const p2 = records.filter((record) => record.partnerId === 'p2');
        assert.deepEqual(ids(filtered.items), referenceOrder(p2, 'createdAt', 'desc').slice(0, 5));
        assert.equal(filtered.total, p2.length);
      });
    });

    describe('pages', () => {
      for (const [what, query, expected, total] of PAGES) {
        it(what, (t) => {
          const store = filled(t, 'sorted', SORTED);
          const page = store.list('sorted', { ...query, sort: { field: 'n', direction: 'asc' } });
          assert.deepEqual(ids(page.items), expected);
          assert.equal(page.total, total);
        });
      }
    });

    describe('invalid queries', () => {
      for (const path of BAD_PATHS) {
        it(`refuses the field path ${JSON.stringify(path)}`, (t) => {
          const store = filled(t, 'things', THINGS);
          const queries: StoreQuery[] = [
            { where: [{ field: path, op: 'eq', value: 'x' }] },
            { where: [{ any: [{ field: path, op: 'in', values: ['x'] }] }] },
            { where: [{ field: path, op: 'in', query: { resource: 'things' } }] },
            { where: [{ field: 'id', op: 'in', query: { resource: 'things', field: path } }] },
            {
              where: [
                {
                  field: 'id',
                  op: 'in',
                  query: { resource: 'things', where: [{ field: path, op: 'eq', value: 'x' }] },
                },
              ],
            },
            { search: { fields: ['name', path], text: 'x' } },
            { search: { fields: [path], text: '' } },
            { sort: { field: path, direction: 'asc' } },
          ];
          for (const query of queries) {
            assert.throws(() => store.list('things', query), /Invalid field path/);
          }
          assert.equal(store.list('things').total, THINGS.length);
        });
      }

      it('refuses malformed conditions, sorts and pages', (t) => {
        const store = filled(t, 'things', THINGS);
        const bad: unknown[] = [
          { where: [{ field: 'status', op: 'like', value: 'a%' }] },
          { where: [{ field: 'status', op: 'eq', value: { $ne: 1 } }] },
          { where: [{ field: 'count', op: 'eq', value: Number.NaN }] },
          { where: [{ field: 'status', op: 'in', values: 'active' }] },
          { where: [{ field: 'status', op: 'in', values: [['active']] }] },
          { where: [{ field: 'count', op: 'gt', value: null }] },
          { where: [{ field: 'count', op: 'gt', value: true }] },
          { where: [{ field: 'tags', op: 'includes', value: 1 }] },
          { where: [{ any: 'status' }] },
          { where: [{ field: 'owner', op: 'in', query: 'people' }] },
          { where: [{ field: 'owner', op: 'in', query: null }] },
          { where: [{ field: 'owner', op: 'in', query: ['people'] }] },
          { where: [{ field: 'owner', op: 'in', query: { field: 'id' } }] },
          { where: [{ field: 'owner', op: 'in', query: { resource: 1 } }] },
          { where: [{ field: 'owner', op: 'in', query: { resource: 'people', where: red } }] },
          {
            where: [
              {
                field: 'owner',
                op: 'in',
                query: { resource: 'people', where: [{ field: 'team', op: 'like', value: 'r' }] },
              },
            ],
          },
          {
            where: [
              {
                field: 'owner',
                op: 'in',
                query: {
                  resource: 'people',
                  where: [{ field: 'id', op: 'in', query: { resource: 'things', where: [{}] } }],
                },
              },
            ],
          },
          { where: [{ field: 'owner', op: 'in', values: ['u1'], query: { resource: 'people' } }] },
          { search: { fields: ['name'], text: 1 } },
          { sort: { field: 'name', direction: 'up' } },
          { offset: -1 },
          { offset: 1.5 },
          { limit: -1 },
          { limit: '10' },
        ];
        for (const query of bad) {
          assert.throws(() => store.list('things', query as StoreQuery), /^Error: Invalid/);
        }
      });
    });

    describe('idempotency keys', () => {
      it('saves, replaces and reads keys', (t) => {
        const store = open(t);
        assert.equal(store.getKey('k1'), undefined);
        store.transaction((tx) => {
          tx.putKey('k1', 'deal-1');
          tx.putKey('k2', 'deal-2');
        });
        assert.equal(store.getKey('k1'), 'deal-1');
        store.transaction((tx) => tx.putKey('k1', 'deal-3'));
        assert.equal(store.getKey('k1'), 'deal-3');
        assert.equal(store.getKey('k2'), 'deal-2');
        assert.deepEqual(store.snapshot().keys, { k1: 'deal-3', k2: 'deal-2' });
      });
    });

    describe('sequences', () => {
      it('counts from 1, each name on its own', (t) => {
        const store = open(t);
        const values = store.transaction((tx) => [
          tx.nextSequence('DR'),
          tx.nextSequence('DR'),
          tx.nextSequence('CS'),
          tx.nextSequence('DR'),
        ]);
        assert.deepEqual(values, [1, 2, 1, 3]);
        assert.equal(
          store.transaction((tx) => tx.nextSequence('CS')),
          2,
        );
        assert.deepEqual(store.snapshot().sequences, { CS: 2, DR: 3 });
      });

      it('continues from a loaded value', (t) => {
        const store = open(t, { records: {}, keys: {}, sequences: { DR: 41 } });
        assert.equal(
          store.transaction((tx) => tx.nextSequence('DR')),
          42,
        );
      });
    });

    describe('transactions', () => {
      const before: StoreSnapshot = {
        records: {
          deals: [
            { id: 'd1', status: 'draft' },
            { id: 'd2', status: 'submitted' },
          ],
        },
        keys: { k1: 'd1' },
        sequences: { DR: 2 },
      };

      it('commits and returns what the work returns', (t) => {
        const store = open(t, before);
        const result = store.transaction((tx) => {
          tx.put('deals', { id: 'd3', status: 'draft' });
          tx.putKey('k3', 'd3');
          return { number: tx.nextSequence('DR') };
        });
        assert.deepEqual(result, { number: 3 });
        assert.deepEqual(store.get('deals', 'd3'), { id: 'd3', status: 'draft' });
        assert.equal(store.getKey('k3'), 'd3');
        assert.deepEqual(store.snapshot().sequences, { DR: 3 });
      });

      it('leaves nothing written when the work throws, and rethrows', (t) => {
        const store = open(t, before);
        const failure = new Error('midway');
        assert.throws(
          () =>
            store.transaction((tx) => {
              tx.put('deals', { id: 'd3', status: 'draft' });
              tx.put('deals', { id: 'd1', status: 'approved' });
              tx.delete('deals', 'd2');
              tx.put('cases', { id: 'c1' });
              tx.putKey('k1', 'changed');
              tx.putKey('k2', 'd3');
              tx.nextSequence('DR');
              tx.nextSequence('CS');
              throw failure;
            }),
          (error) => error === failure,
        );
        assert.deepEqual(store.snapshot(), before);
        assert.equal(store.list('cases').total, 0);
        assert.equal(
          store.transaction((tx) => tx.nextSequence('CS')),
          1,
        );
      });

      it('sees its own writes inside', (t) => {
        const store = open(t, before);
        store.transaction((tx) => {
          tx.put('deals', { id: 'd3', status: 'draft' });
          tx.put('deals', { id: 'd1', status: 'approved' });
          tx.delete('deals', 'd2');
          tx.putKey('k2', 'd3');
          assert.deepEqual(tx.get('deals', 'd1'), { id: 'd1', status: 'approved' });
          assert.deepEqual(store.get('deals', 'd3'), { id: 'd3', status: 'draft' });
          assert.equal(tx.get('deals', 'd2'), undefined);
          const drafts = tx.list('deals', {
            where: [{ field: 'status', op: 'eq', value: 'draft' }],
            sort: { field: 'status', direction: 'asc' },
          });
          assert.deepEqual(drafts, { items: [{ id: 'd3', status: 'draft' }], total: 1 });
          assert.equal(tx.getKey('k2'), 'd3');
          assert.equal(store.getKey('k2'), 'd3');
          assert.equal(tx.nextSequence('DR'), 3);
          assert.equal(tx.nextSequence('DR'), 4);
        });
      });

      it('commits a nested transaction with the outer one', (t) => {
        const store = open(t, before);
        const result = store.transaction((tx) => {
          tx.put('deals', { id: 'd3' });
          const inner = store.transaction((inside) => {
            inside.put('deals', { id: 'd4' });
            return inside.nextSequence('DR');
          });
          assert.deepEqual(tx.get('deals', 'd4'), { id: 'd4' });
          return inner;
        });
        assert.equal(result, 3);
        assert.deepEqual(ids(store.list('deals').items), ['d1', 'd2', 'd3', 'd4']);
      });

      it('undoes only a nested transaction that throws', (t) => {
        const store = open(t, before);
        store.transaction((tx) => {
          tx.put('deals', { id: 'd3' });
          assert.throws(() =>
            store.transaction((inside) => {
              inside.put('deals', { id: 'd4' });
              inside.delete('deals', 'd1');
              inside.putKey('k4', 'd4');
              inside.nextSequence('DR');
              inside.put('cases', { id: 'c1' });
              throw new Error('inner');
            }),
          );
          assert.equal(tx.get('deals', 'd4'), undefined);
          assert.deepEqual(tx.get('deals', 'd1'), { id: 'd1', status: 'draft' });
          tx.putKey('k3', 'd3');
        });
        const after = store.snapshot();
        assert.deepEqual(ids(after.records.deals ?? []), ['d1', 'd2', 'd3']);
        assert.deepEqual(after.keys, { k1: 'd1', k3: 'd3' });
        assert.deepEqual(after.sequences, { DR: 2 });
        assert.equal(after.records.cases, undefined);
      });

      it('undoes a committed nested transaction when the outer one throws', (t) => {
        const store = open(t, before);
        assert.throws(() =>
          store.transaction(() => {
            store.transaction((inside) => {
              inside.put('deals', { id: 'd4' });
              inside.nextSequence('DR');
            });
            throw new Error('outer');
          }),
        );
        assert.deepEqual(store.snapshot(), before);
      });

      it('refuses work that returns a promise, and keeps nothing of it', (t) => {
        const store = open(t, before);
        assert.throws(
          () =>
            store.transaction((tx) => {
              tx.put('deals', { id: 'd3' });
              return Promise.resolve();
            }),
          TypeError,
        );
        assert.deepEqual(store.snapshot(), before);
      });

      it('refuses writes through a transaction that has ended', (t) => {
        const store = open(t, before);
        const tx = store.transaction((tx) => tx);
        assert.throws(() => tx.put('deals', { id: 'late' }), /transaction has ended/);
        assert.throws(() => tx.delete('deals', 'd1'), /transaction has ended/);
        assert.throws(() => tx.putKey('late', 'x'), /transaction has ended/);
        assert.throws(() => tx.nextSequence('DR'), /transaction has ended/);
        assert.deepEqual(store.snapshot(), before);
      });
    });

    describe('snapshots', () => {
      it('round-trips everything, in a stable order', (t) => {
        const store = open(t);
        store.transaction((tx) => {
          tx.put('deals', { id: 'd2', customer: { company: 'Acme' }, tags: ['a'], ok: true });
          tx.put('deals', { id: 'd1', amount: { amount: 1000, currency: 'EUR' }, note: null });
          tx.put('cases', { id: 'c1', subject: 'Ünïcödé ✓ \u{1F34E}' });
          tx.put('gone', { id: 'g1' });
          tx.delete('gone', 'g1');
          tx.putKey('k', 'd1');
          tx.nextSequence('DR');
        });
        const snapshot = store.snapshot();
        assert.deepEqual(Object.keys(snapshot.records), ['cases', 'deals']);
        assert.deepEqual(ids(snapshot.records.deals ?? []), ['d1', 'd2']);
        assert.deepEqual(JSON.parse(JSON.stringify(snapshot)), snapshot);
        const copy = open(t, snapshot);
        assert.deepEqual(copy.snapshot(), snapshot);
        assert.deepEqual(copy.list('deals'), store.list('deals'));
        assert.equal(copy.getKey('k'), 'd1');
        assert.equal(
          copy.transaction((tx) => tx.nextSequence('DR')),
          2,
        );
      });

      it('is not changed through the snapshot it was made from', (t) => {
        const snapshot: StoreSnapshot = {
          records: { deals: [{ id: 'd1', tags: ['a'] }] },
          keys: {},
          sequences: {},
        };
        const store = open(t, snapshot);
        (snapshot.records.deals![0]!.tags as string[]).push('b');
        assert.deepEqual(store.get('deals', 'd1'), { id: 'd1', tags: ['a'] });
      });

      it('loads what the JSON copy of the snapshot holds', (t) => {
        class Money {
          amount = 5;
          currency = 'EUR';
        }
        const records = {
          deals: [
            {
              id: 'd1',
              when: new Date(Date.UTC(2025, 0, 2)),
              gone: undefined,
              zero: -0,
              nan: Number.NaN,
              list: [undefined, () => 1, -0, new Money()],
              money: new Money(),
              own: JSON.parse('{"__proto__":{"polluted":true}}') as unknown,
            },
            { toJSON: () => ({ id: 'd2', from: 'toJSON' }) },
            Object.assign(Object.create(null) as object, { id: 'd3', n: [1, [2, { x: -0 }]] }),
          ],
          empty: [],
          skipped: undefined,
        };
        const store = open(t, {
          records: records as unknown as StoreSnapshot['records'],
          keys: { k1: 'v1', gone: undefined } as unknown as StoreSnapshot['keys'],
          sequences: { DR: 4 },
        });
        const expected = JSON.parse(
          JSON.stringify({
            records: { deals: records.deals },
            keys: { k1: 'v1' },
            sequences: { DR: 4 },
          }),
        ) as StoreSnapshot;
        assert.deepEqual(store.snapshot(), expected);
        const own = store.get('deals', 'd1')!.own as object;
        assert.ok(Object.hasOwn(own, '__proto__'));
        assert.equal(({} as { polluted?: boolean }).polluted, undefined);
        assert.deepEqual(
          store.list('deals', { where: [{ field: 'zero', op: 'eq', value: 0 }] }).total,
          1,
        );
        assert.deepEqual(store.get('deals', 'd2'), { id: 'd2', from: 'toJSON' });
      });

      it('refuses a malformed snapshot', () => {
        const bad: unknown[] = [
          { records: { deals: {} }, keys: {}, sequences: {} },
          { records: { deals: [{ name: 'no id' }] }, keys: {}, sequences: {} },
          { records: { deals: [{ id: 1 }] }, keys: {}, sequences: {} },
          { records: { deals: [{ id: 'd1' }, null] }, keys: {}, sequences: {} },
          // eslint-disable-next-line no-sparse-arrays -- a hole, which JSON reads as null
          { records: { deals: [{ id: 'd1' }, , { id: 'd2' }] }, keys: {}, sequences: {} },
          { records: { deals: [['d1']] }, keys: {}, sequences: {} },
          { records: { deals: [new Date(0)] }, keys: {}, sequences: {} },
          {
            records: { deals: [Object.defineProperty({}, 'id', { value: 'hidden' })] },
            keys: {},
            sequences: {},
          },
          { records: { deals: 'd1' }, keys: {}, sequences: {} },
          { records: { deals: new Map([['d1', { id: 'd1' }]]) }, keys: {}, sequences: {} },
          { records: {}, keys: { k: 1 }, sequences: {} },
          { records: {}, keys: {}, sequences: { DR: -1 } },
          { records: {}, keys: {}, sequences: { DR: 'one' } },
          42,
        ];
        for (const snapshot of bad) {
          assert.throws(() => makeStore(snapshot as StoreSnapshot), /^Error: Invalid/);
        }
      });

      it('loads a partial snapshot', (t) => {
        const store = open(t, { records: { deals: [{ id: 'd1' }] } } as unknown as StoreSnapshot);
        assert.deepEqual(store.snapshot(), {
          records: { deals: [{ id: 'd1' }] },
          keys: {},
          sequences: {},
        });
      });
    });
  });
}
