import { PrmProgramCatalog } from '../components/program-catalog/program-catalog.js';
// Reasons name the segments a program is for with segment badges.
import './prm-segment-badge.js';

PrmProgramCatalog.define('prm-program-catalog');
