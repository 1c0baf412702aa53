import { conflictKeys, type Customer } from '@prm-kit/core';
import type { StoreSnapshot, StoredRecord } from './store/store.js';
import { NUMBER_PREFIXES } from './service/ids.js';

/**
 * A data set (records by resource) as a store snapshot: registrations get their conflict
 * keys, and each record-number counter is set past the highest number loaded, so new records
 * continue the sequence (`DR-000031` → 32).
 */
export function datasetSnapshot(
  dataset: Readonly<Record<string, readonly object[]>>,
): StoreSnapshot {
  const records: Record<string, StoredRecord[]> = {};
  for (const [resource, items] of Object.entries(dataset))
    records[resource] = items as StoredRecord[];
  // Registrations carry the keys the service finds conflicts by (see `conflictKeys`).
  records.deals = (records.deals ?? []).map((deal) => ({
    ...deal,
    conflictKeys: conflictKeys(deal.customer as Customer),
  }));
  const sequences: Record<string, number> = {};
  for (const [resource, prefix] of Object.entries(NUMBER_PREFIXES)) {
    let highest = 0;
    for (const record of records[resource] ?? []) {
      const digits =
        typeof record.number === 'string' ? /-(\d+)$/.exec(record.number)?.[1] : undefined;
      if (digits) highest = Math.max(highest, Number(digits));
    }
    if (highest > 0) sequences[prefix] = highest;
  }
  return { records, keys: {}, sequences };
}
