import { msg, str } from '@lit/localize';
import {
  ConflictCheckInput,
  DealRegistrationInput,
  MAX_PAGE_SIZE,
  can,
  isPartnerRole,
  validate,
  type ConflictCheck,
  type DealRegistration,
  type DealType,
  type Page,
  type PrmMessages,
  type Product,
  type Program,
  type ProgramMembership,
} from '@prm-kit/core';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { MutationController, QueryController } from '../../client/controllers.js';
import type { PrmQuery } from '../../client/prm-client.js';
import { PrmDealSubmittedEvent } from '../../events.js';
import { focusIn, resetCreate, submitCreate, type BuiltInput } from '../../internal/create-form.js';
import { DraftController } from '../../internal/draft.js';
import { errorSummary, field, fieldErrors } from '../../internal/field.js';
import { newIdempotencyKey } from '../../internal/idempotency.js';
import { dealTypeLabel } from '../../internal/labels.js';
import { PrmElement } from '../../internal/prm-element.js';
import { dealStatus } from '../../internal/status.js';
import { emptyView, renderStates, submitFailureView } from '../../internal/views.js';
import { validationMessages } from '../../localize.js';
import { amountExample, currencyDigits, parseAmount } from './amount.js';
import { dealRegistrationFormStyles } from './deal-registration-form.styles.js';

/** One product line as typed. */
interface LineValues {
  productId: string;
  quantity: string;
}

/** What the form holds: text as typed, so nothing is lost to parsing. */
interface DealValues {
  programId: string;
  dealType: string;
  company: string;
  domain: string;
  country: string;
  postalCode: string;
  contactName: string;
  contactEmail: string;
  contactPhone: string;
  products: LineValues[];
  amount: string;
  currency: string;
  expectedCloseDate: string;
  comments: string;
}

/** A registration being written: its values and the one idempotency key every retry reuses. */
interface DealDraft {
  idempotencyKey: string;
  values: DealValues;
}

type TextField = Exclude<keyof DealValues, 'products'>;

const TEXT_FIELDS = [
  'programId',
  'dealType',
  'company',
  'domain',
  'country',
  'postalCode',
  'contactName',
  'contactEmail',
  'contactPhone',
  'amount',
  'currency',
  'expectedCloseDate',
  'comments',
] as const satisfies readonly TextField[];

/** Currencies offered besides the program's own (its minimum value's). */
const CURRENCIES = ['USD', 'EUR', 'GBP', 'CAD', 'AUD', 'JPY', 'CHF'] as const;

/** How long typing must pause before the conflict pre-check runs. */
const CONFLICT_DEBOUNCE_MS = 400;

const idOf = (name: string) => `deal-${name}`;

function fieldLabel(name: string): string {
  const labels: Record<string, string> = {
    programId: msg('Program'),
    dealType: msg('Deal type'),
    company: msg('Company'),
    domain: msg('Website domain'),
    country: msg('Country'),
    postalCode: msg('Postal code'),
    contactName: msg('Contact name'),
    contactEmail: msg('Contact email'),
    contactPhone: msg('Contact phone'),
    products: msg('Products'),
    amount: msg('Estimated value'),
    currency: msg('Currency'),
    expectedCloseDate: msg('Expected close date'),
    comments: msg('Comments for the reviewer'),
  };
  const line = /^(product|quantity)-(\d+)$/.exec(name);
  if (line) {
    const n = Number(line[2]) + 1;
    return line[1] === 'product' ? msg(str`Product ${n}`) : msg(str`Quantity of product ${n}`);
  }
  return labels[name] ?? name;
}

function freshDraft(currency = 'USD'): DealDraft {
  return {
    idempotencyKey: newIdempotencyKey(),
    values: {
      programId: '',
      dealType: '',
      company: '',
      domain: '',
      country: '',
      postalCode: '',
      contactName: '',
      contactEmail: '',
      contactPhone: '',
      products: [{ productId: '', quantity: '1' }],
      amount: '',
      currency,
      expectedCloseDate: '',
      comments: '',
    },
  };
}

