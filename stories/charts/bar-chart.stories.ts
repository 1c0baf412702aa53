import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, waitFor } from 'storybook/test';
import { demo } from '../support/demo.js';
import { HOSTILE, LONG_NAMES, PIPELINE, monthly, shadowOf } from './chart-data.js';

const TAG = 'prm-bar-chart';

const meta = {
  title: 'Shared/Charts/Bar chart',
  component: 'prm-bar-chart',
  parameters: {
    docs: {
      description: {
        component:
          'Give it `data` (`{ key, label, value }[]`) and a `label`. Values format as `format-as` says (money in minor units with `currency`), in the provider’s locale (switch the toolbar’s locale). Focus the plot and use the arrow keys; "Show table" shows the same numbers.',
      },
    },
  },
} satisfies Meta;
export default meta;

type Story = StoryObj;

/** Pipeline by partner, money in EUR minor units. */
export const Ready: Story = {
  render: () =>
    demo(
      html`<prm-bar-chart
        label="Pipeline by partner"
        format-as="money"
        currency="EUR"
        .data=${PIPELINE}
      ></prm-bar-chart>`,
    ),
  play: async ({ canvasElement }) => {
    await waitFor(() =>
      expect(shadowOf(canvasElement, TAG).querySelectorAll('rect[part~="bar"]')).toHaveLength(
        PIPELINE.length,
      ),
    );
  },
};

/** Horizontal bars suit long partner names: cut on the axis, whole in the tooltip and table. */
export const HorizontalLongNames: Story = {
  render: () =>
    demo(
      html`<prm-bar-chart
        label="Pipeline by partner"
        orientation="horizontal"
        format-as="money"
        currency="EUR"
        .data=${LONG_NAMES}
      ></prm-bar-chart>`,
    ),
};

/** Three years of months: the x labels thin out to fit. */
export const ManyBars: Story = {
  render: () =>
    demo(html`<prm-bar-chart label="Deals per month" .data=${monthly(36, 40)}></prm-bar-chart>`),
};

/** No rows yet: the label stays, a message replaces the plot. */
export const Empty: Story = {
  render: () => demo(html`<prm-bar-chart label="Pipeline by partner" .data=${[]}></prm-bar-chart>`),
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(shadowOf(canvasElement, TAG).textContent).toContain('No data yet'));
  },
};

/** Labels full of markup render as text: nothing is parsed, nothing runs. */
export const HostileLabels: Story = {
  render: () =>
    demo(
      html`<prm-bar-chart
        label=${HOSTILE}
        orientation="horizontal"
        .data=${[{ key: 'x', label: HOSTILE, value: 3 }]}
      ></prm-bar-chart>`,
    ),
  play: async ({ canvasElement }) => {
    const root = shadowOf(canvasElement, TAG);
    await waitFor(() => expect(root.querySelector('[part~="label"]')?.textContent).toBe(HOSTILE));
    await expect(root.querySelector('img, script')).toBeNull();
    await expect((window as { __prmPwned?: boolean }).__prmPwned).toBeUndefined();
  },
};

/** In German: `1.234,56 €` in tooltips, the table and the axis. */
export const German: Story = {
  ...Ready,
  globals: { locale: 'de' },
};
