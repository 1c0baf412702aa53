import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  conflictKeys,
  conflictLookup,
  domainsMatch,
  findApprovedClaims,
  findDealConflicts,
  hasApprovedClaim,
  normalizeCompanyName,
  normalizeDomain,
  summarizeConflicts,
  type ConflictCandidate,
  type ConflictOther,
} from '../../src/rules/conflicts.js';
import type { DealConflict } from '../../src/schemas/deal.js';

describe('normalizeCompanyName', () => {
  const cases: [input: string, expected: string][] = [
    ['ACME, Inc.', 'acme'],
    ['acme inc', 'acme'],
    ['Acme', 'acme'],
    ['ACME Corporation', 'acme'],
    [' Acme   LLC ', 'acme'],
    ['Acme Corp.', 'acme'],
    ['Acme Co', 'acme'],
    ['Acme Company', 'acme'],
    ['Acme Ltd', 'acme'],
    ['Acme Limited', 'acme'],
    ['Acme L.L.C.', 'acme'],
    ['Acme LLP', 'acme'],
    ['Acme PLC', 'acme'],
    ['Acme GmbH', 'acme'],
    ['Acme AG', 'acme'],
    ['Acme S.A.', 'acme'],
    ['Acme S.A.S.', 'acme'],
    ['Acme S.L.', 'acme'],
    ['Acme SARL', 'acme'],
    ['Acme B.V.', 'acme'],
    ['Acme N.V.', 'acme'],
    ['Acme Oy', 'acme'],
    ['Acme AB', 'acme'],
    ['Acme AS', 'acme'],
    ['Acme K.K.', 'acme'],
    ['Acme S.p.A.', 'acme'],
    ['Acme Srl', 'acme'],
    ['Acme Pte Ltd', 'acme'],
    ['Acme Pty Ltd', 'acme'],
    ['Acme Holdings Pty Ltd', 'acme holdings'],
    ['Acme GmbH & Co. KG', 'acme'],
    ['Smith & Co.', 'smith'],
    ['Smith & Wesson', 'smith and wesson'],
    ['Smith and Wesson Inc', 'smith and wesson'],
    ['The Acme Company', 'acme'],
    ['The', 'the'],
    ['Company', 'company'],
    ['The Inc', 'inc'],
    ['Société Générale S.A.', 'societe generale'],
    ['Nestlé', 'nestle'],
    ['｡ＡＣＭＥ', 'acme'], // full-width letters fold under NFKD
    ['Hewlett-Packard', 'hewlett packard'],
    ["McDonald's Corporation", 'mcdonalds'],
    ['Acme Incorporated (Europe)', 'acme incorporated europe'],
    ['Acme Inc Holdings', 'acme inc holdings'],
    ['Co-operative Bank', 'co operative bank'],
    ['3M Company', '3m'],
    ['  ', ''],
    ['!!!', ''],
  ];
  for (const [input, expected] of cases) {
    it(`${JSON.stringify(input)} → ${JSON.stringify(expected)}`, () => {
      assert.equal(normalizeCompanyName(input), expected);
    });
  }

  it('treats the required spellings as one company', () => {
    const names = ['ACME, Inc.', 'acme inc', 'Acme', 'ACME Corporation', ' Acme   LLC '];
    assert.equal(new Set(names.map(normalizeCompanyName)).size, 1);
  });
});

describe('normalizeDomain', () => {
  const cases: [input: string, expected: string][] = [
    ['acme.com', 'acme.com'],
    ['ACME.COM', 'acme.com'],
    ['  acme.com  ', 'acme.com'],
    ['www.acme.com', 'acme.com'],
    ['https://www.Acme.com/contact?x=1#top', 'acme.com'],
    ['http://acme.com:8080/path', 'acme.com'],
    ['acme.com:8443', 'acme.com'],
    ['acme.com/path', 'acme.com'],
    ['acme.com.', 'acme.com'],
    ['bob@acme.com', 'acme.com'],
    ['Bob.Smith@Sales.Acme.com', 'sales.acme.com'],
    ['mailto:bob@acme.com', 'acme.com'],
    ['https://user:pw@acme.com/', 'acme.com'],
    ['sales.acme.co.uk', 'sales.acme.co.uk'],
    ['wwwacme.com', 'wwwacme.com'],
    ['www2.acme.com', 'www2.acme.com'],
    ['bücher.de', 'xn--bcher-kva.de'],
    ['', ''],
    ['   ', ''],
    ['mailto:', ''],
    ['acme .com', ''],
    ['http://', ''],
  ];
  for (const [input, expected] of cases) {
    it(`${JSON.stringify(input)} → ${JSON.stringify(expected)}`, () => {
      assert.equal(normalizeDomain(input), expected);
    });
  }
});

