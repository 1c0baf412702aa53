import { css } from 'lit';

/** Styles of the four charts (bar, stacked bar, donut, line). */
export const chartStyles = css`
  .sizer {
    block-size: 0;
  }
  [part~='base'] {
    gap: calc(var(--_unit) * 2);
    position: relative;
  }
  .header {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_unit) * 2);
    align-items: center;
    justify-content: space-between;
  }
  .title {
    font-weight: 600;
    overflow-wrap: anywhere;
  }
  .plot {
    position: relative;
    border-radius: var(--_radius);
    /* The plot is as wide as the element; the element is as wide as its container. */
    min-width: 0;
  }
  svg {
    display: block;
    max-width: 100%;
    overflow: visible;
    font-size: 0.75rem;
  }
  .placeholder {
    min-height: 1px;
  }
  .axis text,
  .category {
    fill: var(--_muted);
  }
  .grid {
    stroke: var(--_border);
    stroke-width: 1;
  }
  .baseline {
    stroke: var(--_muted);
  }
  [data-colour='0'] {
    --_c: var(--_chart-1);
  }
  [data-colour='1'] {
    --_c: var(--_chart-2);
  }
  [data-colour='2'] {
    --_c: var(--_chart-3);
  }
  [data-colour='3'] {
    --_c: var(--_chart-4);
  }
  [data-colour='4'] {
    --_c: var(--_chart-5);
  }
  [data-colour='5'] {
    --_c: var(--_chart-6);
  }
  .mark {
    fill: var(--_c);
    transition: opacity 0.15s;
  }
  /* The active datum stands out: the others fade, it gets an outline in the text colour. */
  svg[data-active='some'] .mark:not([data-active]) {
    opacity: 0.45;
  }
  .mark[data-active] {
    stroke: var(--_text);
    stroke-width: 2;
  }
  .line {
    fill: none;
    stroke: var(--_chart-1);
    stroke-width: 2;
    stroke-linejoin: round;
  }
  .area {
    fill: var(--_chart-1);
    opacity: 0.18;
  }
  .guide {
    stroke: var(--_muted);
    stroke-dasharray: 3 3;
  }
  .marker {
    fill: var(--_surface);
    stroke: var(--_chart-1);
    stroke-width: 2;
  }
  .total {
    fill: var(--_text);
    font-size: 1.25rem;
    font-weight: 600;
  }
  .total-label {
    fill: var(--_muted);
  }
  .tooltip {
    position: absolute;
    left: var(--_x, 0);
    top: var(--_y, 0);
    transform: translate(calc(var(--_shift, 50) * -1%), calc(-100% - 8px));
    pointer-events: none;
    padding: var(--_unit) calc(var(--_unit) * 2);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
    box-shadow: 0 2px 8px rgb(0 0 0 / 0.15);
    white-space: nowrap;
    max-width: 20rem;
    overflow: hidden;
    text-overflow: ellipsis;
    z-index: 1;
  }
  .tooltip[data-below] {
    transform: translate(calc(var(--_shift, 50) * -1%), 8px);
  }
  .tooltip > :first-child {
    font-weight: 600;
  }
  .legend {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_unit) * 1) calc(var(--_unit) * 4);
  }
  .legend li {
    display: inline-flex;
    align-items: center;
    gap: calc(var(--_unit) * 1.5);
    overflow-wrap: anywhere;
  }
  .swatch {
    flex: none;
    inline-size: 0.75em;
    block-size: 0.75em;
    border-radius: 2px;
    background: var(--_c);
  }
  table td:not(:first-child),
  table th:not(:first-child) {
    text-align: end;
    font-variant-numeric: tabular-nums;
  }
  caption {
    text-align: start;
    font-weight: 600;
    padding-block-end: var(--_unit);
  }
  @media (prefers-reduced-motion: reduce) {
    .mark {
      transition: none;
    }
  }
`;

/** `prm-progress`. */
export const progressStyles = css`
  [part~='base'] {
    gap: var(--_unit);
  }
  .header {
    display: flex;
    flex-wrap: wrap;
    justify-content: space-between;
    gap: calc(var(--_unit) * 2);
  }
  [part~='label'] {
    font-weight: 600;
    overflow-wrap: anywhere;
  }
  [part~='value'] {
    color: var(--_muted);
    font-variant-numeric: tabular-nums;
  }
  [part~='track'] {
    block-size: var(--prm-progress-height, 0.5rem);
    border-radius: 999px;
    background: var(--_sunken);
    box-shadow: inset 0 0 0 1px var(--_border);
    overflow: hidden;
  }
  [part~='fill'] {
    block-size: 100%;
    inline-size: calc(var(--_ratio, 0) * 100%);
    border-radius: inherit;
    background: var(--prm-progress-color, var(--_chart-1));
  }
  :host([met]) [part~='fill'] {
    background: var(--prm-progress-met-color, var(--_success));
  }
  :host([met]) [part~='value'] {
    color: var(--_success);
  }
`;

/** `prm-kpi`. */
export const kpiStyles = css`
  [part~='base'] {
    gap: var(--_unit);
    padding: calc(var(--_unit) * 3) calc(var(--_unit) * 4);
    border: 1px solid var(--_border);
    border-inline-start: 4px solid var(--_tone);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  :host {
    --_tone: var(--_border);
  }
  :host([tone='success']) {
    --_tone: var(--_success);
  }
  :host([tone='warning']) {
    --_tone: var(--_warning);
  }
  :host([tone='danger']) {
    --_tone: var(--_danger);
  }
  [part~='label'] {
    color: var(--_muted);
    overflow-wrap: anywhere;
  }
  [part~='value'] {
    font-size: var(--prm-kpi-value-size, 1.75rem);
    font-weight: 600;
    line-height: 1.2;
    font-variant-numeric: tabular-nums;
  }
  [part~='hint'] {
    color: var(--_muted);
    font-size: 0.86em;
    overflow-wrap: anywhere;
  }
  [part~='trend'] {
    display: block;
    inline-size: 100%;
    block-size: 1.5rem;
    overflow: visible;
  }
  [part~='trend'] path {
    fill: none;
    stroke: var(--_tone-line, var(--_chart-1));
    stroke-width: 1.5;
    vector-effect: non-scaling-stroke;
  }
`;
