import type { Meta, StoryObj } from '@storybook/web-components-vite';
import '@prm-kit/elements/define/prm-case-queue.js';
import { html } from 'lit';
import { expect, waitFor } from 'storybook/test';
import { DEMO_ROLES, STORY_STATES, demo, type DemoRole, type StoryState } from './support/demo.js';

interface Args {
  role: DemoRole;
  state: StoryState;
}

/**
 * The vendor's support queue: unassigned cases, the agent's own, breaching ones and every open
 * case, soonest due first with SLA breaches flagged. Assign a case to yourself or, with a
 * suggested agent, to someone else; start work, ask the partner, resolve.
 */
const meta: Meta<Args> = {
  title: 'Enterprise/Case queue',
  component: 'prm-case-queue',
  args: { role: 'supportAgent', state: 'ready' },
  argTypes: {
    role: { control: 'select', options: DEMO_ROLES },
    state: { control: 'inline-radio', options: STORY_STATES },
  },
  render: ({ role, state }) => demo(html`<prm-case-queue></prm-case-queue>`, { role, state }),
};
export default meta;

type Story = StoryObj<Args>;

/** Sofia Lindqvist, support agent: the unassigned pool first ("Portal access…" from ABC). */
export const SupportAgent: Story = {
  play: async ({ canvasElement }) => {
    const queue = canvasElement.querySelector('prm-case-queue');
    await waitFor(() => expect(queue?.shadowRoot?.querySelector('[part~="queue"]')).toBeTruthy());
  },
};

/** The enterprise admin: the same queue, with every control. */
export const EnterpriseAdmin: Story = { args: { role: 'enterpriseAdmin' } };

export const Loading: Story = { args: { state: 'loading' } };

/** Nothing in the view: "No unassigned cases". */
export const Empty: Story = { args: { state: 'empty' } };

/** The read failed: the error view with "Try again". */
export const Error: Story = { args: { state: 'error' } };

/** A partner admin: the queue is for the vendor's support team, so an empty state and no controls. */
export const PartnerViewer: Story = { args: { role: 'partnerAdmin' } };
