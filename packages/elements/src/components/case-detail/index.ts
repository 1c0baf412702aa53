export { PrmCaseDetail } from './case-detail.js';
