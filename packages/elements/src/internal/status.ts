/** Status pills: one tone and one localized label per status of each lifecycle. */
import { msg } from '@lit/localize';
import type {
  CasePriority,
  CaseStatus,
  DealStatus,
  MembershipStatus,
  PartnerStatus,
  ProgramStatus,
} from '@prm-kit/core';
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

const DEAL_TONES: Record<DealStatus, Tone> = {
  draft: 'neutral',
  submitted: 'accent',
  under_review: 'accent',
  returned: 'warning',
  approved: 'success',
  rejected: 'danger',
  converted: 'success',
  expired: 'neutral',
  withdrawn: 'neutral',
};

export function dealStatusLabel(status: DealStatus): string {
  const labels: Record<DealStatus, string> = {
    draft: msg('Draft'),
    submitted: msg('Submitted'),
    under_review: msg('Under review'),
    returned: msg('Needs more info'),
    approved: msg('Approved'),
    rejected: msg('Rejected'),
    converted: msg('Converted'),
    expired: msg('Expired'),
    // A registration is withdrawn (取り下げ), not a membership (脱退): its own message.
    withdrawn: msg('Withdrawn', { id: 'deal-withdrawn' }),
  };
  return labels[status];
}

export function dealStatus(status: DealStatus): TemplateResult {
  return pill(dealStatusLabel(status), DEAL_TONES[status]);
}

/** `partnerView`: the viewer is the partner, so "awaiting partner" reads "awaiting your reply". */
export function caseStatusLabel(status: CaseStatus, partnerView: boolean): string {
  const labels: Record<CaseStatus, string> = {
    new: msg('New'),
    in_progress: msg('In progress'),
    awaiting_partner: partnerView ? msg('Awaiting your reply') : msg('Waiting for the partner'),
    resolved: msg('Resolved'),
    closed: msg('Closed'),
  };
  return labels[status];
}

export function caseStatus(status: CaseStatus, partnerView: boolean): TemplateResult {
  const tones: Record<CaseStatus, Tone> = {
    new: 'accent',
    in_progress: 'accent',
    awaiting_partner: 'warning',
    resolved: 'success',
    closed: 'neutral',
  };
  return pill(caseStatusLabel(status, partnerView), tones[status]);
}

export function casePriorityLabel(priority: CasePriority): string {
  const labels: Record<CasePriority, string> = {
    low: msg('Low'),
    medium: msg('Medium'),
    high: msg('High'),
    critical: msg('Critical'),
  };
  return labels[priority];
}

export function casePriority(priority: CasePriority): TemplateResult {
  const tones: Record<CasePriority, Tone> = {
    low: 'neutral',
    medium: 'neutral',
    high: 'warning',
    critical: 'danger',
  };
  return pill(casePriorityLabel(priority), tones[priority]);
}
