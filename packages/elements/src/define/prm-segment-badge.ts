import { PrmSegmentBadge } from '../components/segment-badge/segment-badge.js';

PrmSegmentBadge.define('prm-segment-badge');
