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
  onClose?: () => void;
}

export function dialog({ id, heading, body, actions, onClose }: DialogOptions): TemplateResult {
  return html`<dialog id=${id} part="dialog" aria-labelledby="${id}-heading" @close=${onClose}>
    <h2 id="${id}-heading">${heading}</h2>
    ${body}
    <div class="actions">${actions}</div>
  </dialog>`;
}
