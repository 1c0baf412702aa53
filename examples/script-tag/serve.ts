/**
 * Serves this example as any static host would, under the strict Content-Security-Policy,
 * with the PRM API proxied to the same origin (the policy allows no other). As a script
 * (`pnpm --filter @prm-kit/example-script-tag start`) it puts the pages and the built
 * prm-kit (`packages/embed/dist`, as `prm-kit/`) together in `dist/` and serves that; the
 * end-to-end test does the same in a folder of its own.
 */
import { cpSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import {
  createServer,
  request as forwardTo,
  type IncomingMessage,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { STRICT_CSP, serveStatic, type StaticServer } from '../../scripts/static-server.js';

const here = dirname(fileURLToPath(import.meta.url));

/** Copies the example's pages (HTML, their script and style files) into `dir`. */
export function copyPages(dir: string): void {
  mkdirSync(dir, { recursive: true });
  for (const file of readdirSync(here).filter((name) => /\.(html|js|css)$/.test(name)))
    cpSync(join(here, file), join(dir, file));
}

/** Where `rest.html` finds the PRM API. */
export const API_PATH = '/api/prm/';

export interface ExampleOptions {
  /** The origin of a PRM server to proxy `/api/prm/` to, such as `http://127.0.0.1:8787`. */
  api?: string;
  /** The port to try first; default any free one. */
  port?: number;
}

/** Serves `root` (pages and a `prm-kit/` folder) under the strict policy, with the API proxy. */
export async function serveExample(
  root: string,
  options: ExampleOptions = {},
): Promise<StaticServer> {
  const files = await serveStatic(root, { 'content-security-policy': STRICT_CSP });
  const server = createServer((request, response) => {
    const api = (request.url ?? '/').startsWith(API_PATH) ? options.api : files.url;
    if (api) forward(request, response, api);
    else response.writeHead(502).end();
  });
  const listen = (port: number) =>
    new Promise<void>((listening, fail) => {
      server.once('error', fail);
      server.listen(port, '127.0.0.1', () => {
        server.off('error', fail);
        listening();
      });
    });
  // The port asked for, or any free one when it is taken.
  await listen(options.port ?? 0).catch(() => listen(0));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: async () => {
      await new Promise<void>((closed) => {
        server.close(() => closed());
        server.closeAllConnections();
      });
      await files.close();
    },
  };
}

function forward(request: IncomingMessage, response: ServerResponse, origin: string): void {
  const target = new URL(request.url ?? '/', origin);
  const upstream = forwardTo(
    target,
    { method: request.method, headers: { ...request.headers, host: target.host } },
    (answer) => {
      response.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(response);
    },
  );
  upstream.on('error', () => {
    if (!response.headersSent) response.writeHead(502);
    response.end();
  });
  request.pipe(upstream);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const site = join(here, 'dist');
  rmSync(site, { recursive: true, force: true });
  copyPages(site);
  const embed = dirname(fileURLToPath(import.meta.resolve('@prm-kit/embed/prm-kit.js')));
  cpSync(embed, join(site, 'prm-kit'), { recursive: true });
  const api = process.env.PRM_API ?? 'http://127.0.0.1:8787';
  const requested = Number(process.env.PORT ?? 5174);
  const server = await serveExample(site, {
    api,
    port: Number.isInteger(requested) && requested >= 0 ? requested : 5174,
  });
  console.log(`
  prm-kit from a script tag: ${server.url}/
    index.html  the in-page demo backend (no server needed)
    rest.html   the REST adapter: /api/prm/ goes to ${api} (start it with \`pnpm serve\`)

  Press Ctrl-C to stop.
`);
  const stop = () => void server.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
