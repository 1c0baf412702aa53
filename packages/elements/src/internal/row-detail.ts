/**
 * A list's chosen record, open below the table: choosing a row's number fires the list's
 * cancelable select event and, unless a listener takes over, opens the detail and focuses it;
 * Close puts focus back on that row's number.
 */
import { msg } from '@lit/localize';
import { html, nothing, type ReactiveController, type TemplateResult } from 'lit';
import type { PrmElement } from './prm-element.js';

export class RowDetail implements ReactiveController {
  readonly #host: PrmElement;
  /** The attribute rows carry their record's id in (`data-case-id`). */
  readonly #rowAttribute: string;
  /** The id of the record open below the table. */
  selectedId: string | undefined;

  constructor(host: PrmElement, rowAttribute: string) {
    this.#host = host;
    this.#rowAttribute = rowAttribute;
    host.addController(this);
  }

  hostConnected(): void {
    // Nothing to start: a detail opens when a row is chosen.
  }

  /** Dispatches `event` (cancelable); opens `id` unless a listener cancelled it. */
  async select(id: string, event: Event): Promise<void> {
    this.#host.dispatchEvent(event);
    if (event.defaultPrevented) return;
    this.selectedId = id;
    await this.#refocus('[part~="detail"]');
  }

  async close(): Promise<void> {
    const id = this.selectedId ?? '';
    this.selectedId = undefined;
    await this.#refocus(`[${this.#rowAttribute}="${CSS.escape(id)}"] [part~="number"]`);
  }

  /** The detail section (`label` names it), with Close; nothing when no row is chosen. */
  render(label: string, detail: (id: string) => TemplateResult): TemplateResult | typeof nothing {
    const id = this.selectedId;
    if (!id) return nothing;
    return html`<section class="selected panel" part="detail" tabindex="-1" aria-label=${label}>
      <div class="row">
        <button type="button" part="close-detail-button" @click=${() => void this.close()}>
          ${msg('Close')}
        </button>
      </div>
      ${detail(id)}
    </section>`;
  }

  async #refocus(selector: string): Promise<void> {
    this.#host.requestUpdate();
    await this.#host.updateComplete;
    this.#host.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }
}
