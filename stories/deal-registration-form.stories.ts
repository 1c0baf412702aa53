import type { Meta, StoryObj } from '@storybook/web-components-vite';
import '@prm-kit/elements/define/prm-deal-registration-form.js';
import { html } from 'lit';
import { expect, waitFor } from 'storybook/test';
import { DEMO_ROLES, STORY_STATES, demo, type DemoRole, type StoryState } from './support/demo.js';

interface Args {
  role: DemoRole;
  state: StoryState;
}

/**
 * A partner registers a deal: program (only those its company is an active member of with
 * deal registration on), deal type, customer, products with quantities, estimated value and
 * close date. A live pre-check warns when another partner already claims the customer without
 * saying who (try "Globex Corporation" with the XYZ Firewall 5000: Northwind and ABC itself both
 * claim it); the draft survives a reload; a retried or double-clicked submit registers once.
 */
const meta: Meta<Args> = {
  title: 'Partner/Deal registration form',
  component: 'prm-deal-registration-form',
  args: { role: 'partnerAssociate', state: 'ready' },
  argTypes: {
    role: { control: 'select', options: DEMO_ROLES },
    state: { control: 'inline-radio', options: STORY_STATES },
  },
  render: ({ role, state }) =>
    demo(html`<prm-deal-registration-form></prm-deal-registration-form>`, { role, state }),
};
export default meta;
type Story = StoryObj<Args>;

/** Chloe Diaz, a partner associate at ABC Systems: she may register deals. */
export const PartnerAssociate: Story = {
  play: async ({ canvasElement }) => {
    const form = canvasElement.querySelector('prm-deal-registration-form');
    await waitFor(() => expect(form?.shadowRoot?.querySelector('form')).not.toBeNull());
  },
};

/** Alice Brennan, ABC Systems' partner admin. */
export const PartnerAdmin: Story = { args: { role: 'partnerAdmin' } };

export const Loading: Story = { args: { state: 'loading' } };

/** The reads failed: the error view with "Try again". */
export const Error: Story = { args: { state: 'error' } };

/** No active membership with deal registration: "Your company is not in a program with deal registration yet". */
export const Empty: Story = { args: { state: 'empty' } };

/** An enterprise viewer: deal registration is a partner action. */
export const EnterpriseViewer: Story = { args: { role: 'enterpriseAdmin' } };
