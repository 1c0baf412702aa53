// Node-side tests: every `*.test.ts` (not `*.browser.test.ts`) under packages/*/test and
// test/, run with `tsx --test` under c8, then a coverage gate per package with Node tests.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Coverage gates; a package with Node tests and no entry here gets `default`. */
const GATES = {
  default: { lines: 90, branches: 85, functions: 90 },
  // 'packages/example': { lines: 80, branches: 75, functions: 80 },
};

/** Packages whose code runs in the browser: their gate is in web-test-runner.config.mjs. */
const BROWSER_GATED = new Set(['packages/elements']);

const root = fileURLToPath(new URL('..', import.meta.url));
const reportsDir = 'coverage/node';
const tapFile = `${reportsDir}/tests.tap`;
mkdirSync(join(root, reportsDir), { recursive: true });
const posix = (path) => path.split(sep).join('/');

/** @returns {string[]} files under dir (relative to the repo root), node_modules skipped */
function walk(dir) {
  if (!existsSync(join(root, dir))) return [];
  return readdirSync(join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : walk(path);
    return [path];
  });
}

const packages = readdirSync(join(root, 'packages'), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => `packages/${entry.name}`);

const examples = existsSync(join(root, 'examples'))
  ? readdirSync(join(root, 'examples'), { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => `examples/${entry.name}`)
  : [];

const isNodeTest = (path) => path.endsWith('.test.ts') && !path.endsWith('.browser.test.ts');
const testFiles = [...[...packages, ...examples].map((dir) => `${dir}/test`), 'test']
  .flatMap(walk)
  .filter(isNodeTest)
  .sort();

if (testFiles.length === 0) {
  console.log('No Node tests (*.test.ts) yet.');
  process.exit(0);
}

/** `index.ts` files that only re-export: nothing to cover. */
const reExportOnly = /^export\s+(type\s+)?(\*(\s+as\s+\w+)?|\{[^}]*\})\s+from\s+['"][^'"]+['"]$/;
const barrels = packages
  .flatMap((pkg) => walk(`${pkg}/src`))
  .filter((path) => path.endsWith('/index.ts'))
  .filter((path) =>
    readFileSync(join(root, path), 'utf8')
      .replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '')
      .split(';')
      .map((statement) => statement.trim())
      .filter(Boolean)
      .every((statement) => reExportOnly.test(statement)),
  );

const require = createRequire(import.meta.url);
const bin = (name, command = name) => {
  const manifest = require.resolve(`${name}/package.json`);
  const { bin } = JSON.parse(readFileSync(manifest, 'utf8'));
  return join(dirname(manifest), typeof bin === 'string' ? bin : bin[command]);
};
const c8 = bin('c8');
const tsx = bin('tsx');

const run = (args) =>
  spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' }).status ?? 1;
const excludes = ['**/*.d.ts', ...barrels].flatMap((glob) => ['--exclude', glob]);

let failed =
  run([
    c8,
    '--reports-dir',
    reportsDir,
    '--reporter',
    'text',
    '--reporter',
    'text-summary',
    '--reporter',
    'lcov',
    '--include',
    'packages/*/src/**',
    ...excludes,
    process.execPath,
    tsx,
    '--test',
    // Dots while running (failures in full at the end); TAP kept for the counts below.
    '--test-reporter=dot',
    '--test-reporter-destination=stdout',
    '--test-reporter=tap',
    `--test-reporter-destination=${tapFile}`,
    ...testFiles,
  ]) !== 0;

const counts = readFileSync(join(root, tapFile), 'utf8').match(
  /^# (tests|pass|fail|skipped|todo) \d+$/gm,
);
console.log(`\nNode tests: ${(counts ?? []).map((line) => line.slice(2)).join(', ')}`);

// Gate each package whose Node tests ran (browser-tested packages are gated by wtr).
const tested = packages.filter(
  (pkg) => !BROWSER_GATED.has(pkg) && testFiles.some((file) => file.startsWith(`${pkg}/`)),
);
for (const pkg of tested) {
  const gate = GATES[pkg] ?? GATES.default;
  const status = run([
    c8,
    'check-coverage',
    '--reports-dir',
    reportsDir,
    '--include',
    `${pkg}/src/**`,
    ...excludes,
    '--lines',
    String(gate.lines),
    '--branches',
    String(gate.branches),
    '--functions',
    String(gate.functions),
  ]);
  if (status !== 0) {
    console.error(`${pkg}: coverage below its gate ${JSON.stringify(gate)} (see above).`);
    failed = true;
  }
}

console.log(`Coverage reports: ${posix(relative(process.cwd(), join(root, reportsDir)))}/`);
process.exit(failed ? 1 : 0);
