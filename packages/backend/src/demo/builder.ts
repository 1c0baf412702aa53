/**
 * The state every demo builder writes into: the dataset under construction, the random
 * source, the reference time, record numbering, and the activity log. `lifecycle` walks a
 * record through its statuses with the core transition tables, so every history it writes is a
 * legal path made by people allowed to make each move.
 */
import {
  TRANSITIONS,
  assertTransition,
  type TransitionRule,
  type Activity,
  type ResourceName,
  type Role,
  type StatefulResource,
  type StatusByResource,
  type StatusChange,
} from '@prm-kit/core';
import { emptyDataset, type Dataset } from './dataset.js';
import { Random, iso } from './random.js';

/** Who does something: a user, or the backend acting on its own (no role). */
export interface Actor {
  readonly id: string;
  readonly name: string;
  readonly role?: Role | undefined;
}

/** The backend itself (as the service names it): clocks and rules — expiry, automatic decisions, material edits. */
export const SYSTEM_ACTOR: Actor = { id: 'system', name: 'prm-kit' };

/** A record as activities name it. */
export interface RecordRef {
  readonly id: string;
  /** How a person names it: a number (`DR-000012`) or a name. */
  readonly label: string;
  readonly partnerId: string | null;
}

/** One status change. */
export interface Move<S extends string = string> {
  readonly to: S;
  readonly at: number;
  readonly by: Actor;
  readonly reason?: string | undefined;
  readonly message?: string | undefined;
  /** The partner whose timeline shows the change, when not the record's (a lead's new partner). */
  readonly partnerId?: string | null | undefined;
}

/** A change that is not a status change: a comment, an assignment, an edit. */
export interface Note {
  readonly at: number;
  readonly by: Actor;
  readonly action: 'commented' | 'assigned' | 'updated';
  readonly summary: string;
  /** Logged in the activity timeline; `false` for enterprise-only work notes is still logged. */
  readonly partnerId?: string | null | undefined;
}

/** The stamp fields every record carries. */
export interface Stamp {
  createdAt: string;
  updatedAt: string;
  version: number;
}

/** A record's walk through its statuses. */
export interface Walk<S extends string> extends Stamp {
  status: S;
  history: StatusChange[];
}

const NOUNS: Record<ResourceName, string> = {
  partners: 'partner',
  users: 'user',
  programs: 'program',
  memberships: 'program membership',
  segments: 'segment',
  deals: 'deal registration',
  opportunities: 'opportunity',
  products: 'product',
  quotes: 'quote',
  orders: 'order',
  cases: 'case',
  leads: 'lead',
  mdfBudgets: 'MDF budget',
  mdfAllocations: 'MDF allocation',
  mdfRequests: 'fund request',
  mdfClaims: 'fund claim',
  activities: 'activity',
};

const WORDS = new Map<string, string>();
/** A status as words (`under_review` → `under review`), cached: the generator asks millions of times. */
function words(key: string): string {
  let text = WORDS.get(key);
  if (text === undefined) {
    text = key.replaceAll('_', ' ');
    WORDS.set(key, text);
  }
  return text;
}

/**
 * The fast path of `assertTransition`: true when the table allows the move for the actor (the
 * system may make any move in the graph) and every required reason or message is given.
 */
function isAllowed(resource: StatefulResource, from: string, move: Move): boolean {
  const moves = TRANSITIONS[resource] as Readonly<
    Record<string, Readonly<Record<string, TransitionRule | undefined>>>
  >;
  const table = Object.hasOwn(moves, from) ? moves[from] : undefined;
  const rule = table && Object.hasOwn(table, move.to) ? table[move.to] : undefined;
  if (rule === undefined) return false;
  if (move.by.role !== undefined && !rule.roles.includes(move.by.role)) return false;
  const requires = rule.requires;
  if (requires === undefined) return true;
  for (const field of requires) {
    const value = move[field];
    if (typeof value !== 'string' || value.trim() === '') return false;
  }
  return true;
}

export interface BuilderOptions {
  /** Reference time: nothing happens after it. */
  readonly now: number;
  readonly seed: number | string;
  /** Log activities (default true). */
  readonly activities?: boolean;
}

export class Builder {
  readonly data: Dataset = emptyDataset();
  readonly rng: Random;
  readonly now: number;
  readonly logActivities: boolean;
  #sequences = new Map<string, number>();
  #activitySeq = 0;

  constructor(options: BuilderOptions) {
    this.rng = new Random(options.seed);
    this.now = options.now;
    this.logActivities = options.activities ?? true;
  }

