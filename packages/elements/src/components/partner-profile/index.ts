export { PrmPartnerProfile } from './partner-profile.js';
