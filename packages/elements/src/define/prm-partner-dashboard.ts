import { PrmPartnerDashboard } from '../components/partner-dashboard/partner-dashboard.js';
import './prm-kpi.js';
import './prm-bar-chart.js';
import './prm-line-chart.js';
import './prm-progress.js';

PrmPartnerDashboard.define('prm-partner-dashboard');
