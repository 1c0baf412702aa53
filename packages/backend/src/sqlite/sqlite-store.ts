import Database from 'better-sqlite3';
import {
  checkQuery,
  encodeRecord,
  encodeSnapshotRecord,
  orderSnapshot,
  readSnapshot,
  type CheckedCondition,
  type CheckedQuery,
  type CheckedSubquery,
} from '../store/normalize.js';
import type {
  Scalar,
  Store,
  StoredRecord,
  StoreQuery,
  StoreSnapshot,
  StoreWriter,
} from '../store/store.js';

/** The sort expression of a field: see `orderSql`. Indexes on it must spell it the same. */
const sortKey = (path: string) => {
  const value = `json_extract(body, '$.${path}')`;
  return `CASE typeof(${value}) WHEN 'text' THEN lower(${value}) WHEN 'null' THEN x'' ELSE ${value} END`;
};

/**
 * The schema, one step per `PRAGMA user_version`: a database at version `n` has run the first
 * `n` steps, and opening it runs the rest, each in its own transaction.
 *
 * To change the schema, append a step (SQL, several statements allowed) and nothing else:
 * never edit, reorder or remove a step that has shipped, since databases in the field have
 * already run it. A new filter index is a step like
 * `CREATE INDEX records_region ON records (resource, json_extract(body, '$.region'));`
 * — spelled exactly as the queries spell the expression, or SQLite will not use it.
 */
export const MIGRATIONS: readonly string[] = [
  `
  -- body is JSONB (SQLite's binary JSON): json_extract reads it without parsing text, which
  -- makes scans (search, unindexed filters, counts) 2–3 times faster. json(body) shows it.
  CREATE TABLE records (
    resource TEXT NOT NULL,
    id TEXT NOT NULL,
    body BLOB NOT NULL,
    PRIMARY KEY (resource, id)
  );
  -- The fields lists filter on most: tenant scope, owner, assignee, number, status tabs.
  CREATE INDEX records_partnerId ON records (resource, json_extract(body, '$.partnerId'));
  CREATE INDEX records_status ON records (resource, json_extract(body, '$.status'));
  CREATE INDEX records_createdAt ON records (resource, json_extract(body, '$.createdAt'));
  CREATE INDEX records_submittedBy ON records (resource, json_extract(body, '$.submittedBy'));
  CREATE INDEX records_raisedBy ON records (resource, json_extract(body, '$.raisedBy'));
  CREATE INDEX records_assigneeId ON records (resource, json_extract(body, '$.assigneeId'));
  CREATE INDEX records_number ON records (resource, json_extract(body, '$.number'));
  CREATE INDEX records_stage ON records (resource, json_extract(body, '$.stage'));
  -- The default orders (newest first): a page of 25 reads 25 rows instead of sorting them all.
  -- Descending, as those lists are; an ascending sort walks it backwards.
  CREATE INDEX records_sort_createdAt ON records (resource, ${sortKey('createdAt')} DESC, id);
  CREATE INDEX records_sort_at ON records (resource, ${sortKey('at')} DESC, id);
  CREATE TABLE keys (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
  CREATE TABLE sequences (name TEXT PRIMARY KEY, value INTEGER NOT NULL) WITHOUT ROWID;
  `,
  `
  -- A channel manager's partners: the subquery that scopes their lists.
  CREATE INDEX records_channelManagerId ON records (resource, json_extract(body, '$.channelManagerId'));
  `,
  `
  -- 3: the deal registration conflict look-up (the service's conflictKeys) by index.
  CREATE INDEX records_conflictCompany ON records (resource, json_extract(body, '$.conflictKeys.company'));
  CREATE INDEX records_conflictDomain ON records (resource, json_extract(body, '$.conflictKeys.domain'));
  `,
];

/**
 * Brings `db` up to date with `steps` (the store's `MIGRATIONS` unless told otherwise), one
 * transaction per step, and returns the resulting `user_version`. A database from a newer
 * version of the code (more steps than known) is refused rather than guessed at.
 */
