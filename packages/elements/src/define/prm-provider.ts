import { PrmProvider } from '../components/provider/provider.js';
import { defineElement } from '../internal/define.js';

defineElement('prm-provider', PrmProvider);
