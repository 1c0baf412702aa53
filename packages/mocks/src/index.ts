/**
 * @prm-kit/mocks — msw handlers that serve the reference backend's REST app, with named
 * scenarios and deterministic fault injection. Start them with `@prm-kit/mocks/node`
 * (`setupMockServer`) or `@prm-kit/mocks/browser` (`startMockWorker`), or hand
 * `createHandlers(…).handlers` to msw-storybook-addon.
 */
export { createHandlers, type HandlersOptions, type MockHandlers } from './handlers.js';
export { SCENARIO_NAMES, emptySeed, scenario, scenarios, type ScenarioName } from './scenarios.js';
export {
  checkFaults,
  createFaultInjector,
  decideFault,
  faultRequest,
  mulberry32,
  NO_FAULTS_FIRED,
  type FaultAction,
  type FaultCounter,
  type FaultDecision,
  type FaultInjector,
  type FaultRequest,
  type FaultRule,
  type Faults,
  type StatusFault,
} from './faults.js';
