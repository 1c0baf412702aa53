/**
 * How long `generateDataset` takes:
 * `pnpm exec tsx packages/backend/scripts/bench-generate.ts [partners] [dealsPerPartner] [--no-activities]`
 * (default 100 000 partners, 3 registrations each, activities logged).
 */
import { generateDataset } from '../src/demo/index.js';

const [partnersArg, dealsArg] = process.argv.slice(2).filter((arg) => !arg.startsWith('--'));
const partners = Number(partnersArg ?? 100_000);
const dealsPerPartner = Number(dealsArg ?? 3);
const activities = !process.argv.includes('--no-activities');

const start = performance.now();
const data = generateDataset({ partners, dealsPerPartner, activities });
const seconds = (performance.now() - start) / 1000;
const heap = Math.round(process.memoryUsage().heapUsed / 1_048_576);
const counts = Object.entries(data)
  .map(([resource, records]) => `${resource} ${String(records.length)}`)
  .join(', ');
console.log(
  `${String(partners)} partners × ${String(dealsPerPartner)} registrations, ` +
    `activities ${activities ? 'on' : 'off'}: ${seconds.toFixed(2)} s, heap ${String(heap)} MB`,
);
console.log(`  ${counts}`);
