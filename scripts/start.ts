// Until the demo portal lands (examples/demo-portal), `pnpm start` runs the in-page demo
// backend here and shows what each demo role sees through the adapter.
import { CONFORMANCE_ACTORS } from '@prm-kit/core/testing';
import { createLocalBackend } from '@prm-kit/adapter-local';

const backend = createLocalBackend();
console.log('prm-kit demo backend (XYZ Solutions and its partners), as each role sees it:\n');
for (const actor of CONFORMANCE_ACTORS) {
  const adapter = backend.adapter(actor);
  const count = async (list: () => Promise<{ total?: number | undefined }>) =>
    list().then(
      (page) => String(page.total ?? '?'),
      () => '—',
    );
  const [partners, deals, cases] = await Promise.all([
    count(() => adapter.partners.list({ limit: 1 })),
    count(() => adapter.deals.list({ limit: 1 })),
    count(() => adapter.cases.list({ limit: 1 })),
  ]);
  const { name, role } = adapter.viewer;
  console.log(
    `  ${name.padEnd(18)} ${role.padEnd(18)} partners ${partners.padStart(3)}  deal registrations ${deals.padStart(3)}  cases ${cases.padStart(3)}`,
  );
}
console.log('\nThe demo portal will open here once it lands. Meanwhile: `pnpm test`.');
