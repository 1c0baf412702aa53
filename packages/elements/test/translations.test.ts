// Every message the elements show exists in German and Japanese, and the committed locale
// modules are what `lit-localize build` makes of the committed translations.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';

const pkg = fileURLToPath(new URL('..', import.meta.url));
const cli = join(pkg, 'node_modules/@lit/localize-tools/bin/lit-localize.js');
const tmp = mkdtempSync(join(tmpdir(), 'prm-localize-'));
after(() => rmSync(tmp, { recursive: true, force: true }));

const config = JSON.parse(readFileSync(join(pkg, 'lit-localize.json'), 'utf8')) as {
  output: { outputDir: string; localeCodesModule: string };
  interchange: { xliffDir: string };
  tsConfig: string;
  inputFiles: string[];
};

/** Runs lit-localize with the package's config, writing into `dir` instead of the package. */
function run(command: 'extract' | 'build', dir: string): void {
  const file = join(dir, 'lit-localize.json');
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    file,
    JSON.stringify({
      ...config,
      tsConfig: join(pkg, config.tsConfig),
      inputFiles: config.inputFiles.map((glob) => join(pkg, glob)),
      output: {
        ...config.output,
        outputDir: join(dir, 'locales'),
        localeCodesModule: join(dir, 'locales/locale-codes.ts'),
      },
      interchange: { ...config.interchange, xliffDir: join(dir, 'xliff') },
    }),
  );
  execFileSync(process.execPath, [cli, command, `--config=${file}`], { cwd: dir, stdio: 'pipe' });
}

interface Unit {
  id: string;
  source: string;
  target: string | undefined;
}

function units(xliff: string): Unit[] {
  return [...xliff.matchAll(/<trans-unit id="([^"]+)">([\s\S]*?)<\/trans-unit>/g)].map(
    ([, id, body]) => ({
      id: id!,
      source: /<source>([\s\S]*?)<\/source>/.exec(body!)?.[1] ?? '',
      target: /<target>([\s\S]*?)<\/target>/.exec(body!)?.[1],
    }),
  );
}

const committed = (locale: string) =>
  units(readFileSync(join(pkg, 'xliff', `${locale}.xlf`), 'utf8'));

test('the xliff files hold exactly the messages in the source code', () => {
  const dir = join(tmp, 'extract');
  run('extract', dir);
  for (const locale of ['de', 'ja']) {
    const fresh = units(readFileSync(join(dir, 'xliff', `${locale}.xlf`), 'utf8'));
    const sources = (list: Unit[]) => new Map(list.map((u) => [u.id, u.source]));
    assert.deepEqual(
      sources(committed(locale)),
      sources(fresh),
      `xliff/${locale}.xlf is stale: run \`pnpm --filter @prm-kit/elements localize:extract\` and translate the new messages`,
    );
  }
});

test('every message is translated into German and Japanese', () => {
  for (const locale of ['de', 'ja']) {
    const missing = committed(locale).filter((u) => !u.target?.trim());
    assert.deepEqual(
      missing.map((u) => u.source),
      [],
      `xliff/${locale}.xlf has untranslated messages`,
    );
  }
});

test('the locale modules are built from the committed translations', () => {
  const dir = join(tmp, 'build');
  cpSync(join(pkg, 'xliff'), join(dir, 'xliff'), { recursive: true });
  run('build', dir);
  for (const file of ['de.ts', 'ja.ts', 'locale-codes.ts']) {
    assert.equal(
      readFileSync(join(dir, 'locales', file), 'utf8'),
      readFileSync(join(pkg, 'src/locales', file), 'utf8'),
      `src/locales/${file} is stale: run \`pnpm --filter @prm-kit/elements localize:build\``,
    );
  }
});
