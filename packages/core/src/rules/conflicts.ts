/**
 * Deal registration conflicts: the same end customer (normalised legal name, or the same
 * domain including subdomains) with at least one product in common with a live claim.
 */
import type { Customer } from '../schemas/common.js';
import type {
  ConflictCheck,
  DealConflict,
  DealRegistration,
  DealStatus,
  ProductLine,
} from '../schemas/deal.js';
import { LIVE_DEAL_STATUSES } from '../schemas/values.js';

/** A set of the space-separated words in `lines`. */
const wordSet = (...lines: string[]): ReadonlySet<string> => new Set(lines.join(' ').split(' '));

/**
 * Legal-form words dropped from the end of a company name, after dots are removed
 * (`S.p.A.` is `spa`). Multi-word forms (`Pty Ltd`, `GmbH & Co. KG`) fall out word by word.
 */
const LEGAL_SUFFIXES: ReadonlySet<string> = wordSet(
  'inc incorporated corp corporation co company cos companies ltd limited llc llp lp plc',
  'pty pte pvt gmbh ag kg kgaa se ug mbh sa sas sl sarl srl spa sca ltda sro bv nv oy oyj',
  'ab as asa aps kk bhd sdn',
);

/**
 * A company name reduced to what identifies it, for comparison only (never display):
 * lower case, accents and punctuation removed, `&` read as "and", white space collapsed,
 * a leading "The" and trailing legal forms dropped. `ACME, Inc.`, `acme inc`,
 * `ACME Corporation` and ` Acme   LLC ` all give `acme`; `Acme Holdings Pty Ltd` gives
 * `acme holdings`. A name made only of such words is kept rather than emptied.
 */
