import type { ResourceName } from '../schemas/activity.js';
import type { Page } from '../schemas/list.js';
import { check } from './assert.js';
import type { World } from './world.js';

/** One promise of the contract, proved against a live adapter. */
export interface ConformanceCase {
  group: string;
  name: string;
  /** Resources the case exercises; it does not apply when the backend lacks one. */
  needs: readonly ResourceName[];
  run(world: World): Promise<void>;
}

export const defineCases = (
  group: string,
  cases: Record<string, { needs: readonly ResourceName[]; run: (world: World) => Promise<void> }>,
): ConformanceCase[] => Object.entries(cases).map(([name, c]) => ({ group, name, ...c }));

/** Follows `nextCursor` to the end, failing on a cycle or on a page larger than asked. */
export async function collectAll<T extends { id: string }>(
  list: (cursor: string | undefined) => Promise<Page<T>>,
  limit: number,
  maxPages = 500,
): Promise<T[]> {
  const items: T[] = [];
  const seen = new Set<string>();
  let cursor: string | undefined;
  for (let pageNo = 0; pageNo < maxPages; pageNo++) {
    const page = await list(cursor);
    check(
      page.items.length <= limit,
      `a page holds ${page.items.length} items, above limit ${limit}`,
    );
    for (const item of page.items) {
      check(!seen.has(item.id), `record ${item.id} appears on two pages`);
      seen.add(item.id);
      items.push(item);
    }
    if (page.nextCursor === null) return items;
    check(page.items.length > 0, 'an empty page came with a nextCursor');
    cursor = page.nextCursor;
  }
  throw new Error(`pagination did not end after ${maxPages} pages`);
}
