import { PrmProgress } from '../charts/progress.js';

PrmProgress.define('prm-progress');