export function normalizeCompanyName(name: string): string {
  const words = name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    // Dots and apostrophes join (`S.A.` → `sa`, `O'Neil` → `oneil`); other punctuation separates.
    .replace(/[.'’]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .split(' ')
    .filter((word) => word !== '');
  if (words.length > 1 && words[0] === 'the') words.shift();
  let dropped = false;
  while (words.length > 1) {
    const last = words[words.length - 1]!;
    // A trailing "and" only goes when it joined a dropped legal form (`Smith & Co.`).
    if (LEGAL_SUFFIXES.has(last) || (dropped && last === 'and')) {
      words.pop();
      dropped = true;
    } else {
      break;
    }
  }
  return words.join(' ');
}

/**
 * The host name in a domain, URL or email address: lower case, IDN as punycode, without
 * scheme, user, `www.`, port, path or trailing dot. `https://WWW.Acme.com:8443/x`,
 * `bob@acme.com` and `acme.com.` all give `acme.com`. Returns `''` when there is no host.
 */
export function normalizeDomain(input: string): string {
  let value = input.trim().replace(/^mailto:/i, '');
  if (value === '') return '';
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(value)) value = `http://${value}`;
  let host: string;
  try {
    host = new URL(value).hostname;
  } catch {
    return '';
  }
  return host.replace(/\.+$/, '').replace(/^www\./, '');
}

/**
 * Common public suffixes of more than one label. A domain must have a label of its own in
 * front of its suffix to match anything, so `co.uk` never matches `acme.co.uk`.
 */
const MULTI_LABEL_SUFFIXES: ReadonlySet<string> = wordSet(
  'co.uk org.uk ac.uk gov.uk ltd.uk plc.uk me.uk net.uk nhs.uk com.au net.au org.au edu.au',
  'gov.au co.nz net.nz org.nz co.jp ne.jp or.jp ac.jp go.jp co.kr or.kr com.cn net.cn',
  'org.cn com.hk com.tw com.sg com.my co.id co.th com.ph com.vn co.in net.in org.in com.pk',
  'co.il com.br net.br org.br com.mx com.ar com.co com.pe co.za org.za com.tr com.eg com.sa',
  'com.ng co.ke',
  // Shared hosting: each customer has a label under these.
  'github.io herokuapp.com azurewebsites.net cloudfront.net appspot.com blogspot.com',
  'vercel.app netlify.app pages.dev workers.dev',
);

/** Mailbox providers: many unrelated customers share them, so they never identify one. */
const SHARED_MAIL_DOMAINS: ReadonlySet<string> = wordSet(
  'gmail.com googlemail.com outlook.com hotmail.com live.com msn.com yahoo.com ymail.com',
  'icloud.com me.com aol.com proton.me protonmail.com gmx.com gmx.de gmx.net web.de',
  'mail.com yandex.ru qq.com 163.com zoho.com',
);

/** Labels of `domain` that are its public suffix (at least the last one). */
function suffixLabels(domain: string): number {
  const labels = domain.split('.');
  for (let n = labels.length; n >= 2; n -= 1) {
    if (MULTI_LABEL_SUFFIXES.has(labels.slice(-n).join('.'))) return n;
  }
  return 1;
}

/** A domain that names one organisation: not a bare public suffix, not a mailbox provider. */
function isOwnedDomain(domain: string): boolean {
  return (
    domain !== '' &&
    domain.split('.').length > suffixLabels(domain) &&
    !SHARED_MAIL_DOMAINS.has(domain)
  );
}

/**
 * True when two domains (normalised first, see {@link normalizeDomain}) are the same or one
 * is a subdomain of the other: `sales.acme.com` matches `acme.com`; `notacme.com`,
 * `acme.com.evil.io` and the bare suffix `co.uk` do not. Mailbox providers such as
 * `gmail.com` match nothing, since they do not identify a customer.
 */
export function domainsMatch(a: string, b: string): boolean {
  const x = normalizeDomain(a);
  const y = normalizeDomain(b);
  const [shorter, longer] = x.length <= y.length ? [x, y] : [y, x];
  if (!isOwnedDomain(shorter)) return false;
  return longer === shorter || longer.endsWith(`.${shorter}`);
}

/** An owned domain with its labels reversed (`sales.acme.com` → `com.acme.sales`), so a
 * domain's subdomains sort right after it and a range look-up finds them. */
function reversedDomain(domain: string): string | null {
  return isOwnedDomain(domain) ? domain.split('.').reverse().join('.') : null;
}

/** What conflicts are found by: a customer's company name and domain, either may be missing. */
export interface ConflictCustomer {
  company?: string | undefined;
  domain?: string | undefined;
}

/**
 * The keys a backend stores with each registration to find possible conflicts through an
 * index instead of comparing every claim: the normalised company name, and the customer's
 * domain reversed (`com.acme.sales`; `null` when it names no one organisation).
 */
export function conflictKeys(customer: ConflictCustomer): {
  company: string;
  domain: string | null;
} {
  return {
    company: normalizeCompanyName(customer.company ?? ''),
    domain: reversedDomain(normalizeDomain(customer.domain ?? '')),
  };
}

/**
 * How to look up the registrations whose `conflictKeys` may match a customer: the same
 * `company`; or a `domain` among `domains` (the customer's own and its parent domains); or a
 * `domain` under `subdomainsOf` (it starts with `subdomainsOf + '.'`). Every match of
 * `findDealConflicts` is found this way; confirm candidates with it.
 */
export function conflictLookup(customer: ConflictCustomer): {
  company: string;
  domains: string[];
  subdomainsOf: string | null;
} {
  const own = reversedDomain(normalizeDomain(customer.domain ?? ''));
  const domains: string[] = [];
  if (own) {
    const labels = own.split('.');
    for (let n = labels.length; n >= 1; n -= 1) {
      const parent = labels.slice(0, n).join('.');
      if (reversedDomain(parent.split('.').reverse().join('.')) === null) break;
      domains.push(parent);
    }
  }
  return { company: normalizeCompanyName(customer.company ?? ''), domains, subdomainsOf: own };
}

/** The customer and products of a registration, or of a form being filled in. */
export interface ConflictCandidate {
  customer: ConflictCustomer;
  products: readonly Pick<ProductLine, 'productId'>[];
}

/** Another registration to check against; `partnerName` is copied into the conflict when given. */
export type ConflictOther = Pick<DealRegistration, 'id' | 'number' | 'partnerId' | 'status'> & {
  customer: Pick<Customer, 'company' | 'domain'>;
  products: readonly Pick<ProductLine, 'productId'>[];
  partnerName?: string;
};

/** Whose candidate it is, and which record it is (so an edit never conflicts with itself). */
export interface ConflictOptions {
  partnerId: string;
  excludeId?: string;
}

/**
 * Live registrations (`LIVE_DEAL_STATUSES`) that claim the candidate's customer — same
 * normalised company name or matching domains — for at least one of its products. Another
 * partner's claim is a conflict; the same partner's is returned with `duplicate: true`.
 * Results keep the order of `others`; `productIds` keep the candidate's order.
 */
export function findDealConflicts(
  candidate: ConflictCandidate,
  others: readonly ConflictOther[],
  options: ConflictOptions,
): DealConflict[] {
  const live: ReadonlySet<DealStatus> = new Set(LIVE_DEAL_STATUSES);
  return matchClaims(candidate, others, options, (status) => live.has(status));
}

/**
 * Approved registrations of any partner, the same partner's included, for the candidate's
 * customer and a product in common. Approval must be refused while this is non-empty: at
 * most one registration per customer and product is approved at a time.
 */
export function findApprovedClaims(
  candidate: ConflictCandidate,
  others: readonly ConflictOther[],
  options: ConflictOptions,
): DealConflict[] {
  return matchClaims(candidate, others, options, (status) => status === 'approved');
}

/** True when approving the candidate would make a second approved claim (see {@link findApprovedClaims}). */
export function hasApprovedClaim(
  candidate: ConflictCandidate,
  others: readonly ConflictOther[],
  options: ConflictOptions,
): boolean {
  return findApprovedClaims(candidate, others, options).length > 0;
}

/**
 * The answer to a conflict pre-check. With `reveal: false` (partner viewers) only the flags
 * are set and `matches` is empty, so a partner never learns who else claimed the customer.
 */
export function summarizeConflicts(
  matches: readonly DealConflict[],
  options: { reveal: boolean },
): ConflictCheck {
  return {
    conflict: matches.some((match) => !match.duplicate),
    duplicate: matches.some((match) => match.duplicate),
    matches: options.reveal ? [...matches] : [],
  };
}

function matchClaims(
  candidate: ConflictCandidate,
  others: readonly ConflictOther[],
  options: ConflictOptions,
  statusCounts: (status: DealStatus) => boolean,
): DealConflict[] {
  const company = normalizeCompanyName(candidate.customer.company ?? '');
  const domain = candidate.customer.domain;
  const productIds = [...new Set(candidate.products.map((line) => line.productId))];
  const conflicts: DealConflict[] = [];
  for (const other of others) {
    if (other.id === options.excludeId || !statusCounts(other.status)) continue;
    const otherProducts = new Set(other.products.map((line) => line.productId));
    const common = productIds.filter((id) => otherProducts.has(id));
    if (common.length === 0) continue;
    const matchedBy: ('company' | 'domain')[] = [];
    if (company !== '' && normalizeCompanyName(other.customer.company) === company) {
      matchedBy.push('company');
    }
    if (domain && other.customer.domain && domainsMatch(domain, other.customer.domain)) {
      matchedBy.push('domain');
    }
    if (matchedBy.length === 0) continue;
    conflicts.push({
      dealId: other.id,
      dealNumber: other.number,
      partnerId: other.partnerId,
      ...(other.partnerName === undefined ? {} : { partnerName: other.partnerName }),
      status: other.status,
      matchedBy,
      productIds: common,
      duplicate: other.partnerId === options.partnerId,
    });
  }
  return conflicts;
}
