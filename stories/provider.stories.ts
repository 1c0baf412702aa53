import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, waitFor } from 'storybook/test';
import { demo, restDemo } from './support/demo.js';

/** Text through nested shadow roots (collapsed whitespace). */
function deepText(node: Node | null): string {
  if (!node) return '';
  const parts: string[] = [];
  const walk = (current: Node) => {
    if (current.nodeType === Node.TEXT_NODE) parts.push(current.textContent ?? '');
    const shadow = (current as Element).shadowRoot;
    if (shadow) walk(shadow);
    for (const child of current.childNodes) walk(child);
  };
  walk(node);
  return parts.join('').replace(/\s+/g, ' ').trim();
}

const badges = html`<p class="badges">
  <prm-segment-badge segment-id="seg-tier-gold"></prm-segment-badge>
  <prm-segment-badge segment-id="seg-spec-cloud"></prm-segment-badge>
  <prm-segment-badge segment-id="seg-market-emea"></prm-segment-badge>
</p>`;

const meta = {
  title: 'Foundation/Provider',
  component: 'prm-provider',
  parameters: {
    docs: {
      description: {
        component:
          'Every prm element reads and writes through the nearest `<prm-provider>`: give it an `adapter` (adapter-local, adapter-rest or your own `PrmAdapter`), and optionally a `locale` and an `appearance`. Here the badges read their segments by id.',
      },
    },
  },
} satisfies Meta;
export default meta;

type Story = StoryObj;

/** Outside a provider, an element that needs data says so instead of failing silently. */
export const NotConnected: Story = {
  render: () => badges,
  play: async ({ canvasElement }) => {
    await expect(deepText(canvasElement.querySelector('.badges'))).toContain('Not connected');
  },
};

/** Inside a provider on the in-page demo backend (adapter-local), signed in as a partner admin. */
export const Connected: Story = {
  render: () => demo(badges),
  play: async ({ canvasElement }) => {
    await waitFor(() =>
      expect(deepText(canvasElement.querySelector('.badges'))).toBe(
        'Tier: Gold Specialization: Cloud specialists Market: Europe, Middle East & Africa',
      ),
    );
  },
};

/**
 * Inside a provider on `@prm-kit/adapter-rest` at `/api/prm`, answered in the browser by msw
 * with the reference backend (`@prm-kit/mocks`), signed in with a demo bearer token.
 */
export const ConnectedOverRest: Story = {
  name: 'Connected over REST (msw)',
  render: () => restDemo(badges, { role: 'channelManager' }),
  play: async ({ canvasElement }) => {
    await waitFor(
      () =>
        expect(deepText(canvasElement.querySelector('.badges'))).toContain(
          'Tier: Gold Specialization: Cloud',
        ),
      { timeout: 5000 },
    );
  },
};
