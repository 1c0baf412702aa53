/**
 * The page's backend: the in-page demo backend with its demo data (the default), or a prm-kit
 * REST API with `?adapter=rest` — `base-url` defaults to `pnpm serve`'s reference server and
 * `token` to its demo partner admin. Each adapter loads only when the page asks for it.
 */
async function adapterFromUrl(search: string) {
  const params = new URLSearchParams(search);
  if (params.get('adapter') === 'rest') {
    const { createRestAdapter } = await import('@prm-kit/adapter-rest');
    const token = params.get('token') ?? 'demo-partnerAdmin';
    return createRestAdapter({
      baseUrl: params.get('base-url') ?? 'http://127.0.0.1:8787/api/prm',
      getToken: () => token,
    });
  }
  const { createLocalAdapter } = await import('@prm-kit/adapter-local');
  return createLocalAdapter({ viewer: 'partnerAdmin' });
}

/** The page's one adapter, shared by everything rendered in it. */
export const adapter = await adapterFromUrl(location.search);
