import { PrmDealRegistrationList } from '../components/deal-registration-list/deal-registration-list.js';
// The list opens a registration in <prm-deal-registration-detail>.
import './prm-deal-registration-detail.js';

PrmDealRegistrationList.define('prm-deal-registration-list');
