/**
 * A support case's SLA, as a list cell or a detail line: which clock runs next ("First
 * response due in 3 hours", "Resolution due in 2 days") and a "Breached" pill. Whether a
 * clock is met, breached or pending is core's rule (`caseSlaState`, `isCaseBreached`).
 */
import { msg, str } from '@lit/localize';
import { caseSlaState, isCaseBreached, type Case, type CaseSlaFields } from '@prm-kit/core';
import { html, nothing, type TemplateResult } from 'lit';
import type { Formatter } from '../localize.js';
import { pill } from './status.js';

/** The "Breached" pill when the case missed a target at `now`; nothing otherwise. */
export function breachedPill(kase: CaseSlaFields, now: string): TemplateResult | typeof nothing {
  return isCaseBreached(kase, now)
    ? html`<span part="breached">${pill(msg('Breached'), 'danger')}</span>`
    : nothing;
}

/** The next due time still running, relative ("Resolution due in 2 days"), or how it ended. */
export function slaDueText(kase: Case, format: Formatter, now: string): string {
  const state = caseSlaState(kase, now);
  const nowDate = new Date(now);
  if (state.firstResponse === 'pending') {
    const due = format.relative(kase.firstResponseDueAt, nowDate);
    return msg(str`First response due ${due}`);
  }
  if (state.resolution === 'pending') {
    const due = format.relative(kase.resolutionDueAt, nowDate);
    return msg(str`Resolution due ${due}`);
  }
  if (kase.resolvedAt === null) return msg('Resolution overdue');
  return state.resolution === 'met' ? msg('Resolved in time') : msg('Resolved late');
}

/** The SLA cell of a case row: the due text with its absolute time as a tooltip, and the pill. */
export function slaCell(kase: Case, format: Formatter, now: string): TemplateResult {
  const state = caseSlaState(kase, now);
  const title = state.nextDueAt ? format.dateTime(state.nextDueAt) : undefined;
  return html`<span class="sla" part="sla">
    ${
      title
        ? html`<time datetime=${state.nextDueAt ?? ''} title=${title}
            >${slaDueText(kase, format, now)}</time
          >`
        : html`<span>${slaDueText(kase, format, now)}</span>`
    }
    ${breachedPill(kase, now)}
  </span>`;
}
