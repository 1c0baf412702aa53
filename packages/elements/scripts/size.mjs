// Prints what each element costs a page, minified and gzipped: the provider plus one element,
// and the provider plus all of them. Only what loads up front counts (translations load on
// demand). Until size-limit budgets land, this is how to see the figures:
//   pnpm --filter @prm-kit/elements size
import { build } from 'esbuild';
import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const pkg = fileURLToPath(new URL('..', import.meta.url));
const tags = readdirSync(resolve(pkg, 'src/define'))
  .filter((file) => file.startsWith('prm-') && file !== 'prm-provider.ts')
  .map((file) => file.replace(/\.ts$/, ''))
  .sort();
const define = (tag) => `import './src/define/${tag}.js';`;

async function measure(contents) {
  const result = await build({
    stdin: { contents, resolveDir: pkg, loader: 'ts' },
    bundle: true,
    minify: true,
    splitting: true,
    format: 'esm',
    target: 'es2022',
    outdir: resolve(pkg, '.size'),
    write: false,
    metafile: true,
    define: { 'process.env.NODE_ENV': '"production"' },
    resolveExtensions: ['.ts', '.js'],
    logLevel: 'error',
  });
  const outputs = result.metafile.outputs;
  const entry = Object.keys(outputs).find((file) => outputs[file].entryPoint);
  const upFront = new Set();
  const visit = (file) => {
    if (upFront.has(file)) return;
    upFront.add(file);
    for (const next of outputs[file].imports)
      if (next.kind === 'import-statement') visit(next.path);
  };
  visit(entry);
  const files = result.outputFiles.filter((file) =>
    [...upFront].some((path) => resolve(pkg, path) === file.path),
  );
  const sum = (size) => files.reduce((total, file) => total + size(file.contents), 0);
  return { min: sum((code) => code.length), gzip: sum((code) => gzipSync(code).length) };
}

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`.padStart(9);
console.log(`${'page'.padEnd(44)}      min     gzip`);
for (const tag of tags) {
  const { min, gzip } = await measure(define('prm-provider') + define(tag));
  console.log(`${`provider + ${tag}`.padEnd(44)}${kb(min)}${kb(gzip)}`);
}
const all = await measure(define('prm-provider') + tags.map(define).join(''));
console.log(`${'provider + every element'.padEnd(44)}${kb(all.min)}${kb(all.gzip)}`);
