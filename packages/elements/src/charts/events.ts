/** The charts' DOM event; bubbles and is composed like every `prm-*` event (see `../events.ts`). */

/** The viewer chose a bar, slice or point (Enter on the active one, or a click). */
export class PrmChartSelectEvent extends Event {
  static readonly type = 'prm-chart-select';
  constructor(
    /** The chosen datum's (or category's) `key`. */
    readonly key: string,
    /** Its `label`, as shown. */
    readonly label: string,
  ) {
    super(PrmChartSelectEvent.type, { bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    'prm-chart-select': PrmChartSelectEvent;
  }
}