function isDraft(value: unknown): value is DealDraft {
  if (typeof value !== 'object' || value === null) return false;
  const draft = value as Partial<DealDraft>;
  const values = draft.values as Partial<Record<string, unknown>> | undefined;
  return (
    typeof draft.idempotencyKey === 'string' &&
    typeof values === 'object' &&
    values !== null &&
    TEXT_FIELDS.every((name) => typeof values[name] === 'string') &&
    Array.isArray(values.products) &&
    (values.products as unknown[]).every(
      (line) =>
        typeof line === 'object' &&
        line !== null &&
        typeof (line as LineValues).productId === 'string' &&
        typeof (line as LineValues).quantity === 'string',
    )
  );
}

/** The form field an error path belongs to (`customer.domain` → `domain`, `products.1.quantity` → `quantity-1`). */
function fieldOf(path: string): string {
  const line = /^products\.(\d+)(?:\.(productId|quantity))?/.exec(path);
  if (line) return `${line[2] === 'quantity' ? 'quantity' : 'product'}-${line[1]}`;
  const paths: Record<string, string> = {
    'customer.company': 'company',
    'customer.domain': 'domain',
    'customer.country': 'country',
    'customer.postalCode': 'postalCode',
    'customer.contact': 'contactName',
    'customer.contact.name': 'contactName',
    'customer.contact.email': 'contactEmail',
    'customer.contact.phone': 'contactPhone',
    estimatedValue: 'amount',
    'estimatedValue.amount': 'amount',
    'estimatedValue.currency': 'currency',
  };
  return paths[path] ?? path;
}

/** Core's validation messages, with the ones this form meets worded for it. */
function messages(): Partial<PrmMessages> {
  return {
    ...validationMessages(),
    date: () => msg('Enter a date.'),
    tooFewItems: () => msg('Add at least one product.'),
    oneOf: () => msg('Choose one of the options.'),
  };
}

/** Programs the partner may register deals in: an active membership and deal registration on. */
function eligiblePrograms(
  memberships: Page<ProgramMembership>,
  programs: Page<Program>,
  partnerId: string,
): Program[] {
  const active = new Set(
    memberships.items
      .filter((m) => m.status === 'active' && m.partnerId === partnerId)
      .map((m) => m.programId),
  );
  return programs.items.filter(
    (program) =>
      program.status === 'active' &&
      active.has(program.id) &&
      program.dealRegistration.enabled &&
      program.dealRegistration.dealTypes.length > 0,
  );
}

/** The program the values name, or the only one there is. */
function chosenProgram(values: DealValues, eligible: readonly Program[]): Program | undefined {
  return (
    eligible.find((program) => program.id === values.programId) ??
    (eligible.length === 1 ? eligible[0] : undefined)
  );
}

const normalize = (text: string) => text.trim().replace(/\s+/g, ' ').toLowerCase();

/**
 * The conflict pre-check for what is typed so far: a company or a valid domain and at least
 * one product; `undefined` until then. Quantities do not count, so the check's key (and its
 * cached answer) changes only with the customer and the products.
 */
function conflictInputOf(values: DealValues): ConflictCheckInput | undefined {
  const productIds = [...new Set(values.products.map((line) => line.productId).filter(Boolean))];
  const company = normalize(values.company);
  const domain = normalize(values.domain);
  if (productIds.length === 0) return undefined;
  const products = productIds.sort().map((productId) => ({ productId, quantity: 1 }));
  // A domain still being typed is left out until it is valid; the company may stand alone.
  for (const customer of [
    { ...(company ? { company } : {}), ...(domain ? { domain } : {}) },
    company ? { company } : undefined,
  ]) {
    if (!customer || Object.keys(customer).length === 0) continue;
    const checked = validate(ConflictCheckInput, { customer, products });
    if (checked.ok) return checked.value;
  }
  return undefined;
}

