// Placeholder until examples/demo-portal lands: then `pnpm start` serves it.
console.log('`pnpm start` will open the prm-kit demo portal (examples/demo-portal) once it lands.');
console.log(
  'Meanwhile: `pnpm test` runs the Node and Chromium tests, `pnpm lint` and `pnpm typecheck` check the code.',
);
