// Browser tests: every `*.browser.test.ts` under packages/*/test and test/, in Chromium.
import { fileURLToPath } from 'node:url';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { findChromium } from './scripts/find-chromium.mjs';

let executablePath;
try {
  executablePath = findChromium();
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}

/** @type {import('@web/test-runner').TestRunnerConfig} */
export default {
  rootDir: fileURLToPath(new URL('.', import.meta.url)),
  files: ['packages/*/test/**/*.browser.test.ts', 'test/**/*.browser.test.ts'],
  nodeResolve: { exportConditions: ['browser', 'development'] },
  plugins: [
    esbuildPlugin({
      ts: true,
      // Not esnext: esbuild would leave standard decorators untransformed.
      target: 'es2022',
      // Read raw (no `extends`): it carries the decorator flags itself.
      tsconfig: fileURLToPath(new URL('./tsconfig.browser-tests.json', import.meta.url)),
    }),
  ],
  // What a bundler defines: @tanstack/query-core reads `process.env.NODE_ENV` for its dev warnings.
  testRunnerHtml: (testFramework) =>
    `<!doctype html><html><head><script>globalThis.process = { env: { NODE_ENV: 'development' } };</script></head>` +
    `<body><script type="module" src="${testFramework}"></script></body></html>`,
  // msw's worker must be served from / to control the test page.
  middleware: [
    (ctx, next) => {
      if (ctx.url === '/mockServiceWorker.js')
        ctx.url = '/packages/mocks/public/mockServiceWorker.js';
      return next();
    },
  ],
  browsers: [
    chromeLauncher({
      // A browser context per page: two test files run at once, and must not share
      // localStorage (drafts) or service workers (msw).
      createPage: async ({ browser }) => (await browser.createBrowserContext()).newPage(),
      launchOptions: {
        executablePath,
        headless: true,
        args: [
          '--no-sandbox',
          '--disable-gpu',
          '--disable-quic',
          '--no-first-run',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
          '--disable-dev-shm-usage',
          // Two test pages run at once: keep the one in the background at full speed.
          '--disable-background-timer-throttling',
          '--disable-renderer-backgrounding',
          '--disable-backgrounding-occluded-windows',
        ],
      },
    }),
  ],
  concurrency: 2,
  // Generous for a shared 2-core machine.
  browserStartTimeout: 60_000,
  testsStartTimeout: 60_000,
  testsFinishTimeout: 300_000,
  testFramework: { config: { timeout: 10_000 } },
  coverage: true,
  coverageConfig: {
    reportDir: 'coverage/browser',
    reporters: ['lcov', 'text-summary'],
    // The elements run only here; the other packages are measured (and gated) in Node.
    include: ['packages/elements/src/**'],
    exclude: ['packages/elements/src/locales/**'],
    // Gated on the whole suite only: a single file (`--files`) covers a fraction.
    ...(process.argv.includes('--files')
      ? {}
      : { threshold: { statements: 90, branches: 85, functions: 85, lines: 90 } }),
  },
};
