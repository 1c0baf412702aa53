import type { Meta, StoryObj } from '@storybook/web-components-vite';
import '@prm-kit/elements/define/prm-deal-registration-list.js';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { expect, waitFor } from 'storybook/test';
import { DEMO_ROLES, STORY_STATES, demo, type DemoRole, type StoryState } from './support/demo.js';

interface Args {
  role: DemoRole;
  state: StoryState;
  /** Preset status filter (comma-separated). */
  status: string;
}

/**
 * Deal registrations with status, the protection countdown ("Expiring soon" near the end),
 * filters, sorting and pages. The backend scopes the list by role: an associate sees its own
 * registrations, a partner manager its partner's, a channel manager its partners' (with the
 * partner column). Row actions follow core's rules: submit a draft, withdraw, answer and
 * resubmit a returned one, request an extension, convert an approved one.
 */
const meta: Meta<Args> = {
  title: 'Shared/Deal registration list',
  component: 'prm-deal-registration-list',
  args: { role: 'partnerAssociate', state: 'ready', status: '' },
  argTypes: {
    role: { control: 'select', options: DEMO_ROLES },
    state: { control: 'inline-radio', options: STORY_STATES },
    status: { control: 'text' },
  },
  render: ({ role, state, status }) =>
    demo(
      html`<prm-deal-registration-list
        status=${ifDefined(status || undefined)}
      ></prm-deal-registration-list>`,
      { role, state },
    ),
};
export default meta;

type Story = StoryObj<Args>;

/** Chloe Diaz, an ABC associate: her own registrations — a draft to submit, a returned one to answer. */
export const PartnerAssociate: Story = {
  play: async ({ canvasElement }) => {
    const list = canvasElement.querySelector('prm-deal-registration-list');
    await waitFor(() => expect(list?.shadowRoot?.querySelector('table')).not.toBeNull());
  },
};

/** Ben Carter, ABC's partner manager: every ABC registration, with a protection window expiring soon. */
export const PartnerManager: Story = { args: { role: 'partnerManager' } };

/** Marcus Reyes, channel manager: the registrations of his partners, with their names. */
export const ChannelManager: Story = { args: { role: 'channelManager' } };

export const Loading: Story = { args: { state: 'loading' } };

/** Nothing registered yet. */
export const Empty: Story = { args: { state: 'empty' } };

/** The read failed: the error view with "Try again". */
export const Error: Story = { args: { state: 'error' } };
