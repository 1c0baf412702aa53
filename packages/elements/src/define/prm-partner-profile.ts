import { PrmPartnerProfile } from '../components/partner-profile/partner-profile.js';

PrmPartnerProfile.define('prm-partner-profile');
