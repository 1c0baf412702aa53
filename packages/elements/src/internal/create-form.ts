/**
 * What the forms that create a record (a deal registration, a case) do on submit, in one
 * place: show the field errors that keep the input from being sent; else send it once under
 * the draft's idempotency key; put a rejection on fields back on the fields and any other
 * failure above the form with "Try again" (nothing typed is lost); move focus to what changed.
 */
import type { LitElement } from 'lit';
import type { MutationController } from '../client/controllers.js';
import { fieldErrors } from './field.js';

/** The state a create form keeps, and renders from. */
export interface CreateForm<T> extends LitElement {
  /** Field errors by field name, shown at the fields and in the error summary. */
  errors: ReadonlyMap<string, string>;
  /** A failure the fields cannot show (network, server). */
  failure: unknown;
  /** The record just created: the confirmation shows instead of the form. */
  submitted: T | undefined;
}

/** The input built from the typed values, or why it cannot be sent. */
export type BuiltInput<I> = { ok: true; input: I } | { ok: false; errors: Map<string, string> };

export interface SubmitOptions<T> {
  /** The idempotency key of the draft being edited now (it changes with the viewer). */
  draftKey: () => string;
  /** The form field of an error's path (`customer.domain` → `domain`). */
  fieldOf: (path: string) => string;
  /** The record was created for the draft still in the form (clear the draft, fire the event). */
  created: (record: T) => void;
}

/** Focuses the first node of the form's shadow root matching `selector`, once it has rendered. */
export async function focusIn(form: LitElement, selector: string): Promise<void> {
  await form.updateComplete;
  form.renderRoot.querySelector<HTMLElement>(selector)?.focus();
}

/** Submits a create form; see the module comment. A second submit while one runs is ignored. */
export async function submitCreate<I, T>(
  form: CreateForm<T>,
  send: MutationController<T, [I, string]>,
  build: () => BuiltInput<I>,
  options: SubmitOptions<T>,
): Promise<void> {
  if (send.pending || form.submitted) return;
  const built = build();
  form.failure = undefined;
  if (!built.ok) {
    form.errors = built.errors;
    return focusIn(form, '[part~="error-summary"]');
  }
  form.errors = new Map();
  const key = options.draftKey();
  const record = await send.run(built.input, key);
  if (record) {
    // The viewer may have changed meanwhile; only the draft this key belongs to is done.
    if (options.draftKey() !== key) return;
    form.submitted = record;
    options.created(record);
    return focusIn(form, '[part~="confirmation"]');
  }
  const error = send.error;
  if (error === undefined) return;
  const rejected = fieldErrors(error, options.fieldOf);
  if (rejected.size > 0) {
    form.errors = rejected;
    return focusIn(form, '[part~="error-summary"]');
  }
  form.failure = error;
  return focusIn(form, '[part~="submit-error"]');
}

/** Empties a create form's state after a record was created, for the next one. */
export function resetCreate<I, T>(
  form: CreateForm<T>,
  send: MutationController<T, [I, string]>,
): void {
  form.errors = new Map();
  form.failure = undefined;
  form.submitted = undefined;
  send.reset();
}
