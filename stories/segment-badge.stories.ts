import { SEGMENT_KINDS, type Segment, type SegmentKind } from '@prm-kit/core';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, waitFor } from 'storybook/test';
import { demo } from './support/demo.js';

/** A segment as the backend would send it. */
const segment = (fields: Partial<Segment> = {}): Segment => ({
  id: 'seg-story',
  createdAt: '2026-01-05T09:00:00.000Z',
  updatedAt: '2026-01-05T09:00:00.000Z',
  version: 1,
  name: 'Gold',
  kind: 'tier',
  colour: '#b8860b',
  description: 'Partners at the Gold tier',
  rule: null,
  manualMemberIds: [],
  programLinks: [],
  ...fields,
});

const EXAMPLES: Record<SegmentKind, Segment> = {
  tier: segment({ id: 'seg-a', name: 'Gold', kind: 'tier', colour: '#b8860b' }),
  specialization: segment({
    id: 'seg-b',
    name: 'Cloud specialists',
    kind: 'specialization',
    colour: '#0a7ea4',
    description: 'Certified on the cloud platform',
  }),
  market: segment({
    id: 'seg-c',
    name: 'Europe, Middle East & Africa',
    kind: 'market',
    colour: '#7a3db8',
    description: 'Partners selling in EMEA',
  }),
  custom: segment({
    id: 'seg-d',
    name: 'Strategic partners',
    kind: 'custom',
    colour: '#c2410c',
    description: 'Named by the channel team',
  }),
};

/** Payloads that would run script or inject markup if rendered as HTML. */
const HOSTILE = `<img src=x onerror="window.__prmPwned=true"><script>window.__prmPwned=true</script>`;

const badgeIn = (canvas: HTMLElement) => {
  const badge = canvas.querySelector('prm-segment-badge');
  if (!badge?.shadowRoot) throw new Error('no <prm-segment-badge> rendered');
  return badge.shadowRoot;
};

/** The text a person sees in the badge (collapsed whitespace). */
const badgeText = (canvas: HTMLElement) =>
  (badgeIn(canvas).textContent ?? '').replace(/\s+/g, ' ').trim();

interface BadgeArgs {
  name: string;
  kind: SegmentKind;
  colour: string;
  description: string;
}

const meta = {
  title: 'Shared/Segment badge',
  component: 'prm-segment-badge',
  parameters: {
    docs: {
      description: {
        component:
          'Give it a `segment` object (from a list the host already has), or a `segment-id` to read it through the provider.',
      },
    },
  },
} satisfies Meta;
export default meta;

type Story = StoryObj;

/** One badge per segment kind; the kind is announced to screen readers before the name. */
export const EveryKind: Story = {
  render: () =>
    html`<p>
      ${SEGMENT_KINDS.map(
        (kind) => html`<prm-segment-badge .segment=${EXAMPLES[kind]}></prm-segment-badge> `,
      )}
    </p>`,
  play: async ({ canvasElement }) => {
    const badges = canvasElement.querySelectorAll('prm-segment-badge');
    await expect(badges).toHaveLength(SEGMENT_KINDS.length);
    await expect(badges[0]?.shadowRoot?.textContent).toContain('Tier');
  },
};

/** A segment object, edited live with the controls. No provider needed. */
export const FromObject: StoryObj<BadgeArgs> = {
  args: {
    name: 'Security specialists',
    kind: 'specialization',
    colour: '#1a7f37',
    description: 'Certified on the security portfolio',
  },
  argTypes: {
    name: { control: 'text', description: 'The segment’s name' },
    kind: { control: 'inline-radio', options: SEGMENT_KINDS, description: 'The segment’s kind' },
    colour: { control: 'color', description: 'The swatch colour (#rrggbb)' },
    description: { control: 'text', description: 'Shown as the badge’s title (tooltip)' },
  },
  render: ({ name, kind, colour, description }) =>
    html`<prm-segment-badge
      .segment=${segment({ name, kind, colour, description })}
    ></prm-segment-badge>`,
  play: async ({ canvasElement, args }) => {
    await expect(badgeText(canvasElement)).toContain(args.name);
  },
};

/** `segment-id`: read through the provider from the demo backend. */
export const ById: Story = {
  render: () => demo(html`<prm-segment-badge segment-id="seg-tier-gold"></prm-segment-badge>`),
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(badgeText(canvasElement)).toBe('Tier: Gold'));
  },
};

/** Reading the segment takes a while. */
export const ByIdLoading: Story = {
  name: 'By id: Loading',
  render: () =>
    demo(html`<prm-segment-badge segment-id="seg-tier-gold"></prm-segment-badge>`, {
      state: 'loading',
    }),
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(badgeText(canvasElement)).toBe('Loading…'));
  },
};

/** Reading the segment failed: the reason, and a retry. */
export const ByIdError: Story = {
  name: 'By id: Error',
  render: () =>
    demo(html`<prm-segment-badge segment-id="seg-tier-gold"></prm-segment-badge>`, {
      state: 'error',
    }),
  play: async ({ canvasElement }) => {
    await waitFor(() =>
      expect(badgeIn(canvasElement).querySelector('button')?.textContent?.trim()).toBe('Try again'),
    );
  },
};

/** A name and description full of markup render as text: nothing is parsed, nothing runs. */
export const HostileName: Story = {
  render: () =>
    html`<prm-segment-badge
      .segment=${segment({ name: HOSTILE, description: HOSTILE, kind: 'custom' })}
    ></prm-segment-badge>`,
  play: async ({ canvasElement }) => {
    const root = badgeIn(canvasElement);
    await expect(root.querySelector('[part="label"]')?.textContent).toContain(HOSTILE);
    await expect(root.querySelector('img, script')).toBeNull();
    await expect((window as { __prmPwned?: boolean }).__prmPwned).toBeUndefined();
  },
};
