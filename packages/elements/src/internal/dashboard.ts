/** What the two dashboards share: money per currency, the currency picker, the layout. */
import { msg } from '@lit/localize';
import { OPEN_CASE_STATUSES, type MetricRow, type Money } from '@prm-kit/core';
import { css, html, nothing, type TemplateResult } from 'lit';

/**
 * The currencies in some money figures, the preferred one first when present, the rest by
 * how often they occur. Amounts in different currencies are never added together, so a
 * dashboard shows one currency at a time.
 */
export function currenciesIn(amounts: readonly Money[], preferred?: string): string[] {
  const counts = new Map<string, number>();
  for (const { currency } of amounts) counts.set(currency, (counts.get(currency) ?? 0) + 1);
  return [...counts]
    .sort(
      ([a, countA], [b, countB]) =>
        Number(b === preferred) - Number(a === preferred) || countB - countA || (a < b ? -1 : 1),
    )
    .map(([currency]) => currency);
}

/** The amount in one currency of a per-currency list (0 when there is none). */
export const amountIn = (amounts: readonly Money[], currency: string): number =>
  amounts.find((money) => money.currency === currency)?.amount ?? 0;

/** A "Currency" select when there is more than one to choose from. */
export function currencyPicker(
  currencies: readonly string[],
  selected: string,
  choose: (currency: string) => void,
): TemplateResult | typeof nothing {
  if (currencies.length < 2) return nothing;
  return html`<label class="currency" part="currency"
    >${msg('Currency')}
    <select @change=${(event: Event) => choose((event.target as HTMLSelectElement).value)}>
      ${currencies.map(
        (currency) =>
          html`<option value=${currency} ?selected=${currency === selected}>${currency}</option>`,
      )}
    </select></label
  >`;
}

const OPEN_CASES: ReadonlySet<string> = new Set(OPEN_CASE_STATUSES);

/** The figures both dashboards show: days to approve, open cases and SLA breaches. */
export function serviceKpis(
  averageDaysToApprove: number | null,
  casesByStatus: readonly MetricRow[],
  breached: number,
): TemplateResult {
  const open = casesByStatus
    .filter((row) => OPEN_CASES.has(row.key))
    .reduce((sum, row) => sum + row.value, 0);
  return html`<prm-kpi
      label=${msg('Days to approve')}
      .value=${averageDaysToApprove ?? undefined}
      hint=${msg('Average, from submission')}
    ></prm-kpi>
    <prm-kpi label=${msg('Open cases')} .value=${open}></prm-kpi>
    <prm-kpi
      label=${msg('SLA breaches')}
      .value=${breached}
      tone=${breached > 0 ? 'danger' : 'success'}
      hint=${msg('Open cases past a due time')}
    ></prm-kpi>`;
}

export const dashboardStyles = css`
  [part~='base'] {
    gap: calc(var(--_unit) * 5);
  }
  .header {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: calc(var(--_unit) * 3);
  }
  .currency {
    display: inline-flex;
    align-items: center;
    gap: calc(var(--_unit) * 2);
  }
  .currency select {
    width: auto;
  }
  .kpis {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(9rem, 1fr));
    gap: calc(var(--_unit) * 3);
  }
  .charts {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 22rem), 1fr));
    gap: calc(var(--_unit) * 4);
  }
  .charts > * {
    min-width: 0;
  }
  .wide {
    grid-column: 1 / -1;
  }
  section {
    display: grid;
    gap: calc(var(--_unit) * 3);
  }
`;
