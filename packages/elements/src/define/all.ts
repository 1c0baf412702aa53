// Registers every prm element (for pages that want them all; the embed defines them lazily).
import './prm-provider.js';
import './prm-segment-badge.js';
import './prm-partner-profile.js';
import './prm-program-catalog.js';
import './prm-program-enrollment.js';
