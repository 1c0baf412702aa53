export { PrmCaseQueue, type CaseQueueView } from './case-queue.js';
