import { PrmDealRegistrationForm } from '../components/deal-registration-form/deal-registration-form.js';

PrmDealRegistrationForm.define('prm-deal-registration-form');