/**
 * @summary Register a deal: program, deal type, customer, products, estimated value and close
 * date, with a live conflict pre-check, a draft kept across reloads and an idempotent submit.
 *
 * Offers only programs the viewer's partner is an active member of with deal registration
 * enabled, and only their deal types. While the customer and products are typed, a
 * debounced pre-check says whether another partner (or the viewer's own company) already has
 * a live claim — never who. What was typed is kept across a reload, a validation error and a
 * failed submit; a retried or double-clicked submit registers the deal once. Enterprise
 * viewers see that deal registration is a partner action.
 *
 * @fires prm-deal-submitted - The deal was registered and submitted; `event.deal` is the record.
 *
 * @csspart base - The whole element (and each state view: loading, empty, error).
 * @csspart form - The registration form.
 * @csspart field - Each labelled field.
 * @csspart field-error - A field's error message.
 * @csspart error-summary - The list of rejected fields above the form.
 * @csspart program-select - The program choice.
 * @csspart deal-type-select - The deal type choice.
 * @csspart minimum - The program's minimum deal value.
 * @csspart products - The product lines.
 * @csspart product-line - One product and its quantity.
 * @csspart add-product-button - Adds a product line.
 * @csspart remove-product-button - Removes a product line.
 * @csspart conflict - The live pre-check's warning (another partner's claim, or a duplicate).
 * @csspart submit-error - The alert when submitting failed (network, server).
 * @csspart retry-button - Submits again with the same idempotency key.
 * @csspart submit-button - Submits the registration.
 * @csspart confirmation - The panel after a successful submit.
 * @csspart number - The registration number.
 * @csspart status - The registration's status pill.
 * @csspart due - When the channel team's decision is due.
 * @csspart register-another-button - Starts a new registration.
 *
 * @cssproperty --prm-deal-registration-form-gap - Space between the form's sections.
 */
export class PrmDealRegistrationForm extends PrmElement {
  static override styles = [...PrmElement.styles, dealRegistrationFormStyles];

