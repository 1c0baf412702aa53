export { PrmCaseForm } from './case-form.js';
