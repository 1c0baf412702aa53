/**
 * A modal on native `<dialog>`: focus is trapped and restored by the browser, Escape
 * closes it. Open with `showModal()` on the element found by its id.
 */
import { html, type TemplateResult } from 'lit';

export interface DialogOptions {
  id: string;
  heading: string;
  body: TemplateResult;
  actions: TemplateResult;
  /** The `close` event: check `event.target` if the dialog may have been replaced since. */
  onClose?: (event: Event) => void;
}

export function dialog({ id, heading, body, actions, onClose }: DialogOptions): TemplateResult {
  return html`<dialog id=${id} part="dialog" aria-labelledby="${id}-heading" @close=${onClose}>
    <h2 id="${id}-heading">${heading}</h2>
    ${body}
    <div class="actions">${actions}</div>
  </dialog>`;
}
