/**
 * Hash routes, so a reload keeps the page: `#/profile`, `#/programs`, `#/deals`, `#/deals/new`,
 * `#/cases`, `#/cases/new`, `#/reviews`, `#/support`, `#/partners/p-abc`,
 * `#/partners/p-abc/dashboard`, `#/partners/p-abc/deals`, `#/partners/p-abc/cases`.
 */
export type PartnerTab = 'profile' | 'dashboard' | 'programs' | 'deals' | 'cases';

export type Route =
  | { page: 'home' }
  | { page: 'profile' }
  | { page: 'programs' }
  | { page: 'deals' }
  | { page: 'new-deal' }
  | { page: 'cases' }
  | { page: 'new-case' }
  | { page: 'reviews' }
  | { page: 'support' }
  | { page: 'partners' }
  | { page: 'partner'; partnerId: string; tab: PartnerTab }
  | { page: 'not-found' };

const PAGES = ['profile', 'programs', 'deals', 'cases', 'reviews', 'support', 'partners'] as const;
const TABS: readonly PartnerTab[] = ['dashboard', 'programs', 'deals', 'cases'];

export function parseRoute(hash: string): Route {
  let parts: string[];
  try {
    parts = hash.replace(/^#/, '').split('/').filter(Boolean).map(decodeURIComponent);
  } catch {
    return { page: 'not-found' };
  }
  const [first, second, third, ...rest] = parts;
  if (rest.length > 0) return { page: 'not-found' };
  if (first === undefined) return { page: 'home' };
  if (second === undefined) {
    const page = PAGES.find((known) => known === first);
    return page ? { page } : { page: 'not-found' };
  }
  if (first === 'deals') {
    return second === 'new' && third === undefined ? { page: 'new-deal' } : { page: 'not-found' };
  }
  if (first === 'cases') {
    return second === 'new' && third === undefined ? { page: 'new-case' } : { page: 'not-found' };
  }
  if (first !== 'partners') return { page: 'not-found' };
  if (third === undefined) return { page: 'partner', partnerId: second, tab: 'profile' };
  const tab = TABS.find((known) => known === third);
  return tab ? { page: 'partner', partnerId: second, tab } : { page: 'not-found' };
}

export const partnerHref = (partnerId: string, tab: PartnerTab = 'profile'): string =>
  `#/partners/${encodeURIComponent(partnerId)}${tab === 'profile' ? '' : `/${tab}`}`;
