/**
 * The storage the reference backend runs on. Synchronous by design: better-sqlite3 is, and a
 * synchronous transaction cannot interleave with another request's writes.
 */

/** A stored record: a core entity (or an activity) as plain JSON, keyed by resource and id. */
export type StoredRecord = { id: string } & Record<string, unknown>;

/** A scalar a condition compares with. Timestamps and dates are ISO strings, compared as text. */
export type Scalar = string | number | boolean | null;

/**
 * The records an `in` condition draws its values from: `field` (a dotted path, `id` by
 * default) of every record of `resource` that matches all of `where` (which may hold
 * subqueries in turn). Evaluated once per list, so the values need not be fetched and passed
 * one by one — a channel manager's lists are "records whose `partnerId` is among the ids of
 * the partners whose `channelManagerId` is mine", however many those are.
 */
export interface Subquery {
  resource: string;
  /** Default `id`. */
  field?: string;
  where?: readonly Condition[];
}

/**
 * One condition on a record field. `field` is a dotted path (`customer.country`,
 * `estimatedValue.amount`). `includes` tests an array field for one value; `any` holds when
 * one of its conditions does. `in` takes either a list of `values` or a `query` whose
 * records give the values; with a query, only text and numbers match (same JSON type and
 * value): null, missing, booleans, objects and arrays never do, on either side.
 */
export type Condition =
  | { field: string; op: 'eq' | 'ne'; value: Scalar }
  | { field: string; op: 'in'; values: readonly Scalar[] }
  | { field: string; op: 'in'; query: Subquery }
  | { field: string; op: 'lt' | 'lte' | 'gt' | 'gte'; value: string | number }
  | { field: string; op: 'includes'; value: string }
  | { any: readonly Condition[] };

export interface StoreQuery {
  /** Every condition must hold. */
  where?: readonly Condition[];
  /** Case-insensitive substring match on any of `fields`. */
  search?: { fields: readonly string[]; text: string };
  /** Text compares case-insensitively, in code-unit order; ties are broken by `id`. */
  sort?: { field: string; direction: 'asc' | 'desc' };
  offset?: number;
  limit?: number;
}

export interface StoreReader {
  get(resource: string, id: string): StoredRecord | undefined;
  /** The matching records, in order, from `offset`; `total` counts all matches. */
  list(resource: string, query?: StoreQuery): { items: StoredRecord[]; total: number };
  /** The value saved under an idempotency key. */
  getKey(key: string): string | undefined;
}

export interface StoreWriter extends StoreReader {
  /** Inserts or replaces the record with this id. */
  put(resource: string, record: StoredRecord): void;
  delete(resource: string, id: string): void;
  putKey(key: string, value: string): void;
  /** The next value of a named counter, from 1 (record numbers such as DR-000123). */
  nextSequence(name: string): number;
}

export interface Store extends StoreReader {
  /** Runs `work` atomically: when it throws, nothing it wrote remains, and the error is rethrown. */
  transaction<T>(work: (tx: StoreWriter) => T): T;
}

/** Everything a store holds, as JSON: for persistence in browser storage and for seeding. */
export interface StoreSnapshot {
  records: Record<string, StoredRecord[]>;
  keys: Record<string, string>;
  sequences: Record<string, number>;
}
