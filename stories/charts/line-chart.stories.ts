import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, waitFor } from 'storybook/test';
import { demo } from '../support/demo.js';
import { HOSTILE, daily, monthly, shadowOf } from './chart-data.js';

const TAG = 'prm-line-chart';

const meta = {
  title: 'Shared/Charts/Line chart',
  component: 'prm-line-chart',
  parameters: {
    docs: {
      description: {
        component:
          'Give it `data` in x order (`label` is the x category, such as `2026-03`); `area` fills under the line. One path however many points; Page Up / Page Down jump a tenth of them.',
      },
    },
  },
} satisfies Meta;
export default meta;

type Story = StoryObj;

/** Revenue per month, money in EUR minor units, with the area filled. */
export const Ready: Story = {
  render: () =>
    demo(
      html`<prm-line-chart
        label="Revenue per month"
        area
        format-as="money"
        currency="EUR"
        .data=${monthly(12, 4_000_000)}
      ></prm-line-chart>`,
    ),
  play: async ({ canvasElement }) => {
    await waitFor(() =>
      expect(shadowOf(canvasElement, TAG).querySelectorAll('path[part~="line"]')).toHaveLength(1),
    );
  },
};

/** 10 000 daily points: one path, x labels thinned to fit. */
export const TenThousandPoints: Story = {
  render: () =>
    demo(html`<prm-line-chart label="Deals per day" .data=${daily(10_000)}></prm-line-chart>`),
  play: async ({ canvasElement }) => {
    await waitFor(() =>
      expect(shadowOf(canvasElement, TAG).querySelectorAll('path[part~="line"]')).toHaveLength(1),
    );
  },
};

/** Win rate over time, as a percentage of a 0–1 fraction. */
export const Percent: Story = {
  render: () =>
    demo(
      html`<prm-line-chart
        label="Win rate"
        format-as="percent"
        .data=${monthly(18, 0.4).map((d) => ({ ...d, value: Math.min(1, d.value) }))}
      ></prm-line-chart>`,
    ),
};

export const Empty: Story = {
  render: () => demo(html`<prm-line-chart label="Revenue per month" .data=${[]}></prm-line-chart>`),
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(shadowOf(canvasElement, TAG).textContent).toContain('No data yet'));
  },
};

export const HostileLabels: Story = {
  render: () =>
    demo(
      html`<prm-line-chart
        label=${HOSTILE}
        .data=${[
          { key: 'a', label: HOSTILE, value: 1 },
          { key: 'b', label: HOSTILE, value: 3 },
        ]}
      ></prm-line-chart>`,
    ),
  play: async ({ canvasElement }) => {
    const root = shadowOf(canvasElement, TAG);
    await waitFor(() => expect(root.querySelector('[part~="label"]')?.textContent).toBe(HOSTILE));
    await expect(root.querySelector('img, script')).toBeNull();
  },
};

export const German: Story = { ...Ready, globals: { locale: 'de' } };
