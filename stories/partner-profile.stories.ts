import type { Meta, StoryObj } from '@storybook/web-components-vite';
import '@prm-kit/elements/define/prm-partner-profile.js';
import { partnerControls, type PartnerStoryArgs } from './support/partner-meta.js';

/**
 * A partner's record: details, tier, segments, contacts, onboarding, programs and
 * entitlements. Who may edit (and which fields) follows core's rule: a partner admin edits
 * its own profile but not its tier; the partner's channel manager edits the tier as well.
 */
const meta: Meta<PartnerStoryArgs> = {
  title: 'Shared/Partner profile',
  component: 'prm-partner-profile',
  ...partnerControls('prm-partner-profile'),
};
export default meta;

type Story = StoryObj<PartnerStoryArgs>;

/** Alice Brennan, ABC Systems' partner admin: her own partner, with "Edit profile" (no tier field). */
export const PartnerAdmin: Story = {};

/** Chloe Diaz, a partner associate: reads the profile, no edit control. */
export const PartnerAssociate: Story = { args: { role: 'partnerAssociate' } };

/** Marcus Reyes, ABC's channel manager: names the partner, and may edit its tier too. */
export const ChannelManager: Story = { args: { role: 'channelManager', partnerId: 'p-abc' } };

export const Loading: Story = { args: { state: 'loading' } };

/** The read failed: the error view with "Try again". */
export const Error: Story = { args: { state: 'error' } };

/** An enterprise viewer without `partner-id`: "Choose a partner". */
export const Empty: Story = { args: { role: 'enterpriseAdmin' } };
