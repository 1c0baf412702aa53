/**
 * @prm-kit/backend — the reference backend: every operation of the adapter contract,
 * enforcing the core rules, the capability matrix and tenant isolation, over a store.
 * The SQLite store is in the Node-only entry `@prm-kit/backend/sqlite`.
 */
export { createPrmService, type PrmService, type PrmServiceOptions } from './service/service.js';
export { createMemoryStore, type MemoryStore } from './store/memory.js';
export type {
  Condition,
  Scalar,
  Store,
  StoreQuery,
  StoreReader,
  StoreSnapshot,
  StoreWriter,
  StoredRecord,
} from './store/store.js';
export { datasetSnapshot } from './snapshot.js';
export {
  DEMO_NOW,
  DEMO_USERS,
  demoViewer,
  demoDataset,
  generateDataset,
  type Dataset,
  type DemoUser,
  type GenerateOptions,
} from './demo/index.js';
export { createRestApp, type RestAppOptions } from './rest/app.js';
export { DEMO_TOKENS, demoAuthenticate, type DemoActor } from './rest/demo-auth.js';
