/**
 * @prm-kit/embed — prm-kit from one script tag. Loading this module defines `<prm-provider>`,
 * connects every provider that names its adapter in attributes (`adapter="demo"`,
 * `adapter="rest" base-url="…"`), and defines every other prm element the first time its tag
 * appears in the page, loading only that element's code.
 */
import '@prm-kit/elements/define/prm-provider.js';
import type { PrmProvider } from '@prm-kit/elements';
import elements from 'prm-kit:elements';
import { CONFIG_ATTRIBUTES, configure } from './configure.js';

export type { PrmTokenRequestEvent } from './token.js';

const LAZY = Object.keys(elements).join(',');
const CONFIGURED = 'prm-provider[adapter]';
const requested = new Set<string>();

function define(tag: string): void {
  const load = elements[tag];
  if (!load || requested.has(tag) || customElements.get(tag)) return;
  requested.add(tag);
  load().catch((error: unknown) => {
    // Asked for again the next time the tag appears (a dropped connection, a redeploy).
    requested.delete(tag);
    console.error(`prm-kit: could not load <${tag}>.`, error);
  });
}

/** Connects the configured providers and defines the prm tags at and under `root`. */
function visit(root: Element | Document | ShadowRoot): void {
  const matches = (selector: string) => [
    ...(root instanceof Element && root.matches(selector) ? [root] : []),
    ...root.querySelectorAll(selector),
  ];
  // Providers first: an element that loads after this sees a connecting provider, never none.
  for (const provider of matches(CONFIGURED)) configure(provider as PrmProvider);
  for (const element of matches(LAZY)) define(element.localName);
}

/**
 * Watches `root` for prm tags and provider attributes, as prm-kit does for the document.
 * Call it for your own shadow roots that contain prm elements; elements inside prm elements'
 * shadow roots need nothing (their parent loads them).
 */
export function observe(root: Document | ShadowRoot): void {
  visit(root);
  new MutationObserver((records) => {
    for (const record of records) {
      if (record.type === 'attributes') {
        if (record.target instanceof Element && record.target.localName === 'prm-provider')
          configure(record.target as PrmProvider);
        continue;
      }
      for (const node of record.addedNodes) if (node instanceof Element) visit(node);
    }
  }).observe(root, {
    childList: true,
    subtree: true,
    attributes: true,
    attributeFilter: [...CONFIG_ATTRIBUTES],
  });
}

observe(document);
