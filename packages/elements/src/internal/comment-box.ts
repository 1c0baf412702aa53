/**
 * A box that adds a comment or a work note to a record (a deal registration, a case): the
 * text is kept as a draft across reloads, an empty one is refused at the field, a failure
 * shows above the box with nothing typed lost, and a record changed by someone else since
 * is said so, with a way to reload it.
 */
import { msg } from '@lit/localize';
import { isPrmError } from '@prm-kit/core';
import { html, nothing, type ReactiveController, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { PrmClient } from '../client/prm-client.js';
import { MutationController } from '../client/controllers.js';
import { DraftController } from './draft.js';
import { field } from './field.js';
import type { PrmElement } from './prm-element.js';

/** Why a comment was not added: the record changed since it was read, or another failure. */
export type CommentFailure = { kind: 'conflict' } | { kind: 'error'; error: unknown };

/** A write's failure as a comment box (or any write on a versioned record) shows it. */
export const failureOf = (error: unknown): CommentFailure =>
  isPrmError(error, 'version_conflict') ? { kind: 'conflict' } : { kind: 'error', error };

export interface CommentBoxOptions<R> {
  /** The textarea's id; the box's parts are `<part>-form`, `<part>-button`, `<part>-error`. */
  id: string;
  part: string;
  /** Where the draft is kept (per viewer and record); `undefined` keeps none. */
  draftKey: () => string | undefined;
  /** What the field says when sent empty ("Write a reply first."). */
  empty: () => string;
  write: (client: PrmClient, record: R, body: string) => Promise<R>;
  /** The record with the comment added. */
  saved?: (record: R) => void;
}

export interface CommentBoxView {
  label: string;
  hint?: string | undefined;
  button: string;
  /** The failure's content (the host words a conflict for its kind of record). */
  failure: (failure: CommentFailure) => TemplateResult;
}

export class CommentBox<R> implements ReactiveController {
  readonly #host: PrmElement;
  readonly #options: CommentBoxOptions<R>;
  readonly #draft: DraftController<string>;
  readonly #send: MutationController<R, [R, string]>;
  #restoredKey: string | undefined;
  text = '';
  error: string | undefined;
  failure: CommentFailure | undefined;

  constructor(host: PrmElement, options: CommentBoxOptions<R>) {
    this.#host = host;
    this.#options = options;
    this.#draft = new DraftController<string>(host, options.draftKey);
    this.#send = new MutationController(host, options.write);
    host.addController(this);
  }

  get pending(): boolean {
    return this.#send.pending;
  }

  hostUpdate(): void {
    // Another viewer or record (or a reload mid-sentence): pick up that draft, if any.
    const key = this.#options.draftKey();
    if (key === this.#restoredKey) return;
    this.#restoredKey = key;
    this.text = key ? (this.#draft.read() ?? '') : '';
    this.error = undefined;
    this.failure = undefined;
  }

  /** Forgets a failure (after the host reloads the record). */
  reset(): void {
    this.failure = undefined;
    this.#send.reset();
    this.#host.requestUpdate();
  }

  async submit(record: R | undefined): Promise<void> {
    if (!record || this.#send.pending) return;
    const body = this.text.trim();
    if (!body) {
      this.error = this.#options.empty();
      return this.#focus(`#${this.#options.id}`);
    }
    this.error = undefined;
    this.failure = undefined;
    const saved = await this.#send.run(record, body);
    if (saved) {
      this.text = '';
      this.#draft.clear();
      this.#options.saved?.(saved);
      this.#host.requestUpdate();
      return;
    }
    const error = this.#send.error;
    if (error === undefined) return;
    this.failure = failureOf(error);
    return this.#focus(`[part~="${this.#options.part}-error"]`);
  }

  render(record: R | undefined, view: CommentBoxView): TemplateResult {
    const { id, part } = this.#options;
    const pending = this.#send.pending;
    return html`<form
      class="form"
      part="${part}-form"
      novalidate
      @submit=${(event: SubmitEvent) => {
        event.preventDefault();
        void this.submit(record);
      }}
    >
      ${
        this.failure
          ? html`<div role="alert" tabindex="-1" part="${part}-error">
              ${view.failure(this.failure)}
            </div>`
          : nothing
      }
      ${field(
        { id, label: view.label, hint: view.hint, error: this.error },
        (a) =>
          html`<textarea
            id=${a.id}
            rows="3"
            aria-describedby=${ifDefined(a.describedBy)}
            aria-invalid=${ifDefined(a.invalid)}
            .value=${this.text}
            @input=${this.#onInput}
          ></textarea>`,
      )}
      <div class="actions">
        <button
          type="submit"
          class="primary"
          part="${part}-button"
          aria-disabled=${pending ? 'true' : 'false'}
        >
          ${pending ? msg('Sending…') : view.button}
        </button>
      </div>
    </form>`;
  }

  readonly #onInput = (event: Event): void => {
    this.text = (event.target as HTMLTextAreaElement).value;
    if (this.text.trim()) this.error = undefined;
    this.#draft.save(this.text);
    this.#host.requestUpdate();
  };

  async #focus(selector: string): Promise<void> {
    this.#host.requestUpdate();
    await this.#host.updateComplete;
    this.#host.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }
}