describe('domainsMatch', () => {
  const cases: [a: string, b: string, expected: boolean][] = [
    ['acme.com', 'acme.com', true],
    ['ACME.com', 'https://www.acme.com/about', true],
    ['sales.acme.com', 'acme.com', true],
    ['acme.com', 'eu.sales.acme.com', true],
    ['bob@acme.com', 'acme.com', true],
    ['acme.co.uk', 'sales.acme.co.uk', true],
    ['acme.com.evil.io', 'acme.com', false],
    ['notacme.com', 'acme.com', false],
    ['acme.com', 'acme.org', false],
    ['acme.co.uk', 'acme.com', false],
    ['co.uk', 'acme.co.uk', false],
    ['acme.co.uk', 'co.uk', false],
    ['co.uk', 'co.uk', false],
    ['com', 'acme.com', false],
    ['com.au', 'acme.com.au', false],
    ['github.io', 'acme.github.io', false],
    ['acme.github.io', 'evil.github.io', false],
    ['gmail.com', 'gmail.com', false],
    ['bob@gmail.com', 'alice@gmail.com', false],
    ['', '', false],
    ['', 'acme.com', false],
    ['not a domain', 'acme.com', false],
  ];
  for (const [a, b, expected] of cases) {
    it(`${a || '""'} vs ${b || '""'} → ${String(expected)}`, () => {
      assert.equal(domainsMatch(a, b), expected);
      assert.equal(domainsMatch(b, a), expected, 'symmetric');
    });
  }
});

const other = (overrides: Partial<ConflictOther> & Pick<ConflictOther, 'id'>): ConflictOther => ({
  number: `DR-${overrides.id}`,
  partnerId: 'p-other',
  status: 'submitted',
  customer: { company: 'Acme Inc.', domain: 'acme.com' },
  products: [{ productId: 'prod-a' }],
  ...overrides,
});

const candidate: ConflictCandidate = {
  customer: { company: 'ACME Corporation', domain: 'sales.acme.com' },
  products: [{ productId: 'prod-a' }, { productId: 'prod-b' }, { productId: 'prod-a' }],
};

