import { PrmBarChart } from '../charts/bar-chart.js';

PrmBarChart.define('prm-bar-chart');
