/**
 * Every Storybook story, end to end: Storybook is built (or `PRM_STORYBOOK_DIR` names a
 * build), served, and each story (`index.json` entries of type `story`) is opened alone in
 * headless Chromium. A story fails on a console error, an uncaught exception, a Storybook
 * error event (render error, exception, failed play function, failed a11y report), and on
 * any axe violation once its components have settled (no `aria-busy="true"` left inside
 * their shadow roots; Loading stories are checked as they are).
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import {
  axeViolations,
  describeViolations,
  launchChromium,
  serveStatic,
  type StaticServer,
} from './support/browser.js';

const root = fileURLToPath(new URL('../../', import.meta.url));

/** Storybook's channel events that end a story's render, or report it broken. */
const DONE = 'storyFinished';
const FAILURES = [
  'storyErrored',
  'storyThrewException',
  'playFunctionThrewException',
  'unhandledErrorsWhilePlaying',
  'storyMissing',
];

interface IndexEntry {
  type: 'story' | 'docs';
  id: string;
  title: string;
  name: string;
  tags?: string[];
}

interface StoryEvent {
  name: string;
  detail: string;
}

/** Builds Storybook into a temporary folder, as `pnpm build-storybook` does. */
async function buildStorybook(): Promise<string> {
  const outDir = mkdtempSync(join(tmpdir(), 'prm-storybook-'));
  const require = createRequire(import.meta.url);
  const manifest = require.resolve('storybook/package.json');
  const { bin } = JSON.parse(readFileSync(manifest, 'utf8')) as { bin: string };
  const child = spawn(
    process.execPath,
    [join(dirname(manifest), bin), 'build', '--disable-telemetry', '--quiet', '-o', outDir],
    { cwd: root, env: { ...process.env, STORYBOOK_DISABLE_TELEMETRY: '1' } },
  );
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const code = await new Promise<number | null>((done) => child.on('close', done));
  if (code !== 0) throw new Error(`storybook build failed (${code}):\n${output.slice(-4000)}`);
  return outDir;
}

const given = process.env.PRM_STORYBOOK_DIR;
const staticDir = given ? resolve(given) : await buildStorybook();
const indexFile = join(staticDir, 'index.json');
if (!existsSync(indexFile)) throw new Error(`${indexFile} is missing: not a Storybook build`);
const index = JSON.parse(readFileSync(indexFile, 'utf8')) as {
  entries: Record<string, IndexEntry>;
};
const stories = Object.values(index.entries).filter((entry) => entry.type === 'story');

let server: StaticServer;
let browser: Browser;
let page: Page;
/** Console errors and uncaught exceptions of the current story. */
let problems: string[] = [];
let checked = 0;

before(async () => {
  server = await serveStatic(staticDir);
  browser = await launchChromium();
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  // Storybook sets its channel on the window as it starts: listen from that moment on, so no
  // event is missed however fast the story renders.
  await context.addInitScript({ content: listenToChannel([DONE, ...FAILURES]) });
  page = await context.newPage();
  page.setDefaultTimeout(20_000);
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
});

after(async () => {
  console.log(`Storybook: ${checked} of ${stories.length} stories checked.`);
  await browser?.close();
  await server?.close();
  if (!given) rmSync(staticDir, { recursive: true, force: true });
});

/*
 * Scripts for the page are plain strings: tsx compiles functions with name-keeping helpers
 * that do not exist in the page.
 */

/** Records the channel events `names` in `window.__prmStoryEvents` as `{ name, detail }`. */
const listenToChannel = (names: string[]) => `(() => {
  const names = ${JSON.stringify(names)};
  const events = [];
  let channel;
  window.__prmStoryEvents = events;
  Object.defineProperty(window, '__STORYBOOK_ADDONS_CHANNEL__', {
    configurable: true,
    get: () => channel,
    set: (value) => {
      if (value !== channel && value && typeof value.on === 'function') {
        for (const name of names) {
          value.on(name, (...args) => {
            let detail;
            try { detail = JSON.stringify(args); } catch { detail = String(args); }
            events.push({ name, detail });
          });
        }
      }
      channel = value;
    },
  });
})()`;

