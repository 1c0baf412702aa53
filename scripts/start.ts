// `pnpm start`: builds the demo portal (examples/portal) and serves it on this machine under
// the strict Content-Security-Policy every prm-kit page must survive. Ctrl-C stops it.
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { STRICT_CSP, serveStatic } from './static-server.js';

const root = fileURLToPath(new URL('../examples/portal/', import.meta.url));
const outDir = fileURLToPath(new URL('../examples/portal/dist/', import.meta.url));

console.log('Building the demo portal…');
await build({ root, logLevel: 'warn', build: { outDir, emptyOutDir: true } });

const requested = Number(process.env.PORT ?? 5173);
const server = await serveStatic(
  outDir,
  { 'content-security-policy': STRICT_CSP },
  { port: Number.isInteger(requested) && requested >= 0 ? requested : 5173 },
);

console.log(`
  XYZ Solutions partner portal (prm-kit demo): ${server.url}/

  Try: open "Company profile" to see ABC Systems and its segment badges, apply to the
  XYZ Referral Program under "Programs", then switch to Marcus Reyes (channel manager)
  in the "Signed in as" menu. The demo data lives in your browser ("Reset demo data").

  Press Ctrl-C to stop.
`);

const stop = () => {
  void server.close().then(() => process.exit(0));
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
