export { PrmDealRegistrationForm } from './deal-registration-form.js';
