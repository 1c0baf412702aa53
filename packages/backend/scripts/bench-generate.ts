/**
 * How long `generateDataset` takes for large partner counts:
 * `pnpm exec tsx packages/backend/scripts/bench-generate.ts [partners] [dealsPerPartner]`.
 */
import { generateDataset } from '../src/demo/index.js';

const partners = Number(process.argv[2] ?? 100_000);
const dealsPerPartner = Number(process.argv[3] ?? 3);

for (const activities of [true, false]) {
  const start = performance.now();
  const data = generateDataset({ partners, dealsPerPartner, activities });
  const ms = performance.now() - start;
  const counts = Object.entries(data)
    .map(([resource, records]) => `${resource} ${String((records as unknown[]).length)}`)
    .join(', ');
  const heap = Math.round(process.memoryUsage().heapUsed / 1_048_576);
  console.log(
    `${String(partners)} partners × ${String(dealsPerPartner)} deals, activities ${String(activities)}: ` +
      `${(ms / 1000).toFixed(2)} s, heap ${String(heap)} MB\n  ${counts}`,
  );
}
