import type { Meta, StoryObj } from '@storybook/web-components-vite';
import '@prm-kit/elements/define/prm-program-catalog.js';
import { partnerControls, type PartnerStoryArgs } from './support/partner-meta.js';

/**
 * The programs a partner may join — each tier's benefits and requirements, deal registration
 * protection — and, for every other program, why the partner may not. "Apply" (where core
 * lets the viewer apply) raises the cancelable `prm-program-apply` and opens the terms dialog.
 */
const meta: Meta<PartnerStoryArgs> = {
  title: 'Partner/Program catalog',
  component: 'prm-program-catalog',
  ...partnerControls('prm-program-catalog'),
};
export default meta;

type Story = StoryObj<PartnerStoryArgs>;

/** Alice Brennan, ABC Systems' partner admin: the Referral Program is open, with "Apply". */
export const PartnerAdmin: Story = {};

/** Chloe Diaz, a partner associate: the same catalog, read-only (no "Apply"). */
export const PartnerAssociate: Story = { args: { role: 'partnerAssociate' } };

/** Marcus Reyes, ABC's channel manager: names the partner and may apply on its behalf. */
export const ChannelManager: Story = { args: { role: 'channelManager', partnerId: 'p-abc' } };

export const Loading: Story = { args: { state: 'loading' } };

/** No program is open yet. */
export const Empty: Story = { args: { state: 'empty' } };

/** The read failed: the error view with "Try again". */
export const Error: Story = { args: { state: 'error' } };
