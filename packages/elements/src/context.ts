import { createContext } from '@lit/context';
import type { Viewer } from '@prm-kit/core';
import type { PrmClient } from './client/prm-client.js';

/** What `<prm-provider>` gives every prm element inside it. Replaced (not mutated) on change. */
export interface PrmConnection {
  client: PrmClient;
  /** The signed-in user; `undefined` while the session loads or when it failed. */
  viewer: Viewer | undefined;
  /** Why the session could not be read (`unauthorized`, `network`, …). */
  sessionError: unknown;
  /** BCP 47 tag used for messages and `Intl` formatting. */
  locale: string;
}

/**
 * A global symbol, so elements from a second copy of prm-kit on the page still find the
 * provider of the first.
 */
export const prmContext = createContext<PrmConnection | undefined>(
  Symbol.for('prm-kit.connection.v1'),
);
