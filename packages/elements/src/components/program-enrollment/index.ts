export { PrmProgramEnrollment } from './program-enrollment.js';
