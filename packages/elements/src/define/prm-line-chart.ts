import { PrmLineChart } from '../charts/line-chart.js';

PrmLineChart.define('prm-line-chart');
