/**
 * @prm-kit/elements — the Lit components. Importing this module registers nothing: import
 * `@prm-kit/elements/define/<tag>.js` (or `define/all.js`) to register tags.
 */
export { PrmClient, type PrmClientOptions, type PrmQuery } from './client/prm-client.js';
export { QueryController, MutationController } from './client/controllers.js';
export { prmContext, type PrmConnection } from './context.js';
export * from './events.js';
export { TOKENS, type Appearance, type AppearanceVariables, type TokenName } from './tokens.js';
export { Formatter, MESSAGE_LOCALES, setMessageLocale } from './localize.js';
export { PrmElement } from './internal/prm-element.js';
export { PrmProvider } from './components/provider/index.js';
export { PrmSegmentBadge } from './components/segment-badge/index.js';
export { PrmPartnerProfile } from './components/partner-profile/index.js';
export { PrmProgramCatalog } from './components/program-catalog/index.js';
export { PrmProgramEnrollment } from './components/program-enrollment/index.js';
export { PrmDealRegistrationForm } from './components/deal-registration-form/index.js';
export { PrmDealReviewQueue } from './components/deal-review-queue/index.js';
export { PrmDealRegistrationList } from './components/deal-registration-list/index.js';
export { PrmDealRegistrationDetail } from './components/deal-registration-detail/index.js';
export { PrmCaseForm } from './components/case-form/index.js';
export { PrmCaseList } from './components/case-list/index.js';
export { PrmCaseDetail } from './components/case-detail/index.js';
export { PrmCaseQueue, type CaseQueueView } from './components/case-queue/index.js';
export { PrmPartnerDashboard } from './components/partner-dashboard/index.js';
export { PrmEnterpriseDashboard } from './components/enterprise-dashboard/index.js';
export {
  CHART_ORIENTATIONS,
  FORMAT_AS,
  KPI_TONES,
  PrmBarChart,
  PrmChartSelectEvent,
  PrmDonutChart,
  PrmKpi,
  PrmLineChart,
  PrmProgress,
  PrmStackedBarChart,
  type ChartDatum,
  type ChartOrientation,
  type ChartSeries,
  type FormatAs,
  type KpiTone,
  type StackedDatum,
} from './charts/index.js';
