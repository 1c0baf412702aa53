import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** The part of `Storage` a draft needs (tests pass a memory one). */
export type DraftStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

const PREFIX = 'prm-kit:draft:';

/**
 * Keeps what a person typed in a form across reloads: saved on every change, restored on
 * return, cleared after a successful submit. The key names the viewer, so one person's
 * draft never shows up for another on a shared browser. Storage that is full or blocked
 * only loses the draft, never the form.
 */
export class DraftController<T> implements ReactiveController {
  readonly #key: () => string | undefined;
  readonly #storage: () => DraftStorage | undefined;

  constructor(
    host: ReactiveControllerHost,
    key: () => string | undefined,
    storage: () => DraftStorage | undefined = () => globalThis.localStorage,
  ) {
    this.#key = key;
    this.#storage = storage;
    host.addController(this);
  }

  hostConnected(): void {
    // Nothing to set up: a draft is read when the form asks for it.
  }

  /** The saved draft for the current key, if any. */
  read(): T | undefined {
    const key = this.#key();
    if (!key) return undefined;
    try {
      const raw = this.#storage()?.getItem(PREFIX + key);
      return raw ? (JSON.parse(raw) as T) : undefined;
    } catch {
      return undefined;
    }
  }

  save(value: T): void {
    const key = this.#key();
    if (!key) return;
    try {
      this.#storage()?.setItem(PREFIX + key, JSON.stringify(value));
    } catch {
      // Full or blocked storage: the form keeps working without a saved draft.
    }
  }

  clear(): void {
    const key = this.#key();
    if (!key) return;
    try {
      this.#storage()?.removeItem(PREFIX + key);
    } catch {
      // As above.
    }
  }
}
