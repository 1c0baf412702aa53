import { css } from 'lit';

export const segmentBadgeStyles = css`
  :host {
    display: inline-block;
    vertical-align: middle;
  }
  .badge {
    display: inline-flex;
    align-items: center;
    gap: calc(var(--_unit) * 1.5);
    padding: 0 calc(var(--_unit) * 2.5) 0 calc(var(--_unit) * 2);
    border: 1px solid var(--_border);
    border-radius: var(--prm-segment-badge-radius, 999px);
    background: var(--_surface);
    font-size: 0.86em;
    line-height: 1.8;
    white-space: nowrap;
  }
  .swatch {
    inline-size: 0.7em;
    block-size: 0.7em;
    border-radius: 50%;
    background: var(--_swatch, var(--_muted));
    flex: none;
    /* Keeps a dark swatch visible on a dark surface (and a light one on light). */
    box-shadow: 0 0 0 1px var(--_border);
  }
  .badge[data-state='error'] {
    border-color: var(--_danger);
    color: var(--_danger);
  }
  .badge[data-state='loading'] {
    color: var(--_muted);
  }
  button {
    min-height: 0;
    padding: 0;
    border: 0;
    background: none;
    color: inherit;
    text-decoration: underline;
    font-size: inherit;
  }
`;
