/**
 * @prm-kit/adapter-local — the zero-setup adapter: the reference backend running in the page,
 * on the demo data or your own, with optional persistence and simulated latency.
 */
export {
  createLocalAdapter,
  createLocalBackend,
  type LocalBackend,
  type LocalAdapter,
  type LocalAdapterOptions,
  type PersistOptions,
} from './local-adapter.js';
export { DEMO_USERS, type DemoUser } from '@prm-kit/backend';
