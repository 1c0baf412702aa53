/** Hash routes, so a reload keeps the page: `#/profile`, `#/programs`, `#/partners/p-abc`. */
export type Route =
  | { page: 'home' }
  | { page: 'profile' }
  | { page: 'programs' }
  | { page: 'partners' }
  | { page: 'partner'; partnerId: string; tab: 'profile' | 'programs' }
  | { page: 'not-found' };

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
    if (first === 'profile' || first === 'programs' || first === 'partners') return { page: first };
    return { page: 'not-found' };
  }
  if (first !== 'partners') return { page: 'not-found' };
  if (third === undefined) return { page: 'partner', partnerId: second, tab: 'profile' };
  return third === 'programs'
    ? { page: 'partner', partnerId: second, tab: 'programs' }
    : { page: 'not-found' };
}

export const partnerHref = (partnerId: string, tab: 'profile' | 'programs' = 'profile'): string =>
  `#/partners/${encodeURIComponent(partnerId)}${tab === 'programs' ? '/programs' : ''}`;
