import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, waitFor } from 'storybook/test';
import { demo } from '../support/demo.js';
import { HOSTILE, LONG_NAMES, PIPELINE, shadowOf } from './chart-data.js';

const TAG = 'prm-donut-chart';

const meta = {
  title: 'Shared/Charts/Donut chart',
  component: 'prm-donut-chart',
  parameters: {
    docs: {
      description: {
        component:
          'Give it `data` (`{ key, label, value }[]`): a slice per datum, the total in the centre and a legend with each value. With only zeros it says "No data yet".',
      },
    },
  },
} satisfies Meta;
export default meta;

type Story = StoryObj;

/** Segment mix: partners per segment. */
export const Ready: Story = {
  render: () =>
    demo(
      html`<prm-donut-chart
        label="Partners by segment"
        .data=${[
          { key: 'gold', label: 'Gold', value: 12 },
          { key: 'silver', label: 'Silver', value: 27 },
          { key: 'registered', label: 'Registered', value: 54 },
          { key: 'emea', label: 'EMEA', value: 18 },
        ]}
      ></prm-donut-chart>`,
    ),
  play: async ({ canvasElement }) => {
    await waitFor(() =>
      expect(shadowOf(canvasElement, TAG).querySelectorAll('path[part~="arc"]')).toHaveLength(4),
    );
  },
};

/** Money, with more slices than colours (the palette repeats) and long names. */
export const ManySlices: Story = {
  render: () =>
    demo(
      html`<prm-donut-chart
        label="Pipeline by partner"
        format-as="money"
        currency="EUR"
        .data=${[...PIPELINE, ...LONG_NAMES]}
      ></prm-donut-chart>`,
    ),
};

/** Every value zero: nothing to draw. */
export const Empty: Story = {
  render: () =>
    demo(
      html`<prm-donut-chart
        label="Partners by segment"
        .data=${[{ key: 'gold', label: 'Gold', value: 0 }]}
      ></prm-donut-chart>`,
    ),
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(shadowOf(canvasElement, TAG).textContent).toContain('No data yet'));
  },
};

export const HostileLabels: Story = {
  render: () =>
    demo(
      html`<prm-donut-chart
        label=${HOSTILE}
        .data=${[{ key: 'x', label: HOSTILE, value: 1 }]}
      ></prm-donut-chart>`,
    ),
  play: async ({ canvasElement }) => {
    const root = shadowOf(canvasElement, TAG);
    await waitFor(() =>
      expect(root.querySelector('[part~="legend"]')?.textContent).toContain(HOSTILE),
    );
    await expect(root.querySelector('img, script')).toBeNull();
  },
};

export const German: Story = { ...ManySlices, globals: { locale: 'de' } };
