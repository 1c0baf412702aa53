import { msg, str } from '@lit/localize';
import {
  CASE_CATEGORIES,
  CASE_PRIORITIES,
  CaseInput,
  DEFAULT_CASE_SLA,
  MAX_PAGE_SIZE,
  can,
  isPartnerRole,
  validate,
  type Case,
  type CaseCategory,
  type CasePriority,
  type DealRegistration,
  type Order,
  type Page,
  type Program,
  type RelatedRecord,
} from '@prm-kit/core';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { MutationController, QueryController } from '../../client/controllers.js';
import { PrmCaseCreatedEvent } from '../../events.js';
import { DraftController } from '../../internal/draft.js';
import { errorSummary, field, fieldErrors, topLevelField } from '../../internal/field.js';
import { focusIn, resetCreate, submitCreate, type BuiltInput } from '../../internal/create-form.js';
import { newIdempotencyKey } from '../../internal/idempotency.js';
import { caseCategoryLabel } from '../../internal/labels.js';
import { PrmElement } from '../../internal/prm-element.js';
import { casePriority, casePriorityLabel, caseStatus } from '../../internal/status.js';
import { emptyView, renderStates, submitFailureView } from '../../internal/views.js';
import { validationMessages } from '../../localize.js';
import { caseFormStyles } from './case-form.styles.js';

/** What the form holds, as chosen and typed; `related` is `type:id` or empty. */
interface CaseValues {
  category: string;
  priority: string;
  subject: string;
  description: string;
  related: string;
}

/** A case being written: its values and the one idempotency key every retry reuses. */
interface CaseDraft {
  idempotencyKey: string;
  values: CaseValues;
}

const FIELDS = [
  'category',
  'priority',
  'subject',
  'description',
  'related',
] as const satisfies readonly (keyof CaseValues)[];

type FieldName = (typeof FIELDS)[number];

const RELATED_TYPES = ['deal', 'program', 'order'] as const;

const idOf = (name: string) => `case-${name}`;

function fieldLabel(name: string): string {
  const labels: Record<string, string> = {
    category: msg('Category'),
    priority: msg('Priority'),
    subject: msg('Subject'),
    description: msg('Description'),
    related: msg('Related record'),
  };
  return labels[name] ?? name;
}

function freshDraft(): CaseDraft {
  return {
    idempotencyKey: newIdempotencyKey(),
    values: { category: '', priority: '', subject: '', description: '', related: '' },
  };
}

function isDraft(value: unknown): value is CaseDraft {
  if (typeof value !== 'object' || value === null) return false;
  const draft = value as Partial<CaseDraft>;
  const values = draft.values as Partial<Record<string, unknown>> | undefined;
  return (
    typeof draft.idempotencyKey === 'string' &&
    typeof values === 'object' &&
    values !== null &&
    FIELDS.every((name) => typeof values[name] === 'string')
  );
}

/** `deal:deal-13` → `{ type: 'deal', id: 'deal-13' }`; `undefined` for none or garbage. */
function relatedOf(value: string): RelatedRecord | undefined {
  const colon = value.indexOf(':');
  if (colon < 0) return undefined;
  const type = value.slice(0, colon);
  const id = value.slice(colon + 1);
  return (RELATED_TYPES as readonly string[]).includes(type) && id
    ? { type: type as RelatedRecord['type'], id }
    : undefined;
}

/** One option of the related-record choice. */
interface RelatedOption {
  value: string;
  label: string;
}

interface RelatedGroup {
  label: string;
  options: RelatedOption[];
}

/**
 * @summary Raise a support case: category, priority, subject, description and an optional
 * related record (a deal registration, a program or an order), with a draft kept across
 * reloads and an idempotent submit.
 *
 * The related record is chosen among the viewer's deal registrations, the active programs
 * and — when the viewer may read them — the company's orders. What was typed is kept across
 * a reload, a validation error and a failed submit; a retried or double-clicked submit
 * raises the case once. Afterwards it shows the case number, status, priority and when the
 * first response is due. Enterprise viewers see that raising a case is a partner action,
 * unless they may raise cases and name the partner with `partner-id`.
 *
 * @fires prm-case-created - The case was raised; `event.supportCase` is the record.
 *
 * @csspart base - The whole element (and each state view: loading, empty, error).
 * @csspart form - The case form.
 * @csspart field - Each labelled field.
 * @csspart field-error - A field's error message.
 * @csspart error-summary - The list of rejected fields above the form.
 * @csspart category-select - The category choice.
 * @csspart priority-select - The priority choice.
 * @csspart related-select - The related record choice.
 * @csspart submit-error - The alert when submitting failed (network, server).
 * @csspart retry-button - Submits again with the same idempotency key.
 * @csspart submit-button - Raises the case.
 * @csspart confirmation - The panel after a successful submit.
 * @csspart number - The case number.
 * @csspart status - The case's status and priority pills.
 * @csspart due - When the first response is due.
 * @csspart raise-another-button - Starts a new case.
 *
 * @cssproperty --prm-case-form-gap - Space between the form's sections.
 */
