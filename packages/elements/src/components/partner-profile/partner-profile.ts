import { msg, str } from '@lit/localize';
import {
  ENTERPRISE_PARTNER_FIELDS,
  MAX_PAGE_SIZE,
  PARTNER_TIERS,
  PartnerPatch,
  REGIONS,
  can,
  isPrmError,
  validate,
  type Page,
  type Partner,
  type PartnerContact,
  type Program,
  type ProgramMembership,
  type RecordScope,
  type Segment,
} from '@prm-kit/core';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { MutationController, QueryController } from '../../client/controllers.js';
import { PrmPartnerUpdatedEvent } from '../../events.js';
import { DraftController } from '../../internal/draft.js';
import { errorSummary, field, fieldErrors, topLevelField } from '../../internal/field.js';
import { PrmElement } from '../../internal/prm-element.js';
import { safeUrl } from '../../internal/safe-url.js';
import { membershipStatus, partnerStatus } from '../../internal/status.js';
import { partnerRoleLabel, partnerTierLabel, regionLabel } from '../../internal/labels.js';
import { emptyView, renderStates } from '../../internal/views.js';
import { errorMessage, validationMessages } from '../../localize.js';
import { partnerProfileStyles } from './partner-profile.styles.js';

/** The profile fields the form offers, in order; which of them a viewer gets follows core's rule. */
const PROFILE_FIELDS = [
  'name',
  'website',
  'country',
  'region',
  'employees',
  'specializations',
  'tier',
] as const satisfies readonly (keyof PartnerPatch)[];
type ProfileField = (typeof PROFILE_FIELDS)[number];

/** What the form holds: text as typed, so nothing is lost to parsing. */
type ProfileValues = Record<ProfileField, string>;

/** An edit in progress: the partner, the version it started from, and the typed values. */
interface ProfileDraft {
  partnerId: string;
  version: number;
  values: ProfileValues;
}

type SaveFailure = { kind: 'conflict' } | { kind: 'error'; error: unknown };

const FIELD_ID: Record<ProfileField, string> = {
  name: 'profile-name',
  website: 'profile-website',
  country: 'profile-country',
  region: 'profile-region',
  employees: 'profile-employees',
  specializations: 'profile-specializations',
  tier: 'profile-tier',
};

function fieldLabel(name: ProfileField): string {
  const labels: Record<ProfileField, string> = {
    name: msg('Company name'),
    website: msg('Website'),
    country: msg('Country'),
    region: msg('Region'),
    employees: msg('Employees'),
    specializations: msg('Specializations'),
    tier: msg('Tier'),
  };
  return labels[name];
}

/** A specialization key (`managed_services`) as words. */
const keyText = (key: string) => key.replaceAll('_', ' ');

function valuesOf(partner: Partner): ProfileValues {
  return {
    name: partner.name,
    website: partner.website ?? '',
    country: partner.country,
    region: partner.region,
    employees: partner.employees === undefined ? '' : String(partner.employees),
    specializations: partner.specializations.join(', '),
    tier: partner.tier,
  };
}

/** The patch of the fields the viewer may edit, from the typed text (validated afterwards). */
function patchOf(values: ProfileValues, fields: readonly ProfileField[]): Record<string, unknown> {
  const patch: Record<string, unknown> = {};
  for (const name of fields) {
    const value = values[name];
    switch (name) {
      case 'website':
        patch.website = value.trim() === '' ? null : value.trim();
        break;
      case 'country':
        patch.country = value.trim().toUpperCase();
        break;
      case 'employees':
        if (value.trim() !== '') patch.employees = Number(value);
        break;
      case 'specializations':
        patch.specializations = value
          .split(',')
          .map((key) => key.trim().toLowerCase().replace(/\s+/g, '_'))
          .filter(Boolean);
        break;
      default:
        patch[name] = value;
    }
  }
  return patch;
}

function isDraft(value: unknown, partnerId: string): value is ProfileDraft {
  if (typeof value !== 'object' || value === null) return false;
  const draft = value as Partial<ProfileDraft>;
  return (
    draft.partnerId === partnerId &&
    typeof draft.version === 'number' &&
    typeof draft.values === 'object' &&
    draft.values !== null &&
    PROFILE_FIELDS.every((name) => typeof draft.values?.[name] === 'string')
  );
}

