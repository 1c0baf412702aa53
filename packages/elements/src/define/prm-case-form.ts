import { PrmCaseForm } from '../components/case-form/case-form.js';

PrmCaseForm.define('prm-case-form');
