/**
 * The demo's sign-in: one in-page backend with the XYZ Solutions demo data, persisted in this
 * browser, and the host's remembered choices (who is signed in, which language).
 */
import { DEMO_USERS, createLocalAdapter, type LocalAdapter } from '@prm-kit/adapter-local';
import { isLocale, type Locale } from './i18n.js';

export type DemoUserKey = keyof typeof DEMO_USERS;

/** The role switcher's groups, in order: ABC Systems, Northwind Networks, XYZ Solutions. */
export const USER_GROUPS: readonly { partnerId: string | null; users: readonly DemoUserKey[] }[] = [
  { partnerId: 'p-abc', users: ['partnerAdmin', 'partnerManager', 'partnerAssociate'] },
  { partnerId: 'p-northwind', users: ['otherPartnerAdmin'] },
  {
    partnerId: null,
    users: ['channelManager', 'programAdmin', 'supportAgent', 'enterpriseAdmin'],
  },
];

/** The partner companies of the demo's sign-in users (the host's own directory). */
export const PARTNER_NAMES: Readonly<Record<string, string>> = {
  'p-abc': 'ABC Systems',
  'p-northwind': 'Northwind Networks',
};

const USER_KEY = 'xyz-portal:user';
const LOCALE_KEY = 'xyz-portal:locale';

const isDemoUser = (value: unknown): value is DemoUserKey =>
  typeof value === 'string' && Object.hasOwn(DEMO_USERS, value);

/** Storage may be blocked (private modes, sandboxed frames): the demo then simply forgets. */
function read(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

function write(key: string, value: string): void {
  try {
    localStorage.setItem(key, value);
  } catch {
    // Not remembered across reloads; everything else works.
  }
}

export function savedUser(): DemoUserKey {
  const saved = read(USER_KEY);
  return isDemoUser(saved) ? saved : 'partnerAdmin';
}

export const saveUser = (user: DemoUserKey): void => write(USER_KEY, user);

export function savedLocale(): Locale {
  const saved = read(LOCALE_KEY);
  if (isLocale(saved)) return saved;
  const preferred = navigator.language.toLowerCase().split('-')[0];
  return isLocale(preferred) ? preferred : 'en';
}

export const saveLocale = (locale: Locale): void => write(LOCALE_KEY, locale);

/** The one adapter of the page: the reference backend in the page, kept in localStorage. */
export function demoAdapter(user: DemoUserKey): LocalAdapter {
  // A little simulated network time, so loading states show as they would against a server.
  return createLocalAdapter({ viewer: user, persist: true, latency: { min: 40, max: 160 } });
}
