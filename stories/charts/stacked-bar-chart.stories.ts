import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, waitFor } from 'storybook/test';
import { demo } from '../support/demo.js';
import { DEALS_BY_MONTH, DEAL_STATUS_SERIES, HOSTILE, LONG_NAMES, shadowOf } from './chart-data.js';

const TAG = 'prm-stacked-bar-chart';

const meta = {
  title: 'Shared/Charts/Stacked bar chart',
  component: 'prm-stacked-bar-chart',
  parameters: {
    docs: {
      description: {
        component:
          'Give it `series` (`{ key, label }[]`) and `data` (`{ key, label, values }[]`, one value per series in order). The table has a column per series and the total.',
      },
    },
  },
} satisfies Meta;
export default meta;

type Story = StoryObj;

/** Deal registrations per month by status. */
export const Ready: Story = {
  render: () =>
    demo(
      html`<prm-stacked-bar-chart
        label="Deal registrations by month"
        .series=${DEAL_STATUS_SERIES}
        .data=${DEALS_BY_MONTH}
      ></prm-stacked-bar-chart>`,
    ),
  play: async ({ canvasElement }) => {
    await waitFor(() =>
      expect(shadowOf(canvasElement, TAG).querySelectorAll('rect[part~="bar"]')).toHaveLength(
        DEALS_BY_MONTH.length * DEAL_STATUS_SERIES.length,
      ),
    );
  },
};

/** Cases by partner and priority, horizontal for the long names; seven series reuse the palette. */
export const HorizontalManySeries: Story = {
  render: () => {
    const series = ['Low', 'Normal', 'High', 'Urgent', 'Critical', 'Blocker', 'Other'].map(
      (label) => ({ key: label.toLowerCase(), label }),
    );
    const data = LONG_NAMES.map((row, r) => ({
      key: row.key,
      label: row.label,
      values: series.map((_, s) => ((r + 1) * (s + 2)) % 7),
    }));
    return demo(
      html`<prm-stacked-bar-chart
        label="Open cases by partner and priority"
        orientation="horizontal"
        .series=${series}
        .data=${data}
      ></prm-stacked-bar-chart>`,
    );
  },
};

export const Empty: Story = {
  render: () =>
    demo(
      html`<prm-stacked-bar-chart
        label="Deal registrations by month"
        .series=${DEAL_STATUS_SERIES}
        .data=${[]}
      ></prm-stacked-bar-chart>`,
    ),
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(shadowOf(canvasElement, TAG).textContent).toContain('No data yet'));
  },
};

/** Series and category names full of markup render as text. */
export const HostileLabels: Story = {
  render: () =>
    demo(
      html`<prm-stacked-bar-chart
        label=${HOSTILE}
        .series=${[{ key: 'x', label: HOSTILE }]}
        .data=${[{ key: 'y', label: HOSTILE, values: [2] }]}
      ></prm-stacked-bar-chart>`,
    ),
  play: async ({ canvasElement }) => {
    const root = shadowOf(canvasElement, TAG);
    await waitFor(() =>
      expect(root.querySelector('[part~="legend"]')?.textContent).toContain(HOSTILE),
    );
    await expect(root.querySelector('img, script')).toBeNull();
  },
};

export const German: Story = { ...Ready, globals: { locale: 'de' } };
