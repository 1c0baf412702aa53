/**
 * What both stores share: the checks on a query (so they reject the same input) and the text
 * rules they must agree on to give the same answers.
 */
import type {
  Condition,
  Scalar,
  StoredRecord,
  StoreQuery,
  StoreSnapshot,
  Subquery,
} from './store.js';

const FIELD_PATH = /^[A-Za-z][A-Za-z0-9]*(\.[A-Za-z][A-Za-z0-9]*)*$/;

/**
 * Checks a dotted field path (`customer.country`). The SQLite store writes paths into SQL, so
 * anything else — quotes, brackets, `$`, array indexes — is refused, by both stores alike.
 */
export function checkFieldPath(field: unknown): string {
  if (typeof field !== 'string' || !FIELD_PATH.test(field)) {
    throw new Error(`Invalid field path ${JSON.stringify(field)}: use dotted names like a.b.`);
  }
  return field;
}

const NON_ASCII = /[\u0080-\uffff]/;
const UPPER_ASCII = /[A-Z]+/g;

/**
 * Lower-cases ASCII letters only, exactly as SQLite's built-in `lower()` does, so search and
 * sort fold text the same way in both stores (`É` and `é` stay different).
 */
export function foldCase(text: string): string {
  return NON_ASCII.test(text)
    ? text.replace(UPPER_ASCII, (letters) => letters.toLowerCase())
    : text.toLowerCase();
}

const HIGH = /[\uD800-\uFFFF]/;
const HIGH_ALL = /[\uD800-\uFFFF]/g;

/**
 * `text` rewritten so that comparing code units gives code-point order — UTF-8 byte order,
 * which is how SQLite compares text. The two orders differ only when a surrogate pair meets
 * a character from U+E000–U+FFFF: move surrogates above those, keeping everything length.
 */
export function codePointKey(text: string): string {
  if (!HIGH.test(text)) return text;
  return text.replace(HIGH_ALL, (unit) => {
    const code = unit.charCodeAt(0);
    return String.fromCharCode(code >= 0xe000 ? code - 0x800 : code + 0x2000);
  });
}

/** Compares two strings in code-point order (SQLite's `BINARY` collation on UTF-8). */
export function compareText(a: string, b: string): number {
  if (a === b) return 0;
  if (HIGH.test(a) || HIGH.test(b)) return codePointKey(a) < codePointKey(b) ? -1 : 1;
  return a < b ? -1 : 1;
}

/** A subquery after checking: its field path checked (`id` when none was given). */
export interface CheckedSubquery {
  resource: string;
  path: string;
  where: readonly CheckedCondition[];
}

/** A condition after checking: its path split, its values known to be of the right types. */
export type CheckedCondition =
  | { path: string; op: 'eq' | 'ne'; value: Scalar }
  | { path: string; op: 'in'; values: readonly Scalar[] }
  | { path: string; op: 'in'; query: CheckedSubquery }
  | { path: string; op: 'lt' | 'lte' | 'gt' | 'gte'; value: string | number }
  | { path: string; op: 'includes'; value: string }
  | { any: readonly CheckedCondition[] };

/** A query after checking, with defaults filled in. */
export interface CheckedQuery {
  where: readonly CheckedCondition[];
  /** Absent when there is no search, or its text is empty. `text` is already folded. */
  search?: { paths: readonly string[]; text: string };
  /** Absent: ordered by id. */
  sort?: { path: string; descending: boolean };
  offset: number;
  /** Absent: no limit. */
  limit?: number;
}

const isScalar = (value: unknown): value is Scalar =>
  value === null ||
  typeof value === 'string' ||
  typeof value === 'boolean' ||
  (typeof value === 'number' && Number.isFinite(value));

const isBound = (value: unknown): value is string | number =>
  typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value));

function invalid(what: string, value: unknown): never {
  throw new Error(`Invalid ${what}: ${JSON.stringify(value)}.`);
}

function checkCondition(condition: Condition): CheckedCondition {
  if ('any' in condition) {
    if (!Array.isArray(condition.any)) invalid('any condition', condition);
    return { any: condition.any.map(checkCondition) };
  }
  const path = checkFieldPath(condition.field);
  switch (condition.op) {
    case 'eq':
    case 'ne':
      if (!isScalar(condition.value)) invalid(`${condition.op} value`, condition.value);
      return { path, op: condition.op, value: condition.value };
    case 'in': {
      const { values, query } = condition as { values?: unknown; query?: unknown };
      if (query !== undefined) {
        if (values !== undefined) invalid('in condition: values or query, not both', condition);
        return { path, op: 'in', query: checkSubquery(query) };
      }
      if (!Array.isArray(values) || !values.every(isScalar)) invalid('in values', values);
      return { path, op: 'in', values };
    }
    case 'lt':
    case 'lte':
    case 'gt':
    case 'gte':
      if (!isBound(condition.value)) invalid(`${condition.op} value`, condition.value);
      return { path, op: condition.op, value: condition.value };
    case 'includes':
      if (typeof condition.value !== 'string') invalid('includes value', condition.value);
      return { path, op: 'includes', value: condition.value };
    default:
      return invalid('condition', condition);
  }
}

