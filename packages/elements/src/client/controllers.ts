import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { QueryObserver, type QueryObserverResult } from '@tanstack/query-core';
import type { PrmClient, PrmQuery } from './prm-client.js';

/** A host that may be connected to a client (every `PrmElement`). */
export interface ClientHost extends ReactiveControllerHost {
  readonly client: PrmClient | undefined;
}

/**
 * One cached read for a component. `query` is recomputed before every update, so a read
 * follows the component's properties; returning `undefined` means "nothing to read yet".
 * The read is shared with every other component asking the same thing, and it is cancelled
 * when the last component showing it disconnects.
 */
export class QueryController<T> implements ReactiveController {
  readonly #host: ClientHost;
  readonly #query: (client: PrmClient) => PrmQuery<T> | undefined;
  #observer: QueryObserver<T> | undefined;
  #client: PrmClient | undefined;
  #unsubscribe: (() => void) | undefined;

  constructor(host: ClientHost, query: (client: PrmClient) => PrmQuery<T> | undefined) {
    this.#host = host;
    this.#query = query;
    host.addController(this);
  }

  /** The read's state; `undefined` when not connected or there is nothing to read. */
  get result(): QueryObserverResult<T> | undefined {
    return this.#unsubscribe ? this.#observer?.getCurrentResult() : undefined;
  }

  get data(): T | undefined {
    return this.result?.data;
  }

  /** Reads again now (the error view's retry). */
  async refetch(): Promise<void> {
    await this.#observer?.refetch();
  }

  hostConnected(): void {
    this.#sync();
  }

  hostUpdate(): void {
    this.#sync();
  }

  hostDisconnected(): void {
    this.#release();
  }

  #sync(): void {
    const client = this.#host.client;
    const query = client ? this.#query(client) : undefined;
    if (!client || !query) return this.#release();
    if (this.#observer && this.#client === client) {
      this.#observer.setOptions(query);
      if (!this.#unsubscribe) this.#listen(this.#observer);
      return;
    }
    this.#release();
    this.#client = client;
    this.#observer = new QueryObserver<T>(client.cache, query);
    this.#listen(this.#observer);
  }

  #listen(observer: QueryObserver<T>): void {
    this.#unsubscribe = observer.subscribe(() => this.#host.requestUpdate());
  }

  #release(): void {
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
  }
}

export type MutationState<T> =
  | { status: 'idle' }
  | { status: 'pending' }
  | { status: 'success'; value: T }
  | { status: 'error'; error: unknown };

/**
 * A write a component starts (save, apply, withdraw): tracks its state for the view and
 * ignores a second start while one is running, so a double click writes once.
 */
export class MutationController<T, A extends unknown[] = []> implements ReactiveController {
  readonly #host: ClientHost;
  readonly #write: (client: PrmClient, ...args: A) => Promise<T>;
  state: MutationState<T> = { status: 'idle' };

  constructor(host: ClientHost, write: (client: PrmClient, ...args: A) => Promise<T>) {
    this.#host = host;
    this.#write = write;
    host.addController(this);
  }

  get pending(): boolean {
    return this.state.status === 'pending';
  }

  get error(): unknown {
    return this.state.status === 'error' ? this.state.error : undefined;
  }

  /** Runs the write; resolves to its result, or `undefined` when it failed (see `error`) or was already running. */
  async run(...args: A): Promise<T | undefined> {
    const client = this.#host.client;
    if (!client || this.pending) return undefined;
    this.#set({ status: 'pending' });
    try {
      const value = await this.#write(client, ...args);
      this.#set({ status: 'success', value });
      return value;
    } catch (error) {
      this.#set({ status: 'error', error });
      return undefined;
    }
  }

  reset(): void {
    this.#set({ status: 'idle' });
  }

  hostConnected(): void {
    // Nothing to start: a write runs when the component calls `run`.
  }

  #set(state: MutationState<T>): void {
    this.state = state;
    this.#host.requestUpdate();
  }
}
