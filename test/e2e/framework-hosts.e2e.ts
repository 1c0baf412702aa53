/**
 * The framework hosts end to end: the React 19 host (through @prm-kit/react's generated
 * wrappers) and the Vue 3 host (the custom elements directly), each built with Vite and served
 * under the strict Content-Security-Policy. In each, a partner admin registers a deal through
 * the form — on the in-page demo backend, then through the REST adapter against the reference
 * server (SQLite, real HTTP, another origin) — the host's own `prm-deal-submitted` handler
 * shows it, and the list shows the new registration. Pages are axe clean and log no errors.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { build } from 'vite';
import {
  startReferenceServer,
  type ReferenceServer,
} from '../../examples/reference-server/src/server.js';
import {
  STRICT_CSP,
  axeViolations,
  describeViolations,
  launchChromium,
  serveStatic,
  watchedPage,
  type StaticServer,
} from './support/browser.js';
import { registerDeal } from './support/deal-form.js';

const HOSTS = [
  { name: 'React', dir: 'react-host', trustedTypes: [] },
  // Vue puts static template parts in place through its own Trusted Types policy.
  { name: 'Vue', dir: 'vue-host', trustedTypes: ['vue'] },
] as const;

let tmp: string;
let api: ReferenceServer;
let browser: Browser;
const served = new Map<string, StaticServer>();

before(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'prm-hosts-'));
  api = await startReferenceServer({ port: 0, filename: join(tmp, 'prm.sqlite') });
  for (const host of HOSTS) {
    // The strict policy with the framework's own Trusted Types policy, plus calls to the
    // reference server on its own origin.
    const policy = `${STRICT_CSP.replace(
      'trusted-types lit-html',
      ['trusted-types lit-html', ...host.trustedTypes].join(' '),
    )}; connect-src 'self' ${new URL(api.url).origin}`;
    const root = fileURLToPath(new URL(`../../examples/${host.dir}/`, import.meta.url));
    const outDir = join(tmp, host.dir);
    await build({ root, logLevel: 'warn', build: { outDir, emptyOutDir: true } });
    served.set(host.dir, await serveStatic(outDir, { 'content-security-policy': policy }));
  }
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await Promise.all([...served.values()].map((server) => server.close()));
  await api?.close();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

/** A fresh page (its own storage) that records console errors, page errors and CSP violations. */
async function openPage(url: string): Promise<{ page: Page; problems: string[] }> {
  const { page, problems } = await watchedPage(browser);
  await page.goto(url);
  return { page, problems };
}

for (const host of HOSTS) {
  for (const backend of ['demo', 'rest'] as const) {
    const where = backend === 'demo' ? 'the demo backend' : 'the reference server over REST';
    test(`the ${host.name} host registers a deal on ${where}`, async () => {
      const customer = {
        company: `${host.name} ${backend} Corp`,
        domain: `${host.dir}-${backend}.example.com`,
      };
      const query =
        backend === 'rest' ? `?adapter=rest&base-url=${encodeURIComponent(api.url)}` : '';
      const { page, problems } = await openPage(`${served.get(host.dir)?.url}/${query}`);
      try {
        await page.getByRole('heading', { level: 1, name: 'Deal registrations' }).waitFor();
        // The adapter reached the provider as a property, never as an attribute string.
        assert.ok(
          await page
            .locator('prm-provider')
            .evaluate(
              (provider: Element & { adapter?: unknown }) =>
                typeof provider.adapter === 'object' && !provider.hasAttribute('adapter'),
            ),
          'the provider holds the adapter object',
        );
        const list = page.locator('prm-deal-registration-list');
        await list.getByRole('table', { name: 'Deal registrations' }).waitFor();
        assert.equal(await list.getByText(customer.company).count(), 0);

        const form = page.locator('prm-deal-registration-form');
        await registerDeal(form, customer);
        await form
          .getByRole('region', { name: 'Deal registered' })
          .getByText(customer.company)
          .waitFor();
        // The host's own handler (onPrmDealSubmitted / @prm-deal-submitted) ran.
        await page
          .getByRole('status')
          .getByText(`Registered ${customer.company}`, { exact: true })
          .waitFor();
        const row = list.locator('[part~="row"]').filter({ hasText: customer.company });
        await row.getByText('Submitted', { exact: true }).waitFor();

        if (backend === 'rest') {
          // The registration is on the server, not in the page.
          const response = await fetch(
            `${api.url}/deals?search=${encodeURIComponent(customer.company)}`,
            { headers: { authorization: 'Bearer demo-partnerAdmin' } },
          );
          const { items } = (await response.json()) as { items: { status: string }[] };
          assert.deepEqual(
            items.map((deal) => deal.status),
            ['submitted'],
          );
        }

        const violations = await axeViolations(page);
        assert.equal(violations.length, 0, describeViolations(violations));
        assert.deepEqual(problems, [], 'console errors, page errors or CSP violations');
      } finally {
        await page.context().close();
      }
    });
  }
}
