import '@prm-kit/elements/define/all.js';
import manifest from '@prm-kit/elements/custom-elements.json' with { type: 'json' };
import {
  setCustomElementsManifest,
  type Decorator,
  type Preview,
} from '@storybook/web-components-vite';
import { html } from 'lit';
import { mswLoader } from 'msw-storybook-addon/csf3';
import { storyGlobals, storyMockWorker } from '../stories/support/demo.js';
import './preview.css';

// Storybook's docs (attributes, properties, events, parts, CSS properties) come from the
// manifest `pnpm --filter @prm-kit/elements analyze` writes.
setCustomElementsManifest(manifest);

/*
 * msw checks for a newer worker script on every page (`registration.update()`) without
 * awaiting it; when the browser is still installing the worker from the previous page, that
 * check rejects ("Failed to update a ServiceWorker … Not found") while the running worker
 * keeps serving. It is no error of the story: only that rejection is silenced.
 */
window.addEventListener('unhandledrejection', (event) => {
  const reason: unknown = event.reason;
  if (reason instanceof Error && reason.message.startsWith('Failed to update a ServiceWorker')) {
    event.preventDefault();
  }
});

/**
 * Hands the toolbar's locale and theme to `demo()` / `restDemo()` (the provider's `locale` and
 * `appearance.theme`) and sets the page's `color-scheme`, so the canvas matches the theme.
 * A story renders as the page's main content, under a (visually hidden) heading naming it.
 */
const storyRoot: Decorator = (story, context) => {
  const locale = typeof context.globals.locale === 'string' ? context.globals.locale : 'en';
  const theme = context.globals.theme === 'dark' ? 'dark' : 'light';
  storyGlobals.locale = locale;
  storyGlobals.theme = theme;
  // CSSOM, not a style attribute.
  document.documentElement.style.colorScheme = theme;
  if (context.viewMode === 'docs') return html`<div lang=${locale}>${story()}</div>`;
  return html`<main class="prm-story" lang=${locale}>
    <h1 class="prm-story-title">${context.title} — ${context.name}</h1>
    ${story()}
  </main>`;
};

const preview: Preview = {
  tags: ['autodocs'],
  decorators: [storyRoot],
  // One msw worker per page (the one `restDemo()` swaps backends on); stories may add handlers
  // with `beforeEach({ msw }) { msw.use(…) }`.
  loaders: [mswLoader(storyMockWorker)],
  globalTypes: {
    locale: {
      description: 'Locale of the prm-provider (messages, numbers, dates)',
      toolbar: {
        title: 'Locale',
        icon: 'globe',
        items: [
          { value: 'en', title: 'English' },
          { value: 'de', title: 'Deutsch' },
          { value: 'ja', title: '日本語' },
        ],
        dynamicTitle: true,
      },
    },
    theme: {
      description: 'Theme: the provider’s appearance.theme and the page’s color-scheme',
      toolbar: {
        title: 'Theme',
        icon: 'mirror',
        items: [
          { value: 'light', title: 'Light', icon: 'sun' },
          { value: 'dark', title: 'Dark', icon: 'moon' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { locale: 'en', theme: 'light' },
  parameters: {
    layout: 'padded',
    controls: { expanded: true },
    // Accessibility violations fail the story (in the a11y panel and in tests).
    a11y: { test: 'error' },
  },
};

export default preview;
