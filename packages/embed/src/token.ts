/**
 * Where `adapter="rest"` gets the signed-in user's bearer token, on every request: from the
 * global function the `token` attribute names (sync or async), or else from the page's
 * answer to a `prm-token-request` event.
 */
type Token = string | null | undefined;

/**
 * Raised on a REST provider before each request when it has no `token` attribute. Bubbles
 * out of shadow roots; answer with `event.respondWith(tokenOrPromise)` (which also marks the
 * event handled: `defaultPrevented`). Unanswered, the request goes without a token.
 */
export class PrmTokenRequestEvent extends Event {
  readonly #respond: (token: Token | Promise<Token>) => void;

  constructor(respond: (token: Token | Promise<Token>) => void) {
    super('prm-token-request', { bubbles: true, composed: true, cancelable: true });
    this.#respond = respond;
  }

  /** Answers with the bearer token, or a promise of it; the first answer counts. */
  respondWith(token: Token | Promise<Token>): void {
    if (this.defaultPrevented) return;
    this.preventDefault();
    this.#respond(token);
  }
}

declare global {
  interface HTMLElementEventMap {
    'prm-token-request': PrmTokenRequestEvent;
  }
}

export function tokenGetter(
  provider: HTMLElement,
  name: string | null,
): () => Token | Promise<Token> {
  if (name) {
    let reported = false;
    return () => {
      const source = (globalThis as Record<string, unknown>)[name];
      if (typeof source === 'function') return (source as () => Token | Promise<Token>)();
      const problem = `token="${name}" names no global function (window.${name} is ${typeof source}).`;
      if (!reported) console.error(`prm-kit: ${problem}`);
      reported = true;
      // adapter-rest turns this into an `unauthorized` error, which the elements show.
      throw new Error(problem);
    };
  }
  return () => {
    let token: Token | Promise<Token>;
    provider.dispatchEvent(
      new PrmTokenRequestEvent((answer) => {
        token = answer;
      }),
    );
    return token;
  };
}
