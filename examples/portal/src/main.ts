// The host site's entry: its stylesheet, every prm element, then the site itself.
import './portal.css';
import '@prm-kit/elements/define/all.js';
import { XyzPortal } from './portal.js';

customElements.define('xyz-portal', XyzPortal);