function checkSubquery(query: unknown): CheckedSubquery {
  if (typeof query !== 'object' || query === null || Array.isArray(query)) {
    invalid('in query', query);
  }
  const { resource, field = 'id', where = [] } = query as Partial<Subquery>;
  if (typeof resource !== 'string') invalid('in query resource', resource);
  if (!Array.isArray(where)) invalid('in query where', where);
  return { resource, path: checkFieldPath(field), where: where.map(checkCondition) };
}

function checkCount(what: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) invalid(what, value);
  return value;
}

/** Checks a query (paths, values, page) and fills in its defaults; throws an Error when invalid. */
export function checkQuery(query: StoreQuery = {}): CheckedQuery {
  const checked: CheckedQuery = {
    where: (query.where ?? []).map(checkCondition),
    offset: query.offset === undefined ? 0 : checkCount('offset', query.offset),
  };
  if (query.limit !== undefined) checked.limit = checkCount('limit', query.limit);
  if (query.search) {
    const paths = query.search.fields.map(checkFieldPath);
    if (typeof query.search.text !== 'string') invalid('search text', query.search.text);
    if (query.search.text !== '') checked.search = { paths, text: foldCase(query.search.text) };
  }
  if (query.sort) {
    const { field, direction } = query.sort;
    if (direction !== 'asc' && direction !== 'desc') invalid('sort direction', direction);
    checked.sort = { path: checkFieldPath(field), descending: direction === 'desc' };
  }
  return checked;
}

/** Checks that `record` is a record: an object (not an array) with a text `id`. */
export function checkRecord(record: unknown): asserts record is StoredRecord {
  if (typeof record !== 'object' || record === null || Array.isArray(record)) {
    invalid('record', record);
  }
  if (typeof (record as { id?: unknown }).id !== 'string') {
    invalid('record id', (record as { id?: unknown }).id);
  }
}

/** A record as JSON text, the form both stores keep: what JSON cannot hold is dropped here. */
export function encodeRecord(record: StoredRecord): string {
  checkRecord(record);
  return JSON.stringify(record);
}

const NOT_PLAIN = Symbol('not plain JSON');

