/**
 * The reference server: the prm-kit REST contract over HTTP, on SQLite, seeded with the demo
 * data on first start. Demo sign-in only (`Authorization: Bearer demo-<user>`).
 */
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import {
  createPrmService,
  createRestApp,
  datasetSnapshot,
  demoAuthenticate,
  demoDataset,
} from '@prm-kit/backend';
import { createSqliteStore } from '@prm-kit/backend/sqlite';

/** Where the contract is mounted. */
export const BASE_PATH = '/api/prm';

export interface ReferenceServerOptions {
  /** The port to listen on; `0` picks a free one. Default 8787. */
  port?: number;
  /** The SQLite file; created and seeded with the demo data when new. */
  filename: string;
  /** The interface to listen on. Default `127.0.0.1` (this machine only). */
  host?: string;
}

export interface ReferenceServer {
  /** The base URL of the API: `http://127.0.0.1:8787/api/prm`. */
  url: string;
  /** Stops listening, ends open connections and closes the database. */
  close(): Promise<void>;
}

export async function startReferenceServer(
  options: ReferenceServerOptions,
): Promise<ReferenceServer> {
  const host = options.host ?? '127.0.0.1';
  // The demo's dates are relative to its reference time: seed it as of now.
  const store = createSqliteStore({
    filename: options.filename,
    snapshot: datasetSnapshot(demoDataset({ now: new Date().toISOString() })),
  });
  const service = createPrmService({ store });
  const app = createRestApp(service, {
    authenticate: demoAuthenticate,
    cors: { origins: '*' },
    basePath: BASE_PATH,
  });
  try {
    const { server, address } = await new Promise<{
      server: ReturnType<typeof serve>;
      address: AddressInfo;
    }>((resolve, reject) => {
      const server = serve(
        { fetch: app.fetch, port: options.port ?? 8787, hostname: host },
        (info) => resolve({ server, address: info }),
      );
      server.once('error', reject);
    });
    const authority = address.family === 'IPv6' ? `[${address.address}]` : address.address;
    let closing: Promise<void> | undefined;
    return {
      url: `http://${authority}:${address.port}${BASE_PATH}`,
      close: () =>
        (closing ??= new Promise<void>((resolve, reject) => {
          server.close((error) => (error ? reject(error) : resolve()));
          // Keep-alive connections would hold the port open until they time out.
          if ('closeAllConnections' in server) server.closeAllConnections();
        }).finally(() => store.close())),
    };
  } catch (error) {
    store.close();
    throw error;
  }
}
