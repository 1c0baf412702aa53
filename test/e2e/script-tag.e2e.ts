/**
 * prm-kit from one script tag, end to end: the static example pages (examples/script-tag)
 * with nothing but the built prm-kit.js, served under the strict Content-Security-Policy. A
 * partner admin registers a deal on the in-page demo backend and, on the REST page, against
 * the reference server; an element's code loads only when its tag appears; every element
 * renders under the policy; hostile host CSS leaves the form usable; a bad configuration says
 * so in the console and on the page.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser, Locator, Page } from 'playwright-core';
import { buildEmbed, lazyTags } from '../../packages/embed/scripts/build.mjs';
import { copyPages, serveExample } from '../../examples/script-tag/serve.js';
import {
  startReferenceServer,
  type ReferenceServer,
} from '../../examples/reference-server/src/server.js';
import {
  STRICT_CSP,
  axeViolations,
  describeViolations,
  launchChromium,
  watchedPage,
  type StaticServer,
} from './support/browser.js';
import { registerDeal as fillAndSubmit } from './support/deal-form.js';

let root: string;
let api: ReferenceServer;
let site: StaticServer;
let browser: Browser;

/** A page of the test's own: nothing inline (the policy forbids it), only files of the site. */
function writePage(
  name: string,
  body: string,
  { script, style }: { script?: string; style?: string } = {},
): void {
  const head = [
    style === undefined ? '' : `<link rel="stylesheet" href="${name}.css" />`,
    script === undefined ? '' : `<script src="${name}.js"></script>`,
    '<script type="module" src="prm-kit/prm-kit.js"></script>',
  ].join('\n');
  writeFileSync(
    join(root, `${name}.html`),
    `<!doctype html><html lang="en"><head><meta charset="utf-8" /><title>${name}</title>\n${head}\n</head><body><main>\n${body}\n</main></body></html>`,
  );
  if (script !== undefined) writeFileSync(join(root, `${name}.js`), script);
  if (style !== undefined) writeFileSync(join(root, `${name}.css`), style);
}

/** What each element needs to show real demo records; the rest need nothing. */
const ATTRIBUTES: Record<string, string> = {
  'prm-case-detail': 'case-id="case-1"',
  'prm-deal-registration-detail': 'deal-id="deal-2"',
  'prm-segment-badge': 'segment-id="seg-tier-gold"',
  'prm-kpi': 'label="Open deals" value="12"',
  'prm-progress': 'label="Certified people" value="3" max="5"',
};
/** Elements for the vendor's people; every other one is shown to the partner admin. */
const ENTERPRISE = new Set(['prm-deal-review-queue', 'prm-case-queue', 'prm-enterprise-dashboard']);
const tagged = (tag: string) => `<${tag} ${ATTRIBUTES[tag] ?? ''}></${tag}>`;

before(async () => {
  root = mkdtempSync(join(tmpdir(), 'prm-script-tag-'));
  copyPages(root);
  const [reference] = await Promise.all([
    startReferenceServer({ port: 0, filename: join(root, 'prm.sqlite') }),
    buildEmbed({ outdir: join(root, 'prm-kit') }),
  ]);
  api = reference;
  const tags = lazyTags();
  writePage(
    'every-element',
    [
      '<prm-provider adapter="demo" demo-user="partnerAdmin">',
      ...tags.filter((tag) => !ENTERPRISE.has(tag)).map(tagged),
      '</prm-provider>',
      '<prm-provider adapter="demo" demo-user="enterpriseAdmin">',
      ...tags.filter((tag) => ENTERPRISE.has(tag)).map(tagged),
      '</prm-provider>',
    ].join('\n'),
  );
  writePage(
    'hostile',
    '<prm-provider adapter="demo"><prm-deal-registration-form></prm-deal-registration-form></prm-provider>',
    {
      style: `* { all: unset; }
html { font-size: 62.5%; }
div, section, form, fieldset, p, span, h1, h2, h3 { display: none !important; }
button, input, select, textarea, label { color: transparent; display: none; }
*, *::before, *::after { box-sizing: content-box; }`,
    },
  );
  writePage(
    'token-event',
    '<prm-provider adapter="rest" base-url="/api/prm"><prm-deal-registration-list></prm-deal-registration-list></prm-provider>',
    {
      script: `document.addEventListener('prm-token-request', (event) => {
  event.respondWith(Promise.resolve('demo-partnerManager'));
});`,
    },
  );
  writePage(
    'bad-config',
    [
      '<prm-provider adapter="nope" id="unknown"><prm-case-list></prm-case-list></prm-provider>',
      '<prm-provider adapter="rest" id="no-url"><prm-case-list></prm-case-list></prm-provider>',
      '<prm-provider adapter="demo" demo-user="nobody" id="no-user"><prm-case-list></prm-case-list></prm-provider>',
      '<prm-provider adapter="rest" base-url="/api/prm" token="noSuchFunction" id="no-token"><prm-case-list></prm-case-list></prm-provider>',
    ].join('\n'),
  );
  site = await serveExample(root, { api: new URL(api.url).origin });
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await site?.close();
  await api?.close();
  if (root) rmSync(root, { recursive: true, force: true });
});

