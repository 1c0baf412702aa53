export { PrmCaseList } from './case-list.js';
