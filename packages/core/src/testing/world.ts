import type { PrmAdapter } from '../adapter.js';
import type { ResourceName } from '../schemas/activity.js';
import type { DealRegistrationInput } from '../schemas/deal.js';
import type { Program, ProgramInput, ProgramMembership } from '../schemas/program.js';
import type { Product } from '../schemas/sales.js';
import type { Viewer } from '../schemas/viewer.js';
import { check, checkEqual } from './assert.js';

/**
 * The people the suite signs in as. The backend behind one run must hold them all:
 * - `partnerAdmin`, `partnerManager`, `partnerAssociate`: users of one active partner ("A");
 * - `otherPartnerAdmin`: the admin of a second active partner ("B");
 * - `channelManager`: the channel manager assigned to partner A;
 * - `supportAgent`, `programAdmin`, `enterpriseAdmin`: enterprise users.
 * Partner A must also have an MDF allocation with money left, and the catalog at least
 * two active products. The suite creates everything else itself, with names unique to
 * the run, so it may run against a shared, persistent backend.
 */
export const CONFORMANCE_ACTORS = [
  'partnerAdmin',
  'partnerManager',
  'partnerAssociate',
  'otherPartnerAdmin',
  'channelManager',
  'supportAgent',
  'programAdmin',
  'enterpriseAdmin',
] as const;
export type ConformanceActor = (typeof CONFORMANCE_ACTORS)[number];

export type MakeAdapter = (actor: ConformanceActor) => PrmAdapter | Promise<PrmAdapter>;

/** Shared set-up for the cases: each piece is made once per run, on first use. */
export class World {
  readonly runId = Math.random().toString(36).slice(2, 8);
  #adapters = new Map<ConformanceActor, Promise<PrmAdapter>>();
  #viewers = new Map<ConformanceActor, Promise<Viewer>>();
  #once = new Map<string, Promise<unknown>>();
  #counter = 0;

  constructor(
    private readonly makeAdapter: MakeAdapter,
    readonly capabilities: PrmAdapter['capabilities'],
  ) {}

  supports(resource: ResourceName): boolean {
    return this.capabilities.resources.includes(resource);
  }

  as(actor: ConformanceActor): Promise<PrmAdapter> {
    let adapter = this.#adapters.get(actor);
    if (!adapter) {
      adapter = Promise.resolve(this.makeAdapter(actor));
      this.#adapters.set(actor, adapter);
    }
    return adapter;
  }

  viewer(actor: ConformanceActor): Promise<Viewer> {
    let viewer = this.#viewers.get(actor);
    if (!viewer) {
      viewer = this.as(actor).then((adapter) => adapter.session());
      this.#viewers.set(actor, viewer);
    }
    return viewer;
  }

  async partnerId(actor: 'partnerAdmin' | 'otherPartnerAdmin'): Promise<string> {
    const { partnerId } = await this.viewer(actor);
    check(partnerId, `the ${actor}'s session has no partnerId`);
    return partnerId;
  }

  /** A fresh idempotency key. */
  key(): string {
    return `conformance-${this.runId}-${++this.#counter}`;
  }

  /** A fresh name unique to this run. */
  unique(prefix: string): string {
    return `${prefix} ${this.runId}-${++this.#counter}`;
  }

  once<T>(name: string, make: () => Promise<T>): Promise<T> {
    let value = this.#once.get(name) as Promise<T> | undefined;
    if (!value) {
      value = make();
      this.#once.set(name, value);
    }
    return value;
  }

  products(): Promise<Product[]> {
    return this.once('products', async () => {
      const adapter = await this.as('partnerAdmin');
      const page = await adapter.products.list({ filter: { active: true }, limit: 50 });
      check(page.items.length >= 2, 'the backend needs at least two active products');
      return page.items;
    });
  }

  /** An active program, open to every partner, whose deal registrations need a review. */
  program(): Promise<Program> {
    return this.once('program', async () => {
      const admin = await this.as('programAdmin');
      const created = await admin.programs.create(programInput(this.unique('Conformance')), {
        idempotencyKey: this.key(),
      });
      return admin.programs.transition(created.id, 'active', { version: created.version });
    });
  }

  /** Partner A's active membership of `program()`. */
  membership(): Promise<ProgramMembership> {
    return this.once('membership', async () => {
      const program = await this.program();
      const partner = await this.as('partnerAdmin');
      const applied = await partner.memberships.create(
        { programId: program.id, acceptedTermsVersion: program.termsVersion },
        { idempotencyKey: this.key() },
      );
      checkEqual(applied.status, 'applied', 'a new membership status');
      const enterprise = await this.as('enterpriseAdmin');
      return enterprise.memberships.transition(applied.id, 'active', { version: applied.version });
    });
  }

  /** A valid deal registration for a customer no other case uses. */
  async dealInput(): Promise<DealRegistrationInput> {
    const [program, products] = await Promise.all([this.program(), this.products()]);
    await this.membership();
    const product = products[0];
    check(product, 'no product');
    const n = ++this.#counter;
    return {
      programId: program.id,
      dealType: 'new_business',
      customer: {
        company: `Conformance Customer ${this.runId} ${n}`,
        domain: `c${this.runId}-${n}.example.com`,
        country: 'US',
        postalCode: '94105',
        contact: { name: 'Pat Buyer', email: `pat@c${this.runId}-${n}.example.com` },
      },
      products: [{ productId: product.id, quantity: 10 }],
      estimatedValue: { amount: 5_000_000, currency: product.listPrice.currency },
      expectedCloseDate: dateFromToday(60),
    };
  }
}

/** `YYYY-MM-DD`, `days` from today (UTC). */
export function dateFromToday(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

export function programInput(name: string): ProgramInput {
  return {
    name,
    description: 'Created by the prm-kit adapter conformance suite.',
    tiers: [
      {
        key: 'member',
        name: 'Member',
        rank: 0,
        requirements: [],
        benefits: { discountBps: 1_000, dealRegistrationDiscountBps: 500, perks: [] },
      },
    ],
    eligibility: { segmentIds: [], minimumTier: null, countries: [] },
    dealRegistration: {
      enabled: true,
      dealTypes: ['new_business', 'upsell', 'renewal'],
      exclusivityDays: 90,
      extensionDays: 30,
      maxExtensions: 1,
      minimumValue: null,
      approvalRequired: true,
      autoApproveBelow: null,
      approvalSlaHours: 16,
      conflictPolicy: 'manual_review',
    },
    termsVersion: '2026-01',
  };
}
