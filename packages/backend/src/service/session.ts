import {
  PrmError,
  assertCan,
  assertTransition,
  can,
  isCaseBreached,
  isPartnerRole,
  listScope,
  type Action,
  type Activity,
  type ChangeEvent,
  type Page,
  type RecordScope,
  type ResourceName,
  type StatefulResource,
  type StatusChange,
  type TransitionOptions,
  type Viewer,
} from '@prm-kit/core';
import type { Condition, StoredRecord, StoreWriter } from '../store/store.js';
import { formatNumber, newId, NUMBER_PREFIXES, type NumberedResource } from './ids.js';
import { OWNER_FIELD, encodeCursor, planListQuery, scopeConditions } from './query.js';

/** A stored record with the fields every core entity has. */
export type Stored = StoredRecord & { createdAt: string; updatedAt: string; version: number };

/** Who acts when the backend moves a record by itself (expiry, a material edit). */
export const SYSTEM_ACTOR = { userId: 'system', name: 'prm-kit' } as const;

/**
 * One operation of one viewer inside one store transaction: reads scoped to what the viewer
 * may see, writes checked against the capability matrix and the record version, an activity
 * for every change, and the change events to send once the transaction commits.
 */
export class Session {
  readonly changes: ChangeEvent[] = [];

  constructor(
    readonly viewer: Viewer,
    readonly tx: StoreWriter,
    readonly now: string,
  ) {}

  get isPartner(): boolean {
    return isPartnerRole(this.viewer.role);
  }

  /** Which partner and person a record belongs to, as `can` needs it. */
  scopeOf(resource: ResourceName, record: StoredRecord): RecordScope {
    const partnerId =
      resource === 'partners'
        ? record.id
        : ((record.partnerId as string | null | undefined) ?? null);
    const owner = OWNER_FIELD[resource];
    const partner = partnerId === null ? undefined : this.tx.get('partners', partnerId);
    return {
      partnerId,
      ownerId: owner ? (record[owner] as string) : null,
      channelManagerId: (partner?.channelManagerId as string | null | undefined) ?? null,
    };
  }

  can(action: Action, scope?: RecordScope): boolean {
    return can(this.viewer, action, scope);
  }

  visible(resource: ResourceName, record: StoredRecord): boolean {
    return can(this.viewer, `${resource}.read` as Action, this.scopeOf(resource, record));
  }

  /** The record as this viewer may see it: enterprise-only fields leave for partner viewers. */
  view<T>(resource: ResourceName, record: StoredRecord): T {
    const copy: Record<string, unknown> = structuredClone(record);
    delete copy.conflictKeys; // the backend's own index, not part of the record
    if (this.isPartner) {
      delete copy.workNotes;
      delete copy.conflicts;
      if (resource === 'segments') copy.manualMemberIds = [];
    }
    return copy as T;
  }

  /** A record the viewer may see; otherwise `not_found`, never a hint that it exists. */
  find<T = Stored>(resource: ResourceName, id: string): T {
    const record = this.tx.get(resource, id);
    if (!record || !this.visible(resource, record)) {
      throw new PrmError(
        'not_found',
        `There is no such ${resource} record, or you may not see it.`,
      );
    }
    return record as T;
  }

  list<T>(resource: ResourceName, raw: unknown): Page<T> {
    const scope = scopeConditions(resource, listScope(this.viewer, resource));
    if (scope === 'none') {
      throw new PrmError('forbidden', `Your role may not list ${resource}.`);
    }
    const plan = planListQuery(resource, raw, scope, this.now, (record) =>
      isCaseBreached(record as never, this.now),
    );
    let items: StoredRecord[];
    let total: number;
    if (plan.refine) {
      const all = this.tx.list(resource, plan.store).items.filter(plan.refine);
      total = all.length;
      items = all.slice(plan.offset, plan.offset + plan.limit);
    } else {
      ({ items, total } = this.tx.list(resource, {
        ...plan.store,
        offset: plan.offset,
        limit: plan.limit,
      }));
    }
    const end = plan.offset + items.length;
    return {
      items: items.map((record) => this.view<T>(resource, record)),
      nextCursor: end < total ? encodeCursor(end) : null,
      total,
    };
  }

  /** All records of a resource matching `where`, unscoped: for rules that look across partners. */
  all<T>(resource: ResourceName, where: Condition[] = []): T[] {
    return this.tx.list(resource, { where }).items as T[];
  }

