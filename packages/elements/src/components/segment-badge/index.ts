export { PrmSegmentBadge, segmentKindLabel } from './segment-badge.js';
