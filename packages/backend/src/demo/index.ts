export { demoDataset } from './seed.js';
export { generateDataset, type GenerateOptions } from './generate.js';
export {
  DEMO_USERS,
  demoViewer,
  type Dataset,
  type DemoUser,
  type EntityByResource,
} from './dataset.js';
export { DEMO_NOW } from './random.js';
