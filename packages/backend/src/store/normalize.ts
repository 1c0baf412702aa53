/**
 * What both stores share: the checks on a query (so they reject the same input) and the text
 * rules they must agree on to give the same answers.
 */
import type { Condition, Scalar, StoredRecord, StoreQuery, StoreSnapshot } from './store.js';

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

/** A condition after checking: its path split, its values known to be of the right types. */
export type CheckedCondition =
  | { path: string; op: 'eq' | 'ne'; value: Scalar }
  | { path: string; op: 'in'; values: readonly Scalar[] }
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
    case 'in':
      if (!Array.isArray(condition.values) || !condition.values.every(isScalar)) {
        invalid('in values', condition.values);
      }
      return { path, op: 'in', values: condition.values };
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

/** A record as JSON text, the form both stores keep: what JSON cannot hold is dropped here. */
export function encodeRecord(record: StoredRecord): string {
  if (typeof record !== 'object' || record === null || Array.isArray(record)) {
    invalid('record', record);
  }
  if (typeof record.id !== 'string') invalid('record id', record.id);
  return JSON.stringify(record);
}

/** A snapshot, checked, as JSON-safe copies in a stable order (records by id, names sorted). */
export function checkSnapshot(snapshot: StoreSnapshot): StoreSnapshot {
  const copy = JSON.parse(JSON.stringify(snapshot)) as Partial<StoreSnapshot> | null;
  if (typeof copy !== 'object' || copy === null) return invalid('snapshot', snapshot);
  const records: StoreSnapshot['records'] = {};
  for (const [resource, items] of Object.entries(copy.records ?? {})) {
    if (!Array.isArray(items)) invalid(`records of ${resource}`, items);
    for (const record of items) encodeRecord(record);
    records[resource] = items;
  }
  const keys: StoreSnapshot['keys'] = {};
  for (const [key, value] of Object.entries(copy.keys ?? {})) {
    if (typeof value !== 'string') invalid(`value of key ${key}`, value);
    keys[key] = value;
  }
  const sequences: StoreSnapshot['sequences'] = {};
  for (const [name, value] of Object.entries(copy.sequences ?? {})) {
    sequences[name] = checkCount(`sequence ${name}`, value);
  }
  return { records, keys, sequences };
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