/** True once no element, through every open shadow root, is `aria-busy="true"`. */
const IDLE = `(() => {
  const busy = (node) => [...node.querySelectorAll('*')].some(
    (element) => element.getAttribute('aria-busy') === 'true' || (element.shadowRoot && busy(element.shadowRoot)),
  );
  return !busy(document);
})()`;

/** True once Storybook sent one of `names`. */
const sent = (names: string[]) =>
  `(window.__prmStoryEvents || []).some((event) => ${JSON.stringify(names)}.includes(event.name))`;

const nextFrames = () =>
  page.evaluate(
    () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))),
  );

/** What Storybook sent on this page so far. */
const storyEvents = () =>
  page.evaluate(() => (window as unknown as { __prmStoryEvents: StoryEvent[] }).__prmStoryEvents);

interface Report {
  type?: string;
  status?: string;
  result?: { violations?: { id: string; nodes?: { target?: unknown }[] }[] };
}

/** A failed `storyFinished` report in a line each (the a11y report as its rule ids and targets). */
function describeReports(reports: readonly Report[]): string {
  return reports
    .filter((report) => report.status === 'failed')
    .map((report) => {
      const violations = (report.result?.violations ?? []).map(
        (v) => `${v.id} at ${(v.nodes ?? []).map((n) => JSON.stringify(n.target)).join(', ')}`,
      );
      return `${report.type ?? 'report'}: ${violations.join('; ') || JSON.stringify(report.result)}`;
    })
    .join('\n');
}

/** A failure event as its name and the first lines of its error (without the DOM dump). */
function describeEvent(event: StoryEvent): string {
  let message = event.detail;
  try {
    const [error] = JSON.parse(event.detail) as [{ message?: string } | string | undefined];
    message = typeof error === 'string' ? error : (error?.message ?? event.detail);
  } catch {
    // Not JSON: keep the text.
  }
  return `${event.name}: ${message.split('\n\nIgnored nodes')[0]?.slice(0, 1000) ?? ''}`;
}

test('Storybook has stories', () => {
  assert.ok(stories.length > 0, 'index.json lists no stories');
});

for (const story of stories) {
  // A Loading story stays busy on purpose: it is checked as it renders.
  const loading = /loading/i.test(story.name);
  test(`${story.title} › ${story.name}`, { timeout: 60_000 }, async () => {
    problems = [];
    await page.goto(`${server.url}/iframe.html?id=${story.id}&viewMode=story`);
    try {
      await page.waitForFunction(sent([DONE, ...FAILURES]));
    } catch (error) {
      throw new Error(`the story never finished rendering. ${problems.join('; ')}`, {
        cause: error,
      });
    }
    const events = await storyEvents();
    assert.deepEqual(
      events.filter((event) => FAILURES.includes(event.name)).map(describeEvent),
      [],
      'Storybook reported an error',
    );
    const finished = events.find((event) => event.name === DONE);
    const [result] = JSON.parse(finished?.detail ?? '[{}]') as [
      { status?: string; reporters?: Report[] },
    ];
    assert.notEqual(
      result.status,
      'error',
      `the story finished with errors:\n${describeReports(result.reporters ?? [])}`,
    );

    if (!loading) {
      // Settled: nothing busy, and still nothing busy a couple of frames later.
      try {
        await page.waitForFunction(IDLE, undefined, { polling: 50 });
        await nextFrames();
        await page.waitForFunction(IDLE, undefined, { polling: 50 });
      } catch (error) {
        throw new Error(
          'an element stayed aria-busy="true" (a story meant to stay loading has "Loading" in its name)',
          { cause: error },
        );
      }
    }
    await nextFrames();
    const violations = await axeViolations(page);
    assert.equal(violations.length, 0, `axe:\n${describeViolations(violations)}`);
    assert.deepEqual(problems, [], 'console errors or uncaught exceptions');
    checked += 1;
  });
}