export class PrmCaseForm extends PrmElement {
  static override styles = [...PrmElement.styles, caseFormStyles];

  /** Enterprise viewers only: the partner the case is raised for. Ignored for partner viewers. */
  @property({ attribute: 'partner-id' }) accessor partnerId: string | undefined;

  readonly #deals = new QueryController(this, (client) => {
    const partnerId = this.#partnerId();
    const viewer = this.viewer;
    return partnerId && viewer && can(viewer, 'deals.read')
      ? client.list('deals', {
          filter: { partnerId },
          sort: '-createdAt',
          limit: MAX_PAGE_SIZE,
        })
      : undefined;
  });

  readonly #programs = new QueryController(this, (client) =>
    this.#partnerId()
      ? client.list('programs', { filter: { status: ['active'] }, limit: MAX_PAGE_SIZE })
      : undefined,
  );

  readonly #orders = new QueryController(this, (client) => {
    const partnerId = this.#partnerId();
    const viewer = this.viewer;
    return partnerId && viewer && can(viewer, 'orders.read')
      ? client.list('orders', { filter: { partnerId }, sort: '-createdAt', limit: MAX_PAGE_SIZE })
      : undefined;
  });

  readonly #send = new MutationController(
    this,
    (client, input: CaseInput, idempotencyKey: string) =>
      client.mutate('cases', (adapter) => adapter.cases.create(input, { idempotencyKey })),
  );

  readonly #draft = new DraftController<CaseDraft>(this, () => this.#draftKey());
  #restoredKey: string | undefined;

  /** The case being written (restored from the draft, or fresh). */
  @state() accessor draft: CaseDraft = freshDraft();
  @state() accessor errors: ReadonlyMap<string, string> = new Map();
  /** A failure the fields cannot show (network, server). */
  @state() accessor failure: unknown;
  /** The case just raised: the confirmation shows instead of the form. */
  @state() accessor submitted: Case | undefined;

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
  }

  /** The partner the case is for, when the viewer may raise cases for it. */
  #partnerId(): string | undefined {
    const viewer = this.viewer;
    if (!viewer) return undefined;
    if (isPartnerRole(viewer.role)) {
      if (viewer.partnerId === null) return undefined;
      return can(viewer, 'cases.create', { partnerId: viewer.partnerId })
        ? viewer.partnerId
        : undefined;
    }
    // An enterprise viewer names the partner; the backend decides whether it is theirs.
    return this.partnerId && can(viewer, 'cases.create') ? this.partnerId : undefined;
  }

  #draftKey(): string | undefined {
    const viewer = this.viewer;
    if (!viewer) return undefined;
    return isPartnerRole(viewer.role)
      ? `case-form:${viewer.userId}`
      : `case-form:${viewer.userId}:${this.partnerId ?? ''}`;
  }

  readonly #onInput = (event: Event): void => {
    const target = event.target as HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;
    const name = target.name;
    if (!(FIELDS as readonly string[]).includes(name)) return;
    this.draft = { ...this.draft, values: { ...this.draft.values, [name]: target.value } };
    this.#draft.save(this.draft);
  };

  readonly #onSubmit = (event: SubmitEvent): void => {
    event.preventDefault();
    void this.#submit();
  };

  /** The input from the typed values, or the field errors that keep it from being sent. */
  #build(): BuiltInput<CaseInput> {
    const values = this.draft.values;
    const related = relatedOf(values.related);
    const viewer = this.viewer;
    const candidate = {
      category: values.category || undefined,
      priority: values.priority || undefined,
      subject: values.subject,
      description: values.description,
      ...(related ? { related } : {}),
      ...(viewer && !isPartnerRole(viewer.role) && this.partnerId
        ? { partnerId: this.partnerId }
        : {}),
    };
    const checked = validate(CaseInput, candidate, {
      messages: { ...validationMessages(), oneOf: () => msg('Choose one of the options.') },
    });
    if (checked.ok) return { ok: true, input: checked.value };
    return { ok: false, errors: fieldErrors(checked.error, topLevelField) };
  }

  async #submit(): Promise<void> {
    await submitCreate(this, this.#send, () => this.#build(), {
      draftKey: () => this.draft.idempotencyKey,
      fieldOf: topLevelField,
      created: (kase) => {
        this.#draft.clear();
        this.dispatchEvent(new PrmCaseCreatedEvent(kase));
      },
    });
  }

  #raiseAnother(): void {
    this.draft = freshDraft();
    resetCreate(this, this.#send);
    void focusIn(this, 'form select');
  }

  protected override render() {
    const viewer = this.viewer;
    if (viewer && !isPartnerRole(viewer.role) && !this.#partnerId()) {
      return html`<div part="base">
        ${emptyView(
          can(viewer, 'cases.create')
            ? msg(
                'Raising a case is a partner action. To raise one for a partner, open this form from that partner.',
              )
            : msg(
                'Raising a case is a partner action. Partner users raise cases; support answers them.',
              ),
        )}
      </div>`;
    }
    if (viewer && !this.#partnerId()) {
      return html`<div part="base">
        ${emptyView(msg("You don't have permission to raise cases."))}
      </div>`;
    }
    if (this.submitted) {
      return html`<div part="base">${this.#renderConfirmation(this.submitted)}</div>`;
    }
    const queries = [
      this.#programs,
      ...(viewer && can(viewer, 'deals.read') ? [this.#deals] : []),
      ...(viewer && can(viewer, 'orders.read') ? [this.#orders] : []),
    ] as readonly QueryController<unknown>[];
    return html`<div part="base">
      ${renderStates<readonly unknown[]>(
        this,
        queries,
        () => this.#renderForm(this.#relatedGroups()),
        {
          label: msg('Loading the case form'),
        },
      )}
    </div>`;
  }

  /** The records a case may be about, by kind; kinds the viewer may not read are left out. */
  #relatedGroups(): RelatedGroup[] {
    const deals: Page<DealRegistration> | undefined = this.#deals.data;
    const programs: Page<Program> | undefined = this.#programs.data;
    const orders: Page<Order> | undefined = this.#orders.data;
    const groups: RelatedGroup[] = [];
    if (deals && deals.items.length > 0) {
      groups.push({
        label: msg('Deal registrations'),
        options: deals.items.map((deal) => ({
          value: `deal:${deal.id}`,
          label: `${deal.number} – ${deal.customer.company}`,
        })),
      });
    }
    if (programs && programs.items.length > 0) {
      groups.push({
        label: msg('Programs'),
        options: programs.items.map((program) => ({
          value: `program:${program.id}`,
          label: program.name,
        })),
      });
    }
    if (orders && orders.items.length > 0) {
      groups.push({
        label: msg('Orders'),
        options: orders.items.map((order) => ({
          value: `order:${order.id}`,
          label: `${order.number} – ${this.format.money(order.total)}`,
        })),
      });
    }
    return groups;
  }

  #renderConfirmation(supportCase: Case): TemplateResult {
    const due = supportCase.firstResponseDueAt;
    return html`<section
      class="panel confirmation"
      part="confirmation"
      aria-labelledby="case-confirmation-heading"
      tabindex="-1"
    >
      <h2 id="case-confirmation-heading">${msg('Case raised')}</h2>
      <dl class="details">
        <dt>${msg('Case number')}</dt>
        <dd part="number">${supportCase.number}</dd>
        <dt>${msg('Subject')}</dt>
        <dd>${supportCase.subject}</dd>
        <dt>${msg('Status')}</dt>
        <dd>${caseStatus(supportCase.status, true)}</dd>
        <dt>${msg('Priority')}</dt>
        <dd>${casePriority(supportCase.priority)}</dd>
        <dt>${msg('First response due')}</dt>
        <dd part="due">
          <time datetime=${due}>${this.format.dateTime(due)}</time>
          <span class="muted">(${this.format.relative(due)})</span>
        </dd>
      </dl>
      <div class="actions">
        <button
          type="button"
          class="primary"
          part="raise-another-button"
          @click=${() => this.#raiseAnother()}
        >
          ${msg('Raise another case')}
        </button>
      </div>
    </section>`;
  }

  #renderForm(groups: readonly RelatedGroup[]): TemplateResult {
    const values = this.draft.values;
    const pending = this.#send.pending;
    const summaryFields: Record<string, { id: string; label: string }> = {};
    for (const name of FIELDS) summaryFields[name] = { id: idOf(name), label: fieldLabel(name) };
    const known = groups.some((group) => group.options.some((o) => o.value === values.related));
    const criticalHours = DEFAULT_CASE_SLA.critical.firstResponseHours;
    const choice = (
      name: FieldName,
      options: readonly { value: string; label: string }[],
      placeholder: string,
      hint?: string,
    ) =>
      field(
        {
          id: idOf(name),
          label: fieldLabel(name),
          error: this.errors.get(name),
          hint,
          required: true,
        },
        (a) =>
          html`<select
            id=${a.id}
            name=${name}
            part="${name}-select"
            aria-describedby=${ifDefined(a.describedBy)}
            aria-invalid=${ifDefined(a.invalid)}
          >
            <option value="" ?selected=${values[name] === ''}>${placeholder}</option>
            ${options.map(
              (o) =>
                html`<option value=${o.value} ?selected=${o.value === values[name]}>
                  ${o.label}
                </option>`,
            )}
          </select>`,
      );
    return html`<form
      class="form"
      part="form"
      novalidate
      aria-labelledby="case-form-heading"
      @submit=${this.#onSubmit}
      @input=${this.#onInput}
      @change=${this.#onInput}
    >
      <h2 id="case-form-heading">${msg('Raise a support case')}</h2>
      ${errorSummary(this.errors, summaryFields)}
      ${submitFailureView(this.failure, pending, () => void this.#submit())}
      <div class="form-grid">
        ${choice(
          'category',
          CASE_CATEGORIES.map((c: CaseCategory) => ({ value: c, label: caseCategoryLabel(c) })),
          msg('Choose a category'),
        )}
        ${choice(
          'priority',
          CASE_PRIORITIES.map((p: CasePriority) => ({ value: p, label: casePriorityLabel(p) })),
          msg('Choose a priority'),
          criticalHours === 1
            ? msg(
                'Critical means production is down or a security issue with no workaround: support answers within an hour, around the clock.',
              )
            : msg(
                str`Critical means production is down or a security issue with no workaround: support answers within ${criticalHours} hours, around the clock.`,
              ),
        )}
      </div>
      ${field(
        {
          id: idOf('subject'),
          label: fieldLabel('subject'),
          error: this.errors.get('subject'),
          required: true,
        },
        (a) =>
          html`<input
            id=${a.id}
            name="subject"
            type="text"
            maxlength="200"
            autocomplete="off"
            aria-describedby=${ifDefined(a.describedBy)}
            aria-invalid=${ifDefined(a.invalid)}
            .value=${values.subject}
          />`,
      )}
      ${field(
        {
          id: idOf('description'),
          label: fieldLabel('description'),
          error: this.errors.get('description'),
          hint: msg('What happened, what you expected, and what you have tried.'),
          required: true,
        },
        (a) =>
          html`<textarea
            id=${a.id}
            name="description"
            rows="6"
            aria-describedby=${ifDefined(a.describedBy)}
            aria-invalid=${ifDefined(a.invalid)}
            .value=${values.description}
          ></textarea>`,
      )}
      ${field(
        {
          id: idOf('related'),
          label: fieldLabel('related'),
          error: this.errors.get('related'),
          hint: msg('Optional: a deal registration, program or order the case is about.'),
        },
        (a) =>
          html`<select
            id=${a.id}
            name="related"
            part="related-select"
            aria-describedby=${ifDefined(a.describedBy)}
            aria-invalid=${ifDefined(a.invalid)}
          >
            <option value="" ?selected=${values.related === ''}>${msg('None')}</option>
            ${groups.map(
              (group) =>
                html`<optgroup label=${group.label}>
                  ${group.options.map(
                    (o) =>
                      html`<option value=${o.value} ?selected=${o.value === values.related}>
                        ${o.label}
                      </option>`,
                  )}
                </optgroup>`,
            )}
            ${
              values.related !== '' && !known
                ? html`<option value=${values.related} selected>
                    ${msg('A record no longer listed')}
                  </option>`
                : nothing
            }
          </select>`,
      )}
      <div class="actions">
        <button
          type="submit"
          class="primary"
          part="submit-button"
          aria-disabled=${pending ? 'true' : 'false'}
        >
          ${pending ? msg('Submitting…') : msg('Raise case')}
        </button>
      </div>
    </form>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'prm-case-form': PrmCaseForm;
  }
}
