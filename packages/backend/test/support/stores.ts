import type { ConformanceActor } from '@prm-kit/core/testing';
import type { Viewer } from '@prm-kit/core';
import { createPrmService, datasetSnapshot, type StoreSnapshot } from '../../src/index.js';
import { createMemoryStore } from '../../src/store/memory.js';
import { createSqliteStore } from '../../src/sqlite/index.js';
import { DEMO_NOW, demoDataset, demoViewer } from '../../src/demo/index.js';

/** Every store the service runs on; the same suites run on each. */
export const STORES = [
  { name: 'memory', make: (snapshot: StoreSnapshot) => createMemoryStore(snapshot) },
  {
    name: 'sqlite',
    make: (snapshot: StoreSnapshot) => {
      const store = createSqliteStore({ filename: ':memory:' });
      store.restore(snapshot);
      return store;
    },
  },
] as const;

export const viewerOf = (actor: ConformanceActor): Viewer => demoViewer(actor);

/** A settable clock starting at the demo's reference time. */
export function testClock(start = DEMO_NOW) {
  let now = Date.parse(start);
  return {
    clock: () => new Date(now),
    advance: (ms: number) => {
      now += ms;
    },
  };
}

/** The service over the demo data on one store, with a settable clock. */
export function demoService(store: (typeof STORES)[number]) {
  const time = testClock();
  const snapshot = datasetSnapshot(demoDataset());
  const backing = store.make(snapshot);
  const service = createPrmService({ store: backing, clock: time.clock });
  return {
    service,
    store: backing,
    time,
    as: (actor: ConformanceActor) => service.for(viewerOf(actor)),
  };
}
