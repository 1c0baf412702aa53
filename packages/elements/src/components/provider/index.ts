export { PrmProvider } from './provider.js';
