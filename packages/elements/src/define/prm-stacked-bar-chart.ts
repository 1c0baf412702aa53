import { PrmStackedBarChart } from '../charts/stacked-bar-chart.js';

PrmStackedBarChart.define('prm-stacked-bar-chart');
