/**
 * Design tokens. Hosts theme prm-kit with `--prm-*` custom properties on any ancestor (they
 * inherit through shadow roots), or with the provider's `appearance` object. Each token
 * has a light and a dark default chosen by the inherited `color-scheme`, and the font is the
 * host's own unless `--prm-font-family` says otherwise.
 */
import { css } from 'lit';

/** Every global token, with what it styles: the theming story and the docs list these. */
export const TOKENS = {
  '--prm-font-family': 'Font of every element (default: inherited from the page)',
  '--prm-font-size': 'Base text size (default 0.875rem)',
  '--prm-color-text': 'Body text',
  '--prm-color-text-muted': 'Hints, labels and secondary text',
  '--prm-color-surface': 'Background of panels, tables and dialogs',
  '--prm-color-surface-sunken': 'Background of headers and empty states',
  '--prm-color-border': 'Borders and dividers',
  '--prm-color-accent': 'Primary buttons, links and selection',
  '--prm-color-on-accent': 'Text on the accent colour',
  '--prm-color-danger': 'Errors and destructive actions',
  '--prm-color-success': 'Positive states',
  '--prm-color-warning': 'States that need attention',
  '--prm-space-unit': 'Spacing step; paddings and gaps are multiples (default 4px)',
  '--prm-radius': 'Corner radius of fields, buttons and panels (default 6px)',
  '--prm-focus-ring': 'Outline of the focused control',
  '--prm-chart-1': 'First chart series or category (default: the accent colour)',
  '--prm-chart-2': 'Second chart series or category',
  '--prm-chart-3': 'Third chart series or category',
  '--prm-chart-4': 'Fourth chart series or category',
  '--prm-chart-5': 'Fifth chart series or category',
  '--prm-chart-6': 'Sixth chart series or category (the seventh starts again at the first)',
} as const;
export type TokenName = keyof typeof TOKENS;

/**
 * Private copies (`--_*`) resolve each token once, with its default; styles use only these.
 */
export const tokenStyles = css`
  :host {
    --_font: var(--prm-font-family, inherit);
    --_text: var(--prm-color-text, light-dark(#1f2328, #e6edf3));
    --_muted: var(--prm-color-text-muted, light-dark(#57606a, #9ea7b3));
    --_surface: var(--prm-color-surface, light-dark(#ffffff, #161b22));
    --_sunken: var(--prm-color-surface-sunken, light-dark(#f6f8fa, #0d1117));
    --_border: var(--prm-color-border, light-dark(#d0d7de, #3d444d));
    --_accent: var(--prm-color-accent, light-dark(#0a5ec2, #4493f8));
    --_on-accent: var(--prm-color-on-accent, light-dark(#ffffff, #0d1117));
    --_danger: var(--prm-color-danger, light-dark(#b42318, #ff7b72));
    --_success: var(--prm-color-success, light-dark(#1a7f37, #56d364));
    --_warning: var(--prm-color-warning, light-dark(#8a5300, #e3b341));
    --_unit: var(--prm-space-unit, 4px);
    --_radius: var(--prm-radius, 6px);
    --_focus: var(--prm-focus-ring, 2px solid var(--_accent));
    --_size: var(--prm-font-size, 0.875rem);
    /* Chart palette: at least 3:1 against the surface in both schemes (WCAG non-text contrast). */
    --_chart-1: var(--prm-chart-1, var(--_accent));
    --_chart-2: var(--prm-chart-2, light-dark(#b35c00, #f0883e));
    --_chart-3: var(--prm-chart-3, light-dark(#1a7f37, #56d364));
    --_chart-4: var(--prm-chart-4, light-dark(#8250df, #bc8cff));
    --_chart-5: var(--prm-chart-5, light-dark(#bf3989, #f778ba));
    --_chart-6: var(--prm-chart-6, light-dark(#0e7c86, #39c5cf));

    font-family: var(--_font);
    font-size: var(--_size);
    line-height: 1.45;
    color: var(--_text);
  }
`;

/** The provider's `appearance`: Stripe-style theme and variables for hosts that prefer JS. */
export interface Appearance {
  /** `auto` follows the page's `color-scheme` / the system; default `auto`. */
  theme?: 'light' | 'dark' | 'auto';
  variables?: AppearanceVariables;
}

export interface AppearanceVariables {
  fontFamily?: string;
  fontSize?: string;
  colorText?: string;
  colorTextMuted?: string;
  colorBackground?: string;
  colorBackgroundSunken?: string;
  colorBorder?: string;
  colorPrimary?: string;
  colorOnPrimary?: string;
  colorDanger?: string;
  colorSuccess?: string;
  colorWarning?: string;
  spacingUnit?: string;
  borderRadius?: string;
  focusRing?: string;
}

const VARIABLE_TOKENS: Record<keyof AppearanceVariables, TokenName> = {
  fontFamily: '--prm-font-family',
  fontSize: '--prm-font-size',
  colorText: '--prm-color-text',
  colorTextMuted: '--prm-color-text-muted',
  colorBackground: '--prm-color-surface',
  colorBackgroundSunken: '--prm-color-surface-sunken',
  colorBorder: '--prm-color-border',
  colorPrimary: '--prm-color-accent',
  colorOnPrimary: '--prm-color-on-accent',
  colorDanger: '--prm-color-danger',
  colorSuccess: '--prm-color-success',
  colorWarning: '--prm-color-warning',
  spacingUnit: '--prm-space-unit',
  borderRadius: '--prm-radius',
  focusRing: '--prm-focus-ring',
};

/**
 * The CSS declarations an appearance stands for. Values that could break out of a
 * declaration (`;`, braces) are dropped rather than applied.
 */
export function appearanceDeclarations(appearance: Appearance | undefined): Map<string, string> {
  const declarations = new Map<string, string>();
  const theme = appearance?.theme ?? 'auto';
  if (theme !== 'auto') declarations.set('color-scheme', theme);
  for (const [name, value] of Object.entries(appearance?.variables ?? {})) {
    const token = VARIABLE_TOKENS[name as keyof AppearanceVariables] as TokenName | undefined;
    if (token && typeof value === 'string' && !/[;{}]/.test(value)) declarations.set(token, value);
  }
  return declarations;
}
