import { PrmCaseQueue } from '../components/case-queue/case-queue.js';

PrmCaseQueue.define('prm-case-queue');