/**
 * @summary A partner's record: details, tier, segments, contacts, onboarding, programs and
 * entitlements, with an edit form for the viewer who may edit it. Without `partner-id` it
 * shows the signed-in partner user's own partner.
 *
 * Who may edit, and which fields, follows core's rule (`partners.update` for the profile,
 * `partners.manage` for enterprise-owned fields such as the tier). What was typed is kept
 * across a reload, a validation error, a failed save and a version conflict.
 *
 * @fires prm-partner-updated - The profile was saved; `event.partner` is the saved record.
 *
 * @csspart base - The whole profile (and each state view: loading, empty, error).
 * @csspart header - The partner's name, status and the edit button.
 * @csspart name - The partner's name.
 * @csspart status - The partner's status pill (and each membership's).
 * @csspart edit-button - Opens the edit form (only for viewers who may edit).
 * @csspart details - The list of profile details.
 * @csspart website - The website link.
 * @csspart segments - The segments section.
 * @csspart onboarding - The onboarding checklist (while onboarding is incomplete).
 * @csspart contacts - The contacts section.
 * @csspart contact - One contact's row.
 * @csspart memberships - The programs section.
 * @csspart membership - One program membership.
 * @csspart entitlements - One membership's entitlements.
 * @csspart form - The edit form.
 * @csspart field - Each labelled field of the form.
 * @csspart field-error - A field's error message.
 * @csspart error-summary - The list of rejected fields above the form.
 * @csspart conflict - The alert when someone else changed the profile meanwhile.
 * @csspart reload-button - Discards the edits and shows the latest profile.
 * @csspart overwrite-button - Saves the edits over the latest profile.
 * @csspart save-error - The alert when saving failed (network, server).
 * @csspart retry-button - Tries the save again.
 * @csspart save-button - Saves the form.
 * @csspart cancel-button - Leaves the form without saving.
 *
 * @cssproperty --prm-partner-profile-gap - Space between the profile's sections.
 */
export class PrmPartnerProfile extends PrmElement {
  static override styles = [...PrmElement.styles, partnerProfileStyles];

