// docs/elements.md is generated from the manifest and TOKENS: it must be what the generator
// makes of them now, or the reference lies about an element.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { DOCS_FILE, apiDocs } from '../scripts/api-docs.js';

test('docs/elements.md is up to date', async () => {
  assert.ok(
    readFileSync(DOCS_FILE, 'utf8') === (await apiDocs()),
    'docs/elements.md is stale: run `pnpm --filter @prm-kit/elements api-docs`.',
  );
});

test('documents every element, its events and the theme tokens', async () => {
  const docs = await apiDocs();
  for (const tag of ['prm-provider', 'prm-deal-registration-form', 'prm-partner-dashboard']) {
    assert.match(docs, new RegExp(`### \`<${tag}>\``));
  }
  assert.match(docs, /`prm-deal-submitted` \| `PrmDealSubmittedEvent`/);
  assert.match(docs, /`--prm-color-accent`/);
});
