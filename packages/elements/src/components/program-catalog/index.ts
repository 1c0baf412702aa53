export { PrmProgramCatalog } from './program-catalog.js';
