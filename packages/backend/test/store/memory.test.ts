import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createMemoryStore } from '../../src/store/memory.js';
import { describeStoreContract } from './store-contract.js';

describeStoreContract('memory', (snapshot) => createMemoryStore(snapshot));

describe('memory store', () => {
  it('takes a page of a large list without sorting it all', () => {
    const records = Array.from({ length: 5_000 }, (_, index) => ({
      id: `r${String(index).padStart(5, '0')}`,
      n: (index * 7_919) % 5_000,
    }));
    const store = createMemoryStore({ records: { big: records }, keys: {}, sequences: {} });
    const page = store.list('big', {
      sort: { field: 'n', direction: 'desc' },
      offset: 10,
      limit: 5,
    });
    assert.deepEqual(
      page.items.map((record) => record.n),
      [4_989, 4_988, 4_987, 4_986, 4_985],
    );
    assert.equal(page.total, 5_000);
  });
});
