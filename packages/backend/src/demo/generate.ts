/**
 * Large deterministic datasets for performance work, from the same builders as the demo seed:
 * ABC Systems and Northwind Networks (with `DEMO_USERS`) first, then numbered partners with
 * random people, memberships, registrations (and what follows a conversion), cases, leads and
 * MDF. Per-record rule calls that compare a record with all others (conflict detection, lead
 * assignment over every partner) are skipped or bounded, so the cost grows linearly.
 */
import { leadCandidates, type Region, type User } from '@prm-kit/core';
import { Builder } from './builder.js';
import { buildCatalog } from './catalog.js';
import type { Dataset } from './dataset.js';
import { COUNTRIES } from './names.js';
import {
  buildPartner,
  finishMdf,
  mdfQuarters,
  randomCase,
  randomDeal,
  randomLead,
  randomMdf,
  randomMemberships,
  randomPartnerPlan,
  type PartnerContext,
} from './populate.js';
import { DEMO_NOW, toMs } from './random.js';
import type { AllocationDraft } from './records.js';
import { buildStoryPartners } from './seed.js';

export interface GenerateOptions {
  /** Partners in all, ABC Systems and Northwind Networks included (at least 2). */
  partners: number;
  /** Registrations per partner that has ever been active (prospects and onboarding partners have none). */
  dealsPerPartner: number;
  /** Cases per partner that has ever been active; default 1. */
  casesPerPartner?: number;
  /** Leads per partner; default 0.25. */
  leadsPerPartner?: number;
  /** Default 1. */
  seed?: number | string;
  /** Reference time; default `DEMO_NOW`. */
  now?: string;
  /** Log an activity for every creation and status change (default true). */
  activities?: boolean;
}

/**
 * Deterministic: the same options give the same dataset, byte for byte. Activities come in
 * creation order (sorting millions by time is left to whoever needs it). The cost is that of
 * materialising the data — about as long as `JSON.parse` of the same records — so it grows
 * with `partners × dealsPerPartner`; turn `activities` off to halve it.
 */
export function generateDataset(options: GenerateOptions): Dataset {
  const total = Math.max(2, Math.floor(options.partners));
  const b = new Builder({
    now: toMs(options.now ?? DEMO_NOW),
    seed: options.seed ?? 1,
    activities: options.activities ?? true,
  });
  const { rng } = b;
  const catalog = buildCatalog(b, {
    channelManagers: Math.max(3, Math.ceil(total / 250)),
    supportAgents: Math.max(2, Math.ceil(total / 1_000)),
    strategicMembers: ['p-abc', 'p-northwind'],
  });
  const { staff, products } = catalog;
  const dealProducts = products.filter((p) => p.active && p.listPrice.currency === 'USD');
  const productsById = new Map(products.map((p) => [p.id, p]));
  const quarters = mdfQuarters(b.now);
  const allocations = new Map<string, AllocationDraft[]>();
  const byRegion = new Map<Region, PartnerContext[]>();
  const casesPer = options.casesPerPartner ?? 1;
  let customerIndex = 0;

  const populate = (ctx: PartnerContext, memberships: boolean) => {
    if (memberships) randomMemberships(b, ctx, catalog);
    for (let i = 0; i < options.dealsPerPartner; i += 1) {
      randomDeal(b, ctx, catalog, {
        customerIndex: customerIndex++,
        products: dealProducts,
        productsById,
      });
    }
    for (let i = 0; i < casesPer; i += 1) randomCase(b, ctx, { agents: staff.supportAgents });
    randomMdf(b, ctx, quarters.slice(0, 2), staff.admin, allocations);
    if (ctx.partner.status === 'active') {
      const list = byRegion.get(ctx.partner.region) ?? [];
      list.push(ctx);
      byRegion.set(ctx.partner.region, list);
    }
  };

  const { abc, northwind } = buildStoryPartners(b, catalog);
  for (const ctx of [abc, northwind]) populate(ctx, true);
  const digits = String(total).length;
  for (let i = 2; i < total; i += 1) {
    const manager: User = staff.channelManagers[i % staff.channelManagers.length]!;
    const plan = randomPartnerPlan(b, {
      id: `p-${String(i + 1).padStart(digits, '0')}`,
      index: i,
      channelManager: rng.chance(0.97) ? manager : null,
      enterpriseAdmin: staff.admin,
    });
    const ctx = buildPartner(b, catalog, plan);
    if (ctx && ctx.partner.status !== 'onboarding') populate(ctx, true);
    else if (ctx) randomMemberships(b, ctx, catalog);
  }

  // Leads: the core rule ranks a few partners of the customer's region, not all of them.
  const leads = Math.round(total * (options.leadsPerPartner ?? 0.25));
  for (let i = 0; i < leads; i += 1) {
    const place = rng.pick(COUNTRIES);
    const pool = byRegion.get(place.region) ?? [];
    const few = pool.length <= 8 ? pool : rng.sample(pool, 8);
    const ranked = leadCandidates(
      { customer: { country: place.code } },
      few.map((c) => c.partner),
    );
    const byId = new Map(few.map((c) => [c.partner.id, c]));
    randomLead(
      b,
      ranked.map((id) => byId.get(id)!),
      catalog,
      {
        customerIndex: customerIndex++,
        country: place.code,
        distributor: staff.channelManagers[i % staff.channelManagers.length]!,
      },
    );
  }
  finishMdf(b, quarters, allocations, staff.admin);
  return b.data;
}
