import type { Meta, StoryObj } from '@storybook/web-components-vite';
import '@prm-kit/elements/define/prm-case-detail.js';
import { html } from 'lit';
import { DEMO_ROLES, STORY_STATES, demo, type DemoRole, type StoryState } from './support/demo.js';

interface Args {
  role: DemoRole;
  state: StoryState;
  caseId: string;
}

/**
 * One support case: description, category, priority, status, SLA due times (and whether they
 * were breached), the conversation with a reply box, the status history and — for the
 * enterprise side only — internal work notes with their own box. `case-1` is ABC Systems'
 * licensing case raised by Chloe Diaz, awaiting the partner, with replies and a work note;
 * `case-4` is a resolved case a partner manager or admin may confirm or reopen.
 */
const meta: Meta<Args> = {
  title: 'Shared/Case detail',
  component: 'prm-case-detail',
  args: { role: 'partnerAssociate', state: 'ready', caseId: 'case-1' },
  argTypes: {
    role: { control: 'select', options: DEMO_ROLES },
    state: { control: 'inline-radio', options: STORY_STATES },
    caseId: { control: 'text' },
  },
  render: ({ role, state, caseId }) =>
    demo(html`<prm-case-detail case-id=${caseId}></prm-case-detail>`, { role, state }),
};
export default meta;

type Story = StoryObj<Args>;

/** Chloe Diaz, who raised it: the conversation and history; no work notes. */
export const PartnerView: Story = {};

/** Sofia Lindqvist, the assigned support agent: the partner, assignee, work notes and status moves. */
export const SupportAgentView: Story = { args: { role: 'supportAgent' } };

/** Alice Brennan on a resolved case: "Confirm resolution" and "Reopen". */
export const ResolvedPartnerView: Story = { args: { role: 'partnerAdmin', caseId: 'case-4' } };

export const Loading: Story = { args: { state: 'loading' } };

/** The read failed: the error view with "Try again". */
export const Error: Story = { args: { state: 'error' } };
