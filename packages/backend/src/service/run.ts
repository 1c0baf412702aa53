import type { Session } from './session.js';

/** Runs one operation of the bound viewer in a store transaction; rejects with its PrmError. */
export type Run = <T>(work: (session: Session) => T) => Promise<T>;

/** `list` and `get` of a resource the viewer reads as stored. */
export const readable = <T>(run: Run, resource: Parameters<Session['list']>[0]) => ({
  list: (query?: unknown) => run((s) => s.list<T>(resource, query)),
  get: (id: string) => run((s) => s.view<T>(resource, s.find(resource, id))),
});