describe('findDealConflicts', () => {
  const cases: {
    name: string;
    candidate?: ConflictCandidate;
    others: ConflictOther[];
    excludeId?: string;
    expected: Partial<DealConflict>[];
  }[] = [
    {
      name: 'company and domain, one product in common',
      others: [other({ id: 'd1' })],
      expected: [
        {
          dealId: 'd1',
          dealNumber: 'DR-d1',
          partnerId: 'p-other',
          status: 'submitted',
          matchedBy: ['company', 'domain'],
          productIds: ['prod-a'],
          duplicate: false,
        },
      ],
    },
    {
      name: 'company only (other has no domain)',
      others: [other({ id: 'd1', customer: { company: 'acme' } })],
      expected: [{ dealId: 'd1', matchedBy: ['company'] }],
    },
    {
      name: 'domain only (different legal name)',
      others: [other({ id: 'd1', customer: { company: 'Acme Holdings', domain: 'www.acme.com' } })],
      expected: [{ dealId: 'd1', matchedBy: ['domain'] }],
    },
    {
      name: 'candidate without a domain matches by company',
      candidate: { customer: { company: 'Acme' }, products: [{ productId: 'prod-a' }] },
      others: [other({ id: 'd1' })],
      expected: [{ dealId: 'd1', matchedBy: ['company'] }],
    },
    {
      name: 'a blank company never matches on company',
      candidate: { customer: { company: ' ' }, products: [{ productId: 'prod-a' }] },
      others: [other({ id: 'd1', customer: { company: '!' } })],
      expected: [],
    },
    {
      name: 'no product in common',
      others: [other({ id: 'd1', products: [{ productId: 'prod-z' }] })],
      expected: [],
    },
    {
      name: 'every common product listed once, in candidate order',
      others: [
        other({
          id: 'd1',
          products: [{ productId: 'prod-b' }, { productId: 'prod-a' }, { productId: 'prod-c' }],
        }),
      ],
      expected: [{ dealId: 'd1', productIds: ['prod-a', 'prod-b'] }],
    },
    {
      name: 'different customer',
      others: [other({ id: 'd1', customer: { company: 'Globex', domain: 'globex.com' } })],
      expected: [],
    },
    {
      name: 'look-alike domain does not match',
      others: [other({ id: 'd1', customer: { company: 'Globex', domain: 'acme.com.evil.io' } })],
      expected: [],
    },
    {
      name: 'only live statuses count',
      others: (
        [
          'draft',
          'submitted',
          'under_review',
          'returned',
          'approved',
          'rejected',
          'converted',
          'expired',
          'withdrawn',
        ] as const
      ).map((status) => other({ id: status, status })),
      expected: [
        { dealId: 'submitted' },
        { dealId: 'under_review' },
        { dealId: 'returned' },
        { dealId: 'approved' },
      ],
    },
    {
      name: "the same partner's claim is a duplicate",
      others: [other({ id: 'd1', partnerId: 'p-me' }), other({ id: 'd2' })],
      expected: [
        { dealId: 'd1', duplicate: true },
        { dealId: 'd2', duplicate: false },
      ],
    },
    {
      name: 'the record itself is excluded',
      others: [other({ id: 'self', partnerId: 'p-me' }), other({ id: 'd2' })],
      excludeId: 'self',
      expected: [{ dealId: 'd2' }],
    },
    {
      name: 'partner name is copied when known',
      others: [other({ id: 'd1', partnerName: 'Initech' })],
      expected: [{ dealId: 'd1', partnerName: 'Initech' }],
    },
    { name: 'nothing to compare with', others: [], expected: [] },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const found = findDealConflicts(c.candidate ?? candidate, c.others, {
        partnerId: 'p-me',
        ...(c.excludeId === undefined ? {} : { excludeId: c.excludeId }),
      });
      assert.equal(found.length, c.expected.length);
      c.expected.forEach((expected, index) => {
        const actual = found[index];
        assert.ok(actual);
        for (const [key, value] of Object.entries(expected)) {
          assert.deepEqual(actual[key as keyof DealConflict], value, key);
        }
      });
    });
  }

  it('leaves partnerName out when unknown', () => {
    const [found] = findDealConflicts(candidate, [other({ id: 'd1' })], { partnerId: 'p-me' });
    assert.ok(found);
    assert.equal('partnerName' in found, false);
  });
});

describe('findApprovedClaims / hasApprovedClaim', () => {
  const cases: { name: string; others: ConflictOther[]; expected: string[] }[] = [
    {
      name: 'an approved claim of another partner',
      others: [other({ id: 'd1', status: 'approved' })],
      expected: ['d1'],
    },
    {
      name: "the partner's own approved claim counts too",
      others: [other({ id: 'd1', status: 'approved', partnerId: 'p-me' })],
      expected: ['d1'],
    },
    {
      name: 'live but not approved claims do not block approval',
      others: [
        other({ id: 'd1', status: 'submitted' }),
        other({ id: 'd2', status: 'under_review' }),
      ],
      expected: [],
    },
    {
      name: 'approved for another product only',
      others: [other({ id: 'd1', status: 'approved', products: [{ productId: 'prod-z' }] })],
      expected: [],
    },
    {
      name: 'the record being approved is excluded',
      others: [other({ id: 'self', status: 'approved' })],
      expected: [],
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const options = { partnerId: 'p-me', excludeId: 'self' };
      assert.deepEqual(
        findApprovedClaims(candidate, c.others, options).map((match) => match.dealId),
        c.expected,
      );
      assert.equal(hasApprovedClaim(candidate, c.others, options), c.expected.length > 0);
    });
  }
});