  /** The next value of a named counter, from 1. */
  next(name: string): number {
    const n = (this.#sequences.get(name) ?? 0) + 1;
    this.#sequences.set(name, n);
    return n;
  }

  /** The next id with this prefix: `deal-1`, `deal-2`, … */
  id(prefix: string): string {
    return `${prefix}-${String(this.next(`id:${prefix}`))}`;
  }

  /** The next record number with this prefix: `DR-000001`. */
  number(prefix: string): string {
    return `${prefix}-${String(this.next(`no:${prefix}`)).padStart(6, '0')}`;
  }

  /** The next activity id. */
  activityId(): string {
    return `act-${String(++this.#activitySeq)}`;
  }

  /** Appends one activity (when activities are logged). */
  log(entry: Omit<Activity, 'id'>): void {
    if (!this.logActivities) return;
    this.data.activities.push({ id: this.activityId(), ...entry });
  }

  /** Throws unless `at` is a whole millisecond in [after, now]; `what` names the event. */
  #check(at: number, after: number, recordId: string, what: string): void {
    if (!Number.isInteger(at) || at < after || at > this.now) {
      throw new RangeError(
        `${recordId}: ${what} at ${iso(at)} is out of order (after ${iso(after)}, by ${iso(this.now)})`,
      );
    }
  }

  /** Stamps a record without statuses: logs its creation and any later notes. */
  created(
    resource: ResourceName,
    ref: RecordRef,
    by: Actor,
    at: number,
    notes: readonly Note[] = [],
  ): Stamp {
    this.#check(at, -Infinity, ref.id, 'created');
    const createdAt = iso(at);
    if (this.logActivities) {
      this.log({
        at: createdAt,
        actorId: by.id,
        actorName: by.name,
        partnerId: ref.partnerId,
        resource,
        recordId: ref.id,
        action: 'created',
        summary: `${by.name} created ${NOUNS[resource]} ${ref.label}`,
      });
    }
    let last = at;
    for (const note of notes) {
      this.#check(note.at, at, ref.id, note.action);
      if (this.logActivities) this.#note(resource, ref, note);
      last = Math.max(last, note.at);
    }
    return { createdAt, updatedAt: last === at ? createdAt : iso(last), version: 1 + notes.length };
  }

  /**
   * Creates a record in `initial` and moves it through `moves` in order, checking each move
   * with `assertTransition` (graph, the actor's role, required reason or message). Notes
   * (comments, assignments) are logged too and count as changes. Throws on an illegal move or
   * a time out of order.
   */
  lifecycle<R extends StatefulResource>(
    resource: R,
    ref: RecordRef,
    initial: { status: StatusByResource[R]; at: number; by: Actor },
    moves: readonly Move<StatusByResource[R]>[],
    notes: readonly Note[] = [],
  ): Walk<StatusByResource[R]> {
    type S = StatusByResource[R];
    const stamp = this.created(resource, ref, initial.by, initial.at, notes);
    const createdAt = stamp.createdAt;
    const history: StatusChange[] = [
      { from: null, to: initial.status, by: initial.by.id, byName: initial.by.name, at: createdAt },
    ];
    let status: S = initial.status;
    let last = initial.at;
    let lastAt = createdAt;
    for (const move of moves) {
      this.#check(move.at, last, ref.id, move.to);
      if (!isAllowed(resource, status, move)) {
        // Throws the core rule's own error (graph, role, reason or message).
        assertTransition(resource, status, move.to, {
          role: move.by.role,
          reason: move.reason,
          message: move.message,
        });
      }
      const at = iso(move.at);
      lastAt = at;
      const change: StatusChange = {
        from: status,
        to: move.to,
        by: move.by.id,
        byName: move.by.name,
        at,
      };
      if (move.reason !== undefined) change.reason = move.reason;
      if (move.message !== undefined) change.message = move.message;
      history.push(change);
      if (this.logActivities) {
        this.data.activities.push({
          id: this.activityId(),
          at,
          actorId: move.by.id,
          actorName: move.by.name,
          partnerId: move.partnerId === undefined ? ref.partnerId : move.partnerId,
          resource,
          recordId: ref.id,
          action: 'transitioned',
          summary: `${move.by.name} moved ${NOUNS[resource]} ${ref.label} from ${words(status)} to ${words(move.to)}`,
          from: status,
          to: move.to,
        });
      }
      status = move.to;
      last = move.at;
    }
    const lastNote = notes.reduce((max, note) => Math.max(max, note.at), -Infinity);
    return {
      createdAt,
      updatedAt: lastNote > last ? iso(lastNote) : lastAt,
      version: stamp.version + moves.length,
      status,
      history,
    };
  }

  #note(resource: ResourceName, ref: RecordRef, note: Note): void {
    this.log({
      at: iso(note.at),
      actorId: note.by.id,
      actorName: note.by.name,
      partnerId: note.partnerId === undefined ? ref.partnerId : note.partnerId,
      resource,
      recordId: ref.id,
      action: note.action,
      summary: note.summary,
    });
  }
}

/** The status a history shows at `at` (ms), or `null` before the record existed. */
export function statusAt(history: readonly StatusChange[], at: number): string | null {
  let status: string | null = null;
  for (const change of history) {
    if (Date.parse(change.at) > at) break;
    status = change.to;
  }
  return status;
}
