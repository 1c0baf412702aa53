/** Axis pieces the charts share: value gridlines with tick labels, and labels cut to fit. */
import { svg, type SVGTemplateResult } from 'lit';
import { scaleLinear, type ScaleLinear } from 'd3-scale';
import type { ChartOrientation } from './chart-element.js';

/** About one character of axis text (0.75rem) in pixels: enough to lay out without measuring. */
export const CHAR_WIDTH = 7;
export const textWidth = (text: string): number => text.length * CHAR_WIDTH;

/** `text` cut to about `px` pixels with an ellipsis; the table and tooltip keep it whole. */
export function fitText(text: string, px: number): string {
  const chars = Math.max(1, Math.floor(px / CHAR_WIDTH));
  return text.length <= chars ? text : `${text.slice(0, Math.max(1, chars - 1))}…`;
}

/** A plot's inner rectangle. */
export interface PlotArea {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/** How many ticks suit an axis `length` pixels long, about one per `spacing` pixels. */
export const tickCount = (length: number, spacing: number): number =>
  Math.max(2, Math.floor(length / spacing));

/**
 * A value scale over `[low, high]` (always including zero), rounded to `count` ticks so the
 * top gridline meets the longest mark, with the ticks' labels.
 */
export function valueScale(
  low: number,
  high: number,
  count: number,
  label: (value: number) => string,
): { scale: ScaleLinear<number, number>; ticks: { value: number; label: string }[] } {
  const from = Math.min(0, low);
  const to = Math.max(0, high);
  const scale = scaleLinear()
    .domain([from, to === from ? 1 : to])
    .nice(count);
  const ticks = scale.ticks(count).map((value) => ({ value, label: label(value) }));
  return { scale, ticks };
}

/**
 * Gridlines across the plot at each tick, labelled on the start edge (vertical charts) or
 * below (horizontal ones).
 */
export function valueAxis(
  scale: ScaleLinear<number, number>,
  ticks: { value: number; label: string }[],
  orientation: ChartOrientation,
  area: PlotArea,
): SVGTemplateResult {
  return svg`<g class="axis" part="axis">${ticks.map(({ value, label }) => {
    const at = scale(value);
    return orientation === 'vertical'
      ? svg`<line class="grid" x1=${area.left} x2=${area.right} y1=${at} y2=${at}></line>
          <text x=${area.left - 6} y=${at} dy="0.32em" text-anchor="end">${label}</text>`
      : svg`<line class="grid" x1=${at} x2=${at} y1=${area.top} y2=${area.bottom}></line>
          <text x=${at} y=${area.bottom + 14} text-anchor="middle">${label}</text>`;
  })}</g>`;
}
