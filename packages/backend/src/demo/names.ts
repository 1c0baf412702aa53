/**
 * Word lists for generated people, partners and customers. Customer names come from a
 * mixed-radix counter scattered by an odd multiplier, so the first 2^20 are all distinct
 * (no accidental conflicts between generated registrations).
 */
import type { Customer, Region } from '@prm-kit/core';
import type { Random } from './random.js';

export const FIRST_NAMES: readonly string[] = (
  'Aaliyah Aarav Adrian Aiko Alejandro Amara Anika Arjun Beatriz Caleb Camila Chen Daniel ' +
  'Elena Emeka Emma Farah Felix Gabriel Hana Hugo Ines Isaac Jana Javier Ji-woo Jonas Kai ' +
  'Kavya Keiko Lara Leon Lucia Mateo Maya Mei Mohammed Nadia Noah Olivia Omar Priya ' +
  'Rafael Rosa Samuel Sara Sofia Tariq Thandiwe Tomas Valentina Wei Yara Yusuf Zoe'
).split(' ');

export const LAST_NAMES: readonly string[] = (
  'Abara Alvarez Andersson Bauer Bianchi Campbell Costa Dubois Evans Fernandes Fischer ' +
  'Garcia Gupta Haddad Hansen Ito Jensen Kim Kowalski Kumar Larsen Lopez Mbeki Meyer ' +
  "Moreau Mwangi Nakamura Nguyen Novak Okonkwo O'Brien Ortiz Patel Petrov Quinn Rossi " +
  'Santos Schmidt Silva Singh Sato Tan Turner Varga Wang Weber Williams Wong Yilmaz Zhang'
).split(' ');

const PLACE_WORDS: readonly string[] = (
  'Aspen Atlas Beacon Birch Blue Bright Canyon Cedar Clear Coastal Cobalt Copper Crest ' +
  'Crystal Delta Eagle East Ember Evergreen Falcon Fern Golden Granite Green Harbor Hawk ' +
  'Highland Horizon Iron Juniper Lake Liberty Lime Maple Meadow Metro Midland North Oak ' +
  'Ocean Orchid Pacific Peak Pine Pioneer Prairie Quartz Red Ridge River Rock Royal ' +
  'Sierra Silver Solar South Spring Star Stone Summit Sun Tidal Valley West'
).split(' '); // 64

const SECOND_WORDS: readonly string[] = (
  'Arc Bay Bridge Brook Castle Cove Creek Crown Dale Dune Edge Field Fjord Ford Forge ' +
  'Gate Glen Grove Haven Hill Hollow Island Key Knoll Landing Lane Light Line Mark Mesa ' +
  'Mill Moor Mount Park Path Pass Point Pond Port Rise Road Run Shore Side Sound Spire ' +
  'Spur Square Stream Street Tower Trail Vale View Vista Walk Water Way Well Wharf Wind ' +
  'Wood Works Yard'
).split(' '); // 64

const INDUSTRIES: readonly string[] = (
  'Aerospace Analytics Apparel Banking Biotech Brewing Chemicals Clinics Construction ' +
  'Dairy Energy Engineering Farms Foods Freight Furniture Health Hotels Insurance ' +
  'Logistics Marine Media Medical Metals Mining Motors Pharma Plastics Realty Retail ' +
  'Textiles Utilities'
).split(' '); // 32

const ORG_WORDS: readonly string[] =
  'Group Holdings Partners International Industries Enterprises Alliance Collective'.split(' '); // 8

const NAME_SPACE = PLACE_WORDS.length * SECOND_WORDS.length * INDUSTRIES.length * ORG_WORDS.length;
/** An odd multiplier: a bijection on [0, 2^20). */
const SCATTER = 0x9e3b5;

const slug = (text: string): string =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

/** The `n`-th generated company name: distinct for the first 1 048 576. */
export function companyName(n: number): string {
  let i = (Math.imul(n % NAME_SPACE, SCATTER) >>> 0) % NAME_SPACE;
  const org = ORG_WORDS[i % ORG_WORDS.length]!;
  i = Math.floor(i / ORG_WORDS.length);
  const industry = INDUSTRIES[i % INDUSTRIES.length]!;
  i = Math.floor(i / INDUSTRIES.length);
  const second = SECOND_WORDS[i % SECOND_WORDS.length]!;
  i = Math.floor(i / SECOND_WORDS.length);
  const place = PLACE_WORDS[i % PLACE_WORDS.length]!;
  return `${place}${second.toLowerCase()} ${industry} ${org}`;
}

export const domainOf = (company: string): string => `${slug(company)}.example.com`;

export interface Person {
  name: string;
  first: string;
  last: string;
}

export function person(rng: Random): Person {
  const first = rng.pick(FIRST_NAMES);
  const last = rng.pick(LAST_NAMES);
  return { name: `${first} ${last}`, first, last };
}

