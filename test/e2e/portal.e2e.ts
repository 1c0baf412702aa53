/**
 * The demo portal end to end: built with Vite as `pnpm start` builds it, served under the
 * strict Content-Security-Policy, and used in Chromium as a person would — a partner admin
 * reads its profile and applies to a program, the choice survives a reload, a channel manager
 * opens the partner in the workspace. Every page is axe clean, and nothing is logged as an
 * error or refused by the policy.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { build } from 'vite';
import {
  STRICT_CSP,
  axeViolations,
  describeViolations,
  launchChromium,
  serveStatic,
  type StaticServer,
} from './support/browser.js';

const portalRoot = fileURLToPath(new URL('../../examples/portal/', import.meta.url));

let outDir: string;
let server: StaticServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
/** Console errors, uncaught exceptions and policy violations, as they happen. */
const problems: string[] = [];

before(async () => {
  outDir = mkdtempSync(join(tmpdir(), 'prm-portal-'));
  await build({ root: portalRoot, logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  server = await serveStatic(outDir, { 'content-security-policy': STRICT_CSP });
  browser = await launchChromium();
  context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  // Injected through the debugger, so the page's policy does not block it.
  await context.addInitScript(() => {
    document.addEventListener(
      'securitypolicyviolation',
      (event) => {
        console.error(`CSP violation: ${event.violatedDirective} (${event.blockedURI})`);
      },
      true,
    );
  });
  page = await context.newPage();
  page.setDefaultTimeout(15_000);
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
});

after(async () => {
  await browser?.close();
  await server?.close();
  if (outDir) rmSync(outDir, { recursive: true, force: true });
});

async function assertAccessible(where: string): Promise<void> {
  const violations = await axeViolations(page);
  assert.equal(violations.length, 0, `axe on ${where}:\n${describeViolations(violations)}`);
}

function assertNoProblems(): void {
  assert.deepEqual(problems, [], 'console errors, page errors or CSP violations');
}

const mainHeading = (name: string | RegExp): Locator =>
  page.getByRole('heading', { level: 1, name });

/** The membership card of a program in the enrollment list's "Current memberships". */
const currentMembership = (program: string): Locator =>
  page
    .locator('prm-program-enrollment [part~="current"] [part~="membership"]')
    .filter({ has: page.getByRole('heading', { name: program, exact: true }) });

test('the site is served under the strict policy and names the page', async () => {
  const response = await page.goto(`${server.url}/`);
  assert.equal(response?.headers()['content-security-policy'], STRICT_CSP);
  await mainHeading('Welcome back, Alice').waitFor();
  assert.match(await page.title(), /XYZ Solutions/);
  assert.equal(await page.getByLabel('Signed in as').inputValue(), 'partnerAdmin');
  await assertAccessible('the partner home page');
  assertNoProblems();
});

test('a partner admin sees its profile with its segment badges', async () => {
  await page
    .getByRole('navigation', { name: 'Partner portal' })
    .getByRole('link', { name: 'Company profile' })
    .click();
  assert.match(page.url(), /#\/profile$/);
  await mainHeading('Company profile').waitFor();
  const profile = page.locator('prm-partner-profile');
  await profile.getByRole('heading', { name: 'ABC Systems' }).waitFor();
  // ABC Systems' tier, a specialization and its market, each as a badge.
  for (const segment of ['Gold', 'Security specialists', 'North America']) {
    await profile.locator('prm-segment-badge').filter({ hasText: segment }).waitFor();
  }
  await assertAccessible('the partner profile');
  assertNoProblems();
});

test('a partner admin applies to an eligible program, and the membership is kept', async () => {
  await page
    .getByRole('navigation', { name: 'Partner portal' })
    .getByRole('link', { name: 'Programs' })
    .click();
  await mainHeading('Programs').waitFor();
  assert.equal(await currentMembership('XYZ Referral Program').count(), 0);

  await page
    .locator('prm-program-catalog')
    .getByRole('button', { name: 'Apply to XYZ Referral Program' })
    .click();
  const dialog = page.getByRole('dialog', { name: 'Apply to XYZ Referral Program' });
  await dialog.getByRole('checkbox', { name: /I accept the program terms/ }).check();
  await dialog.getByRole('button', { name: 'Apply', exact: true }).click();
  await dialog.waitFor({ state: 'hidden' });

  const membership = currentMembership('XYZ Referral Program');
  await membership.getByText('Applied', { exact: true }).waitFor();
  await assertAccessible('the programs page after applying');

  await page.reload();
  await mainHeading('Programs').waitFor();
  await currentMembership('XYZ Referral Program').getByText('Applied', { exact: true }).waitFor();
  assertNoProblems();
});

test('a channel manager opens the partner in the workspace', async () => {
  await page.getByLabel('Signed in as').selectOption('channelManager');
  await mainHeading('Partners').waitFor();
  assert.ok(
    await page.getByRole('navigation', { name: 'Partner workspace' }).isVisible(),
    'the enterprise side shows the partner workspace',
  );
  await page.getByRole('link', { name: 'ABC Systems' }).waitFor();
  await assertAccessible('the partner list');

  await page.getByRole('link', { name: 'ABC Systems' }).click();
  assert.match(page.url(), /#\/partners\/p-abc$/);
  await mainHeading('ABC Systems').waitFor();
  const profile = page.locator('prm-partner-profile');
  await profile.getByRole('heading', { name: 'ABC Systems' }).waitFor();
  await profile.locator('prm-segment-badge').first().waitFor();
  await assertAccessible('the partner record in the workspace');

  await page.getByRole('link', { name: 'Programs' }).click();
  assert.match(page.url(), /#\/partners\/p-abc\/programs$/);
  await currentMembership('XYZ Referral Program').getByText('Applied', { exact: true }).waitFor();

  // The role and the page survive a reload.
  await page.reload();
  assert.equal(await page.getByLabel('Signed in as').inputValue(), 'channelManager');
  await currentMembership('XYZ Referral Program').getByText('Applied', { exact: true }).waitFor();
  assertNoProblems();
});

test('the language switcher changes the page language and is remembered', async () => {
  await page.getByLabel('Language').selectOption('de');
  await page.getByRole('navigation', { name: 'Partner-Arbeitsbereich' }).waitFor();
  assert.equal(await page.locator('html').getAttribute('lang'), 'de');
  await page.reload();
  await page.getByLabel('Angemeldet als').waitFor();
  assert.equal(await page.locator('html').getAttribute('lang'), 'de');
  await page.getByLabel('Sprache').selectOption('en');
  await page.getByLabel('Signed in as').waitFor();
  assertNoProblems();
});

test('resetting the demo data forgets the application', async () => {
  await page.getByLabel('Signed in as').selectOption('partnerAdmin');
  await page.goto(`${server.url}/#/programs`);
  await currentMembership('XYZ Referral Program').getByText('Applied', { exact: true }).waitFor();

  await page.getByRole('button', { name: 'Reset demo data' }).click();
  await page
    .getByRole('status')
    .getByText('The demo data is back to its starting point.')
    .waitFor();
  await currentMembership('XYZ Referral Program').waitFor({ state: 'detached' });
  await page
    .locator('prm-program-catalog')
    .getByRole('button', { name: 'Apply to XYZ Referral Program' })
    .waitFor();
  await page.reload();
  await page
    .locator('prm-program-catalog')
    .getByRole('button', { name: 'Apply to XYZ Referral Program' })
    .waitFor();
  assert.equal(await currentMembership('XYZ Referral Program').count(), 0);
  assertNoProblems();
});
