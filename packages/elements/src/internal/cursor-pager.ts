/**
 * Cursor pagination for a list element: a stack of the cursors of the pages before the
 * current one (the last is the current page's), "Previous" / "Next" and the "Showing 26–50
 * of 73" line. Backends page with opaque cursors, so "Previous" pops the stack.
 */
import { msg, str } from '@lit/localize';
import type { Page } from '@prm-kit/core';
import { html, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import type { TemplateResult } from 'lit';

export class CursorPager implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  #cursors: string[] = [];

  constructor(host: ReactiveControllerHost) {
    this.#host = host;
    host.addController(this);
  }

  hostConnected(): void {
    // Nothing to set up: the stack lives as long as the element.
  }

  /** The cursor of the current page (`undefined` on the first). */
  get cursor(): string | undefined {
    return this.#cursors.at(-1);
  }

  /** The current page's index, from 0. */
  get index(): number {
    return this.#cursors.length;
  }

  /** Back to the first page (a filter changed). */
  reset(): void {
    if (this.#cursors.length === 0) return;
    this.#cursors = [];
    this.#host.requestUpdate();
  }

  next(page: Page<unknown>): void {
    if (!page.nextCursor) return;
    this.#cursors = [...this.#cursors, page.nextCursor];
    this.#host.requestUpdate();
  }

  previous(): void {
    if (this.#cursors.length === 0) return;
    this.#cursors = this.#cursors.slice(0, -1);
    this.#host.requestUpdate();
  }

  /**
   * The pager under a table: nothing for a single page of unknown size, the total alone for a
   * single page, otherwise the range and the two buttons. `total(n)` words the count.
   */
  render(
    page: Page<unknown>,
    limit: number,
    total: (count: number) => string,
  ): TemplateResult | typeof nothing {
    const index = this.index;
    if (index === 0 && !page.nextCursor) {
      return page.total === undefined
        ? nothing
        : html`<p class="muted" part="pager">${total(page.total)}</p>`;
    }
    const first = index * limit + 1;
    const last = first + page.items.length - 1;
    return html`<nav class="pager" part="pager" aria-label=${msg('Pages')}>
      <span class="muted" role="status">
        ${
          page.total === undefined
            ? msg(str`Showing ${first}–${last}`)
            : msg(str`Showing ${first}–${last} of ${page.total}`)
        }
      </span>
      <span class="row">
        <button
          type="button"
          part="previous-button"
          ?disabled=${index === 0}
          @click=${() => this.previous()}
        >
          ${msg('Previous')}
        </button>
        <button
          type="button"
          part="next-button"
          ?disabled=${!page.nextCursor}
          @click=${() => this.next(page)}
        >
          ${msg('Next')}
        </button>
      </span>
    </nav>`;
  }
}