export function migrate(db: Database.Database, steps: readonly string[] = MIGRATIONS): number {
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version > steps.length) {
    throw new Error(
      `This database has schema version ${version}; this code knows up to ${steps.length}.`,
    );
  }
  steps.slice(version).forEach((step, index) => {
    db.transaction(() => {
      db.exec(step);
      db.pragma(`user_version = ${version + index + 1}`);
    }).immediate();
  });
  return steps.length;
}

/** Where the SQLite store keeps its data: a file (or `:memory:`), or a database you opened. */
export type SqliteStoreOptions = (
  | {
      /** A database file, created when missing; `:memory:` for a private in-memory one. */
      filename: string;
      database?: never;
    }
  | {
      /** An open better-sqlite3 database; the store migrates it but never closes it. */
      database: Database.Database;
      filename?: never;
    }
) & {
  /** Loaded when the database holds nothing yet: the seed of a new database. */
  snapshot?: StoreSnapshot;
};

/** A `Store` in SQLite (Node only). */
export interface SqliteStore extends Store {
  /** The better-sqlite3 database underneath. */
  readonly database: Database.Database;
  /** Everything the store holds, as JSON-safe copies. */
  snapshot(): StoreSnapshot;
  /** Replaces everything the store holds with `snapshot`, in one transaction. */
  restore(snapshot: StoreSnapshot): void;
  /** SQLite's plan for a `list` query (`EXPLAIN QUERY PLAN`): which index it uses, if any. */
  queryPlan(resource: string, query?: StoreQuery): string[];
  /** Closes the database, when the store opened it. */
  close(): void;
}

type Params = (string | number)[];

/** `$.a.b` as an SQL literal. Safe to write into SQL: the path was checked by `checkFieldPath`. */
const jsonPath = (path: string) => `'$.${path}'`;
const extract = (path: string) => `json_extract(body, ${jsonPath(path)})`;
const jsonType = (path: string) => `json_type(body, ${jsonPath(path)})`;
const NUMBER_TYPES = `('integer', 'real')`;

/**
 * `json_extract` turns JSON true/false into 1/0 and hands out objects as JSON text, so every
 * test on a value also checks its JSON type: the answers then match the memory store's `===`.
 */
function equalsSql(path: string, value: Scalar, params: Params): string {
  if (value === null) return `${extract(path)} IS NULL`;
  if (typeof value === 'boolean') return `${jsonType(path)} = '${value}'`;
  params.push(value);
  const type = typeof value === 'string' ? `= 'text'` : `IN ${NUMBER_TYPES}`;
  return `(${extract(path)} = ? AND ${jsonType(path)} ${type})`;
}

function inSql(path: string, values: readonly Scalar[], params: Params): string {
  const strings = values.filter((value) => typeof value === 'string');
  const numbers = values.filter((value) => typeof value === 'number');
  const booleans = [...new Set(values.filter((value) => typeof value === 'boolean'))];
  const parts: string[] = [];
  if (values.includes(null)) parts.push(`${extract(path)} IS NULL`);
  // One JSON array parameter rather than `?, ?, …`: any length, one cached statement.
  if (strings.length > 0) {
    params.push(JSON.stringify(strings));
    parts.push(
      `(${extract(path)} IN (SELECT value FROM json_each(?)) AND ${jsonType(path)} = 'text')`,
    );
  }
  if (numbers.length > 0) {
    params.push(JSON.stringify(numbers));
    parts.push(
      `(${extract(path)} IN (SELECT value FROM json_each(?)) AND ${jsonType(path)} IN ${NUMBER_TYPES})`,
    );
  }
  if (booleans.length > 0) {
    parts.push(`${jsonType(path)} IN (${booleans.map((value) => `'${value}'`).join(', ')})`);
  }
  if (parts.length === 0) return '0';
  return parts.length === 1 ? parts[0]! : `(${parts.join(' OR ')})`;
}

/**
 * `path IN (SELECT …)`: the subquery's field over its records, compiled by the same code as
 * any query, its values bound in the order they appear. Only text and numbers match, as in
 * the memory store, so both sides are held to those JSON types (`json_extract` turns booleans
 * into 1 and 0 and objects into JSON text). The `id` column is used for an `id` path: on the
 * outer side for its primary key; on the inner one as `+id`, without the column's text
 * affinity, which would keep SQLite from using an index on the outer field.
 */
