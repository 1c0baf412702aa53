import { PrmKpi } from '../charts/kpi.js';

PrmKpi.define('prm-kpi');
