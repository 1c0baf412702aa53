import type { Meta, StoryObj } from '@storybook/web-components-vite';
import '@prm-kit/elements/define/prm-partner-dashboard.js';
import { expect, waitFor } from 'storybook/test';
import { partnerControls, type PartnerStoryArgs } from './support/partner-meta.js';

/**
 * Where a partner stands: registered pipeline, win rate, days to approve, open cases and SLA
 * breaches; registrations by status, pipeline by stage and registered value by month; each
 * program with its tier, entitlements and progress toward the next tier. Every chart has
 * "Show table", keyboard navigation and values formatted in the toolbar's locale.
 */
const meta: Meta<PartnerStoryArgs> = {
  title: 'Partner/Partner dashboard',
  component: 'prm-partner-dashboard',
  ...partnerControls('prm-partner-dashboard'),
};
export default meta;

type Story = StoryObj<PartnerStoryArgs>;

/** Alice Brennan, ABC Systems' partner admin: Gold in the Reseller Program, on the way to Platinum. */
export const PartnerAdmin: Story = {
  play: async ({ canvasElement }) => {
    const dashboard = canvasElement.querySelector('prm-partner-dashboard');
    await waitFor(() => expect(dashboard?.shadowRoot?.querySelector('prm-kpi')).toBeTruthy());
  },
};

/** Chloe Diaz, a partner associate: the figures of the registrations and cases she may see. */
export const PartnerAssociate: Story = { args: { role: 'partnerAssociate' } };

/** Marcus Reyes, channel manager, looking at ABC Systems from the workspace. */
export const ChannelManager: Story = { args: { role: 'channelManager', partnerId: 'p-abc' } };

export const Loading: Story = { args: { state: 'loading' } };

/** No program, registration or case yet: "Nothing to show yet". */
export const Empty: Story = { args: { state: 'empty' } };

/** The read failed: the error view with "Try again". */
export const Error: Story = { args: { state: 'error' } };

/** An enterprise viewer without `partner-id`: "Choose a partner". */
export const NoPartnerChosen: Story = { args: { role: 'enterpriseAdmin' } };
