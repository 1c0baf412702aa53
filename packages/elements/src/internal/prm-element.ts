import { ContextConsumer } from '@lit/context';
import { updateWhenLocaleChanges } from '@lit/localize';
import type { Viewer } from '@prm-kit/core';
import { LitElement } from 'lit';
import { property } from 'lit/decorators.js';
import type { PrmClient } from '../client/prm-client.js';
import { prmContext, type PrmConnection } from '../context.js';
import { Formatter } from '../localize.js';
import { tokenStyles } from '../tokens.js';
import { defineElement, VERSION } from './define.js';
import { primitiveStyles } from './styles.js';

/** Marks prm elements, so a provider that upgrades late can connect the ones inside it. */
export const PRM_ELEMENT = Symbol.for('prm-kit.element');

/**
 * The base of every prm element: the connection from the nearest `<prm-provider>` (or set
 * directly as the `connection` property), the tokens and primitive styles, the locale.
 */
export class PrmElement extends LitElement {
  static override styles = [tokenStyles, primitiveStyles];
  static readonly prmVersion = VERSION;
  readonly [PRM_ELEMENT] = true;

  /** Registers this class under `tag` (once per page; see `defineElement`). */
  static define(tag: string): void {
    defineElement(tag, this);
  }

  readonly #consumer = new ContextConsumer(this, {
    context: prmContext,
    subscribe: true,
    callback: (connection) => {
      this.connection = connection;
    },
  });
  #formatter: Formatter | undefined;

  /** The client, viewer and locale; provided by `<prm-provider>`, or set by a host directly. */
  @property({ attribute: false }) accessor connection: PrmConnection | undefined;

  constructor() {
    super();
    updateWhenLocaleChanges(this);
  }

  get client(): PrmClient | undefined {
    return this.connection?.client;
  }

  get viewer(): Viewer | undefined {
    return this.connection?.viewer;
  }

  /** `Intl` formatting in the provider's locale. */
  get format(): Formatter {
    const locale = this.connection?.locale ?? 'en';
    if (this.#formatter?.locale !== locale) this.#formatter = new Formatter(locale);
    return this.#formatter;
  }

  /**
   * The partner an element is about: its `partner-id` when set (an empty attribute counts as
   * none), else the partner of a partner-side viewer; enterprise viewers must name one.
   */
  protected partnerOrOwn(partnerId: string | undefined): string | undefined {
    if (partnerId) return partnerId;
    return this.viewer?.partnerId ?? undefined;
  }

  /** Asks for the provider again (called by a provider that was defined after this element). */
  requestConnection(): void {
    if (this.connection) return;
    this.#consumer.hostDisconnected();
    this.#consumer.hostConnected();
  }
}

export function isPrmElement(node: unknown): node is PrmElement {
  return typeof node === 'object' && node !== null && PRM_ELEMENT in node;
}
