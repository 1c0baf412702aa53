/**
 * The filter bar of a list: a search landmark whose controls apply as they change, with a
 * free-text search applied on Enter, "Search" or leaving the field. Each list maps control names to its own
 * properties in `onChange`.
 */
import { msg } from '@lit/localize';
import { html, type TemplateResult } from 'lit';

export interface FilterFormOptions {
  /** The landmark's name ("Filter cases"). */
  label: string;
  /** The search field's label ("Search", "Customer"). */
  searchLabel: string;
  search: string | undefined;
  /** A control other than the search changed; `event.target` is it (its `name` says which). */
  onChange: (event: Event) => void;
  /** The search was submitted; `undefined` for an empty one. */
  onSearch: (search: string | undefined) => void;
}

export function filterForm(options: FilterFormOptions, controls: TemplateResult): TemplateResult {
  const search = (input: HTMLInputElement | null) =>
    options.onSearch(input?.value.trim() ? input.value : undefined);
  const change = (event: Event) => {
    const target = event.target as HTMLInputElement;
    if (target.name === 'search') search(target);
    else options.onChange(event);
  };
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    search(
      (event.currentTarget as HTMLFormElement).querySelector<HTMLInputElement>(
        'input[name="search"]',
      ),
    );
  };
  return html`<form
    class="filters"
    part="filters"
    role="search"
    aria-label=${options.label}
    @change=${change}
    @submit=${submit}
  >
    ${controls}
    <div class="field" part="field">
      <label for="filter-search">${options.searchLabel}</label>
      <input
        id="filter-search"
        name="search"
        type="search"
        part="search"
        .value=${options.search ?? ''}
      />
    </div>
    <button type="submit">${msg('Search')}</button>
  </form>`;
}

export interface FilterSelectOptions<T extends string> {
  name: string;
  label: string;
  /** The first option, for no filter ("All statuses"). */
  all: string;
  values: readonly T[];
  current: string | undefined;
  text: (value: T) => string;
}

/** A select of one filter; its part is `<name>-filter`. */
export function filterSelect<T extends string>(options: FilterSelectOptions<T>): TemplateResult {
  const { name, label, all, values, current, text } = options;
  return html`<div class="field" part="field">
    <label for="filter-${name}">${label}</label>
    <select id="filter-${name}" name=${name} part="${name}-filter">
      <option value="" ?selected=${!current}>${all}</option>
      ${values.map(
        (value) =>
          html`<option value=${value} ?selected=${value === current}>${text(value)}</option>`,
      )}
    </select>
  </div>`;
}
