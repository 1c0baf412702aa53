/**
 * Sign-in for the demo: `Authorization: Bearer demo-<actor>` signs in as that demo user
 * (`demo-partnerAdmin`, `demo-channelManager`, …). For local demos and tests only — anyone
 * who knows the scheme is anyone.
 */
import type { Viewer } from '@prm-kit/core';
import { DEMO_USERS, demoViewer } from '../demo/index.js';

export type DemoActor = keyof typeof DEMO_USERS;

/** The bearer token of each demo user: `{ partnerAdmin: 'demo-partnerAdmin', … }`. */
export const DEMO_TOKENS = Object.freeze(
  Object.fromEntries(Object.keys(DEMO_USERS).map((actor) => [actor, `demo-${actor}`])),
) as Readonly<Record<DemoActor, string>>;

const BEARER = /^Bearer\s+demo-(\w+)\s*$/i;

/** The demo viewer a request's bearer token names, or `null` (for `createRestApp`'s `authenticate`). */
export function demoAuthenticate(request: Request): Viewer | null {
  const actor = BEARER.exec(request.headers.get('Authorization') ?? '')?.[1];
  if (actor === undefined || !Object.hasOwn(DEMO_USERS, actor)) return null;
  return demoViewer(actor as DemoActor);
}
