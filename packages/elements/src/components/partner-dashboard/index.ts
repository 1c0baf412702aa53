export { PrmPartnerDashboard } from './partner-dashboard.js';
