/** Localized names of the core enums a person reads (tiers, regions, roles, deal types…). */
import { msg } from '@lit/localize';
import type {
  CaseCategory,
  ClosureReason,
  DealType,
  OpportunityStage,
  PartnerRole,
  PartnerTier,
  Region,
  RequirementMetric,
} from '@prm-kit/core';

/** A partner tier as people read it. */
export function partnerTierLabel(tier: PartnerTier): string {
  const labels: Record<PartnerTier, string> = {
    registered: msg('Registered'),
    silver: msg('Silver'),
    gold: msg('Gold'),
    platinum: msg('Platinum'),
  };
  return labels[tier];
}

export function regionLabel(region: Region): string {
  const labels: Record<Region, string> = {
    north_america: msg('North America'),
    latin_america: msg('Latin America'),
    emea: msg('Europe, Middle East and Africa'),
    apac: msg('Asia Pacific'),
  };
  return labels[region];
}

export function partnerRoleLabel(role: PartnerRole): string {
  const labels: Record<PartnerRole, string> = {
    partner_admin: msg('Partner admin'),
    partner_manager: msg('Partner manager'),
    partner_associate: msg('Partner associate'),
  };
  return labels[role];
}

export function dealTypeLabel(type: DealType): string {
  const labels: Record<DealType, string> = {
    new_business: msg('New business'),
    upsell: msg('Upsell'),
    renewal: msg('Renewal'),
  };
  return labels[type];
}

export function closureReasonLabel(reason: ClosureReason): string {
  const labels: Record<ClosureReason, string> = {
    duplicate: msg('Duplicate of an earlier registration'),
    partner_conflict: msg('Another partner has a claim on this customer'),
    direct_conflict: msg('The customer is handled by our direct sales team'),
    ineligible: msg('Not eligible for the program'),
    incomplete: msg('Incomplete information'),
    below_minimum: msg("Below the program's minimum deal value"),
    customer_not_qualified: msg('The customer is not qualified'),
    other: msg('Other reason'),
  };
  return labels[reason];
}

export function caseCategoryLabel(category: CaseCategory): string {
  const labels: Record<CaseCategory, string> = {
    licensing: msg('Licensing'),
    product_configuration: msg('Product configuration'),
    technical: msg('Technical problem'),
    deal_registration: msg('Deal registration'),
    program: msg('Program'),
    billing: msg('Billing'),
    other: msg('Other'),
  };
  return labels[category];
}

/** Each tier requirement metric's name, and whether its target is money (minor units). */
export function requirementMetricOf(metric: RequirementMetric): { label: string; money: boolean } {
  const metrics: Record<RequirementMetric, { label: string; money: boolean }> = {
    annual_revenue: { label: msg('Annual revenue'), money: true },
    certifications: { label: msg('Certified engineers'), money: false },
    registered_deals: { label: msg('Registered deals'), money: false },
    won_deals: { label: msg('Won deals'), money: false },
    won_revenue: { label: msg('Won revenue'), money: true },
  };
  return metrics[metric];
}

export function opportunityStageLabel(stage: OpportunityStage): string {
  const labels: Record<OpportunityStage, string> = {
    prospecting: msg('Prospecting'),
    qualification: msg('Qualification'),
    proposal: msg('Proposal'),
    negotiation: msg('Negotiation'),
    closed_won: msg('Won'),
    closed_lost: msg('Lost'),
  };
  return labels[stage];
}
