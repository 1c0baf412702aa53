// Finds a Chromium for the browser tests. Never downloads a browser: on a root Linux
// machine with apt-get it installs Debian's `chromium`, otherwise it asks you to.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

const candidates = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
];

const help =
  "prm-kit's browser tests need Chromium: install Debian's `chromium` (apt-get install chromium) or set CHROME_PATH";

function lookup() {
  if (process.env.CHROME_PATH) return process.env.CHROME_PATH;
  return candidates.find((path) => existsSync(path));
}

function canAptInstall() {
  if (process.platform !== 'linux' || process.getuid?.() !== 0) return false;
  try {
    execSync('command -v apt-get', { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** @returns {string} the path of a Chromium executable */
export function findChromium() {
  const found = lookup();
  if (found) return found;
  if (canAptInstall()) {
    console.log('Chromium not found: installing Debian’s chromium with apt-get…');
    execSync('apt-get update && apt-get install -y chromium', {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
    const installed = lookup();
    if (installed) return installed;
  }
  throw new Error(help);
}

// `node scripts/find-chromium.mjs` prints the path, or the one-line hint and exits 1.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  try {
    console.log(findChromium());
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  }
}
