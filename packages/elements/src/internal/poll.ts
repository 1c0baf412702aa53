/**
 * Refetches on a timer while the element is connected, for adapters without live change
 * events (`subscribe`). `interval()` is read on every update: `undefined`, 0 or less turns
 * polling off; a change restarts the timer.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export class PollController implements ReactiveController {
  readonly #interval: () => number | undefined;
  readonly #tick: () => void;
  #timer: ReturnType<typeof setInterval> | undefined;
  #every: number | undefined;
  #connected = false;

  constructor(host: ReactiveControllerHost, interval: () => number | undefined, tick: () => void) {
    this.#interval = interval;
    this.#tick = tick;
    host.addController(this);
  }

  hostConnected(): void {
    this.#connected = true;
    this.#sync();
  }

  hostUpdated(): void {
    this.#sync();
  }

  hostDisconnected(): void {
    this.#connected = false;
    this.#stop();
  }

  #sync(): void {
    const raw = this.#interval();
    const every = this.#connected && raw !== undefined && raw > 0 ? Math.max(raw, 250) : undefined;
    if (every === this.#every) return;
    this.#stop();
    this.#every = every;
    if (every !== undefined) this.#timer = setInterval(this.#tick, every);
  }

  #stop(): void {
    if (this.#timer !== undefined) clearInterval(this.#timer);
    this.#timer = undefined;
    this.#every = undefined;
  }
}
