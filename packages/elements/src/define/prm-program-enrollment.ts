import { PrmProgramEnrollment } from '../components/program-enrollment/program-enrollment.js';

PrmProgramEnrollment.define('prm-program-enrollment');
