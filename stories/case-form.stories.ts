import type { Meta, StoryObj } from '@storybook/web-components-vite';
import '@prm-kit/elements/define/prm-case-form.js';
import { html } from 'lit';
import { expect, waitFor } from 'storybook/test';
import { DEMO_ROLES, STORY_STATES, demo, type DemoRole, type StoryState } from './support/demo.js';

interface Args {
  role: DemoRole;
  state: StoryState;
}

/**
 * A partner raises a support case: category, priority (a hint says what critical means),
 * subject, description and, optionally, the deal registration, program or order it is about
 * (orders only for viewers who may read them). The draft survives a reload; a retried or
 * double-clicked submit raises the case once; afterwards the case number, status, priority and
 * the first-response due time show.
 */
const meta: Meta<Args> = {
  title: 'Partner/Case form',
  component: 'prm-case-form',
  args: { role: 'partnerAssociate', state: 'ready' },
  argTypes: {
    role: { control: 'select', options: DEMO_ROLES },
    state: { control: 'inline-radio', options: STORY_STATES },
  },
  render: ({ role, state }) => demo(html`<prm-case-form></prm-case-form>`, { role, state }),
};
export default meta;
type Story = StoryObj<Args>;

/** Chloe Diaz, a partner associate at ABC Systems: her own deal registrations and the programs. */
export const PartnerAssociate: Story = {
  play: async ({ canvasElement }) => {
    const form = canvasElement.querySelector('prm-case-form');
    await waitFor(() => expect(form?.shadowRoot?.querySelector('form')).not.toBeNull());
  },
};

/** Alice Brennan, ABC Systems' partner admin: the company's orders are offered too. */
export const PartnerAdmin: Story = { args: { role: 'partnerAdmin' } };

export const Loading: Story = { args: { state: 'loading' } };

/** The reads failed: the error view with "Try again". */
export const Error: Story = { args: { state: 'error' } };

/** An enterprise viewer without a partner named: raising a case is a partner action. */
export const EnterpriseViewer: Story = { args: { role: 'enterpriseAdmin' } };
