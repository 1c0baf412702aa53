export { PrmDealRegistrationList } from './deal-registration-list.js';
