// Registers every prm element (for pages that want them all; the embed defines them lazily).
import './prm-provider.js';
import './prm-segment-badge.js';
import './prm-partner-profile.js';
import './prm-program-catalog.js';
import './prm-program-enrollment.js';
import './prm-deal-review-queue.js';
import './prm-deal-registration-form.js';
import './prm-deal-registration-list.js';
import './prm-case-form.js';
import './prm-case-list.js';
import './prm-case-detail.js';
import './prm-case-queue.js';
