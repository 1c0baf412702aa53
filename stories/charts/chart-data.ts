/** Sample data for the chart stories, shaped like what the dashboards derive from the adapter. */
import type { ChartDatum, ChartSeries, StackedDatum } from '@prm-kit/elements';

/** Payloads that would run script or inject markup if rendered as HTML. */
export const HOSTILE = `<img src=x onerror="window.__prmPwned=true"><script>window.__prmPwned=true</script>`;

/** Pipeline by partner, in minor units of EUR. */
export const PIPELINE: ChartDatum[] = [
  { key: 'p-abc', label: 'ABC Systems', value: 12_450_000 },
  { key: 'p-northwind', label: 'Northwind Traders', value: 8_120_000 },
  { key: 'p-contoso', label: 'Contoso Consulting', value: 5_300_000 },
  { key: 'p-fabrikam', label: 'Fabrikam', value: 2_475_050 },
  { key: 'p-tailspin', label: 'Tailspin Toys', value: 990_000 },
];

/** Partners with the long legal names real records carry. */
export const LONG_NAMES: ChartDatum[] = [
  'Northwind Traders Gesellschaft mit beschränkter Haftung & Co. KG',
  'Contoso Consulting and Systems Integration Services International Ltd.',
  'Fabrikam Cloud Solutions Asia-Pacific Pte. Ltd. (Singapore branch)',
  'ABC Systems',
].map((label, i) => ({ key: `p-${i}`, label, value: (4 - i) * 1_250_000 }));

export const DEAL_STATUS_SERIES: ChartSeries[] = [
  { key: 'submitted', label: 'Submitted' },
  { key: 'approved', label: 'Approved' },
  { key: 'rejected', label: 'Rejected' },
  { key: 'expired', label: 'Expired' },
];

/** Deal registrations per month, one value per status. */
export const DEALS_BY_MONTH: StackedDatum[] = [
  ['2026-01', [12, 8, 2, 1]],
  ['2026-02', [15, 9, 3, 0]],
  ['2026-03', [9, 11, 1, 2]],
  ['2026-04', [18, 12, 4, 1]],
  ['2026-05', [14, 16, 2, 3]],
  ['2026-06', [20, 14, 5, 2]],
].map(([month, values]) => ({
  key: String(month),
  label: String(month),
  values: values as number[],
}));

/** `count` consecutive months from January 2020 with a seasonal value. */
export function monthly(count: number, base = 40_000): ChartDatum[] {
  return Array.from({ length: count }, (_, i) => {
    const label = `${2020 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
    return {
      key: label,
      label,
      value: Math.round(base + base * 0.4 * Math.sin(i / 2) + i * base * 0.02),
    };
  });
}

/** `count` daily points: the 10 000-point case. */
export function daily(count: number): ChartDatum[] {
  const start = Date.UTC(2000, 0, 1);
  return Array.from({ length: count }, (_, i) => {
    const label = new Date(start + i * 86_400_000).toISOString().slice(0, 10);
    return { key: label, label, value: Math.round(500 + 300 * Math.sin(i / 30) + (i % 17) * 9) };
  });
}

/** The shadow root of the first `tag` in the story. */
export function shadowOf(canvas: HTMLElement, tag: string): ShadowRoot {
  const element = canvas.querySelector(tag);
  if (!element?.shadowRoot) throw new Error(`no <${tag}> rendered`);
  return element.shadowRoot;
}
