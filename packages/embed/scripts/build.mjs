// Builds dist/prm-kit.js, the one module a page loads from a script tag, and the chunks it
// loads on demand next to it: one per element (generated from the define/ folder of
// @prm-kit/elements, so a new element is embeddable with no change here) and one per adapter.
//   pnpm --filter @prm-kit/embed build
import { build } from 'esbuild';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';

const pkg = fileURLToPath(new URL('..', import.meta.url));
export const DIST = join(pkg, 'dist');
const defineDir = dirname(fileURLToPath(import.meta.resolve('@prm-kit/elements/define/all.ts')));

/**
 * Every tag the embed defines when it first appears: each `define/prm-*.ts` of the elements
 * but the provider, which prm-kit.js defines up front (every page needs it before the rest).
 */
export function lazyTags() {
  return readdirSync(defineDir)
    .filter((file) => /^prm-.+\.ts$/.test(file) && file !== 'prm-provider.ts')
    .map((file) => file.slice(0, -'.ts'.length))
    .sort();
}

/**
 * `import elements from 'prm-kit:elements'`: tag → loader of its chunk. Each element's chunk
 * also imports the provider (already loaded by prm-kit.js, so it costs nothing): esbuild then
 * puts the code every element shares with the provider into one chunk instead of a dozen
 * small ones, which means fewer requests and better compression.
 */
const elementsTable = {
  name: 'prm-kit:elements',
  setup(esbuild) {
    esbuild.onResolve({ filter: /^prm-kit:elements$/ }, () => ({
      path: 'elements',
      namespace: 'prm-kit',
    }));
    esbuild.onResolve({ filter: /^prm-kit:element\// }, ({ path }) => ({
      path: path.slice('prm-kit:element/'.length),
      namespace: 'prm-kit-element',
    }));
    esbuild.onLoad({ filter: /.*/, namespace: 'prm-kit' }, () => ({
      contents: `export default {\n${lazyTags()
        .map((tag) => `  '${tag}': () => import('prm-kit:element/${tag}'),`)
        .join('\n')}\n};`,
      loader: 'js',
      resolveDir: pkg,
      watchDirs: [defineDir],
    }));
    esbuild.onLoad({ filter: /.*/, namespace: 'prm-kit-element' }, ({ path: tag }) => ({
      contents: [
        `import '@prm-kit/elements/define/prm-provider.js';`,
        `import '@prm-kit/elements/define/${tag}.js';`,
      ].join('\n'),
      loader: 'js',
      resolveDir: pkg,
    }));
  },
};

/** Builds into `outdir` (emptied first, so no stale chunk survives); returns the files written. */
export async function buildEmbed({ outdir = DIST } = {}) {
  rmSync(outdir, { recursive: true, force: true });
  const result = await build({
    entryPoints: { 'prm-kit': join(pkg, 'src/index.ts') },
    outdir,
    chunkNames: 'chunks/[name]-[hash]',
    bundle: true,
    splitting: true,
    format: 'esm',
    target: 'es2022',
    minify: true,
    sourcemap: true,
    metafile: true,
    // Lit and query-core pick their production code from this.
    define: { 'process.env.NODE_ENV': '"production"' },
    resolveExtensions: ['.ts', '.js'],
    plugins: [elementsTable],
    logLevel: 'warning',
  });
  return Object.keys(result.metafile.outputs)
    .filter((file) => file.endsWith('.js'))
    .map((file) => join(process.cwd(), file));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const files = await buildEmbed();
  const gzip = (file) => gzipSync(readFileSync(file)).length;
  const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
  const entry = files.find((file) => file.endsWith('prm-kit.js'));
  const total = files.reduce((sum, file) => sum + gzip(file), 0);
  console.log(
    `dist/prm-kit.js ${kb(gzip(entry))} gzip; with its ${files.length - 1} chunks ${kb(total)} gzip`,
  );
}
