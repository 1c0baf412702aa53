/** Localized names of the core enums a person reads (tiers, regions, roles). */
import { msg } from '@lit/localize';
import type { PartnerRole, PartnerTier, Region } from '@prm-kit/core';

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