interface Opened {
  page: Page;
  /** Console errors, uncaught exceptions and policy violations, as they happen. */
  problems: string[];
  /** Every URL the page asked for, in order. */
  requests: string[];
}

/**
 * Opens a page of the site in a fresh context (its own, empty localStorage); `prepare` runs
 * before it loads (routes).
 */
async function open(path: string, prepare?: (page: Page) => Promise<unknown>): Promise<Opened> {
  const { page, problems } = await watchedPage(browser);
  const requests: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  await prepare?.(page);
  const response = await page.goto(`${site.url}/${path}`);
  assert.equal(response?.headers()['content-security-policy'], STRICT_CSP);
  return { page, problems, requests };
}

const chunk = (requests: readonly string[], name: string) =>
  requests.some((url) => new RegExp(`/prm-kit/chunks/${name}-\\w+\\.js$`).test(url));

/** Registers a deal for `company` through the form; returns its number from the confirmation. */
async function registerDeal(page: Page, company: string): Promise<string> {
  const form = page.locator('prm-deal-registration-form');
  const domain = `${company.toLowerCase().replaceAll(' ', '-')}.example.com`;
  await fillAndSubmit(form, { company, domain });
  const confirmation = form.getByRole('region', { name: 'Deal registered' });
  await confirmation.getByText(company).waitFor();
  const number = (await confirmation.locator('[part~="number"]').innerText()).trim();
  assert.match(number, /^DR-\d+$/);
  return number;
}

const row = (page: Page, number: string): Locator =>
  page
    .locator('prm-deal-registration-list [part~="row"]')
    .filter({ has: page.getByRole('button', { name: number }) });

test('the static page registers a deal on the demo backend, kept across a reload', async () => {
  const { page, problems, requests } = await open('');
  await page.locator('prm-deal-registration-list').getByRole('table').waitFor();
  const violations = await axeViolations(page);
  assert.equal(violations.length, 0, describeViolations(violations));

  const number = await registerDeal(page, 'Umbrella Static Corp');
  // The list beside the form shares its query cache: it shows the new registration at once.
  await row(page, number).getByText('Submitted', { exact: true }).waitFor();
  await page.reload();
  await row(page, number).getByText('Submitted', { exact: true }).waitFor();

  assert.ok(chunk(requests, 'demo'), 'the demo backend loaded');
  assert.ok(!chunk(requests, 'rest'), 'a demo page never downloads the REST adapter');
  assert.deepEqual(problems, []);
  await page.context().close();
});

test("an element's code loads when its tag first appears; until the backend loads it shows loading", async () => {
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  const { page, problems, requests } = await open('', (page) =>
    page.route(/\/chunks\/demo-\w+\.js$/, async (route) => {
      await held;
      await route.continue();
    }),
  );
  const form = page.locator('prm-deal-registration-form');
  await form.locator('[part~="loading"]').waitFor();
  assert.equal(await page.getByText('Not connected').count(), 0);
  release();
  await form.getByLabel(/^Company/).waitFor();
  assert.ok(chunk(requests, 'prm-deal-registration-form'));
  assert.ok(!chunk(requests, 'prm-case-form'), 'no case form on the page yet');
  assert.equal(await page.evaluate(() => customElements.get('prm-case-form')), undefined);

  await page.evaluate(() => {
    document.querySelector('prm-provider')!.append(document.createElement('prm-case-form'));
  });
  await page
    .locator('prm-case-form')
    .getByLabel(/^Subject/)
    .waitFor();
  assert.ok(chunk(requests, 'prm-case-form'));

  // A host's own shadow root is watched once the host asks (`observe`).
  await page.evaluate(async () => {
    const shadow = document.body.appendChild(document.createElement('div')).attachShadow({
      mode: 'open',
    });
    const provider = shadow.appendChild(document.createElement('prm-provider'));
    provider.setAttribute('adapter', 'demo');
    provider.append(document.createElement('prm-segment-badge'));
    provider.lastElementChild!.setAttribute('segment-id', 'seg-tier-gold');
    const embed = (await import(`${location.origin}/prm-kit/prm-kit.js`)) as {
      observe: (root: ShadowRoot) => void;
    };
    embed.observe(shadow);
  });
  await page.locator('div prm-segment-badge').getByText('Gold').waitFor();
  assert.ok(chunk(requests, 'prm-segment-badge'));
  assert.deepEqual(problems, []);
  await page.context().close();
});

