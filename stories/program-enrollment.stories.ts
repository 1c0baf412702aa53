import type { Meta, StoryObj } from '@storybook/web-components-vite';
import '@prm-kit/elements/define/prm-program-enrollment.js';
import { partnerControls, type PartnerStoryArgs } from './support/partner-meta.js';

/**
 * A partner's program memberships with status, tier, renewal and entitlements; "Withdraw"
 * where core's transition table lets the viewer withdraw, and "Apply to a program" with the
 * same terms dialog as the catalog.
 */
const meta: Meta<PartnerStoryArgs> = {
  title: 'Partner/Program enrollment',
  component: 'prm-program-enrollment',
  ...partnerControls('prm-program-enrollment'),
};
export default meta;

type Story = StoryObj<PartnerStoryArgs>;

/** Alice Brennan, ABC Systems' partner admin: an active Reseller membership she may withdraw. */
export const PartnerAdmin: Story = {};

/** Chloe Diaz, a partner associate: the memberships, read-only (no Withdraw, no Apply). */
export const PartnerAssociate: Story = { args: { role: 'partnerAssociate' } };

/** Marcus Reyes, ABC's channel manager: may apply for ABC, but withdrawing is the partner's. */
export const ChannelManager: Story = { args: { role: 'channelManager', partnerId: 'p-abc' } };

export const Loading: Story = { args: { state: 'loading' } };

/** No membership yet: "Not enrolled in any program yet", with the way to apply. */
export const Empty: Story = { args: { state: 'empty' } };

/** The read failed: the error view with "Try again". */
export const Error: Story = { args: { state: 'error' } };
