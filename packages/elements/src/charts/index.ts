export {
  CHART_ORIENTATIONS,
  type ChartDatum,
  type ChartOrientation,
  type ChartSeries,
  type StackedDatum,
} from './chart-element.js';
export { FORMAT_AS, type FormatAs } from './value-element.js';
export { PrmChartSelectEvent } from './events.js';
export { PrmBarChart } from './bar-chart.js';
export { PrmStackedBarChart } from './stacked-bar-chart.js';
export { PrmDonutChart } from './donut-chart.js';
export { PrmLineChart } from './line-chart.js';
export { PrmProgress } from './progress.js';
export { KPI_TONES, PrmKpi, type KpiTone } from './kpi.js';
