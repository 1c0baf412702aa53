// `pnpm screenshots`: builds the demo portal, opens each dashboard in headless Chromium (Debian's,
// never a downloaded one) as a demo user would, and writes docs/screenshots/*.png for the README.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { launchChromium, serveStatic, STRICT_CSP } from '../test/e2e/support/browser.js';

const portalRoot = fileURLToPath(new URL('../examples/portal/', import.meta.url));
const shotsDir = fileURLToPath(new URL('../docs/screenshots/', import.meta.url));

/** Who to sign in as, and what the page must show before the picture is taken. */
const SHOTS = [
  {
    file: 'partner-dashboard.png',
    user: 'partnerAdmin',
    ready: 'prm-partner-dashboard prm-line-chart svg',
  },
  {
    file: 'enterprise-dashboard.png',
    user: 'channelManager',
    ready: 'prm-enterprise-dashboard prm-stacked-bar-chart svg',
  },
] as const;

const outDir = mkdtempSync(join(tmpdir(), 'prm-shots-'));
await build({ root: portalRoot, logLevel: 'warn', build: { outDir, emptyOutDir: true } });
const server = await serveStatic(outDir, { 'content-security-policy': STRICT_CSP });
const browser = await launchChromium();
mkdirSync(shotsDir, { recursive: true });
try {
  for (const shot of SHOTS) {
    const context = await browser.newContext({
      viewport: { width: 1280, height: 900 },
      colorScheme: 'light',
      locale: 'en-US',
    });
    // The portal remembers the signed-in demo user; start each picture as that user.
    await context.addInitScript((user) => localStorage.setItem('xyz-portal:user', user), shot.user);
    const page = await context.newPage();
    await page.goto(`${server.url}/#/`);
    await page.locator(shot.ready).first().waitFor();
    // Let every chart measure its container and draw.
    await page.waitForTimeout(500);
    await page.screenshot({ path: join(shotsDir, shot.file), fullPage: true });
    console.log(`docs/screenshots/${shot.file}`);
    await context.close();
  }
} finally {
  await browser.close();
  await server.close();
  rmSync(outDir, { recursive: true, force: true });
}