function subquerySql(path: string, query: CheckedSubquery, params: Params): string {
  const innerId = query.path === 'id';
  const outerId = path === 'id';
  const types = innerId || outerId ? `= 'text'` : `IN ('text', 'integer', 'real')`;
  params.push(query.resource);
  const where = ['resource = ?'];
  if (!innerId) where.push(`${jsonType(query.path)} ${types}`);
  for (const condition of query.where) where.push(conditionSql(condition, params));
  const select = `SELECT ${innerId ? '+id' : extract(query.path)} FROM records WHERE ${where.join(' AND ')}`;
  if (outerId) return `id IN (${select})`;
  return `(${extract(path)} IN (${select}) AND ${jsonType(path)} ${types})`;
}

const COMPARISONS = { lt: '<', lte: '<=', gt: '>', gte: '>=' } as const;

function conditionSql(condition: CheckedCondition, params: Params): string {
  if ('any' in condition) {
    if (condition.any.length === 0) return '0';
    return `(${condition.any.map((option) => conditionSql(option, params)).join(' OR ')})`;
  }
  const { path } = condition;
  switch (condition.op) {
    case 'eq':
      return equalsSql(path, condition.value, params);
    case 'ne':
      // Two-valued: a missing field is "not equal", never SQL's unknown.
      return `NOT coalesce(${equalsSql(path, condition.value, params)}, 0)`;
    case 'in':
      return 'query' in condition
        ? subquerySql(path, condition.query, params)
        : inSql(path, condition.values, params);
    case 'includes':
      params.push(condition.value);
      return (
        `(${jsonType(path)} = 'array' AND EXISTS (SELECT 1 FROM json_each(body, ${jsonPath(path)})` +
        ` WHERE type = 'text' AND value = ?))`
      );
    default: {
      params.push(condition.value);
      const type = typeof condition.value === 'string' ? `= 'text'` : `IN ${NUMBER_TYPES}`;
      return `(${extract(path)} ${COMPARISONS[condition.op]} ? AND ${jsonType(path)} ${type})`;
    }
  }
}

function whereSql(query: CheckedQuery, params: Params): string {
  const parts = [
    'resource = ?',
    ...query.where.map((condition) => conditionSql(condition, params)),
  ];
  if (query.search) {
    const { text } = query.search;
    const fields = query.search.paths.map((path) => {
      params.push(text);
      return `(${jsonType(path)} = 'text' AND instr(lower(${extract(path)}), ?) > 0)`;
    });
    parts.push(fields.length === 0 ? '0' : `(${fields.join(' OR ')})`);
  }
  return parts.join(' AND ');
}

/**
 * The sort position, mirrored by the memory store: numbers (JSON booleans come out as 1/0)
 * before text, lower-cased, before null and missing — an empty blob, which SQLite orders after
 * all text. One expression, so ascending puts nulls last and descending puts them first.
 */
function orderSql(query: CheckedQuery): string {
  // `+id` keeps SQLite from walking the primary key for its order when a filter index would
  // find far fewer rows; unfiltered, the primary key's order is the cheapest.
  if (!query.sort) return query.where.length > 0 || query.search ? '+id' : 'id';
  return `${sortKey(query.sort.path)} ${query.sort.descending ? 'DESC' : 'ASC'}, id`;
}

/** Keeps prepared statements for the query shapes in use; list queries vary in shape. */
class StatementCache {
  readonly #statements = new Map<string, Database.Statement<unknown[], unknown>>();
  readonly #db: Database.Database;
  readonly #size: number;

  constructor(db: Database.Database, size = 200) {
    this.#db = db;
    this.#size = size;
  }

  get(sql: string): Database.Statement<unknown[], unknown> {
    let statement = this.#statements.get(sql);
    if (statement) {
      this.#statements.delete(sql);
    } else {
      statement = this.#db.prepare(sql);
      if (this.#statements.size >= this.#size) {
        this.#statements.delete(this.#statements.keys().next().value!);
      }
    }
    this.#statements.set(sql, statement);
    return statement;
  }
}