describe('summarizeConflicts', () => {
  const conflict = {
    dealId: 'd1',
    dealNumber: 'DR-1',
    partnerId: 'p-other',
    status: 'approved',
    matchedBy: ['company'],
    productIds: ['prod-a'],
    duplicate: false,
  } as const satisfies DealConflict;
  const duplicate = {
    ...conflict,
    dealId: 'd2',
    partnerId: 'p-me',
    duplicate: true,
  } as const satisfies DealConflict;
  const cases: {
    name: string;
    matches: DealConflict[];
    reveal: boolean;
    expected: { conflict: boolean; duplicate: boolean; matches: number };
  }[] = [
    {
      name: 'nothing found',
      matches: [],
      reveal: true,
      expected: { conflict: false, duplicate: false, matches: 0 },
    },
    {
      name: 'conflict, revealed',
      matches: [conflict],
      reveal: true,
      expected: { conflict: true, duplicate: false, matches: 1 },
    },
    {
      name: 'conflict, partner view',
      matches: [conflict],
      reveal: false,
      expected: { conflict: true, duplicate: false, matches: 0 },
    },
    {
      name: 'duplicate only',
      matches: [duplicate],
      reveal: false,
      expected: { conflict: false, duplicate: true, matches: 0 },
    },
    {
      name: 'both',
      matches: [conflict, duplicate],
      reveal: true,
      expected: { conflict: true, duplicate: true, matches: 2 },
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const check = summarizeConflicts(c.matches, { reveal: c.reveal });
      assert.equal(check.conflict, c.expected.conflict);
      assert.equal(check.duplicate, c.expected.duplicate);
      assert.equal(check.matches.length, c.expected.matches);
    });
  }

  it('returns a copy, not the caller’s array', () => {
    const matches = [conflict];
    assert.notEqual(summarizeConflicts(matches, { reveal: true }).matches, matches);
  });
});

describe('conflictKeys and conflictLookup', () => {
  const customers = [
    { company: 'ACME, Inc.', domain: 'acme.com' },
    { company: 'acme inc', domain: 'sales.acme.com' },
    { company: 'Acme Holdings', domain: 'eu.sales.acme.com' },
    { company: 'Globex', domain: 'https://www.globex.co.uk/about' },
    { company: 'Globex UK', domain: 'shop.globex.co.uk' },
    { company: 'Evil', domain: 'acme.com.evil.io' },
    { company: 'Not Acme', domain: 'notacme.com' },
    { company: 'Sibling', domain: 'other.example.com' },
    { company: 'Sibling Two', domain: 'another.example.com' },
    { company: 'Mailbox user', domain: 'gmail.com' },
    { company: 'Suffix only', domain: 'co.uk' },
    { company: 'No domain' },
  ];
  const found = (a: (typeof customers)[number], b: (typeof customers)[number]) => {
    const lookup = conflictLookup(a);
    const keys = conflictKeys(b);
    return (
      lookup.company === keys.company ||
      (keys.domain !== null &&
        (lookup.domains.includes(keys.domain) ||
          (lookup.subdomainsOf !== null && keys.domain.startsWith(`${lookup.subdomainsOf}.`))))
    );
  };

  it('finds every pair the conflict rule matches, and only those by domain', () => {
    for (const a of customers) {
      for (const b of customers) {
        const sameCompany = normalizeCompanyName(a.company) === normalizeCompanyName(b.company);
        const match = sameCompany || domainsMatch(a.domain ?? '', b.domain ?? '');
        assert.equal(found(a, b), match, `${a.company} → ${b.company}`);
      }
    }
  });

  const table: [string | undefined, string | null, string[]][] = [
    ['acme.com', 'com.acme', ['com.acme']],
    ['eu.sales.acme.com', 'com.acme.sales.eu', ['com.acme.sales.eu', 'com.acme.sales', 'com.acme']],
    ['shop.globex.co.uk', 'uk.co.globex.shop', ['uk.co.globex.shop', 'uk.co.globex']],
    ['gmail.com', null, []],
    ['co.uk', null, []],
    [undefined, null, []],
  ];
  for (const [domain, key, domains] of table) {
    it(`keys of ${domain ?? 'no domain'}`, () => {
      const customer = { company: 'ACME, Inc.', ...(domain ? { domain } : {}) };
      assert.deepEqual(conflictKeys(customer), { company: 'acme', domain: key });
      assert.deepEqual(conflictLookup(customer), { company: 'acme', domains, subdomainsOf: key });
    });
  }
});
