import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, waitFor } from 'storybook/test';
import { demo } from '../support/demo.js';
import { HOSTILE, shadowOf } from './chart-data.js';

const TAG = 'prm-progress';

interface Args {
  label: string;
  value: number;
  max: number;
  formatAs: 'number' | 'percent' | 'money';
  currency: string;
}

const meta = {
  title: 'Shared/Charts/Progress',
  component: 'prm-progress',
  args: { label: 'Certified people', value: 3, max: 5, formatAs: 'number', currency: 'EUR' },
  argTypes: {
    formatAs: { control: 'inline-radio', options: ['number', 'percent', 'money'] },
  },
  render: ({ label, value, max, formatAs, currency }) =>
    demo(
      html`<prm-progress
        label=${label}
        value=${value}
        max=${max}
        format-as=${formatAs}
        currency=${currency}
      ></prm-progress>`,
    ),
} satisfies Meta<Args>;
export default meta;

type Story = StoryObj<Args>;

/** Towards a tier requirement. */
export const Ready: Story = {
  play: async ({ canvasElement }) => {
    await waitFor(() =>
      expect(
        shadowOf(canvasElement, TAG)
          .querySelector('[role="meter"]')
          ?.getAttribute('aria-valuetext'),
      ).toBe('3 of 5'),
    );
  },
};

/** Target reached: the `met` styling and "target met". */
export const Met: Story = {
  args: { label: 'Annual revenue', value: 5_200_000_00, max: 5_000_000_00, formatAs: 'money' },
};

export const Empty: Story = { args: { label: 'Deals registered', value: 0, max: 10 } };

export const HostileLabel: Story = { args: { label: HOSTILE } };

export const German: Story = {
  args: { label: 'Jahresumsatz', value: 1_234_567_89, max: 5_000_000_00, formatAs: 'money' },
  globals: { locale: 'de' },
};
