import { TOKENS, type TokenName } from '@prm-kit/elements';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, type TemplateResult } from 'lit';
import { ref } from 'lit/directives/ref.js';
import { demo, storyGlobals } from './support/demo.js';

type TokenArgs = Partial<Record<TokenName, string>>;

const TOKEN_NAMES = Object.keys(TOKENS) as TokenName[];

/** Sets each token that has a value on `element` (CSSOM: no style attribute), clears the rest. */
function applyTokens(element: Element | undefined, args: TokenArgs): void {
  if (!(element instanceof HTMLElement)) return;
  for (const name of TOKEN_NAMES) {
    const value = args[name]?.trim();
    if (value) element.style.setProperty(name, value);
    else element.style.removeProperty(name);
  }
}

/**
 * The components on one demo backend, kept across control changes (so tweaking a token does
 * not reload the data), and made again when the toolbar's locale or theme changes.
 */
let showcase: { key: string; content: TemplateResult } | undefined;
function components(): TemplateResult {
  const key = `${storyGlobals.locale}|${storyGlobals.theme}`;
  if (showcase?.key !== key) {
    showcase = {
      key,
      content: demo(html`
        <p>
          <prm-segment-badge segment-id="seg-tier-gold"></prm-segment-badge>
          <prm-segment-badge segment-id="seg-spec-security"></prm-segment-badge>
          <prm-segment-badge segment-id="seg-market-north-america"></prm-segment-badge>
          <prm-segment-badge segment-id="seg-custom-strategic"></prm-segment-badge>
        </p>
        <prm-partner-profile></prm-partner-profile>
        <prm-program-catalog></prm-program-catalog>
      `),
    };
  }
  return showcase.content;
}

/**
 * Every global `--prm-*` token as a control: the values are set as CSS custom properties on
 * a wrapper, and inherit through every element's shadow root. An empty control means the
 * default (light or dark, from the inherited `color-scheme`). Hosts set the same properties
 * in their own CSS, or pass the provider an `appearance` object.
 */
const meta = {
  title: 'Foundation/Theming',
  args: Object.fromEntries(TOKEN_NAMES.map((name) => [name, ''])) as TokenArgs,
  argTypes: Object.fromEntries(
    TOKEN_NAMES.map((name) => [
      name,
      {
        name,
        description: TOKENS[name],
        control: name.startsWith('--prm-color-') ? 'color' : 'text',
        table: { category: 'Tokens', type: { summary: 'CSS value' } },
      },
    ]),
  ),
  parameters: { controls: { sort: 'none' } },
  render: (args) =>
    html`<div class="prm-theming" ${ref((element) => applyTokens(element, args))}>
      ${components()}
    </div>`,
} satisfies Meta<TokenArgs>;
export default meta;

type Story = StoryObj<TokenArgs>;

/** The defaults: the page's font, GitHub-like neutrals and a blue accent. */
export const Defaults: Story = {};

/** The defaults in the dark: `color-scheme: dark` flips every token's default. */
export const Dark: Story = { globals: { theme: 'dark' } };

/** A host's brand: a serif font, violet accent, rounder corners, roomier spacing. */
export const Brand: Story = {
  args: {
    '--prm-font-family': 'Georgia, "Times New Roman", serif',
    '--prm-font-size': '0.95rem',
    '--prm-color-text': '#1e1b4b',
    '--prm-color-text-muted': '#4c4766',
    '--prm-color-surface': '#fdfcff',
    '--prm-color-surface-sunken': '#f3f0ff',
    '--prm-color-border': '#c4b5fd',
    '--prm-color-accent': '#6d28d9',
    '--prm-color-on-accent': '#ffffff',
    '--prm-color-danger': '#b91c1c',
    '--prm-color-success': '#166534',
    '--prm-color-warning': '#92400e',
    '--prm-space-unit': '5px',
    '--prm-radius': '12px',
    '--prm-focus-ring': '3px solid #6d28d9',
  },
};
