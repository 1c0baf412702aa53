import { PrmCaseList } from '../components/case-list/case-list.js';
// The list opens a case in <prm-case-detail>.
import './prm-case-detail.js';

PrmCaseList.define('prm-case-list');
