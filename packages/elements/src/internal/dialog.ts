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
  /** The dialog closed (Escape, or `close()`), whoever closed it. */
  onClose?: () => void;
  /**
   * Escape was pressed: the owner closes the dialog itself, at once. The browser's own
   * `close` would come only with the next rendering update, which a hidden page never has.
   */
  onCancel?: () => void;
}

export function dialog(options: DialogOptions): TemplateResult {
  const { id, heading, body, actions, onClose, onCancel } = options;
  // `close` is dispatched a task later: by then the dialog may have been replaced (detached)
  // or opened again. Such a late event is not about the dialog on screen.
  const closed = (event: Event) => {
    const element = event.target as HTMLDialogElement;
    if (element.isConnected && !element.open) onClose?.();
  };
  const cancelled = (event: Event) => {
    if (!onCancel) return;
    event.preventDefault();
    onCancel();
  };
  return html`<dialog
    id=${id}
    part="dialog"
    aria-labelledby="${id}-heading"
    @cancel=${cancelled}
    @close=${closed}
  >
    <h2 id="${id}-heading">${heading}</h2>
    ${body}
    <div class="actions">${actions}</div>
  </dialog>`;
}