/** After this many record writes, the next outermost transaction refreshes SQLite's statistics. */
const WRITES_BEFORE_OPTIMIZE = 1_000;

/**
 * A `Store` over SQLite with better-sqlite3: one `records` table of JSON bodies with
 * expression indexes on the fields lists filter and sort on most, plus `keys` and
 * `sequences`. Transactions are better-sqlite3's, begun `IMMEDIATE` so a transaction that
 * reads first never fails to upgrade to a writer; a nested one is a savepoint, as in the
 * memory store. SQLite picks among the indexes by their statistics, so the store keeps them
 * fresh: `PRAGMA optimize` on opening, after bulk writes and on closing.
 */
export function createSqliteStore(
  options: SqliteStoreOptions = { filename: ':memory:' },
): SqliteStore {
  const owned = options.database === undefined;
  const db = options.database ?? new Database(options.filename);
  try {
    if (owned && !db.memory) {
      db.pragma('journal_mode = WAL');
      // With WAL, NORMAL loses no data on a crash of the process, only on a power cut.
      db.pragma('synchronous = NORMAL');
    }
    migrate(db);
    db.pragma('optimize = 0x10002');
    const { store, seed } = storeOver(db, owned);
    if (options.snapshot) seed(options.snapshot);
    return store;
  } catch (error) {
    if (owned) db.close();
    throw error;
  }
}

