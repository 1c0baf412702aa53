/**
 * The labelled field (label, control, hint, error) and the form error summary. The label
 * and its control live in one shadow root, so `for`/`aria-describedby` work.
 */
import { msg, str } from '@lit/localize';
import { isPrmError, type FieldError } from '@prm-kit/core';
import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';

export interface FieldAttributes {
  id: string;
  describedBy: string | undefined;
  invalid: 'true' | undefined;
}

export interface FieldOptions {
  id: string;
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
  required?: boolean;
}

/** One field: `control` receives the id and ARIA values its input must carry. */
export function field(
  options: FieldOptions,
  control: (attributes: FieldAttributes) => TemplateResult,
): TemplateResult {
  const { id, label, hint, error, required } = options;
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [errorId, hintId].filter(Boolean).join(' ') || undefined;
  return html`<div class="field" part="field">
    <label for=${id}
      >${label}${required ? html`<span aria-hidden="true"> *</span>` : nothing}</label
    >
    ${control({ id, describedBy, invalid: error ? 'true' : undefined })}
    ${hint ? html`<span class="hint" id=${ifDefined(hintId)}>${hint}</span>` : nothing}
    ${
      error
        ? html`<span class="error" id=${ifDefined(errorId)} part="field-error">${error}</span>`
        : nothing
    }
  </div>`;
}

/** The form field a nested error path belongs to: `specializations.1` → `specializations`. */
export const topLevelField = (path: string): string => path.split('.')[0] ?? path;

/**
 * Field messages of a `validation` error, keyed by form field: `fieldOf` maps an error path
 * (`customer.domain`) to the field showing it (default: the path itself); the first message
 * per field wins. Any other error gives an empty map.
 */
export function fieldErrors(
  error: unknown,
  fieldOf: (path: string) => string = (path) => path,
): Map<string, string> {
  const errors = new Map<string, string>();
  if (isPrmError(error, 'validation')) {
    for (const { path, message } of error.fields) {
      const field = fieldOf(path);
      if (!errors.has(field)) errors.set(field, message);
    }
  }
  return errors;
}

/**
 * The summary above a rejected form: one link per field that moves focus to it. `fields`
 * maps an error path to its control's id and label; unknown paths are listed as text.
 */
export function errorSummary(
  errors: readonly FieldError[] | ReadonlyMap<string, string>,
  fields: Readonly<Record<string, { id: string; label: string }>>,
): TemplateResult | typeof nothing {
  const entries: FieldError[] = isFieldList(errors)
    ? [...errors]
    : [...errors].map(([path, message]) => ({ path, message }));
  if (entries.length === 0) return nothing;
  const count = entries.length;
  return html`<div class="alert" part="error-summary" role="alert" tabindex="-1">
    <strong
      >${
        count === 1 ? msg('1 field needs attention:') : msg(str`${count} fields need attention:`)
      }</strong
    >
    <ul>
      ${entries.map(({ path, message }) => {
        const target = fields[path];
        if (!target) return html`<li>${message}</li>`;
        return html`<li>
          <a
            href="#${target.id}"
            @click=${(event: Event) => {
              // The field is in the same shadow root; a fragment link cannot reach it there.
              event.preventDefault();
              const root = (event.currentTarget as Element).getRootNode() as ParentNode;
              root.querySelector<HTMLElement>(`#${target.id}`)?.focus();
            }}
            >${target.label}: ${message}</a
          >
        </li>`;
      })}
    </ul>
  </div>`;
}

const isFieldList = (
  errors: readonly FieldError[] | ReadonlyMap<string, string>,
): errors is readonly FieldError[] => Array.isArray(errors);
