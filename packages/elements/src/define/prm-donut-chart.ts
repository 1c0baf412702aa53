import { PrmDonutChart } from '../charts/donut-chart.js';

PrmDonutChart.define('prm-donut-chart');
