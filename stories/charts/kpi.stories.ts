import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, waitFor } from 'storybook/test';
import { demo } from '../support/demo.js';
import { HOSTILE, shadowOf } from './chart-data.js';

const TAG = 'prm-kpi';

const meta = {
  title: 'Shared/Charts/KPI',
  component: 'prm-kpi',
  parameters: {
    docs: {
      description: {
        component:
          'A key figure tile: `label`, `value` (absent or empty shows "—"), `format-as`/`currency`, `hint`, `tone` and an optional `trend` sparkline.',
      },
    },
  },
} satisfies Meta;
export default meta;

type Story = StoryObj;

/** A dashboard's row of tiles, in every tone. */
export const Ready: Story = {
  render: () =>
    demo(
      html`<div>
        <prm-kpi
          label="Pipeline"
          value="1245000000"
          format-as="money"
          currency="EUR"
          hint="12 open opportunities"
          .trend=${[8, 9, 9.5, 11, 12.45]}
        ></prm-kpi>
        <prm-kpi label="Win rate" value="0.425" format-as="percent" tone="success"></prm-kpi>
        <prm-kpi label="Approvals waiting" value="7" tone="warning" hint="2 past due"></prm-kpi>
        <prm-kpi label="Breached cases" value="3" tone="danger" .trend=${[0, 1, 1, 2, 3]}></prm-kpi>
      </div>`,
    ),
  play: async ({ canvasElement }) => {
    await waitFor(() =>
      expect(shadowOf(canvasElement, TAG).querySelector('[part~="value"]')?.textContent).toContain(
        '12,450,000.00',
      ),
    );
  },
};

/** Not known yet (no deal closed): "—", never 0. */
export const Empty: Story = {
  render: () =>
    demo(html`<prm-kpi label="Win rate" format-as="percent" hint="No deal closed yet"></prm-kpi>`),
  play: async ({ canvasElement }) => {
    await waitFor(() =>
      expect(shadowOf(canvasElement, TAG).querySelector('[part~="value"]')?.textContent).toContain(
        '—',
      ),
    );
  },
};

export const HostileLabel: Story = {
  render: () => demo(html`<prm-kpi label=${HOSTILE} hint=${HOSTILE} value="1"></prm-kpi>`),
  play: async ({ canvasElement }) => {
    const root = shadowOf(canvasElement, TAG);
    await waitFor(() => expect(root.querySelector('[part~="label"]')?.textContent).toBe(HOSTILE));
    await expect(root.querySelector('img, script')).toBeNull();
  },
};

export const German: Story = { ...Ready, play: undefined, globals: { locale: 'de' } };
