/**
 * @prm-kit/core — the domain model, business rules and adapter contract every part of
 * prm-kit speaks. DOM-free and I/O-free: it runs in host pages, in Node and in workers.
 */
export * from './errors.js';
export * from './messages.js';
export * from './validation.js';
export type * from './adapter.js';

export * from './schemas/values.js';
export * from './schemas/common.js';
export * from './schemas/viewer.js';
export * from './schemas/partner.js';
export * from './schemas/program.js';
export * from './schemas/segment.js';
export * from './schemas/deal.js';
export * from './schemas/sales.js';
export * from './schemas/case.js';
export * from './schemas/lead.js';
export * from './schemas/mdf.js';
export * from './schemas/activity.js';
export * from './schemas/list.js';
export * from './schemas/metrics.js';

export * from './rules/transitions.js';
export * from './rules/capabilities.js';
export * from './rules/conflicts.js';
export * from './rules/business-time.js';
export * from './rules/deal-protection.js';
export * from './rules/sla.js';
export * from './rules/eligibility.js';
export * from './rules/segments.js';
export * from './rules/pricing.js';
export * from './rules/mdf.js';
export * from './rules/lead-assignment.js';
export * from './rules/case-routing.js';
export * from './rules/metrics.js';

export * from './rest/routes.js';
export * from './rest/query.js';
export * from './rest/problem.js';