  readonly #partner = new QueryController(this, (client) => {
    const id = this.partnerOrOwn(this.partnerId);
    return id ? client.get('partners', id) : undefined;
  });

  readonly #memberships = new QueryController(this, (client) => {
    const id = this.partnerOrOwn(this.partnerId);
    return id
      ? client.list('memberships', { filter: { partnerId: id }, limit: MAX_PAGE_SIZE })
      : undefined;
  });

  readonly #segments = new QueryController(this, (client) =>
    this.partnerOrOwn(this.partnerId)
      ? client.list('segments', { limit: MAX_PAGE_SIZE })
      : undefined,
  );

  readonly #programs = new QueryController(this, (client) =>
    this.partnerOrOwn(this.partnerId)
      ? client.list('programs', { limit: MAX_PAGE_SIZE })
      : undefined,
  );

  /** Saves at the version the edit started from, or (overwrite) at the latest version. */
  readonly #save = new MutationController(
    this,
    (client, id: string, patch: PartnerPatch, version: number | 'latest') =>
      client.mutate('partners', async (adapter) => {
        const at = version === 'latest' ? (await adapter.partners.get(id)).version : version;
        return adapter.partners.update(id, patch, { version: at });
      }),
  );

  readonly #draft = new DraftController<ProfileDraft>(this, () => this.#draftKey());
  #restoredKey: string | undefined;

  /** The edit in progress; `undefined` in view mode. */
  @state() accessor editing: ProfileDraft | undefined;
  @state() accessor errors: ReadonlyMap<string, string> = new Map();
  @state() accessor failure: SaveFailure | undefined;

  /** The partner to show. Without it: the signed-in partner user's own partner. */
  @property({ attribute: 'partner-id' }) accessor partnerId: string | undefined;

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    // A reload mid-edit (or another partner or viewer): pick up the draft of this key, if any.
    const key = this.#draftKey();
    if (key === this.#restoredKey) return;
    this.#restoredKey = key;
    const saved = key ? this.#draft.read() : undefined;
    const id = this.partnerOrOwn(this.partnerId);
    this.editing = id && isDraft(saved, id) ? saved : undefined;
    this.errors = new Map();
    this.failure = undefined;
  }

  #draftKey(): string | undefined {
    const viewer = this.viewer;
    const id = this.partnerOrOwn(this.partnerId);
    return viewer && id ? `partner-profile:${viewer.userId}:${id}` : undefined;
  }

  #scope(partner: Partner): RecordScope {
    return { partnerId: partner.id, channelManagerId: partner.channelManagerId };
  }

  /** The fields this viewer may edit: core's rule, previewed (the backend enforces it). */
  #editableFields(partner: Partner): ProfileField[] {
    const viewer = this.viewer;
    if (!viewer || !can(viewer, 'partners.update', this.#scope(partner))) return [];
    const manages = can(viewer, 'partners.manage', this.#scope(partner));
    const enterpriseOwned: readonly string[] = ENTERPRISE_PARTNER_FIELDS;
    return PROFILE_FIELDS.filter((name) => manages || !enterpriseOwned.includes(name));
  }

  async #focus(selector: string): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }

  #edit(partner: Partner): void {
    this.editing = { partnerId: partner.id, version: partner.version, values: valuesOf(partner) };
    this.#draft.save(this.editing);
    this.errors = new Map();
    this.failure = undefined;
    this.#save.reset();
    void this.#focus(`#${FIELD_ID.name}`);
  }

  #close(): void {
    this.#draft.clear();
    this.editing = undefined;
    this.errors = new Map();
    this.failure = undefined;
    this.#save.reset();
    void this.#focus('[part~="edit-button"]');
  }

  #reload(): void {
    this.#close();
    void this.#partner.refetch();
  }

  readonly #onInput = (event: Event): void => {
    const target = event.target as HTMLInputElement | HTMLSelectElement;
    const name = target.name as ProfileField;
    if (!this.editing || !PROFILE_FIELDS.includes(name)) return;
    this.editing = { ...this.editing, values: { ...this.editing.values, [name]: target.value } };
    this.#draft.save(this.editing);
  };

  readonly #onKeydown = (event: KeyboardEvent): void => {
    if (event.key !== 'Escape' || event.defaultPrevented) return;
    event.preventDefault();
    this.#close();
  };

  readonly #onSubmit = (event: SubmitEvent): void => {
    event.preventDefault();
    void this.#submit(false);
  };

  async #submit(overwrite: boolean): Promise<void> {
    const editing = this.editing;
    const partner = this.#partner.data;
    if (!editing || !partner || this.#save.pending) return;
    const patch = patchOf(editing.values, this.#editableFields(partner));
    const checked = validate(PartnerPatch, patch, { messages: validationMessages() });
    if (!checked.ok) {
      this.errors = fieldErrors(checked.error, topLevelField);
      this.failure = undefined;
      return this.#focus('[part~="error-summary"]');
    }
    this.errors = new Map();
    this.failure = undefined;
    const saved = await this.#save.run(
      editing.partnerId,
      checked.value,
      overwrite ? 'latest' : editing.version,
    );
    if (saved) {
      this.#close();
      this.dispatchEvent(new PrmPartnerUpdatedEvent(saved));
      return;
    }
    const error = this.#save.error;
    if (error === undefined) return;
    const rejected = fieldErrors(error, topLevelField);
    if (rejected.size > 0) {
      this.errors = rejected;
      return this.#focus('[part~="error-summary"]');
    }
    this.failure = isPrmError(error, 'version_conflict')
      ? { kind: 'conflict' }
      : { kind: 'error', error };
    return this.#focus('[part~="conflict"], [part~="save-error"]');
  }

  protected override render() {
    if (this.viewer && !this.partnerOrOwn(this.partnerId)) {
      return html`<div part="base">${emptyView(msg('Choose a partner to see its profile.'))}</div>`;
    }
    return html`<div part="base">
      ${renderStates(this, [this.#partner], (partner: Partner) => this.#renderProfile(partner), {
        label: msg('Loading partner profile'),
      })}
    </div>`;
  }

  #renderProfile(partner: Partner): TemplateResult {
    const editable = this.#editableFields(partner);
    const editing = editable.length > 0 && this.editing?.partnerId === partner.id;
    return html`<article class="profile" aria-labelledby="profile-title">
      <header class="header" part="header">
        <div class="title">
          <h2 id="profile-title" part="name">${partner.name}</h2>
          ${partnerStatus(partner.status)}
        </div>
        ${
          editable.length > 0 && !editing
            ? html`<button type="button" part="edit-button" @click=${() => this.#edit(partner)}>
                ${msg('Edit profile')}
              </button>`
            : nothing
        }
      </header>
      ${
        editing && this.editing
          ? this.#renderForm(this.editing, editable)
          : this.#renderDetails(partner)
      }
      ${this.#renderSegments(partner)} ${this.#renderOnboarding(partner)}
      ${this.#renderContacts(partner.contacts)} ${this.#renderMemberships()}
    </article>`;
  }

  #renderDetails(partner: Partner): TemplateResult {
    const website = safeUrl(partner.website);
    const notGiven = html`<span class="muted">${msg('Not given')}</span>`;
    return html`<dl class="details" part="details">
      <dt>${msg('Tier')}</dt>
      <dd>${partnerTierLabel(partner.tier)}</dd>
      <dt>${msg('Website')}</dt>
      <dd>
        ${
          website
            ? html`<a part="website" href=${website} rel="noopener noreferrer"
                >${partner.website}</a
              >`
            : (partner.website ?? notGiven)
        }
      </dd>
      <dt>${msg('Country')}</dt>
      <dd>${this.#countryName(partner.country)}</dd>
      <dt>${msg('Region')}</dt>
      <dd>${regionLabel(partner.region)}</dd>
      <dt>${msg('Employees')}</dt>
      <dd>${partner.employees === undefined ? notGiven : this.format.number(partner.employees)}</dd>
      <dt>${msg('Annual revenue')}</dt>
      <dd>${partner.annualRevenue ? this.format.money(partner.annualRevenue) : notGiven}</dd>
      <dt>${msg('Certifications')}</dt>
      <dd>${this.format.number(partner.certifications)}</dd>
      <dt>${msg('Specializations')}</dt>
      <dd>
        ${
          partner.specializations.length > 0
            ? partner.specializations.map(keyText).join(', ')
            : notGiven
        }
      </dd>
    </dl>`;
  }

  #countryName(code: string): string {
    try {
      const name = new Intl.DisplayNames([this.format.locale], { type: 'region' }).of(code);
      return name && name !== code ? `${name} (${code})` : code;
    } catch {
      return code;
    }
  }

  #renderSegments(partner: Partner): TemplateResult {
    return html`<section part="segments" aria-labelledby="segments-heading">
      <h3 id="segments-heading">${msg('Segments')}</h3>
      ${
        partner.segmentIds.length === 0
          ? html`<p class="muted">${msg('In no segment yet.')}</p>`
          : renderStates(
              this,
              [this.#segments],
              (page: Page<Segment>) => {
                const known = new Map(page.items.map((segment) => [segment.id, segment]));
                return html`<ul class="badges">
                  ${partner.segmentIds.map((id) => {
                    const segment = known.get(id);
                    // Beyond the first page: the badge reads its segment itself.
                    return html`<li>
                      ${
                        segment
                          ? html`<prm-segment-badge .segment=${segment}></prm-segment-badge>`
                          : html`<prm-segment-badge segment-id=${id}></prm-segment-badge>`
                      }
                    </li>`;
                  })}
                </ul>`;
              },
              { label: msg('Loading segments') },
            )
      }
    </section>`;
  }

  #renderOnboarding(partner: Partner): TemplateResult | typeof nothing {
    const steps = partner.onboarding;
    if (steps.length === 0 || steps.every((step) => step.done)) return nothing;
    const done = steps.filter((step) => step.done).length;
    const total = steps.length;
    return html`<section part="onboarding" aria-labelledby="onboarding-heading">
      <h3 id="onboarding-heading">${msg('Onboarding')}</h3>
      <p class="muted">${msg(str`${done} of ${total} steps done`)}</p>
      <ul class="steps">
        ${steps.map(
          (step) =>
            html`<li ?data-done=${step.done}>
              <span class="mark" aria-hidden="true">${step.done ? '✓' : '○'}</span>
              <span
                >${step.label}
                <span class="visually-hidden"
                  >${step.done ? msg('(done)') : msg('(to do)')}</span
                ></span
              >
            </li>`,
        )}
      </ul>
    </section>`;
  }

  #renderContacts(contacts: readonly PartnerContact[]): TemplateResult {
    return html`<section part="contacts" aria-labelledby="contacts-heading">
      <h3 id="contacts-heading">${msg('Contacts')}</h3>
      ${
        contacts.length === 0
          ? html`<p class="muted">${msg('No contacts yet.')}</p>`
          : html`<div class="table">
              <table aria-labelledby="contacts-heading">
                <thead>
                  <tr>
                    <th scope="col">${msg('Name')}</th>
                    <th scope="col">${msg('Title')}</th>
                    <th scope="col">${msg('Email')}</th>
                    <th scope="col">${msg('Role')}</th>
                  </tr>
                </thead>
                <tbody>
                  ${contacts.map((contact) => {
                    const mail = safeUrl(`mailto:${contact.email}`);
                    return html`<tr part="contact">
                      <td>
                        ${contact.name}${
                          contact.primary
                            ? html`<span class="primary-mark" part="primary"
                                >${msg('Primary')}</span
                              >`
                            : nothing
                        }
                      </td>
                      <td>${contact.title ?? ''}</td>
                      <td>${mail ? html`<a href=${mail}>${contact.email}</a>` : contact.email}</td>
                      <td>${partnerRoleLabel(contact.role)}</td>
                    </tr>`;
                  })}
                </tbody>
              </table>
            </div>`
      }
    </section>`;
  }

  #renderMemberships(): TemplateResult {
    return html`<section part="memberships" aria-labelledby="memberships-heading">
      <h3 id="memberships-heading">${msg('Programs')}</h3>
      ${renderStates(
        this,
        [this.#memberships, this.#programs],
        (memberships: Page<ProgramMembership>, programs: Page<Program>) => {
          const byId = new Map(programs.items.map((program) => [program.id, program]));
          return html`<ul class="memberships">
            ${memberships.items.map((membership) =>
              this.#renderMembership(membership, byId.get(membership.programId)),
            )}
          </ul>`;
        },
        {
          label: msg('Loading programs'),
          empty: {
            when: (memberships) => memberships.items.length === 0,
            message: msg('Not in any program yet.'),
          },
        },
      )}
    </section>`;
  }

  #renderMembership(membership: ProgramMembership, program: Program | undefined): TemplateResult {
    const tier = program?.tiers.find((t) => t.key === membership.tierKey)?.name;
    return html`<li class="panel" part="membership">
      <div class="membership-title">
        <h4>${program?.name ?? membership.programId}</h4>
        ${membershipStatus(membership.status)}
      </div>
      <dl class="details">
        <dt>${msg('Program tier')}</dt>
        <dd>${tier ?? keyText(membership.tierKey)}</dd>
        ${
          membership.startedAt
            ? html`<dt>${msg('Member since')}</dt>
                <dd>${this.format.date(membership.startedAt)}</dd>`
            : nothing
        }
        ${
          membership.renewsAt && membership.status === 'active'
            ? html`<dt>${msg('Renews')}</dt>
                <dd>${this.format.date(membership.renewsAt)}</dd>`
            : nothing
        }
      </dl>
      ${
        membership.entitlements.length > 0
          ? html`<ul class="entitlements" part="entitlements" aria-label=${msg('Entitlements')}>
              ${membership.entitlements.map((entitlement) => {
                const used = this.format.number(entitlement.used);
                const total = entitlement.total;
                return html`<li ?data-exhausted=${total !== null && entitlement.used >= total}>
                  <span>${entitlement.label}:</span>
                  <span class="usage"
                    >${
                      total === null
                        ? msg(str`${used} used (no limit)`)
                        : msg(str`${used} of ${this.format.number(total)} used`)
                    }</span
                  >
                </li>`;
              })}
            </ul>`
          : nothing
      }
    </li>`;
  }

  #renderForm(draft: ProfileDraft, editable: readonly ProfileField[]): TemplateResult {
    const values = draft.values;
    const pending = this.#save.pending;
    const summaryFields = Object.fromEntries(
      editable.map((name) => [name, { id: FIELD_ID[name], label: fieldLabel(name) }]),
    );
    const props = (name: ProfileField) => ({
      id: FIELD_ID[name],
      label: fieldLabel(name),
      error: this.errors.get(name),
    });
    const controls: Record<ProfileField, () => TemplateResult> = {
      name: () =>
        field(
          { ...props('name'), required: true },
          (a) =>
            html`<input
              id=${a.id}
              name="name"
              autocomplete="organization"
              aria-describedby=${ifDefined(a.describedBy)}
              aria-invalid=${ifDefined(a.invalid)}
              .value=${values.name}
            />`,
        ),
      website: () =>
        field(
          {
            ...props('website'),
            hint: msg('Starts with https://, for example https://example.com'),
          },
          (a) =>
            html`<input
              id=${a.id}
              name="website"
              type="url"
              autocomplete="url"
              aria-describedby=${ifDefined(a.describedBy)}
              aria-invalid=${ifDefined(a.invalid)}
              .value=${values.website}
            />`,
        ),
      country: () =>
        field(
          { ...props('country'), required: true, hint: msg('Two-letter code, such as US or DE') },
          (a) =>
            html`<input
              id=${a.id}
              name="country"
              autocomplete="country"
              aria-describedby=${ifDefined(a.describedBy)}
              aria-invalid=${ifDefined(a.invalid)}
              .value=${values.country}
            />`,
        ),
      region: () =>
        field(
          { ...props('region'), required: true },
          (a) =>
            html`<select
              id=${a.id}
              name="region"
              aria-describedby=${ifDefined(a.describedBy)}
              aria-invalid=${ifDefined(a.invalid)}
            >
              ${REGIONS.map(
                (region) =>
                  html`<option value=${region} ?selected=${values.region === region}>
                    ${regionLabel(region)}
                  </option>`,
              )}
            </select>`,
        ),
      employees: () =>
        field(
          { ...props('employees') },
          (a) =>
            html`<input
              id=${a.id}
              name="employees"
              type="number"
              min="0"
              step="1"
              inputmode="numeric"
              aria-describedby=${ifDefined(a.describedBy)}
              aria-invalid=${ifDefined(a.invalid)}
              .value=${values.employees}
            />`,
        ),
      specializations: () =>
        field(
          {
            ...props('specializations'),
            hint: msg('Separate with commas, such as security, cloud'),
          },
          (a) =>
            html`<input
              id=${a.id}
              name="specializations"
              aria-describedby=${ifDefined(a.describedBy)}
              aria-invalid=${ifDefined(a.invalid)}
              .value=${values.specializations}
            />`,
        ),
      tier: () =>
        field(
          { ...props('tier'), required: true },
          (a) =>
            html`<select
              id=${a.id}
              name="tier"
              aria-describedby=${ifDefined(a.describedBy)}
              aria-invalid=${ifDefined(a.invalid)}
            >
              ${PARTNER_TIERS.map(
                (tier) =>
                  html`<option value=${tier} ?selected=${values.tier === tier}>
                    ${partnerTierLabel(tier)}
                  </option>`,
              )}
            </select>`,
        ),
    };
    return html`<form
      class="form panel"
      part="form"
      novalidate
      aria-labelledby="edit-heading"
      @submit=${this.#onSubmit}
      @input=${this.#onInput}
      @change=${this.#onInput}
      @keydown=${this.#onKeydown}
    >
      <h3 id="edit-heading">${msg('Edit profile')}</h3>
      ${errorSummary(this.errors, summaryFields)} ${this.#renderFailure(pending)}
      <div class="form-grid">${editable.map((name) => controls[name]())}</div>
      <div class="actions">
        <button type="button" part="cancel-button" @click=${() => this.#close()}>
          ${msg('Cancel')}
        </button>
        <button
          type="submit"
          class="primary"
          part="save-button"
          aria-disabled=${pending ? 'true' : 'false'}
        >
          ${pending ? msg('Saving…') : msg('Save')}
        </button>
      </div>
    </form>`;
  }

  #renderFailure(pending: boolean): TemplateResult | typeof nothing {
    const failure = this.failure;
    if (!failure) return nothing;
    if (failure.kind === 'conflict') {
      return html`<div class="alert" data-tone="warning" part="conflict" role="alert" tabindex="-1">
        <strong>${msg('This profile was changed by someone else.')}</strong>
        <p>
          ${msg(
            'Reload to see their changes (yours are discarded), or overwrite their changes with yours.',
          )}
        </p>
        <div class="row">
          <button type="button" part="reload-button" @click=${() => this.#reload()}>
            ${msg('Reload')}
          </button>
          <button
            type="button"
            class="danger"
            part="overwrite-button"
            aria-disabled=${pending ? 'true' : 'false'}
            @click=${() => void this.#submit(true)}
          >
            ${msg('Overwrite')}
          </button>
        </div>
      </div>`;
    }
    const retryable = !isPrmError(failure.error) || failure.error.retryable;
    return html`<div class="alert" part="save-error" role="alert" tabindex="-1">
      <p>${errorMessage(failure.error)}</p>
      ${
        retryable
          ? html`<div class="row">
              <button
                type="button"
                part="retry-button"
                aria-disabled=${pending ? 'true' : 'false'}
                @click=${() => void this.#submit(false)}
              >
                ${msg('Try again')}
              </button>
            </div>`
          : nothing
      }
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'prm-partner-profile': PrmPartnerProfile;
  }
}
