import {
  checkQuery,
  checkRecord,
  codePointKey,
  compareText,
  copyJson,
  copySnapshotRecord,
  foldCase,
  orderSnapshot,
  readSnapshot,
  type CheckedCondition,
  type CheckedQuery,
  type CheckedSubquery,
} from './normalize.js';
import type {
  Scalar,
  Store,
  StoredRecord,
  StoreQuery,
  StoreSnapshot,
  StoreWriter,
} from './store.js';

/** A store in memory: for the in-page backend, tests and demos. */
export interface MemoryStore extends Store {
  /** Everything the store holds, as JSON-safe copies. */
  snapshot(): StoreSnapshot;
}

type Json = Scalar | Json[] | { [key: string]: Json };
type Getter = (record: StoredRecord) => unknown;
type Predicate = (record: StoredRecord) => boolean;
/** The records of a resource, for subqueries. */
type Source = (resource: string) => Iterable<StoredRecord>;

/** A plain JSON value, copied. Keeps `__proto__` an own key, as JSON.parse does. */
function cloneJson(value: Json): Json {
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) return value.map(cloneJson);
  const copy: Record<string, Json> = {};
  for (const key of Object.keys(value)) {
    const item = cloneJson(value[key] as Json);
    if (key === '__proto__') {
      Object.defineProperty(copy, key, {
        value: item,
        enumerable: true,
        writable: true,
        configurable: true,
      });
    } else {
      copy[key] = item;
    }
  }
  return copy;
}

const copyRecord = (record: StoredRecord) => cloneJson(record as Json) as StoredRecord;

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Reads a dotted path the way SQLite's `$.a.b` does: own keys of objects only. */
function getter(path: string): Getter {
  const keys = path.split('.');
  return (record) => {
    let value: unknown = record;
    for (const key of keys) {
      if (!isPlainObject(value) || !Object.hasOwn(value, key)) return undefined;
      value = value[key];
    }
    return value;
  };
}

/** Equality as the SQLite store tests it: same JSON type and value; `null` also matches missing. */
function equals(value: unknown, expected: Scalar): boolean {
  return expected === null ? value === undefined || value === null : value === expected;
}

/** A join key: subqueries match text and numbers only. */
const isKey = (value: unknown): value is string | number =>
  typeof value === 'string' || typeof value === 'number';

/** The values of a subquery's field: its text and numbers, read once. */
function subqueryValues(query: CheckedSubquery, source: Source): Set<string | number> {
  const tests = query.where.map((condition) => compile(condition, source));
  const get = getter(query.path);
  const values = new Set<string | number>();
  for (const record of source(query.resource)) {
    if (!tests.every((test) => test(record))) continue;
    const value = get(record);
    if (isKey(value)) values.add(value);
  }
  return values;
}

/** A condition as a test on a record; a subquery in it is run now, once. */
function compile(condition: CheckedCondition, source: Source): Predicate {
  if ('any' in condition) {
    const options = condition.any.map((option) => compile(option, source));
    return (record) => options.some((test) => test(record));
  }
  const get = getter(condition.path);
  switch (condition.op) {
    case 'eq': {
      const { value } = condition;
      return (record) => equals(get(record), value);
    }
    case 'ne': {
      const { value } = condition;
      return (record) => !equals(get(record), value);
    }
    case 'in': {
      if ('query' in condition) {
        const keys = subqueryValues(condition.query, source);
        return (record) => {
          const value = get(record);
          return isKey(value) && keys.has(value);
        };
      }
      const values = new Set(condition.values);
      const orNull = values.has(null);
      return (record) => {
        const value = get(record);
        return value === undefined ? orNull : values.has(value as Scalar);
      };
    }
    case 'includes': {
      const { value } = condition;
      return (record) => {
        const items = get(record);
        return Array.isArray(items) && items.includes(value);
      };
    }
    default: {
      const { op, value } = condition;
      const holds = (order: number) =>
        op === 'lt' ? order < 0 : op === 'lte' ? order <= 0 : op === 'gt' ? order > 0 : order >= 0;
      if (typeof value === 'number') {
        return (record) => {
          const field = get(record);
          return typeof field === 'number' && holds(field - value);
        };
      }
      return (record) => {
        const field = get(record);
        return typeof field === 'string' && holds(compareText(field, value));
      };
    }
  }
}

function compileQuery(query: CheckedQuery, source: Source): Predicate | undefined {
  const tests = query.where.map((condition) => compile(condition, source));
  if (query.search) {
    const { text } = query.search;
    const fields = query.search.paths.map(getter);
    tests.push((record) =>
      fields.some((get) => {
        const value = get(record);
        return typeof value === 'string' && foldCase(value).includes(text);
      }),
    );
  }
  if (tests.length === 0) return undefined;
  if (tests.length === 1) return tests[0];
  return (record) => tests.every((test) => test(record));
}

/**
 * A sort position mirroring the SQLite store's sort expression: numbers (booleans as 0 and 1)
 * before text (folded, in code-point order) before missing and null; then the id. Keys are
 * made once per record so that comparing them is plain `<`.
 */
interface Keyed {
  rank: 0 | 1 | 2;
  key: number | string;
  id: string;
  record: StoredRecord;
}

function keyed(value: unknown, record: StoredRecord): Keyed {
  const id = codePointKey(record.id);
  switch (typeof value) {
    case 'number':
      return { rank: 0, key: value, id, record };
    case 'boolean':
      return { rank: 0, key: value ? 1 : 0, id, record };
    case 'string':
      return { rank: 1, key: codePointKey(foldCase(value)), id, record };
    case 'undefined':
      return { rank: 2, key: 0, id, record };
    default:
      return value === null
        ? { rank: 2, key: 0, id, record }
        : { rank: 1, key: codePointKey(foldCase(JSON.stringify(value))), id, record };
  }
}

