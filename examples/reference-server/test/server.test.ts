import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { DEMO_TOKENS } from '@prm-kit/backend';
import { startReferenceServer } from '../src/server.js';

const dir = mkdtempSync(join(tmpdir(), 'prm-reference-server-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const auth = { Authorization: `Bearer ${DEMO_TOKENS.partnerAdmin}` };

/** True when nothing listens on `port` any more. */
const portIsFree = (port: number) =>
  new Promise<boolean>((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });

describe('reference server', () => {
  it('serves the contract over HTTP and keeps its data across restarts', async () => {
    const filename = join(dir, 'restart.sqlite');
    const first = await startReferenceServer({ port: 0, filename });
    let created: { id: string; subject: string };
    try {
      assert.match(first.url, /^http:\/\/127\.0\.0\.1:\d+\/api\/prm$/);
      const session = await fetch(`${first.url}/session`, { headers: auth });
      assert.equal(session.status, 200);
      assert.equal(((await session.json()) as { role: string }).role, 'partner_admin');
      const deals = await fetch(`${first.url}/deals?limit=5`, { headers: auth });
      assert.equal(deals.status, 200);
      assert.ok(((await deals.json()) as { items: unknown[] }).items.length > 0);
      assert.equal((await fetch(`${first.url}/deals`)).status, 401);

      const response = await fetch(`${first.url}/cases`, {
        method: 'POST',
        headers: { ...auth, 'Content-Type': 'application/json', 'Idempotency-Key': 'restart-1' },
        body: JSON.stringify({
          category: 'billing',
          priority: 'low',
          subject: 'Survives a restart',
          description: 'Kept in SQLite.',
        }),
      });
      assert.equal(response.status, 201);
      created = (await response.json()) as { id: string; subject: string };
    } finally {
      await first.close();
    }
    const port = Number(new URL(first.url).port);
    assert.ok(await portIsFree(port), 'close() released the port');
    await first.close(); // closing twice is harmless

    const second = await startReferenceServer({ port: 0, filename });
    try {
      const again = await fetch(`${second.url}/cases/${created.id}`, { headers: auth });
      assert.equal(again.status, 200);
      assert.equal(((await again.json()) as { subject: string }).subject, 'Survives a restart');
    } finally {
      await second.close();
    }
  });

  it('answers CORS preflights from any origin', async () => {
    const server = await startReferenceServer({ port: 0, filename: join(dir, 'cors.sqlite') });
    try {
      const preflight = await fetch(`${server.url}/deals`, {
        method: 'OPTIONS',
        headers: {
          Origin: 'https://host.example',
          'Access-Control-Request-Method': 'POST',
          'Access-Control-Request-Headers': 'idempotency-key',
        },
      });
      assert.equal(preflight.status, 204);
      assert.equal(preflight.headers.get('Access-Control-Allow-Origin'), '*');
    } finally {
      await server.close();
    }
  });

  it('fails to start on a port in use, and leaves the database closed', async () => {
    const server = await startReferenceServer({ port: 0, filename: join(dir, 'busy.sqlite') });
    try {
      const port = Number(new URL(server.url).port);
      await assert.rejects(
        startReferenceServer({ port, filename: join(dir, 'busy-2.sqlite') }),
        /EADDRINUSE/,
      );
    } finally {
      await server.close();
    }
  });

  it('main: prints the URL and tokens, exits 0 on SIGTERM', async () => {
    const main = fileURLToPath(new URL('../src/main.ts', import.meta.url));
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', main, '--port', '0', '--db', join(dir, 'main.sqlite')],
      { cwd: fileURLToPath(new URL('..', import.meta.url)), stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let output = '';
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        const found = /(http:\/\/\S+\/api\/prm)/.exec(output)?.[1];
        if (found && output.includes('demo-enterpriseAdmin')) resolve(found);
      });
      child.once('exit', (code) => reject(new Error(`exited ${String(code)} early: ${output}`)));
    });
    try {
      const session = await fetch(`${url}/session`, { headers: auth });
      assert.equal(session.status, 200);
      const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      assert.equal(await exited, 0);
    } finally {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    }
  });
});
