import type { Region } from '../schemas/common.js';
import type { Lead } from '../schemas/lead.js';
import type { Partner } from '../schemas/partner.js';
import type { ProgramMembership } from '../schemas/program.js';
import { compareCodeUnits } from './internal.js';
import { partnerTierRank } from './segments.js';

// Space-separated so the table stays readable; split once at load.
const byRegion: Record<Region, string> = {
  north_america: 'US CA PM BM GL',
  latin_america:
    'MX GT BZ SV HN NI CR PA CU DO HT JM PR TT BS BB CO VE EC PE BO BR PY UY AR CL ' + 'GY SR',
  emea:
    'GB IE FR DE NL BE LU CH AT LI MC ES PT IT MT GR CY DK SE NO FI IS EE LV LT PL ' +
    'CZ SK HU SI HR BA RS ME MK AL RO BG MD UA BY RU TR GE AM AZ KZ IL PS JO LB SY ' +
    'IQ IR SA AE QA BH KW OM YE EG LY TN DZ MA NG GH CI SN CM KE ET TZ UG RW AO ZM ' +
    'ZW MZ BW NA ZA MU',
  apac: 'CN HK MO TW JP KR MN IN PK BD LK NP SG MY TH VN PH ID KH LA MM BN AU NZ FJ PG ' + 'UZ',
};

/** The region each common country (ISO 3166 alpha-2) belongs to. */
export const COUNTRY_REGIONS: ReadonlyMap<string, Region> = new Map(
  (Object.entries(byRegion) as [Region, string][]).flatMap(([region, countries]) =>
    countries.split(' ').map((country) => [country, region] as const),
  ),
);

/** The region of a country code, or `null` for a country missing from `COUNTRY_REGIONS`. */
export function regionOfCountry(country: string): Region | null {
  return COUNTRY_REGIONS.get(country.toUpperCase()) ?? null;
}

/** The lead fields assignment reads. */
export type LeadToAssign = { customer: Pick<Lead['customer'], 'country'> } & Partial<
  Pick<Lead, 'declinedBy'>
>;
/** The partner fields assignment reads. */
export type LeadPartner = Pick<Partner, 'id' | 'status' | 'country' | 'region' | 'tier'>;

/** What else lead assignment may take into account. */
export interface LeadAssignmentOptions {
  /** Partners that declined this lead, besides those in `lead.declinedBy`. */
  declinedPartnerIds?: readonly string[];
  /** When given, only partners with an active membership in some program are candidates. */
  memberships?: readonly Pick<ProgramMembership, 'partnerId' | 'status'>[];
  /** Open (assigned, not yet answered) leads per partner id: fewer wins a tie. */
  openLeads?: Readonly<Record<string, number>>;
}

/**
 * The partners that may take a lead, best first: active partners that have not declined
 * it — those in the customer's country, then those in the customer's region; within each,
 * higher tier first, then fewer open leads, then id. No randomness, so the same inputs
 * always give the same order. A customer country missing from `COUNTRY_REGIONS` has no
 * region, so only same-country partners qualify; with none the list is empty.
 */
export function leadCandidates(
  lead: LeadToAssign,
  partners: readonly LeadPartner[],
  options: LeadAssignmentOptions = {},
): string[] {
  const country = lead.customer.country.toUpperCase();
  const region = regionOfCountry(country);
  const declined = new Set([
    ...(options.declinedPartnerIds ?? []),
    ...(lead.declinedBy ?? []).map((d) => d.partnerId),
  ]);
  const enrolled = options.memberships
    ? new Set(options.memberships.filter((m) => m.status === 'active').map((m) => m.partnerId))
    : null;
  const open = options.openLeads ?? {};

  const place = (partner: LeadPartner): number | null => {
    if (partner.country.toUpperCase() === country) return 0;
    if (region !== null && partner.region === region) return 1;
    return null;
  };

  return partners
    .filter((p) => p.status === 'active' && !declined.has(p.id) && (enrolled?.has(p.id) ?? true))
    .flatMap((partner) => {
      const distance = place(partner);
      return distance === null ? [] : [{ partner, distance }];
    })
    .sort(
      (a, b) =>
        a.distance - b.distance ||
        partnerTierRank(b.partner.tier) - partnerTierRank(a.partner.tier) ||
        (open[a.partner.id] ?? 0) - (open[b.partner.id] ?? 0) ||
        compareCodeUnits(a.partner.id, b.partner.id),
    )
    .map(({ partner }) => partner.id);
}

/**
 * The partner a lead goes to (the first of `leadCandidates`), or `null` when no partner
 * qualifies — the lead then stays unassigned for a channel manager to route by hand.
 */
export function assignLead(
  lead: LeadToAssign,
  partners: readonly LeadPartner[],
  options: LeadAssignmentOptions = {},
): string | null {
  return leadCandidates(lead, partners, options)[0] ?? null;
}
