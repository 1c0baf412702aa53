import type { Meta, StoryObj } from '@storybook/web-components-vite';
import '@prm-kit/elements/define/prm-deal-review-queue.js';
import { html } from 'lit';
import { expect, waitFor } from 'storybook/test';
import { DEMO_ROLES, STORY_STATES, demo, type DemoRole, type StoryState } from './support/demo.js';

interface Args {
  role: DemoRole;
  state: StoryState;
}

/**
 * The enterprise's review queue: registrations waiting for a decision, soonest due first with
 * breaches flagged. Choose one to see it beside its conflicts and approve, reject with a
 * closure reason, or return it for more information.
 */
const meta: Meta<Args> = {
  title: 'Enterprise/Deal review queue',
  component: 'prm-deal-review-queue',
  args: { role: 'channelManager', state: 'ready' },
  argTypes: {
    role: { control: 'select', options: DEMO_ROLES },
    state: { control: 'inline-radio', options: STORY_STATES },
  },
  render: ({ role, state }) =>
    demo(html`<prm-deal-review-queue></prm-deal-review-queue>`, { role, state }),
};
export default meta;

type Story = StoryObj<Args>;

/** Marcus Reyes, channel manager: the registrations of his partners (Globex has a conflict). */
export const ChannelManager: Story = {
  play: async ({ canvasElement }) => {
    const queue = canvasElement.querySelector('prm-deal-review-queue');
    await waitFor(() => expect(queue?.shadowRoot?.querySelector('[part~="queue"]')).toBeTruthy());
  },
};

/** The enterprise admin: every partner's waiting registrations. */
export const EnterpriseAdmin: Story = { args: { role: 'enterpriseAdmin' } };

export const Loading: Story = { args: { state: 'loading' } };

/** Nothing is waiting: "Nothing waiting for review". */
export const Empty: Story = { args: { state: 'empty' } };

/** The read failed: the error view with "Try again". */
export const Error: Story = { args: { state: 'error' } };

/** A partner admin: the queue is for the enterprise, so an empty state and no controls. */
export const PartnerViewer: Story = { args: { role: 'partnerAdmin' } };
