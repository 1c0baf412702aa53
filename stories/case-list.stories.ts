import type { Meta, StoryObj } from '@storybook/web-components-vite';
import '@prm-kit/elements/define/prm-case-list.js';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { DEMO_ROLES, STORY_STATES, demo, type DemoRole, type StoryState } from './support/demo.js';

interface Args {
  role: DemoRole;
  state: StoryState;
  /** Preset status filter. */
  status: string;
  breached: boolean;
}

/**
 * Support cases with priority, status, the next SLA due time and a "Breached" pill (core's
 * `isCaseBreached`), filters and pages. The backend scopes the list by role: an associate sees
 * the cases it raised, a partner manager or admin its partner's, a support agent the queue (with
 * the partner column). Choosing a number opens the case below the table.
 */
const meta: Meta<Args> = {
  title: 'Shared/Case list',
  component: 'prm-case-list',
  args: { role: 'partnerAssociate', state: 'ready', status: '', breached: false },
  argTypes: {
    role: { control: 'select', options: DEMO_ROLES },
    state: { control: 'inline-radio', options: STORY_STATES },
    status: { control: 'text' },
    breached: { control: 'boolean' },
  },
  render: ({ role, state, status, breached }) =>
    demo(
      html`<prm-case-list
        status=${ifDefined(status || undefined)}
        ?breached=${breached}
      ></prm-case-list>`,
      { role, state },
    ),
};
export default meta;

type Story = StoryObj<Args>;

/** Chloe Diaz: only the cases she raised. */
export const PartnerAssociate: Story = {};

/** Alice Brennan: every case of ABC Systems. */
export const PartnerAdmin: Story = { args: { role: 'partnerAdmin' } };

/** Sofia Lindqvist: the support queue, with each case's partner. */
export const SupportAgent: Story = { args: { role: 'supportAgent' } };

export const Loading: Story = { args: { state: 'loading' } };

/** Nothing to show: "No cases yet." */
export const Empty: Story = { args: { state: 'empty' } };

/** The read failed: the error view with "Try again". */
export const Error: Story = { args: { state: 'error' } };
