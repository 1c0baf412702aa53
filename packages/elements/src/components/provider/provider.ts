import { ContextProvider } from '@lit/context';
import type { PrmAdapter, Viewer } from '@prm-kit/core';
import { QueryObserver } from '@tanstack/query-core';
import { css, html, LitElement, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { PrmClient } from '../../client/prm-client.js';
import { prmContext, type PrmConnection } from '../../context.js';
import { isPrmElement } from '../../internal/prm-element.js';
import { setMessageLocale } from '../../localize.js';
import { appearanceDeclarations, type Appearance } from '../../tokens.js';

/**
 * @summary Connects the prm elements inside it to an adapter: it holds the query client,
 * reads the signed-in viewer once, and sets the locale and theme for all of them.
 *
 * @slot - The prm elements (and any other content) to connect.
 */
export class PrmProvider extends LitElement {
  static override styles = css`
    :host {
      display: contents;
    }
  `;

  readonly #provider = new ContextProvider(this, { context: prmContext });
  #client: PrmClient | undefined;
  #disconnect: (() => void) | undefined;
  #stopSession: (() => void) | undefined;
  #applied = new Set<string>();

  /** The backend, as any object implementing `PrmAdapter` (adapter-local, adapter-rest, yours). */
  @property({ attribute: false }) accessor adapter: PrmAdapter | undefined;

  /** BCP 47 locale for messages and formatting; defaults to the nearest `lang` attribute, then `en`. */
  @property() accessor locale: string | undefined;

  /** Theme and token values from JavaScript (`{ theme: 'dark', variables: { colorPrimary } }`). */
  @property({ attribute: false }) accessor appearance: Appearance | undefined;

  /** The query client of the current adapter. */
  get client(): PrmClient | undefined {
    return this.#client;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.adapter) this.#connect(this.adapter);
    // Elements defined before this provider asked for it when no one answered.
    for (const element of this.querySelectorAll('*')) {
      if (isPrmElement(element)) element.requestConnection();
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#release();
  }

  /**
   * Forgets every cached read and reads again, starting with the viewer: call it after the
   * signed-in user changes behind the same adapter.
   */
  async reset(): Promise<void> {
    await this.#client?.cache.resetQueries();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('adapter') && this.isConnected) {
      this.#release();
      if (this.adapter) this.#connect(this.adapter);
    }
    if (changed.has('appearance')) this.#applyAppearance();
    if (changed.has('locale')) {
      void setMessageLocale(this.#locale());
      this.#publish();
    }
  }

  protected override render() {
    return html`<slot></slot>`;
  }

  #connect(adapter: PrmAdapter): void {
    if (this.#client?.adapter === adapter && this.#disconnect) return;
    const client = new PrmClient(adapter);
    this.#client = client;
    this.#disconnect = client.connect();
    const session = new QueryObserver<Viewer>(client.cache, client.session());
    this.#stopSession = session.subscribe(() => this.#publish());
    this.#publish();
  }

  #release(): void {
    this.#stopSession?.();
    this.#disconnect?.();
    this.#stopSession = this.#disconnect = undefined;
    this.#publish();
  }

  #locale(): string {
    const inherited = this.closest<HTMLElement>('[lang]')?.lang;
    // An empty attribute or `lang=""` means unset, hence `||`.
    // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
    return this.locale || inherited || 'en';
  }

  #publish(): void {
    const client = this.#disconnect ? this.#client : undefined;
    if (!client) {
      this.#provider.setValue(undefined);
      return;
    }
    const session = client.cache.getQueryState<Viewer>(['session']);
    const connection: PrmConnection = {
      client,
      viewer: session?.data,
      sessionError: session?.status === 'error' ? (session.error ?? undefined) : undefined,
      locale: this.#locale(),
    };
    this.#provider.setValue(connection);
  }

  #applyAppearance(): void {
    const declarations = appearanceDeclarations(this.appearance);
    // CSSOM, not a style attribute: allowed under a strict Content-Security-Policy.
    for (const name of this.#applied) {
      if (!declarations.has(name)) this.style.removeProperty(name);
    }
    for (const [name, value] of declarations) this.style.setProperty(name, value);
    this.#applied = new Set(declarations.keys());
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'prm-provider': PrmProvider;
  }
}