/** Ids are unique within a resource: two entries never tie on them. */
const compareIds = (a: Keyed, b: Keyed) => (a.id < b.id ? -1 : 1);

function compareKeys(a: Keyed, b: Keyed): number {
  if (a.rank !== b.rank) return a.rank - b.rank;
  if (a.key === b.key) return 0;
  return a.key < b.key ? -1 : 1;
}

/** The first `count` of `items` in order, without sorting them all when `count` is small. */
function firstInOrder<T>(items: T[], count: number, compare: (a: T, b: T) => number): T[] {
  if (count === 0) return [];
  if (count >= items.length || count > 1000 || count * 8 > items.length) {
    return items.sort(compare).slice(0, count);
  }
  const top: T[] = [];
  for (const item of items) {
    if (top.length === count && compare(item, top[count - 1] as T) >= 0) continue;
    let low = 0;
    let high = top.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (compare(item, top[middle] as T) < 0) high = middle;
      else low = middle + 1;
    }
    top.splice(low, 0, item);
    if (top.length > count) top.pop();
  }
  return top;
}

/**
 * A `Store` in memory. Writes apply in place and log how to undo them; a transaction that
 * throws replays its part of the log backwards, so nothing it wrote remains. A nested
 * transaction is a savepoint, as in SQLite: when it throws, only its own writes are undone.
 * Records are kept as private JSON copies; every record handed out is a fresh copy.
 */
export function createMemoryStore(snapshot?: StoreSnapshot): MemoryStore {
  const tables = new Map<string, Map<string, StoredRecord>>();
  const keys = new Map<string, string>();
  const sequences = new Map<string, number>();
  const undo: (() => void)[] = [];

  if (snapshot) {
    const loaded = readSnapshot(snapshot);
    for (const [resource, items] of loaded.records) {
      const table = new Map<string, StoredRecord>();
      for (const item of items) {
        const record = copySnapshotRecord(item);
        table.set(record.id, record);
      }
      tables.set(resource, table);
    }
    for (const [key, value] of Object.entries(loaded.keys)) keys.set(key, value);
    for (const [name, value] of Object.entries(loaded.sequences)) sequences.set(name, value);
  }

  /** Sets or removes `key` in `map`, logging how to restore what was there. */
  function write<K, V>(map: Map<K, V>, key: K, value: V | undefined): void {
    const previous = map.get(key);
    if (previous === undefined) undo.push(() => map.delete(key));
    else undo.push(() => map.set(key, previous));
    if (value === undefined) map.delete(key);
    else map.set(key, value);
  }

  const source: Source = (resource) => tables.get(resource)?.values() ?? [];

  function list(resource: string, raw?: StoreQuery): { items: StoredRecord[]; total: number } {
    const query = checkQuery(raw);
    const table = tables.get(resource);
    if (!table) return { items: [], total: 0 };
    const test = compileQuery(query, source);
    const matches: StoredRecord[] = [];
    for (const record of table.values()) if (!test || test(record)) matches.push(record);
    const end = query.limit === undefined ? matches.length : query.offset + query.limit;
    const get = query.sort ? getter(query.sort.path) : () => undefined;
    const direction = query.sort?.descending ? -1 : 1;
    const entries = matches.map((record) => keyed(get(record), record));
    const page = firstInOrder(
      entries,
      end,
      (a, b) => direction * compareKeys(a, b) || compareIds(a, b),
    ).map((entry) => entry.record);
    return { items: page.slice(query.offset).map(copyRecord), total: matches.length };
  }

  const reader = {
    get(resource: string, id: string): StoredRecord | undefined {
      const record = tables.get(resource)?.get(id);
      return record && copyRecord(record);
    },
    list,
    getKey: (key: string): string | undefined => keys.get(key),
  };

  function writer(): { tx: StoreWriter; end: () => void } {
    let open = true;
    const check = () => {
      if (!open) throw new Error('This transaction has ended: write inside its work function.');
    };
    const tx: StoreWriter = {
      ...reader,
      put(resource, record) {
        check();
        checkRecord(record);
        const stored = copyJson(record) as StoredRecord;
        let table = tables.get(resource);
        if (!table) {
          const created = new Map<string, StoredRecord>();
          tables.set(resource, created);
          undo.push(() => {
            if (created.size === 0) tables.delete(resource);
          });
          table = created;
        }
        write(table, stored.id, stored);
      },
      delete(resource, id) {
        check();
        const table = tables.get(resource);
        if (table?.has(id)) write(table, id, undefined);
      },
      putKey(key, value) {
        check();
        write(keys, key, String(value));
      },
      nextSequence(name) {
        check();
        const next = (sequences.get(name) ?? 0) + 1;
        write(sequences, name, next);
        return next;
      },
    };
    return { tx, end: () => (open = false) };
  }

  let depth = 0;

  return {
    ...reader,
    transaction<T>(work: (tx: StoreWriter) => T): T {
      const mark = undo.length;
      const { tx, end } = writer();
      depth += 1;
      try {
        const result = work(tx);
        if (typeof (result as { then?: unknown } | null)?.then === 'function') {
          throw new TypeError('Transaction function cannot return a promise');
        }
        return result;
      } catch (error) {
        while (undo.length > mark) undo.pop()?.();
        throw error;
      } finally {
        end();
        depth -= 1;
        if (depth === 0) undo.length = 0;
      }
    },
    snapshot(): StoreSnapshot {
      const records: StoreSnapshot['records'] = {};
      for (const [resource, table] of tables) {
        records[resource] = [...table.values()].map(copyRecord);
      }
      return orderSnapshot({
        records,
        keys: Object.fromEntries(keys),
        sequences: Object.fromEntries(sequences),
      });
    },
  };
}