test('the REST page registers a deal on the reference server with a token from a global function', async () => {
  const { page, problems, requests } = await open('rest.html');
  const number = await registerDeal(page, 'Umbrella Rest Corp');
  await row(page, number).getByText('Submitted', { exact: true }).waitFor();

  // The record is on the server, for the user whose token the page gave.
  const answer = await fetch(
    `${api.url}/deals?search=${encodeURIComponent('Umbrella Rest Corp')}`,
    {
      headers: { authorization: 'Bearer demo-partnerAdmin' },
    },
  );
  const { items } = (await answer.json()) as { items: { number: string; submittedBy?: unknown }[] };
  assert.deepEqual(
    items.map((deal) => deal.number),
    [number],
  );
  assert.ok(chunk(requests, 'rest'));
  assert.ok(!chunk(requests, 'demo'), 'a REST page never downloads the demo backend');
  assert.deepEqual(problems, []);
  await page.context().close();
});

test('a page answers prm-token-request with a promise of the token', async () => {
  const { page, problems } = await open('token-event.html');
  const authorization = page.waitForRequest((request) => request.url().includes('/api/prm/'));
  await page.locator('prm-deal-registration-list').getByRole('table').waitFor();
  assert.equal((await authorization).headers().authorization, 'Bearer demo-partnerManager');
  assert.deepEqual(problems, []);
  await page.context().close();
});

test('every element renders under the strict policy', async () => {
  const { page, problems } = await open('every-element.html');
  const tags = lazyTags();
  // Settled: defined, rendered, and past its loading state.
  await page.waitForFunction(
    (all) =>
      all.every((tag) => {
        const shadow = document.querySelector(tag)?.shadowRoot;
        return shadow?.firstElementChild && !shadow.querySelector('[part~="loading"]');
      }),
    tags,
    { timeout: 20_000 },
  );
  const unwell = await page.evaluate(
    (all) =>
      all.filter((tag) =>
        document
          .querySelector(tag)!
          .shadowRoot!.querySelector('[part~="not-connected"], [data-state="error"]'),
      ),
    tags,
  );
  assert.deepEqual(unwell, [], 'elements showing "Not connected" or an error');
  assert.deepEqual(problems, []);
  await page.context().close();
});

test('hostile host CSS leaves the form visible, labelled and usable', async () => {
  const { page, problems } = await open('hostile.html');
  const form = page.locator('prm-deal-registration-form');
  for (const label of ['Company', 'Website domain', 'Estimated value']) {
    const input = form.getByLabel(new RegExp(`^${label}( \\*)?$`));
    await input.waitFor({ state: 'visible' });
    const box = await input.boundingBox();
    assert.ok(box && box.width > 20 && box.height > 10, `${label} has room to type in`);
  }
  assert.ok(await form.getByRole('button', { name: 'Submit registration' }).isVisible());
  await registerDeal(page, 'Umbrella Hostile Corp');
  assert.deepEqual(problems, []);
  await page.context().close();
});

test('a configuration that cannot work is named in the console and on the page', async () => {
  const { page, problems } = await open('bad-config.html');
  const list = (provider: string) => page.locator(`#${provider} prm-case-list`);
  for (const provider of ['unknown', 'no-url', 'no-user']) {
    await list(provider).getByText('Not connected').waitFor();
  }
  await list('no-token').getByText('Your session has ended. Sign in again.').waitFor();
  const expected = [
    /adapter="nope"> is not connected: unknown adapter "nope"/,
    /adapter="rest"> is not connected: adapter="rest" needs base-url/,
    /adapter="demo"> is not connected: unknown demo-user "nobody"/,
    /token="noSuchFunction" names no global function/,
  ];
  for (const message of expected) {
    assert.ok(
      problems.some((problem) => message.test(problem)),
      `${String(message)} in ${problems.join('\n')}`,
    );
  }
  // Fixing the attribute connects the provider.
  await page.locator('#unknown').evaluate((provider) => provider.setAttribute('adapter', 'demo'));
  await list('unknown').getByRole('table').waitFor();
  // Besides those, only the refused request without a token.
  const others = problems.filter((problem) => !expected.some((message) => message.test(problem)));
  assert.ok(
    others.every((problem) => problem.includes('401')),
    others.join('\n'),
  );
  await page.context().close();
});
