/**
 * Writes `openapi.json`, the REST contract's OpenAPI document, from the route table and the
 * core schemas. Run with `pnpm --filter @prm-kit/core generate:openapi`; a test fails while
 * the committed file is stale.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { openApiJson } from '../src/rest/openapi.js';

const root = new URL('../', import.meta.url);
const { version } = JSON.parse(await readFile(new URL('package.json', root), 'utf8')) as {
  version: string;
};
await writeFile(new URL('openapi.json', root), openApiJson({ version }));
console.log(`Wrote packages/core/openapi.json (version ${version}).`);
