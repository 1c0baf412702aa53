import { PrmCaseDetail } from '../components/case-detail/case-detail.js';

PrmCaseDetail.define('prm-case-detail');
