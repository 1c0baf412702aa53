/** `adapter="rest"`: the REST adapter and the host's token (its own chunk, loaded on demand). */
import { createRestAdapter } from '@prm-kit/adapter-rest';
import type { PrmAdapter } from '@prm-kit/core';
import { tokenGetter } from './token.js';

export function restAdapter(
  provider: HTMLElement,
  baseUrl: string | null,
  token: string | null,
): PrmAdapter {
  if (!baseUrl) {
    throw new Error('adapter="rest" needs base-url, the URL of the PRM API ("/api/prm").');
  }
  return createRestAdapter({
    baseUrl: new URL(baseUrl, document.baseURI).href,
    getToken: tokenGetter(provider, token),
  });
}
