import { PrmEnterpriseDashboard } from '../components/enterprise-dashboard/enterprise-dashboard.js';
import './prm-kpi.js';
import './prm-bar-chart.js';
import './prm-donut-chart.js';
import './prm-stacked-bar-chart.js';

PrmEnterpriseDashboard.define('prm-enterprise-dashboard');
