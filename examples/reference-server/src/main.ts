/**
 * `pnpm serve`: the reference server on http://127.0.0.1:8787/api/prm with the demo data in
 * ./prm-demo.sqlite. Flags `--port <n>` and `--db <file>` (or env `PORT`, `PRM_DB`).
 */
import { parseArgs } from 'node:util';
import { DEMO_TOKENS, DEMO_USERS } from '@prm-kit/backend';
import { startReferenceServer } from './server.js';

const { values } = parseArgs({
  // `pnpm serve -- --port 9000` passes the `--` through.
  args: process.argv.slice(2).filter((arg) => arg !== '--'),
  options: { port: { type: 'string' }, db: { type: 'string' } },
});
const port = Number(values.port ?? process.env.PORT ?? 8787);
if (!Number.isInteger(port) || port < 0 || port > 65_535) {
  console.error(`Not a port: ${values.port ?? process.env.PORT ?? ''}`);
  process.exit(2);
}
const filename = values.db ?? process.env.PRM_DB ?? './prm-demo.sqlite';

const server = await startReferenceServer({ port, filename });
console.log(`prm-kit reference server: ${server.url}  (database: ${filename})`);
console.log('\nDemo tokens (Authorization: Bearer <token>):');
for (const [actor, token] of Object.entries(DEMO_TOKENS)) {
  const user = DEMO_USERS[actor as keyof typeof DEMO_USERS];
  console.log(
    `  ${token.padEnd(26)} ${user.name}, ${user.role}${user.partnerId ? ` (${user.partnerId})` : ''}`,
  );
}
console.log(
  `\nTry: curl -H 'Authorization: Bearer ${DEMO_TOKENS.partnerAdmin}' ${server.url}/deals`,
);

let stopping = false;
const stop = (signal: string) => {
  if (stopping) return;
  stopping = true;
  console.log(`\n${signal}: closing.`);
  server.close().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
};
process.once('SIGINT', () => stop('SIGINT'));
process.once('SIGTERM', () => stop('SIGTERM'));
