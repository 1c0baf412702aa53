export { PrmDealReviewQueue } from './deal-review-queue.js';
