/**
 * @prm-kit/adapter-rest — the prm-kit adapter over HTTP: the documented REST contract of
 * `@prm-kit/core`, sent with ky, with every response validated against the core schemas.
 */
export { createRestAdapter, type RestAdapterOptions } from './rest-adapter.js';
