import type { Meta, StoryObj } from '@storybook/web-components-vite';
import '@prm-kit/elements/define/prm-enterprise-dashboard.js';
import { html } from 'lit';
import { expect, waitFor } from 'storybook/test';
import {
  DEMO_ROLES,
  STORY_STATES,
  demo,
  restDemo,
  type DemoRole,
  type StoryState,
} from './support/demo.js';

interface Args {
  role: DemoRole;
  state: StoryState;
}

/**
 * The partner ecosystem at a glance: active partners, approvals waiting and days to approve,
 * open cases and SLA breaches, partners by tier and segment, the most engaged partners and
 * the least, open cases by partner, top partners by registered pipeline (per currency) and
 * conversion by program.
 */
const meta: Meta<Args> = {
  title: 'Enterprise/Enterprise dashboard',
  component: 'prm-enterprise-dashboard',
  args: { role: 'channelManager', state: 'ready' },
  argTypes: {
    role: { control: 'select', options: DEMO_ROLES },
    state: { control: 'inline-radio', options: STORY_STATES },
  },
  render: ({ role, state }) =>
    demo(html`<prm-enterprise-dashboard></prm-enterprise-dashboard>`, { role, state }),
};
export default meta;

type Story = StoryObj<Args>;

/** Marcus Reyes, channel manager: the partners he looks after. */
export const ChannelManager: Story = {
  play: async ({ canvasElement }) => {
    const dashboard = canvasElement.querySelector('prm-enterprise-dashboard');
    await waitFor(() => expect(dashboard?.shadowRoot?.querySelector('prm-kpi')).toBeTruthy());
  },
};

/** The enterprise admin: every partner. */
export const EnterpriseAdmin: Story = { args: { role: 'enterpriseAdmin' } };

/** The same figures over REST (adapter-rest, msw serving the backend's REST app). */
export const OverRest: Story = {
  render: () =>
    restDemo(html`<prm-enterprise-dashboard></prm-enterprise-dashboard>`, {
      role: 'enterpriseAdmin',
    }),
};

export const Loading: Story = { args: { state: 'loading' } };

/** No partners yet. */
export const Empty: Story = { args: { state: 'empty' } };

/** The read failed: the error view with "Try again". */
export const Error: Story = { args: { state: 'error' } };

/** A partner admin: the dashboard is for the enterprise team. */
export const PartnerViewer: Story = { args: { role: 'partnerAdmin' } };
