export { PrmEnterpriseDashboard } from './enterprise-dashboard.js';