export const emailOf = (p: Person, domain: string): string =>
  `${slug(p.first).replaceAll('-', '')}.${slug(p.last).replaceAll('-', '')}@${domain}`;

/** Countries partners and customers are in, with their region and sample postal codes. */
export const COUNTRIES: readonly { code: string; region: Region; postal: readonly string[] }[] = [
  { code: 'US', region: 'north_america', postal: ['10001', '60601', '94105', '78701', '98101'] },
  { code: 'CA', region: 'north_america', postal: ['M5V 2T6', 'H3B 4W8', 'V6B 1A1'] },
  { code: 'MX', region: 'latin_america', postal: ['06600', '44100', '64000'] },
  { code: 'BR', region: 'latin_america', postal: ['01310-100', '20040-002'] },
  { code: 'CL', region: 'latin_america', postal: ['8320000', '7500000'] },
  { code: 'AR', region: 'latin_america', postal: ['C1002', 'X5000'] },
  { code: 'CO', region: 'latin_america', postal: ['110111', '050021'] },
  { code: 'GB', region: 'emea', postal: ['EC2A 4NE', 'M1 1AE', 'EH1 1YZ'] },
  { code: 'DE', region: 'emea', postal: ['10115', '80331', '50667'] },
  { code: 'FR', region: 'emea', postal: ['75002', '69002', '31000'] },
  { code: 'NL', region: 'emea', postal: ['1012 AB', '3011 AD'] },
  { code: 'ES', region: 'emea', postal: ['28013', '08002'] },
  { code: 'SE', region: 'emea', postal: ['111 52', '411 03'] },
  { code: 'CH', region: 'emea', postal: ['8001', '1201'] },
  { code: 'AE', region: 'emea', postal: ['00000'] },
  { code: 'KE', region: 'emea', postal: ['00100'] },
  { code: 'ZA', region: 'emea', postal: ['2196', '8001'] },
  { code: 'JP', region: 'apac', postal: ['100-0005', '530-0001'] },
  { code: 'AU', region: 'apac', postal: ['2000', '3000', '4000'] },
  { code: 'SG', region: 'apac', postal: ['018956', '049315'] },
  { code: 'IN', region: 'apac', postal: ['560001', '400001'] },
  { code: 'NZ', region: 'apac', postal: ['1010', '6011'] },
  { code: 'KR', region: 'apac', postal: ['04524', '06164'] },
];

export const COUNTRIES_BY_REGION: Readonly<Record<Region, readonly string[]>> = {
  north_america: COUNTRIES.filter((c) => c.region === 'north_america').map((c) => c.code),
  latin_america: COUNTRIES.filter((c) => c.region === 'latin_america').map((c) => c.code),
  emea: COUNTRIES.filter((c) => c.region === 'emea').map((c) => c.code),
  apac: COUNTRIES.filter((c) => c.region === 'apac').map((c) => c.code),
};

const POSTAL = new Map(COUNTRIES.map((c) => [c.code, c.postal]));

/** A generated customer in `country`, the `n`-th of its kind. */
export function customer(rng: Random, n: number, country: string): Customer {
  const company = companyName(n);
  const domain = domainOf(company);
  const contact = person(rng);
  return {
    company,
    domain,
    country,
    postalCode: rng.pick(POSTAL.get(country) ?? ['00000']),
    contact: { name: contact.name, email: emailOf(contact, domain) },
  };
}

export const SPECIALIZATIONS = [
  'security',
  'networking',
  'cloud',
  'managed_services',
  'data_protection',
  'sd_wan',
  'public_sector',
  'healthcare',
] as const;

const PARTNER_FIRST: readonly string[] = (
  'Apex Arrow Bastion Bridgepoint Cipher Clearpath Core Crossway Digital Elevate Fortress ' +
  'Fusion Gateway Helix Insight Keystone Lattice Matrix Nexus Nimbus Optima Pinnacle ' +
  'Quantum Sentinel Signal Spectrum Strata Synergy Titan Trident Vector Zenith'
).split(' '); // 32

const PARTNER_SECOND: readonly string[] = (
  'IT|Networks|Systems|Technologies|Solutions|Consulting|Integrators|Cloud|Secure|Data|' +
  'Digital Services|Managed Services|Infotech|Labs|Computing|Telecom'
).split('|'); // 16

/** The `n`-th generated partner name (distinct names repeat after 512, so a number follows). */
export function partnerName(n: number): string {
  const first = PARTNER_FIRST[n % PARTNER_FIRST.length]!;
  const second = PARTNER_SECOND[Math.floor(n / PARTNER_FIRST.length) % PARTNER_SECOND.length]!;
  const round = Math.floor(n / (PARTNER_FIRST.length * PARTNER_SECOND.length));
  return round === 0 ? `${first} ${second}` : `${first} ${second} ${String(round + 1)}`;
}

export { slug };
