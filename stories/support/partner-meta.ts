/**
 * Controls and render of a component about one partner (`partner-id`, or the viewer's own):
 * the demo role, the state and the partner, rendered with `demo()`. Spread it into a meta
 * that names `title` and `component` itself (Storybook reads those statically).
 */
import type { Meta } from '@storybook/web-components-vite';
import { html } from 'lit';
import { DEMO_ROLES, STORY_STATES, demo, type DemoRole, type StoryState } from './demo.js';

export interface PartnerStoryArgs {
  role: DemoRole;
  state: StoryState;
  partnerId: string | undefined;
}

export function partnerControls(
  tag: keyof HTMLElementTagNameMap,
): Pick<Meta<PartnerStoryArgs>, 'args' | 'argTypes' | 'render'> {
  return {
    args: { role: 'partnerAdmin', state: 'ready', partnerId: undefined },
    argTypes: {
      role: { control: 'select', options: DEMO_ROLES },
      state: { control: 'inline-radio', options: STORY_STATES },
      partnerId: { name: 'partner-id', control: 'text' },
    },
    render: ({ role, state, partnerId }) => {
      const element = document.createElement(tag);
      if (partnerId) element.setAttribute('partner-id', partnerId);
      return demo(html`${element}`, { role, state });
    },
  };
}
