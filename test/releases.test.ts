// The release flow the README documents: `pnpm changeset version` on this workspace's own
// packages and changeset config bumps every @prm-kit package to one version (the fixed group)
// and writes their changelogs. Run on a copy of the package manifests, so the repo is untouched.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const changesetBin = createRequire(import.meta.url).resolve('@changesets/cli/bin.js');
const workspaces = ['packages', 'examples'].flatMap((dir) =>
  readdirSync(join(root, dir)).map((name) => `${dir}/${name}`),
);
const manifest = (dir: string, at = root) =>
  JSON.parse(readFileSync(join(at, dir, 'package.json'), 'utf8')) as {
    name: string;
    version: string;
    private?: boolean;
  };

let copy: string;

before(() => {
  copy = mkdtempSync(join(tmpdir(), 'prm-release-'));
  for (const file of ['package.json', 'pnpm-workspace.yaml'])
    cpSync(join(root, file), join(copy, file));
  cpSync(join(root, '.changeset/config.json'), join(copy, '.changeset/config.json'));
  for (const dir of workspaces) {
    if (existsSync(join(root, dir, 'package.json')))
      cpSync(join(root, dir, 'package.json'), join(copy, dir, 'package.json'));
  }
  writeFileSync(
    join(copy, '.changeset/new-chart.md'),
    "---\n'@prm-kit/elements': minor\n---\n\nA new chart element.\n",
  );
  const git = (...args: string[]) => spawnSync('git', args, { cwd: copy, encoding: 'utf8' });
  git('init', '-q');
  git('add', '.');
  git('-c', 'user.name=ci', '-c', 'user.email=ci@example.com', 'commit', '-qm', 'start');
});

after(() => rmSync(copy, { recursive: true, force: true }));

test('`changeset version` releases every @prm-kit package at one version, with changelogs', () => {
  const run = spawnSync(process.execPath, [changesetBin, 'version'], {
    cwd: copy,
    encoding: 'utf8',
  });
  assert.equal(run.status, 0, run.stderr);

  const before = manifest('packages/elements').version;
  const published = workspaces.filter(
    (dir) => existsSync(join(copy, dir, 'package.json')) && !manifest(dir, copy).private,
  );
  assert.ok(published.length >= 8, `published packages: ${published.join(', ')}`);
  const versions = new Set(published.map((dir) => manifest(dir, copy).version));
  assert.equal(versions.size, 1, `one version for all: ${[...versions].join(', ')}`);
  assert.notEqual([...versions][0], before, 'the version moved');

  const changelog = readFileSync(join(copy, 'packages/elements/CHANGELOG.md'), 'utf8');
  assert.match(changelog, /A new chart element\./);
  assert.ok(existsSync(join(copy, 'packages/core/CHANGELOG.md')), 'a fixed-group package too');
  assert.ok(!existsSync(join(copy, '.changeset/new-chart.md')), 'the changeset is consumed');
});
