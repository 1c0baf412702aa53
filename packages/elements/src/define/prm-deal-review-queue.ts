import { PrmDealReviewQueue } from '../components/deal-review-queue/deal-review-queue.js';

PrmDealReviewQueue.define('prm-deal-review-queue');
