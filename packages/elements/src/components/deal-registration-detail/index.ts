export { PrmDealRegistrationDetail } from './deal-registration-detail.js';