/** Whether JSON.stringify writes `value` (an object) as the array or object it is. */
function writtenAsIs(value: object): boolean {
  if (typeof (value as { toJSON?: unknown }).toJSON === 'function') return false;
  if (Array.isArray(value)) return true;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/**
 * `value` copied, when it is plain JSON data — what JSON.parse makes: text, finite numbers,
 * booleans, null, arrays and plain objects — so that the copy is what a JSON round trip would
 * give (-0 becomes 0, a `__proto__` key stays an own key). Anything else (undefined, a
 * function, a `Date`, a class instance, a hole in an array): `NOT_PLAIN`.
 */
function copyPlain(value: unknown): unknown {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      return value === 0 ? 0 : Number.isFinite(value) ? value : NOT_PLAIN;
    case 'object': {
      if (value === null) return null;
      if (!writtenAsIs(value)) return NOT_PLAIN;
      if (Array.isArray(value)) {
        const copy = new Array<unknown>(value.length);
        for (let index = 0; index < value.length; index++) {
          const item = copyPlain(value[index]);
          if (item === NOT_PLAIN) return NOT_PLAIN;
          copy[index] = item;
        }
        return copy;
      }
      const copy: Record<string, unknown> = {};
      // Own keys in Object.keys order, as JSON.stringify takes them; faster than Object.keys.
      for (const key in value) {
        if (!Object.hasOwn(value, key)) continue;
        const item = copyPlain((value as Record<string, unknown>)[key]);
        if (item === NOT_PLAIN) return NOT_PLAIN;
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
    default:
      return NOT_PLAIN;
  }
}

/**
 * `value` as JSON.parse(JSON.stringify(value)) gives it — `undefined` where that has no JSON
 * text — copying plain data directly, which is several times faster than writing it out and
 * reading it back.
 */
export function copyJson(value: unknown): unknown {
  const copy = copyPlain(value);
  if (copy !== NOT_PLAIN) return copy;
  const text = JSON.stringify(value) as string | undefined;
  return text === undefined ? undefined : JSON.parse(text);
}

/**
 * A snapshot's parts, checked, except for its records: each of those is still as given, to
 * be checked and made into what a store keeps by `copySnapshotRecord` or
 * `encodeSnapshotRecord`, so that loading copies or writes out each record only once.
 */
export interface SnapshotParts {
  records: [resource: string, items: readonly unknown[]][];
  keys: StoreSnapshot['keys'];
  sequences: StoreSnapshot['sequences'];
}

/**
 * Reads a snapshot the way its JSON copy reads (what JSON cannot hold is dropped), checking
 * all but its records; throws an Error when it is malformed.
 */
export function readSnapshot(snapshot: StoreSnapshot): SnapshotParts {
  let source: unknown = snapshot;
  let records: unknown = (snapshot as Partial<StoreSnapshot> | null)?.records;
  const plain =
    typeof snapshot === 'object' &&
    snapshot !== null &&
    !Array.isArray(snapshot) &&
    writtenAsIs(snapshot) &&
    (records === undefined ||
      (typeof records === 'object' &&
        records !== null &&
        !Array.isArray(records) &&
        writtenAsIs(records) &&
        Object.values(records).every(
          (items: unknown) =>
            typeof items !== 'bigint' &&
            (typeof items !== 'object' || items === null || writtenAsIs(items)),
        )));
  // Anything out of the ordinary (a class instance, a toJSON method): read its JSON copy.
  if (!plain) {
    source = JSON.parse(JSON.stringify(snapshot)) as unknown;
    records = (source as Partial<StoreSnapshot> | null)?.records;
  }
  if (typeof source !== 'object' || source === null) return invalid('snapshot', snapshot);
  const parts: SnapshotParts = { records: [], keys: {}, sequences: {} };
  for (const [resource, items] of Object.entries(records ?? {})) {
    // JSON drops what it cannot write: the entry is not there.
    if (items === undefined || typeof items === 'function' || typeof items === 'symbol') continue;
    if (!Array.isArray(items)) invalid(`records of ${resource}`, items);
    parts.records.push([resource, items]);
  }
  // Small: checked as their JSON copies.
  const { keys, sequences } = JSON.parse(
    JSON.stringify({
      keys: (source as Partial<StoreSnapshot>).keys,
      sequences: (source as Partial<StoreSnapshot>).sequences,
    }),
  ) as Partial<StoreSnapshot>;
  for (const [key, value] of Object.entries(keys ?? {})) {
    if (typeof value !== 'string') invalid(`value of key ${key}`, value);
    parts.keys[key] = value;
  }
  for (const [name, value] of Object.entries(sequences ?? {})) {
    parts.sequences[name] = checkCount(`sequence ${name}`, value);
  }
  return parts;
}

/** A record of a snapshot (see `readSnapshot`) as a private JSON copy, checked. */
export function copySnapshotRecord(item: unknown): StoredRecord {
  const copy = copyJson(item);
  checkRecord(copy);
  return copy;
}

/**
 * A record of a snapshot (see `readSnapshot`) as JSON text, checked as `copySnapshotRecord`
 * checks it, and its id: the text is written once and read back only when the record is out
 * of the ordinary.
 */
export function encodeSnapshotRecord(item: unknown): { id: string; text: string } {
  if (
    typeof item === 'object' &&
    item !== null &&
    !Array.isArray(item) &&
    writtenAsIs(item) &&
    Object.prototype.propertyIsEnumerable.call(item, 'id')
  ) {
    // A plain object is written as itself: its JSON has this id when the id is text.
    const { id } = item as { id?: unknown };
    if (typeof id !== 'string') invalid('record id', id);
    return { id, text: JSON.stringify(item) };
  }
  const text = JSON.stringify(item) as string | undefined;
  const copy: unknown = text === undefined ? undefined : JSON.parse(text);
  checkRecord(copy);
  return { id: copy.id, text: text! };
}

/** Sorts a snapshot's parts the same way in both stores, so two snapshots compare equal. */
export function orderSnapshot(snapshot: StoreSnapshot): StoreSnapshot {
  const byName = <T>(entries: [string, T][]) =>
    Object.fromEntries(entries.sort(([a], [b]) => compareText(a, b)));
  const records: [string, StoredRecord[]][] = Object.entries(snapshot.records)
    .filter(([, items]) => items.length > 0)
    .map(([resource, items]) => [resource, items.sort((a, b) => compareText(a.id, b.id))]);
  return {
    records: byName(records),
    keys: byName(Object.entries(snapshot.keys)),
    sequences: byName(Object.entries(snapshot.sequences)),
  };
}
