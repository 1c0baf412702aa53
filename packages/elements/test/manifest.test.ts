/**
 * The custom elements manifest (`custom-elements.json`) is committed: Storybook's docs, IDEs
 * and wrapper generators read it. It must be what `pnpm analyze` makes of the current
 * source — regenerated here into a temporary folder and compared — and it must carry each
 * element's public contract from its class JSDoc.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';

interface Named {
  name: string;
  description?: string;
  fieldName?: string;
  privacy?: string;
  kind?: string;
}
interface Declaration {
  kind: string;
  name: string;
  tagName?: string;
  customElement?: boolean;
  summary?: string;
  attributes?: Named[];
  members?: Named[];
  events?: Named[];
  cssParts?: Named[];
  cssProperties?: Named[];
  slots?: Named[];
}
interface Manifest {
  modules: {
    path: string;
    declarations?: Declaration[];
    exports?: { kind: string; name: string; declaration: { name: string; module?: string } }[];
  }[];
}

const pkg = fileURLToPath(new URL('..', import.meta.url));
const REGENERATE = 'run `pnpm --filter @prm-kit/elements analyze` and commit custom-elements.json';

/** The `analyze` script's arguments, with its output folder swapped for `outdir`. */
function analyzeArgs(outdir: string): string[] {
  const { scripts } = JSON.parse(readFileSync(join(pkg, 'package.json'), 'utf8')) as {
    scripts: Record<string, string>;
  };
  const words = (scripts.analyze ?? '').match(/'[^']*'|"[^"]*"|\S+/g) ?? [];
  const args = words.map((word) => word.replace(/^(['"])(.*)\1$/, '$2'));
  assert.deepEqual(args.slice(0, 2), ['cem', 'analyze'], 'the analyze script runs `cem analyze`');
  const rest = args.slice(2);
  const at = rest.indexOf('--outdir');
  if (at >= 0) rest.splice(at, 2);
  // cem joins `--outdir` onto the working directory.
  return [...rest, '--outdir', relative(pkg, outdir), '--quiet'];
}

let tmp: string;
let generated: Manifest;
const committed = JSON.parse(readFileSync(join(pkg, 'custom-elements.json'), 'utf8')) as Manifest;

before(() => {
  tmp = mkdtempSync(join(tmpdir(), 'prm-manifest-'));
  const require = createRequire(import.meta.url);
  const analyzer = require.resolve('@custom-elements-manifest/analyzer/package.json');
  const run = spawnSync(
    process.execPath,
    [join(dirname(analyzer), 'cem.js'), 'analyze', ...analyzeArgs(tmp)],
    {
      cwd: pkg,
      encoding: 'utf8',
    },
  );
  assert.equal(run.status, 0, `cem analyze failed:\n${run.stdout}\n${run.stderr}`);
  generated = JSON.parse(readFileSync(join(tmp, 'custom-elements.json'), 'utf8')) as Manifest;
});

after(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

const elements = (manifest: Manifest): Map<string, Declaration> =>
  new Map(
    manifest.modules.flatMap((mod) =>
      (mod.declarations ?? []).flatMap((d) => (d.tagName ? [[d.tagName, d] as const] : [])),
    ),
  );

const names = (items: readonly Named[] | undefined) => (items ?? []).map((item) => item.name);

test('the committed manifest is what `pnpm analyze` generates from the source', () => {
  const byPath = (manifest: Manifest) => new Map(manifest.modules.map((mod) => [mod.path, mod]));
  const before = byPath(committed);
  const now = byPath(generated);
  const stale = [...new Set([...before.keys(), ...now.keys()])].filter(
    (path) => !isDeepStrictEqual(before.get(path), now.get(path)),
  );
  assert.deepEqual(stale, [], `custom-elements.json is stale for these modules: ${REGENERATE}`);
  assert.deepEqual(committed, generated, `custom-elements.json is stale: ${REGENERATE}`);
});

test('every tag registered in src/define/ is a documented element', () => {
  const tags = readdirSync(join(pkg, 'src/define'))
    .filter((file) => file.startsWith('prm-') && file.endsWith('.ts'))
    .map((file) => file.replace(/\.ts$/, ''));
  assert.ok(tags.includes('prm-segment-badge'));
  const documented = elements(generated);
  for (const tag of tags) {
    const element = documented.get(tag);
    assert.ok(element, `<${tag}> is not in the manifest`);
    assert.ok(element.summary?.trim(), `<${tag}> has no @summary`);
    const definition = generated.modules
      .find((mod) => mod.path === `src/define/${tag}.ts`)
      ?.exports?.find((entry) => entry.kind === 'custom-element-definition');
    assert.deepEqual(definition?.name, tag, `src/define/${tag}.ts defines <${tag}>`);
  }
  // The registration helper's own `customElements.define(tag, element)` names no tag.
  assert.ok(!documented.has('tag'));
});

test("the segment badge's class JSDoc and Lit properties reach the manifest", () => {
  const badge = elements(generated).get('prm-segment-badge');
  assert.ok(badge);
  assert.match(badge.summary ?? '', /segment/i);
  assert.deepEqual(names(badge.attributes), ['segment-id']);
  assert.equal(badge.attributes?.[0]?.fieldName, 'segmentId');
  const fields = names(badge.members?.filter((member) => member.kind === 'field'));
  assert.ok(fields.includes('segment') && fields.includes('segmentId'), fields.join(', '));
  assert.deepEqual(names(badge.cssParts), ['base', 'swatch', 'label']);
  assert.deepEqual(names(badge.cssProperties), ['--prm-segment-badge-radius']);
  assert.match(badge.cssProperties?.[0]?.description ?? '', /radius/i);
});

test('events, slots and the provider: what hosts use is documented', () => {
  const documented = elements(generated);
  const provider = documented.get('prm-provider');
  assert.ok(provider);
  assert.deepEqual(names(provider.attributes), ['locale']);
  const fields = names(provider.members);
  for (const field of ['adapter', 'locale', 'appearance']) assert.ok(fields.includes(field));
  assert.deepEqual(names(provider.slots), ['']);
  // Every event an element fires is a documented `prm-*` event (`@fires`), not a name the
  // analyzer guessed from a `dispatchEvent(new PrmXEvent(value))` call.
  const events = [...documented.values()].flatMap((element) =>
    (element.events ?? []).map((event) => ({ ...event, tag: element.tagName })),
  );
  assert.ok(events.length > 0, 'no element documents an event');
  for (const event of events) {
    assert.match(event.name, /^prm-[a-z-]+$/, `<${event.tag}> fires "${event.name}"`);
    assert.ok(event.description?.trim(), `<${event.tag}>: ${event.name} has no description`);
  }
});

test('private members and internal @state() stay out of the public API', () => {
  for (const mod of generated.modules) {
    const source = readFileSync(join(pkg, mod.path), 'utf8');
    const state = [...source.matchAll(/@state\(\)\s+accessor\s+(\w+)/g)].map((m) => m[1]);
    for (const element of mod.declarations ?? []) {
      if (!element.tagName) continue;
      for (const member of element.members ?? []) {
        assert.ok(
          member.privacy !== 'private' && !member.name.startsWith('#'),
          `<${element.tagName}> lists ${member.name}`,
        );
        assert.ok(!state.includes(member.name), `<${element.tagName}> lists @state ${member.name}`);
      }
    }
  }
});
