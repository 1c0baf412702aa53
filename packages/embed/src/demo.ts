/** `adapter="demo"`: the in-page backend with the demo data (its own chunk, loaded on demand). */
import { DEMO_USERS, createLocalBackend, type LocalBackend } from '@prm-kit/adapter-local';
import type { PrmAdapter } from '@prm-kit/core';

let backend: LocalBackend | undefined;

/** A demo user (`demo-user`, default the partner admin of ABC Systems) on the page's demo data. */
export function demoAdapter(user = 'partnerAdmin'): PrmAdapter {
  if (!Object.hasOwn(DEMO_USERS, user)) {
    throw new Error(
      `unknown demo-user "${user}": use one of ${Object.keys(DEMO_USERS).join(', ')}.`,
    );
  }
  // One backend per page, kept in localStorage: providers signed in as different demo users
  // see the same data, a reload keeps it, and only one copy writes the stored snapshot.
  backend ??= createLocalBackend({ persist: true });
  return backend.adapter(user as keyof typeof DEMO_USERS);
}
