/**
 * The four states every component shows the same way — loading, empty, error (with a
 * retry), ready — plus "not connected" outside a provider.
 */
import { msg } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import { isPrmError } from '@prm-kit/core';
import type { QueryController } from '../client/controllers.js';
import { errorMessage } from '../localize.js';
import type { PrmElement } from './prm-element.js';

export interface StateOptions<D extends readonly unknown[]> {
  /** What the loading view announces ("Loading partner"). */
  label?: string;
  /** When the ready data counts as empty, and what to say then. */
  empty?: { when: (...data: D) => boolean; message: string };
}

/**
 * Renders `ready` once the viewer and every query have data; otherwise the shared view of
 * the first state that applies: not connected, error, loading, or empty.
 */
export function renderStates<const D extends readonly unknown[]>(
  element: PrmElement,
  queries: { readonly [K in keyof D]: QueryController<D[K]> },
  ready: (...data: D) => unknown,
  options: StateOptions<D> = {},
): unknown {
  const connection = element.connection;
  if (!connection) return notConnectedView();
  if (!connection.viewer) {
    return connection.sessionError === undefined
      ? loadingView(options.label)
      : errorView(connection.sessionError, () => {
          void connection.client.cache.refetchQueries({ queryKey: ['session'] });
        });
  }
  const list = queries as readonly QueryController<unknown>[];
  const failed = list.filter((query) => query.result?.status === 'error');
  if (failed.length > 0) {
    return errorView(failed[0]?.result?.error, () => {
      for (const query of failed) void query.refetch();
    });
  }
  if (list.some((query) => query.result?.data === undefined)) return loadingView(options.label);
  const data = list.map((query) => query.data) as unknown as D;
  if (options.empty?.when(...data)) return emptyView(options.empty.message);
  return ready(...data);
}

export function notConnectedView(): TemplateResult {
  return html`<div class="state" part="state not-connected" role="status">
    <strong>${msg('Not connected')}</strong>
    <span class="muted"
      >${msg('Place this element inside a <prm-provider> that has an adapter.')}</span
    >
  </div>`;
}

export function loadingView(label?: string): TemplateResult {
  return html`<div class="skeleton" part="state loading" role="status" aria-busy="true">
    <span class="visually-hidden">${label ?? msg('Loading…')}</span>
    <span></span><span></span><span></span>
  </div>`;
}

export function emptyView(message: string, action?: TemplateResult): TemplateResult {
  return html`<div class="state" part="state empty" role="status">
    <p>${message}</p>
    ${action ?? nothing}
  </div>`;
}

export function errorView(error: unknown, retry?: () => void): TemplateResult {
  return html`<div class="state" data-state="error" part="state error" role="alert">
    <p>${errorMessage(error)}</p>
    ${
      retry
        ? html`<button type="button" part="retry" @click=${retry}>${msg('Try again')}</button>`
        : nothing
    }
  </div>`;
}

/**
 * Why a form's submit failed, above the form: the form keeps every value, and a failure that
 * may pass on a second try (network, timeout, server) offers "Try again".
 */
export function submitFailureView(
  failure: unknown,
  pending: boolean,
  retry: () => void,
): TemplateResult | typeof nothing {
  if (failure === undefined) return nothing;
  const retryable = !isPrmError(failure) || failure.retryable;
  return html`<div class="alert" part="submit-error" role="alert" tabindex="-1">
    <p>${errorMessage(failure)}</p>
    <p>${msg('Nothing you typed is lost.')}</p>
    ${
      retryable
        ? html`<div class="row">
            <button
              type="button"
              part="retry-button"
              aria-disabled=${pending ? 'true' : 'false'}
              @click=${retry}
            >
              ${msg('Try again')}
            </button>
          </div>`
        : nothing
    }
  </div>`;
}
