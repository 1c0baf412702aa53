/** Status pills: one tone and one localized label per status of each lifecycle. */
import { msg } from '@lit/localize';
import type { MembershipStatus, PartnerStatus, ProgramStatus } from '@prm-kit/core';
import { html, type TemplateResult } from 'lit';

export type Tone = 'neutral' | 'accent' | 'success' | 'warning' | 'danger';

export function pill(label: string, tone: Tone = 'neutral'): TemplateResult {
  return html`<span class="pill" part="status" data-tone=${tone}>${label}</span>`;
}

export function partnerStatus(status: PartnerStatus): TemplateResult {
  const labels: Record<PartnerStatus, [string, Tone]> = {
    prospect: [msg('Prospect'), 'neutral'],
    onboarding: [msg('Onboarding'), 'accent'],
    active: [msg('Active'), 'success'],
    suspended: [msg('Suspended'), 'warning'],
    terminated: [msg('Terminated'), 'danger'],
  };
  return pill(...labels[status]);
}

export function membershipStatus(status: MembershipStatus): TemplateResult {
  const labels: Record<MembershipStatus, [string, Tone]> = {
    applied: [msg('Applied'), 'accent'],
    active: [msg('Active'), 'success'],
    rejected: [msg('Rejected'), 'danger'],
    suspended: [msg('Suspended'), 'warning'],
    expired: [msg('Expired'), 'neutral'],
    withdrawn: [msg('Withdrawn'), 'neutral'],
  };
  return pill(...labels[status]);
}

export function programStatus(status: ProgramStatus): TemplateResult {
  const labels: Record<ProgramStatus, [string, Tone]> = {
    draft: [msg('Draft'), 'neutral'],
    active: [msg('Active'), 'success'],
    retired: [msg('Retired'), 'neutral'],
  };
  return pill(...labels[status]);
}
