/**
 * The Node-only entry of `@prm-kit/backend`: the store over SQLite (better-sqlite3).
 */
export {
  MIGRATIONS,
  createSqliteStore,
  migrate,
  type SqliteStore,
  type SqliteStoreOptions,
} from './sqlite-store.js';
export type {
  Condition,
  Scalar,
  Store,
  StoreQuery,
  StoreReader,
  StoreSnapshot,
  StoreWriter,
  StoredRecord,
} from '../store/store.js';
