/**
 * The demo portal end to end: built with Vite as `pnpm start` builds it, served under the
 * strict Content-Security-Policy, and used in Chromium as a person would — a partner admin
 * reads its profile and applies to a program, the choice survives a reload, a channel manager
 * opens the partner in the workspace; a partner associate registers a deal, the channel manager
 * approves it from the review queue and the associate sees it approved; the associate raises a
 * support case and the support agent assigns it to herself from the support queue. Every page is axe
 * clean, and nothing is logged as an error or refused by the policy.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { Browser, Locator, Page } from 'playwright-core';
import { build } from 'vite';
import {
  STRICT_CSP,
  axeViolations,
  describeViolations,
  launchChromium,
  serveStatic,
  watchedPage,
  type StaticServer,
} from './support/browser.js';

const portalRoot = fileURLToPath(new URL('../../examples/portal/', import.meta.url));

let outDir: string;
let server: StaticServer;
let browser: Browser;
let page: Page;
/** Console errors, uncaught exceptions and policy violations, as they happen. */
let problems: string[];

before(async () => {
  outDir = mkdtempSync(join(tmpdir(), 'prm-portal-'));
  await build({ root: portalRoot, logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  server = await serveStatic(outDir, { 'content-security-policy': STRICT_CSP });
  browser = await launchChromium();
  ({ page, problems } = await watchedPage(browser));
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

test('the site is served under the strict policy and opens on the partner dashboard', async () => {
  const response = await page.goto(`${server.url}/`);
  assert.equal(response?.headers()['content-security-policy'], STRICT_CSP);
  await mainHeading('Welcome back, Alice').waitFor();
  assert.match(await page.title(), /XYZ Solutions/);
  assert.equal(await page.getByLabel('Signed in as').inputValue(), 'partnerAdmin');
  // The home page is ABC Systems' dashboard: figures, charts and the way to Platinum.
  const dashboard = page.locator('prm-partner-dashboard');
  await dashboard.locator('prm-kpi').filter({ hasText: 'Registered pipeline' }).waitFor();
  await dashboard.locator('prm-line-chart svg').waitFor();
  await dashboard.getByText('Toward Platinum').waitFor();
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
  await mainHeading('Dashboard').waitFor();
  const workspaceNav = page.getByRole('navigation', { name: 'Partner workspace' });
  assert.ok(await workspaceNav.isVisible(), 'the enterprise side shows the partner workspace');
  const dashboard = page.locator('prm-enterprise-dashboard');
  await dashboard.locator('prm-kpi').filter({ hasText: 'Approvals waiting' }).waitFor();
  await dashboard.locator('prm-bar-chart svg').first().waitFor();
  await assertAccessible('the enterprise dashboard');
  // A partner chosen on the dashboard opens in the workspace.
  await dashboard.getByRole('button', { name: 'Maple Leaf Managed Services' }).click();
  assert.match(page.url(), /#\/partners\/p-maple$/);
  await mainHeading('Maple Leaf Managed Services').waitFor();

  await workspaceNav.getByRole('link', { name: 'Partners' }).click();
  await mainHeading('Partners').waitFor();
  await page.getByRole('link', { name: 'ABC Systems' }).waitFor();
  await assertAccessible('the partner list');

  await page.getByRole('link', { name: 'ABC Systems' }).click();
  assert.match(page.url(), /#\/partners\/p-abc$/);
  await mainHeading('ABC Systems').waitFor();
  const profile = page.locator('prm-partner-profile');
  await profile.getByRole('heading', { name: 'ABC Systems' }).waitFor();
  await profile.locator('prm-segment-badge').first().waitFor();
  await assertAccessible('the partner record in the workspace');

  // The partner's support cases, in the record's own tab.
  const tabs = page.getByRole('navigation', { name: /ABC Systems/ });
  await tabs.getByRole('link', { name: 'Support cases' }).click();
  assert.match(page.url(), /#\/partners\/p-abc\/cases$/);
  await page.locator('prm-case-list [part~="row"]').first().waitFor();
  await assertAccessible("the partner's support cases in the workspace");

  await tabs.getByRole('link', { name: 'Programs' }).click();
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

test('a deal registered by a partner associate is approved by the channel manager', async () => {
  const customer = 'Umbrella Portal Corp';

  // 1. Chloe Diaz, partner associate, registers the deal through the form.
  await page.getByLabel('Signed in as').selectOption('partnerAssociate');
  await page.goto(`${server.url}/#/`);
  await mainHeading('Welcome back, Chloe').waitFor();
  const portalNav = page.getByRole('navigation', { name: 'Partner portal' });
  assert.equal(
    await portalNav.getByText('Deal registration', { exact: true }).count(),
    0,
    'deal registration is no longer "coming next"',
  );
  await portalNav.getByRole('link', { name: 'Deal registrations' }).click();
  assert.match(page.url(), /#\/deals$/);
  await mainHeading('Deal registrations').waitFor();
  const list = page.locator('prm-deal-registration-list');
  await list.getByRole('table', { name: 'Deal registrations' }).waitFor();
  await assertAccessible('the partner deal registrations');

  await page.getByRole('link', { name: 'Register a deal' }).click();
  assert.match(page.url(), /#\/deals\/new$/);
  await mainHeading('Register a deal').waitFor();
  const form = page.locator('prm-deal-registration-form');
  // A label's text ends in " *" (hidden from the accessible name) when the field is required.
  const field = (label: string) => form.getByLabel(new RegExp(`^${label}( \\*)?$`));
  await field('Company').waitFor();
  await assertAccessible('the deal registration form');

  await field('Program').selectOption({ label: 'XYZ Reseller Program' });
  await field('Deal type').selectOption({ label: 'New business' });
  await field('Company').fill(customer);
  await field('Website domain').fill('umbrella-portal.example.com');
  await field('Country').fill('US');
  await field('Postal code').fill('10001');
  await field('Contact name').fill('Alice Wesker');
  await field('Contact email').fill('alice.wesker@umbrella-portal.example.com');
  await field('Product 1').selectOption({ label: 'XYZ Firewall 1000 (XYZ-FW-1000)' });
  await field('Quantity of product 1').fill('12');
  await field('Estimated value').fill('62,500.50');
  await field('Currency').selectOption('USD');
  await field('Expected close date').fill('2030-06-30');
  await field('Comments for the reviewer').fill('Met their CISO at the roadshow.');
  await form.getByRole('button', { name: 'Submit registration' }).click();

  const confirmation = form.getByRole('region', { name: 'Deal registered' });
  await confirmation.waitFor();
  const number = (await confirmation.locator('[part~="number"]').innerText()).trim();
  assert.match(number, /^DR-\d+$/);
  await confirmation.getByText(customer).waitFor();
  await confirmation.getByText('$62,500.50').waitFor();
  await page
    .getByRole('status')
    .getByText(`Registration ${number} was submitted for review.`)
    .waitFor();
  await assertAccessible('the deal registration confirmation');

  await page.getByRole('link', { name: 'Back to deal registrations' }).click();
  await mainHeading('Deal registrations').waitFor();
  const ourRow = (where: Locator) =>
    where.locator('[part~="row"]').filter({ has: page.getByRole('button', { name: number }) });
  await ourRow(list).getByText('Submitted', { exact: true }).waitFor();

  // 2. Marcus Reyes, channel manager, approves it from the review queue.
  await page.getByLabel('Signed in as').selectOption('channelManager');
  await mainHeading('Dashboard').waitFor();
  const workspaceNav = page.getByRole('navigation', { name: 'Partner workspace' });
  await workspaceNav.getByRole('link', { name: 'Deal reviews' }).click();
  assert.match(page.url(), /#\/reviews$/);
  await mainHeading('Deal reviews').waitFor();
  const queue = page.locator('prm-deal-review-queue');
  const open = queue.getByRole('button', { name: new RegExp(`^${number}\\b`) });
  await open.waitFor();
  await assertAccessible('the deal review queue');

  await open.click();
  await queue.getByRole('heading', { name: `Review ${number}` }).waitFor();
  await queue.getByRole('article', { name: 'This registration' }).getByText(customer).waitFor();
  await assertAccessible('a registration under review');
  await queue.getByRole('button', { name: 'Approve', exact: true }).click();
  await queue.getByText(new RegExp(`^${number} approved\\.`)).waitFor();
  await open.waitFor({ state: 'detached' });

  // The registration shows on its partner's page in the workspace.
  await workspaceNav.getByRole('link', { name: 'Partners' }).click();
  await page.getByRole('link', { name: 'ABC Systems' }).click();
  await mainHeading('ABC Systems').waitFor();
  await page
    .getByRole('navigation', { name: 'ABC Systems: sections' })
    .getByRole('link', { name: 'Deal registrations' })
    .click();
  assert.match(page.url(), /#\/partners\/p-abc\/deals$/);
  const partnerDeals = page.locator('prm-deal-registration-list');
  await ourRow(partnerDeals).getByText('Approved', { exact: true }).waitFor();
  await assertAccessible("the partner's deal registrations in the workspace");

  // 3. Back as Chloe Diaz: the registration is approved.
  await page.getByLabel('Signed in as').selectOption('partnerAssociate');
  await mainHeading('Welcome back, Chloe').waitFor();
  await portalNav.getByRole('link', { name: 'Deal registrations' }).click();
  await mainHeading('Deal registrations').waitFor();
  await ourRow(list).getByText('Approved', { exact: true }).waitFor();
  assertNoProblems();
});

test('a case raised by a partner associate is taken by the support agent', async () => {
  const subject = 'Licence keys for the Firewall 1000 do not activate';

  // 1. Chloe Diaz, partner associate, raises a licensing case through the form.
  await page.getByLabel('Signed in as').selectOption('partnerAssociate');
  await page.goto(`${server.url}/#/`);
  await mainHeading('Welcome back, Chloe').waitFor();
  const portalNav = page.getByRole('navigation', { name: 'Partner portal' });
  await portalNav.getByRole('link', { name: 'Support cases' }).click();
  assert.match(page.url(), /#\/cases$/);
  await mainHeading('Support cases').waitFor();

  await page.getByRole('link', { name: 'Raise a case' }).click();
  assert.match(page.url(), /#\/cases\/new$/);
  await mainHeading('Raise a case').waitFor();
  const form = page.locator('prm-case-form');
  const field = (label: string) => form.getByLabel(new RegExp(`^${label}( \\*)?$`));
  await field('Subject').waitFor();
  await assertAccessible('the case form');

  await field('Category').selectOption({ label: 'Licensing' });
  await field('Priority').selectOption({ label: 'High' });
  await field('Subject').fill(subject);
  await field('Description').fill(
    'Twelve keys bought last week fail with "invalid entitlement". We re-entered them twice.',
  );
  await form.getByRole('button', { name: 'Raise case' }).click();

  const confirmation = form.getByRole('region', { name: 'Case raised' });
  await confirmation.waitFor();
  const number = (await confirmation.locator('[part~="number"]').innerText()).trim();
  assert.match(number, /^CS-\d+$/);
  await confirmation.getByText(subject).waitFor();
  await page.getByRole('status').getByText(`Case ${number} was raised with support.`).waitFor();
  await assertAccessible('the case confirmation');

  await page.getByRole('link', { name: 'Back to support cases' }).click();
  await mainHeading('Support cases').waitFor();
  const list = page.locator('prm-case-list');
  const listRow = list
    .locator('[part~="row"]')
    .filter({ has: page.getByRole('button', { name: number, exact: true }) });
  await listRow.getByText(subject).waitFor();
  await assertAccessible('the partner support cases');

  // 2. Sofia Lindqvist, support agent, takes it from the support queue.
  await page.getByLabel('Signed in as').selectOption('supportAgent');
  await mainHeading('Dashboard').waitFor();
  const workspaceNav = page.getByRole('navigation', { name: 'Partner workspace' });
  await workspaceNav.getByRole('link', { name: 'Support queue' }).click();
  assert.match(page.url(), /#\/support$/);
  await mainHeading('Support queue').waitFor();
  const queue = page.locator('prm-case-queue');
  const queueRow = queue
    .locator('[part~="row"]')
    .filter({ has: page.getByRole('button', { name: new RegExp(`^${number}\\b`) }) });
  await queueRow.getByText(subject).waitFor();
  await queueRow.getByText('ABC Systems').waitFor();
  await assertAccessible('the support queue');

  await queueRow.getByRole('button', { name: `Assign to me ${number}` }).click();
  await queue.getByText(`${number} is assigned to you.`).waitFor();
  await queue.getByRole('button', { name: 'Assigned to me' }).click();
  await queueRow.getByText('Sofia Lindqvist').waitFor();
  await assertAccessible('the support queue after assigning');

  // 3. Back as Chloe Diaz: the case is among her support cases.
  await page.getByLabel('Signed in as').selectOption('partnerAssociate');
  await mainHeading('Welcome back, Chloe').waitFor();
  await portalNav.getByRole('link', { name: 'Support cases' }).click();
  await mainHeading('Support cases').waitFor();
  await listRow.getByText(subject).waitFor();
  await listRow.getByRole('button', { name: number, exact: true }).click();
  await list.locator('prm-case-detail').getByText(subject).first().waitFor();
  await assertAccessible('a support case opened by the partner');
  assertNoProblems();
});
