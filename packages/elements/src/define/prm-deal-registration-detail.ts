import { PrmDealRegistrationDetail } from '../components/deal-registration-detail/deal-registration-detail.js';

PrmDealRegistrationDetail.define('prm-deal-registration-detail');