/** The store over a migrated database, and how to seed it when it is empty. */
function storeOver(
  db: Database.Database,
  owned: boolean,
): { store: SqliteStore; seed: (snapshot: StoreSnapshot) => void } {
  const statements = new StatementCache(db);
  const getRecord = db.prepare<[string, string], string>(
    'SELECT json(body) FROM records WHERE resource = ? AND id = ?',
  );
  const putRecord = db.prepare<[string, string, string]>(
    'INSERT INTO records (resource, id, body) VALUES (?, ?, jsonb(?))' +
      ' ON CONFLICT (resource, id) DO UPDATE SET body = excluded.body',
  );
  const deleteRecord = db.prepare<[string, string]>(
    'DELETE FROM records WHERE resource = ? AND id = ?',
  );
  const getKey = db.prepare<[string], string>('SELECT value FROM keys WHERE key = ?');
  const putKey = db.prepare<[string, string]>(
    'INSERT INTO keys (key, value) VALUES (?, ?)' +
      ' ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  );
  const nextSequence = db.prepare<[string], number>(
    'INSERT INTO sequences (name, value) VALUES (?, 1)' +
      ' ON CONFLICT (name) DO UPDATE SET value = value + 1 RETURNING value',
  );
  const setSequence = db.prepare<[string, number]>(
    'INSERT INTO sequences (name, value) VALUES (?, ?)' +
      ' ON CONFLICT (name) DO UPDATE SET value = excluded.value',
  );
  for (const statement of [getRecord, getKey, nextSequence]) statement.pluck();

  let writes = 0;
  const run = db.transaction(
    <T>(work: (tx: StoreWriter) => T, tx: StoreWriter, outermost: boolean): T => {
      const result = work(tx);
      // Inside the transaction, which holds the write lock: ANALYZE cannot be kept waiting.
      if (outermost && writes >= WRITES_BEFORE_OPTIMIZE) {
        writes = 0;
        db.pragma('optimize = 0x10002');
      }
      return result;
    },
  );

  /** The page query of a list, its count query and their parameters (without the page). */
  function compile(resource: string, raw: StoreQuery | undefined) {
    const query = checkQuery(raw);
    const params: Params = [resource];
    const where = whereSql(query, params);
    return {
      query,
      params,
      page: `SELECT json(body) FROM records WHERE ${where} ORDER BY ${orderSql(query)} LIMIT ? OFFSET ?`,
      count: `SELECT count(*) FROM records WHERE ${where}`,
    };
  }

  function list(resource: string, raw?: StoreQuery): { items: StoredRecord[]; total: number } {
    const { query, params, page, count } = compile(resource, raw);
    const bodies = statements
      .get(page)
      .pluck()
      .all(...params, query.limit ?? -1, query.offset) as string[];
    const items = bodies.map((body) => JSON.parse(body) as StoredRecord);
    // A page shorter than asked for ends the list: its total needs no second query.
    const ended = query.limit === undefined || items.length < query.limit;
    const total =
      ended && (items.length > 0 || query.offset === 0)
        ? query.offset + items.length
        : (statements
            .get(count)
            .pluck()
            .get(...params) as number);
    return { items, total };
  }

  const reader = {
    get(resource: string, id: string): StoredRecord | undefined {
      const body = getRecord.get(resource, id);
      return body === undefined ? undefined : (JSON.parse(body) as StoredRecord);
    },
    list,
    getKey: (key: string): string | undefined => getKey.get(key),
  };

  /**
   * Writes a snapshot into the open transaction, each record checked and written out once as
   * it is inserted, then refreshes the statistics once for all of it: inside the transaction,
   * which holds the write lock, so ANALYZE cannot be kept waiting.
   */
  function load(snapshot: StoreSnapshot): void {
    const { records, keys, sequences } = readSnapshot(snapshot);
    for (const [resource, items] of records) {
      for (const item of items) {
        const { id, text } = encodeSnapshotRecord(item);
        putRecord.run(resource, id, text);
      }
    }
    for (const [key, value] of Object.entries(keys)) putKey.run(key, value);
    for (const [name, value] of Object.entries(sequences)) setSequence.run(name, value);
    db.exec('ANALYZE');
    writes = 0;
  }

  function seed(snapshot: StoreSnapshot): void {
    db.transaction(() => {
      const used = db
        .prepare<[], number>(
          'SELECT EXISTS (SELECT 1 FROM records) OR EXISTS (SELECT 1 FROM keys)' +
            ' OR EXISTS (SELECT 1 FROM sequences)',
        )
        .pluck()
        .get();
      if (!used) load(snapshot);
    }).immediate();
  }

  const store: SqliteStore = {
    ...reader,
    database: db,
    transaction<T>(work: (tx: StoreWriter) => T): T {
      let open = true;
      const check = () => {
        if (!open) throw new Error('This transaction has ended: write inside its work function.');
      };
      const tx: StoreWriter = {
        ...reader,
        put(resource, record) {
          check();
          putRecord.run(resource, record.id, encodeRecord(record));
          writes += 1;
        },
        delete(resource, id) {
          check();
          deleteRecord.run(resource, id);
          writes += 1;
        },
        putKey(key, value) {
          check();
          putKey.run(key, String(value));
        },
        nextSequence(name) {
          check();
          return nextSequence.get(name)!;
        },
      };
      try {
        return run.immediate(work, tx, !db.inTransaction) as T;
      } finally {
        open = false;
      }
    },
    snapshot(): StoreSnapshot {
      const records: StoreSnapshot['records'] = {};
      const rows = db
        .prepare<[], { resource: string; body: string }>(
          'SELECT resource, json(body) AS body FROM records',
        )
        .iterate();
      for (const { resource, body } of rows) {
        (records[resource] ??= []).push(JSON.parse(body) as StoredRecord);
      }
      const keys = db.prepare<[], [string, string]>('SELECT key, value FROM keys').raw().all();
      const sequences = db
        .prepare<[], [string, number]>('SELECT name, value FROM sequences')
        .raw()
        .all();
      return orderSnapshot({
        records,
        keys: Object.fromEntries(keys),
        sequences: Object.fromEntries(sequences),
      });
    },
    restore(snapshot) {
      db.transaction(() => {
        db.exec('DELETE FROM records; DELETE FROM keys; DELETE FROM sequences;');
        load(snapshot);
      }).immediate();
    },
    queryPlan(resource, query) {
      const { query: checked, params, page } = compile(resource, query);
      return db
        .prepare<Params, { detail: string }>(`EXPLAIN QUERY PLAN ${page}`)
        .all(...params, checked.limit ?? -1, checked.offset)
        .map((row) => row.detail);
    },
    close() {
      if (!owned || !db.open) return;
      db.pragma('optimize');
      db.close();
    },
  };
  return { store, seed };
}