  readonly #memberships = new QueryController(this, (client) => {
    const partnerId = this.#partnerId();
    return partnerId
      ? client.list('memberships', {
          filter: { partnerId, status: ['active'] },
          limit: MAX_PAGE_SIZE,
        })
      : undefined;
  });

  readonly #programs = new QueryController(this, (client) =>
    this.#partnerId()
      ? client.list('programs', { filter: { status: ['active'] }, limit: MAX_PAGE_SIZE })
      : undefined,
  );

  readonly #products = new QueryController(this, (client) =>
    this.#partnerId()
      ? client.list('products', { filter: { active: true }, sort: 'name', limit: MAX_PAGE_SIZE })
      : undefined,
  );

  /** The live pre-check, keyed on the (debounced) customer and products; superseded reads are cancelled. */
  readonly #conflicts = new QueryController(this, (client): PrmQuery<ConflictCheck> | undefined => {
    const input = this.conflictInput;
    if (!input || this.submitted || !this.#partnerId()) return undefined;
    return {
      queryKey: ['deals', 'conflicts', input],
      queryFn: ({ signal }) => client.adapter.deals.checkConflicts(input, { signal }),
    };
  });

  readonly #send = new MutationController(
    this,
    (client, input: DealRegistrationInput, idempotencyKey: string) =>
      client.mutate('deals', (adapter) =>
        adapter.deals.create(input, { idempotencyKey, submit: true }),
      ),
  );

  readonly #draft = new DraftController<DealDraft>(this, () => this.#draftKey());
  #restoredKey: string | undefined;
  #conflictTimer: ReturnType<typeof setTimeout> | undefined;

  /** The registration being written (restored from the draft, or fresh). */
  @state() accessor draft: DealDraft = freshDraft();
  @state() accessor errors: ReadonlyMap<string, string> = new Map();
  /** A failure the fields cannot show (network, server). */
  @state() accessor failure: unknown;
  /** The registration just submitted: the confirmation shows instead of the form. */
  @state() accessor submitted: DealRegistration | undefined;
  /** What the conflict pre-check asks about (set when typing pauses). */
  @state() accessor conflictInput: ConflictCheckInput | undefined;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.#conflictTimer);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    // A reload mid-form (or another viewer): pick up this viewer's draft, if any.
    const key = this.#draftKey();
    if (key === this.#restoredKey) return;
    this.#restoredKey = key;
    const saved = key ? this.#draft.read() : undefined;
    this.draft = isDraft(saved) ? saved : freshDraft();
    this.errors = new Map();
    this.failure = undefined;
    this.submitted = undefined;
    this.conflictInput = conflictInputOf(this.draft.values);
  }

  /** The viewer's partner, when the viewer may register deals for it. */
  #partnerId(): string | undefined {
    const viewer = this.viewer;
    if (!viewer || !isPartnerRole(viewer.role) || viewer.partnerId === null) return undefined;
    return can(viewer, 'deals.create', { partnerId: viewer.partnerId })
      ? viewer.partnerId
      : undefined;
  }

  #draftKey(): string | undefined {
    const viewer = this.viewer;
    return viewer ? `deal-registration-form:${viewer.userId}` : undefined;
  }

  #setValues(values: DealValues): void {
    this.draft = { ...this.draft, values };
    this.#draft.save(this.draft);
    clearTimeout(this.#conflictTimer);
    this.#conflictTimer = setTimeout(() => {
      this.conflictInput = conflictInputOf(this.draft.values);
    }, CONFLICT_DEBOUNCE_MS);
  }

  readonly #onInput = (event: Event): void => {
    const target = event.target as HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;
    const name = target.name;
    const values = this.draft.values;
    const line = /^(product|quantity)-(\d+)$/.exec(name);
    if (line) {
      const index = Number(line[2]);
      const products = values.products.map((item, i) =>
        i !== index
          ? item
          : line[1] === 'product'
            ? { ...item, productId: target.value }
            : { ...item, quantity: target.value },
      );
      this.#setValues({ ...values, products });
      return;
    }
    if (!(TEXT_FIELDS as readonly string[]).includes(name)) return;
    const next = { ...values, [name]: target.value };
    // Another program may not take the chosen deal type: ask again rather than send it.
    if (name === 'programId') next.dealType = '';
    this.#setValues(next);
  };

  #addLine(): void {
    const products = [...this.draft.values.products, { productId: '', quantity: '1' }];
    this.#setValues({ ...this.draft.values, products });
    void focusIn(this, `#${idOf(`product-${products.length - 1}`)}`);
  }

  #removeLine(index: number): void {
    const products = this.draft.values.products.filter((_, i) => i !== index);
    this.#setValues({ ...this.draft.values, products });
    // Errors of the lines after it would point at the wrong line now.
    this.errors = new Map(
      [...this.errors].filter(([key]) => !/^(product|quantity)-\d+$/.test(key)),
    );
    void focusIn(this, `#${idOf(`product-${Math.max(0, index - 1)}`)}`);
  }

  readonly #onSubmit = (event: SubmitEvent): void => {
    event.preventDefault();
    void this.#submit();
  };

  /** The input from the typed values, or the field errors that keep it from being sent. */
  #build(eligible: readonly Program[]): BuiltInput<DealRegistrationInput> {
    const values = this.draft.values;
    const locale = this.format.locale;
    const own = new Map<string, string>();
    const amount = parseAmount(values.amount, locale, values.currency);
    if (!amount.ok) own.set('amount', this.#amountMessage(amount.problem, values.currency));
    const products = values.products.map((line, index) => {
      const quantity = line.quantity.trim();
      if (!/^\d+$/.test(quantity)) own.set(`quantity-${index}`, msg('Enter a whole number.'));
      return { productId: line.productId, quantity: /^\d+$/.test(quantity) ? Number(quantity) : 0 };
    });
    const contact =
      values.contactName.trim() || values.contactEmail.trim() || values.contactPhone.trim()
        ? {
            name: values.contactName,
            email: values.contactEmail.trim(),
            ...(values.contactPhone.trim() ? { phone: values.contactPhone } : {}),
          }
        : undefined;
    const program = chosenProgram(values, eligible);
    const candidate = {
      programId: program?.id ?? '',
      dealType: values.dealType || undefined,
      customer: {
        company: values.company,
        ...(values.domain.trim() ? { domain: values.domain } : {}),
        country: values.country.trim().toUpperCase(),
        ...(values.postalCode.trim() ? { postalCode: values.postalCode } : {}),
        ...(contact ? { contact } : {}),
      },
      products,
      estimatedValue: { amount: amount.ok ? amount.amount : 0, currency: values.currency },
      expectedCloseDate: values.expectedCloseDate,
      ...(values.comments.trim() ? { comments: values.comments } : {}),
    };
    const checked = validate(DealRegistrationInput, candidate, { messages: messages() });
    const errors = checked.ok ? new Map<string, string>() : fieldErrors(checked.error, fieldOf);
    for (const [key, message] of own) errors.set(key, message);
    if (errors.size > 0 || !checked.ok) return { ok: false, errors };
    return { ok: true, input: checked.value };
  }

  #amountMessage(problem: string, currency: string): string {
    const example = amountExample(this.format.locale, currency);
    switch (problem) {
      case 'empty':
        return msg('This field is required.');
      case 'decimals': {
        const digits = currencyDigits(this.format.locale, currency);
        return digits === 0
          ? msg(str`${currency} amounts have no decimals. Enter a whole amount.`)
          : msg(str`Use at most ${digits} decimals for ${currency}.`);
      }
      case 'tooLarge':
        return msg('This amount is too large.');
      default:
        return msg(str`Enter an amount in numbers, like ${example}.`);
    }
  }

  async #submit(): Promise<void> {
    await submitCreate(this, this.#send, () => this.#build(this.#eligible()), {
      draftKey: () => this.draft.idempotencyKey,
      fieldOf,
      created: (deal) => {
        this.#draft.clear();
        this.conflictInput = undefined;
        this.dispatchEvent(new PrmDealSubmittedEvent(deal));
      },
    });
  }

  #registerAnother(): void {
    this.draft = freshDraft(this.draft.values.currency);
    this.conflictInput = undefined;
    resetCreate(this, this.#send);
    void focusIn(this, 'form select, form input');
  }

  #eligible(): Program[] {
    const memberships = this.#memberships.data;
    const programs = this.#programs.data;
    const partnerId = this.#partnerId();
    return memberships && programs && partnerId
      ? eligiblePrograms(memberships, programs, partnerId)
      : [];
  }

  protected override render() {
    const viewer = this.viewer;
    if (viewer && !isPartnerRole(viewer.role)) {
      return html`<div part="base">
        ${emptyView(
          msg(
            'Deal registration is a partner action. Partner users register deals; the channel team reviews them.',
          ),
        )}
      </div>`;
    }
    if (viewer && !this.#partnerId()) {
      return html`<div part="base">
        ${emptyView(msg("You don't have permission to register deals."))}
      </div>`;
    }
    if (this.submitted) {
      return html`<div part="base">${this.#renderConfirmation(this.submitted)}</div>`;
    }
    const partnerId = viewer?.partnerId ?? '';
    return html`<div part="base">
      ${renderStates(
        this,
        [this.#memberships, this.#programs, this.#products],
        (memberships: Page<ProgramMembership>, programs: Page<Program>, products: Page<Product>) =>
          this.#renderForm(eligiblePrograms(memberships, programs, partnerId), products.items),
        {
          label: msg('Loading deal registration'),
          empty: {
            when: (memberships, programs) =>
              eligiblePrograms(memberships, programs, partnerId).length === 0,
            message: msg('Your company is not in a program with deal registration yet.'),
          },
        },
      )}
    </div>`;
  }

  #renderConfirmation(deal: DealRegistration): TemplateResult {
    const reviewing = deal.status === 'submitted' || deal.status === 'under_review';
    const due = deal.approvalDueAt;
    return html`<section
      class="panel confirmation"
      part="confirmation"
      aria-labelledby="deal-confirmation-heading"
      tabindex="-1"
    >
      <h2 id="deal-confirmation-heading">${msg('Deal registered')}</h2>
      <dl class="details">
        <dt>${msg('Registration number')}</dt>
        <dd part="number">${deal.number}</dd>
        <dt>${msg('Status')}</dt>
        <dd>${dealStatus(deal.status)}</dd>
        <dt>${msg('Customer')}</dt>
        <dd>${deal.customer.company}</dd>
        <dt>${msg('Estimated value')}</dt>
        <dd>${this.format.money(deal.estimatedValue)}</dd>
        ${
          reviewing && due
            ? html`<dt>${msg('Decision due')}</dt>
                <dd part="due">
                  <time datetime=${due}>${this.format.dateTime(due)}</time>
                  <span class="muted">(${this.format.relative(due)})</span>
                </dd>`
            : nothing
        }
        ${
          deal.protection
            ? html`<dt>${msg('Protected until')}</dt>
                <dd>${this.format.date(deal.protection.endsAt)}</dd>`
            : nothing
        }
      </dl>
      <div class="actions">
        <button
          type="button"
          class="primary"
          part="register-another-button"
          @click=${() => this.#registerAnother()}
        >
          ${msg('Register another deal')}
        </button>
      </div>
    </section>`;
  }

  #renderForm(eligible: readonly Program[], catalog: readonly Product[]): TemplateResult {
    const values = this.draft.values;
    const program = chosenProgram(values, eligible);
    const pending = this.#send.pending;
    const summaryFields: Record<string, { id: string; label: string }> = {};
    for (const name of [...TEXT_FIELDS, 'products']) {
      summaryFields[name] = {
        id: idOf(name === 'products' ? 'product-0' : name),
        label: fieldLabel(name),
      };
    }
    values.products.forEach((_, i) => {
      for (const kind of ['product', 'quantity']) {
        summaryFields[`${kind}-${i}`] = {
          id: idOf(`${kind}-${i}`),
          label: fieldLabel(`${kind}-${i}`),
        };
      }
    });
    const text = (
      name: TextField,
      options: { required?: boolean; hint?: string; type?: string; autocomplete?: string } = {},
    ) =>
      field(
        {
          id: idOf(name),
          label: fieldLabel(name),
          error: this.errors.get(name),
          hint: options.hint,
          required: options.required ?? false,
        },
        (a) =>
          html`<input
            id=${a.id}
            name=${name}
            type=${options.type ?? 'text'}
            autocomplete=${ifDefined(options.autocomplete)}
            aria-describedby=${ifDefined(a.describedBy)}
            aria-invalid=${ifDefined(a.invalid)}
            .value=${values[name]}
          />`,
      );
    return html`<form
      class="form"
      part="form"
      novalidate
      aria-labelledby="deal-form-heading"
      @submit=${this.#onSubmit}
      @input=${this.#onInput}
      @change=${this.#onInput}
    >
      <h2 id="deal-form-heading">${msg('Register a deal')}</h2>
      ${errorSummary(this.errors, summaryFields)}
      ${submitFailureView(this.failure, pending, () => void this.#submit())}
      <fieldset>
        <legend>${msg('Program and deal type')}</legend>
        <div class="form-grid">
          ${field(
            {
              id: idOf('programId'),
              label: fieldLabel('programId'),
              error: this.errors.get('programId'),
              required: true,
            },
            (a) =>
              html`<select
                id=${a.id}
                name="programId"
                part="program-select"
                aria-describedby=${ifDefined(a.describedBy)}
                aria-invalid=${ifDefined(a.invalid)}
              >
                ${
                  eligible.length > 1
                    ? html`<option value="" ?selected=${!program}>
                        ${msg('Choose a program')}
                      </option>`
                    : nothing
                }
                ${eligible.map(
                  (p) =>
                    html`<option value=${p.id} ?selected=${p.id === program?.id}>
                      ${p.name}
                    </option>`,
                )}
              </select>`,
          )}
          ${field(
            {
              id: idOf('dealType'),
              label: fieldLabel('dealType'),
              error: this.errors.get('dealType'),
              required: true,
            },
            (a) =>
              html`<select
                id=${a.id}
                name="dealType"
                part="deal-type-select"
                aria-describedby=${ifDefined(a.describedBy)}
                aria-invalid=${ifDefined(a.invalid)}
              >
                <option value="" ?selected=${values.dealType === ''}>
                  ${msg('Choose a deal type')}
                </option>
                ${(program?.dealRegistration.dealTypes ?? []).map(
                  (type: DealType) =>
                    html`<option value=${type} ?selected=${type === values.dealType}>
                      ${dealTypeLabel(type)}
                    </option>`,
                )}
              </select>`,
          )}
        </div>
      </fieldset>
      <fieldset>
        <legend>${msg('Customer')}</legend>
        <div class="form-grid">
          ${text('company', { required: true, autocomplete: 'off' })}
          ${text('domain', { hint: msg('Such as example.com'), autocomplete: 'off' })}
          ${text('country', {
            required: true,
            hint: msg('Two-letter code, such as US or DE'),
            autocomplete: 'off',
          })}
          ${text('postalCode', { autocomplete: 'off' })}
          ${text('contactName', { autocomplete: 'off' })}
          ${text('contactEmail', { type: 'email', autocomplete: 'off' })}
          ${text('contactPhone', { type: 'tel', autocomplete: 'off' })}
        </div>
      </fieldset>
      ${this.#renderProducts(catalog)} ${this.#renderConflict()}
      <fieldset>
        <legend>${msg('Value and timing')}</legend>
        ${this.#renderMinimum(program)}
        <div class="form-grid">
          ${text('amount', {
            required: true,
            hint: msg(
              str`In ${values.currency}, such as ${amountExample(this.format.locale, values.currency)}`,
            ),
            autocomplete: 'off',
          })}
          ${field(
            {
              id: idOf('currency'),
              label: fieldLabel('currency'),
              error: this.errors.get('currency'),
              required: true,
            },
            (a) =>
              html`<select
                id=${a.id}
                name="currency"
                aria-describedby=${ifDefined(a.describedBy)}
                aria-invalid=${ifDefined(a.invalid)}
              >
                ${this.#currencies(program).map(
                  (code) =>
                    html`<option value=${code} ?selected=${code === values.currency}>
                      ${this.#currencyName(code)}
                    </option>`,
                )}
              </select>`,
          )}
          ${text('expectedCloseDate', { required: true, type: 'date' })}
        </div>
        ${field(
          {
            id: idOf('comments'),
            label: fieldLabel('comments'),
            error: this.errors.get('comments'),
          },
          (a) =>
            html`<textarea
              id=${a.id}
              name="comments"
              rows="4"
              aria-describedby=${ifDefined(a.describedBy)}
              aria-invalid=${ifDefined(a.invalid)}
              .value=${values.comments}
            ></textarea>`,
        )}
      </fieldset>
      <div class="actions">
        <button
          type="submit"
          class="primary"
          part="submit-button"
          aria-disabled=${pending ? 'true' : 'false'}
        >
          ${pending ? msg('Submitting…') : msg('Submit registration')}
        </button>
      </div>
    </form>`;
  }

  #currencies(program: Program | undefined): string[] {
    const own = program?.dealRegistration.minimumValue?.currency;
    return [...new Set([...(own ? [own] : []), ...CURRENCIES, this.draft.values.currency])].filter(
      Boolean,
    );
  }

  #currencyName(code: string): string {
    try {
      const name = new Intl.DisplayNames([this.format.locale], { type: 'currency' }).of(code);
      return name && name !== code ? `${code} – ${name}` : code;
    } catch {
      return code;
    }
  }

  #renderMinimum(program: Program | undefined): TemplateResult | typeof nothing {
    const minimum = program?.dealRegistration.minimumValue;
    if (!minimum) return nothing;
    return html`<p class="muted" part="minimum">
      ${msg(str`This program takes deals worth at least ${this.format.money(minimum)}.`)}
    </p>`;
  }

  #renderProducts(catalog: readonly Product[]): TemplateResult {
    const lines = this.draft.values.products;
    const error = this.errors.get('products');
    return html`<fieldset
      part="products"
      aria-describedby=${ifDefined(error ? 'deal-products-error' : undefined)}
    >
      <legend>${msg('Products')}</legend>
      ${
        error
          ? html`<span class="error" id="deal-products-error" part="field-error">${error}</span>`
          : nothing
      }
      ${
        catalog.length === 0
          ? html`<p class="muted">${msg('The product catalog is empty.')}</p>`
          : nothing
      }
      <ul class="lines">
        ${lines.map(
          (line, index) =>
            html`<li class="line" part="product-line">
              ${field(
                {
                  id: idOf(`product-${index}`),
                  label: fieldLabel(`product-${index}`),
                  error: this.errors.get(`product-${index}`),
                  required: true,
                },
                (a) =>
                  html`<select
                    id=${a.id}
                    name="product-${index}"
                    aria-describedby=${ifDefined(a.describedBy)}
                    aria-invalid=${ifDefined(a.invalid)}
                  >
                    <option value="" ?selected=${line.productId === ''}>
                      ${msg('Choose a product')}
                    </option>
                    ${catalog.map(
                      (product) =>
                        html`<option value=${product.id} ?selected=${product.id === line.productId}>
                          ${product.name} (${product.sku})
                        </option>`,
                    )}
                  </select>`,
              )}
              ${field(
                {
                  id: idOf(`quantity-${index}`),
                  label: fieldLabel(`quantity-${index}`),
                  error: this.errors.get(`quantity-${index}`),
                  required: true,
                },
                (a) =>
                  html`<input
                    id=${a.id}
                    name="quantity-${index}"
                    class="quantity"
                    inputmode="numeric"
                    autocomplete="off"
                    aria-describedby=${ifDefined(a.describedBy)}
                    aria-invalid=${ifDefined(a.invalid)}
                    .value=${line.quantity}
                  />`,
              )}
              ${
                lines.length > 1
                  ? html`<button
                      type="button"
                      class="link"
                      part="remove-product-button"
                      aria-label=${msg(str`Remove product ${index + 1}`)}
                      @click=${() => this.#removeLine(index)}
                    >
                      ${msg('Remove')}
                    </button>`
                  : nothing
              }
            </li>`,
        )}
      </ul>
      <div class="row">
        <button type="button" part="add-product-button" @click=${() => this.#addLine()}>
          ${msg('Add product')}
        </button>
      </div>
    </fieldset>`;
  }

  /**
   * The pre-check's answer, in a live region that is always there so a new warning is
   * announced. Only the flags are read: another partner's name or deal never shows, even if
   * an adapter sent `matches`.
   */
  #renderConflict(): TemplateResult {
    const check = this.conflictInput ? this.#conflicts.data : undefined;
    const warnings: string[] = [];
    if (check?.conflict) {
      warnings.push(
        msg(
          'Another partner already has a live claim on this customer. You can still register; the channel team reviews overlapping claims.',
        ),
      );
    }
    if (check?.duplicate) warnings.push(msg('Your company already registered this customer.'));
    return html`<div class="conflict-region" role="status">
      ${
        warnings.length > 0
          ? html`<div class="alert" data-tone="warning" part="conflict">
              ${warnings.map((warning) => html`<p>${warning}</p>`)}
            </div>`
          : nothing
      }
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'prm-deal-registration-form': PrmDealRegistrationForm;
  }
}
