import type { Meta, StoryObj } from '@storybook/web-components-vite';
import '@prm-kit/elements/define/prm-deal-registration-detail.js';
import { html } from 'lit';
import { DEMO_ROLES, STORY_STATES, demo, type DemoRole, type StoryState } from './support/demo.js';

interface Args {
  role: DemoRole;
  state: StoryState;
  dealId: string;
}

/**
 * One deal registration: the record, its decision and protection window, its history, the
 * conversation with the partner (with a box to add a comment) and — for enterprise viewers
 * only — the internal work notes. `deal-2` is ABC Systems' Globex registration, under review,
 * with comments and a channel manager's work note.
 */
const meta: Meta<Args> = {
  title: 'Shared/Deal registration detail',
  component: 'prm-deal-registration-detail',
  args: { role: 'partnerAssociate', state: 'ready', dealId: 'deal-2' },
  argTypes: {
    role: { control: 'select', options: DEMO_ROLES },
    state: { control: 'inline-radio', options: STORY_STATES },
    dealId: { control: 'text' },
  },
  render: ({ role, state, dealId }) =>
    demo(html`<prm-deal-registration-detail deal-id=${dealId}></prm-deal-registration-detail>`, {
      role,
      state,
    }),
};
export default meta;

type Story = StoryObj<Args>;

/** Chloe Diaz, who registered it: history and comments; the work notes are not there. */
export const PartnerView: Story = {};

/** Marcus Reyes, ABC's channel manager: the same registration with the partner and the work notes. */
export const ChannelManagerView: Story = { args: { role: 'channelManager' } };

export const Loading: Story = { args: { state: 'loading' } };

/** The read failed: the error view with "Try again". */
export const Error: Story = { args: { state: 'error' } };
