// Size budgets, gzipped: `pnpm size` prints them and fails over a limit (CI runs it).
// Per-element figures: `pnpm --filter @prm-kit/elements size`.
/**
 * What a host's bundler does, and what a page loads up front: `process.env.NODE_ENV` is
 * "production" (query-core drops its development warnings), and modules loaded on demand
 * with `import()` (translations, the metrics fallback) are left out.
 */
const production = (config) => ({
  ...config,
  define: { ...config.define, 'process.env.NODE_ENV': '"production"' },
  plugins: [
    ...(config.plugins ?? []),
    {
      name: 'on-demand-imports-are-not-up-front',
      setup(build) {
        build.onResolve({ filter: /.*/ }, (args) =>
          args.kind === 'dynamic-import' ? { path: args.path, external: true } : undefined,
        );
      },
    },
  ],
});

/** Side-effect imports of elements' define modules, bundled together (shared code once). */
const defines = (...tags) =>
  Object.fromEntries(tags.map((tag) => [`packages/elements/src/define/${tag}.ts`, '{}']));

export default [
  {
    name: 'embed: prm-kit.js and every chunk it may load',
    path: 'packages/embed/dist/**/*.js',
    disablePlugins: ['@size-limit/esbuild'],
    gzip: true,
    limit: '260 KB',
  },
  {
    name: 'embed: what a page on REST in English can load (every element, no demo backend)',
    path: [
      'packages/embed/dist/**/*.js',
      '!packages/embed/dist/chunks/demo-*.js',
      '!packages/embed/dist/chunks/{de,ja}-*.js',
    ],
    disablePlugins: ['@size-limit/esbuild'],
    gzip: true,
    limit: '180 KB',
  },
  {
    name: 'embed: prm-kit.js, the module a page loads (it defines the rest on demand)',
    path: 'packages/embed/dist/prm-kit.js',
    disablePlugins: ['@size-limit/esbuild'],
    gzip: true,
    limit: '2 KB',
  },
  {
    name: 'the smallest element on its own (prm-segment-badge)',
    path: 'packages/elements/src/define/prm-segment-badge.ts',
    modifyEsbuildConfig: production,
    gzip: true,
    limit: '16 KB',
  },
  {
    name: 'a form with its provider (prm-deal-registration-form)',
    import: defines('prm-provider', 'prm-deal-registration-form'),
    modifyEsbuildConfig: production,
    gzip: true,
    limit: '45 KiB',
  },
  {
    name: 'a dashboard with its provider and charts (prm-partner-dashboard)',
    import: defines('prm-provider', 'prm-partner-dashboard'),
    modifyEsbuildConfig: production,
    gzip: true,
    limit: '52 KB',
  },
  {
    // Constants and rules come without zod: only elements that validate input carry it.
    name: '@prm-kit/core, what an element that only reads imports (no zod)',
    import: { 'packages/core/src/index.ts': '{ OPEN_CASE_STATUSES, can, isCaseBreached }' },
    modifyEsbuildConfig: production,
    gzip: true,
    limit: '5 KB',
  },
  {
    name: '@prm-kit/core, all of it',
    import: { 'packages/core/src/index.ts': '*' },
    modifyEsbuildConfig: production,
    gzip: true,
    limit: '38 KB',
  },
];