  /**
   * Creates once per idempotency key and viewer: a replay answers the first record as it is
   * now, and creates nothing.
   */
  create<T>(
    resource: ResourceName,
    idempotencyKey: string,
    action: Action,
    build: (fields: { id: string; createdAt: string; updatedAt: string; version: 1 }) => object,
  ): T {
    const slot = `${this.viewer.userId}:${resource}:${idempotencyKey}`;
    const existing = this.tx.getKey(slot);
    if (existing !== undefined) return this.view<T>(resource, this.find(resource, existing));
    const record = build({
      id: newId(resource.replace(/s$/, '')),
      createdAt: this.now,
      updatedAt: this.now,
      version: 1,
    }) as Stored;
    assertCan(this.viewer, action, this.scopeOf(resource, record));
    this.tx.put(resource, record);
    this.tx.putKey(slot, record.id);
    this.log(resource, record, 'created', `created ${describeRecord(resource, record)}`);
    this.changed(resource, record, 'created');
    return this.view<T>(resource, record);
  }

  /** The next record number of a resource: `DR-000124`. */
  nextNumber(resource: NumberedResource): string {
    const prefix = NUMBER_PREFIXES[resource];
    return formatNumber(prefix, this.tx.nextSequence(prefix));
  }

  /** A change of one record at the version the caller read. */
  update<T>(
    resource: ResourceName,
    id: string,
    version: number,
    action: Action,
    change: (record: Stored) => void,
    activity: Activity['action'] = 'updated',
  ): T {
    const current = this.find(resource, id);
    assertCan(this.viewer, action, this.scopeOf(resource, current));
    if (current.version !== version) {
      throw new PrmError(
        'version_conflict',
        'Someone else changed this record since you opened it. Reload it, or overwrite their change.',
        { currentVersion: current.version },
      );
    }
    const next = structuredClone(current);
    const before = next.status ?? next.stage;
    change(next);
    next.version = current.version + 1;
    next.updatedAt = this.now;
    this.tx.put(resource, next);
    const after = next.status ?? next.stage;
    const moved = activity === 'transitioned';
    this.log(
      resource,
      next,
      activity,
      moved
        ? `moved ${describeRecord(resource, next)} to ${String(after)}`
        : `${activity} ${describeRecord(resource, next)}`,
      moved ? { from: String(before), to: String(after) } : {},
    );
    this.changed(resource, next, 'updated');
    return this.view<T>(resource, next);
  }

  /** A status change by the viewer, checked against the core transition table. */
  transition<T>(
    resource: StatefulResource,
    id: string,
    to: string,
    options: TransitionOptions,
    effect?: (record: Stored) => void,
  ): T {
    return this.update<T>(
      resource,
      id,
      options.version,
      `${resource}.transition` as Action,
      (record) => {
        const field = resource === 'opportunities' ? 'stage' : 'status';
        const from = record[field] as string;
        assertTransition(resource, from as never, to as never, {
          role: this.viewer.role,
          reason: options.reason,
          message: options.message,
        });
        record[field] = to;
        this.recordHistory(record, from, to, this.viewer, options);
        effect?.(record);
      },
      'transitioned',
    );
  }

  /** Appends to a record's `history`, when it keeps one. */
  recordHistory(
    record: Stored,
    from: string | null,
    to: string,
    by: { userId: string; name: string },
    details: { reason?: string | undefined; message?: string | undefined } = {},
  ): void {
    if (!Array.isArray(record.history)) return;
    const change: StatusChange = {
      from,
      to,
      by: by.userId,
      byName: by.name,
      at: this.now,
      ...(details.reason ? { reason: details.reason } : {}),
      ...(details.message ? { message: details.message } : {}),
    };
    (record.history as StatusChange[]).push(change);
  }

  log(
    resource: ResourceName,
    record: StoredRecord,
    action: Activity['action'],
    summary: string,
    move: { from?: string; to?: string } = {},
    actor: { userId: string; name: string } = this.viewer,
  ): void {
    const entry: Activity = {
      id: newId('act'),
      at: this.now,
      actorId: actor.userId,
      actorName: actor.name,
      partnerId: this.scopeOf(resource, record).partnerId,
      resource,
      recordId: record.id,
      action,
      summary: `${actor.name} ${summary}`,
      ...move,
    };
    this.tx.put('activities', entry);
  }

  changed(resource: ResourceName, record: StoredRecord, kind: ChangeEvent['kind']): void {
    const { partnerId } = this.scopeOf(resource, record);
    this.changes.push({ resource, id: record.id, kind, partnerId, at: this.now });
  }
}

/** How an activity names a record: its number or name when it has one. */
export function describeRecord(resource: ResourceName, record: StoredRecord): string {
  const label = [record.number, record.name, record.subject].find(
    (v): v is string => typeof v === 'string',
  );
  return `${resource.replace(/s$/, '')} ${label ?? record.id}`;
}
