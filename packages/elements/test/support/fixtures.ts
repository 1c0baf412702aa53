/** Shared set-up for the elements' Chromium tests: a provider on the demo backend, adapters that count, fail or hang. */
import { fixture, waitUntil } from '@open-wc/testing';
import { createLocalBackend, type LocalBackend } from '@prm-kit/adapter-local';
import { PrmError, type PrmAdapter, type PrmErrorCode } from '@prm-kit/core';
import type { LitElement, TemplateResult } from 'lit';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/define/all.js';
import type { PrmProvider } from '../../src/components/provider/provider.js';

export type Actor = Parameters<LocalBackend['adapter']>[0];

/** Every call the page made, as `group.method` (`partners.get`). */
export interface CallLog {
  calls: string[];
  count(name: string): number;
}

/** A copy of an adapter (adapters may be frozen) whose every call is logged, and optionally replaced. */
export function instrument(
  adapter: PrmAdapter,
  override?: (name: string, call: () => Promise<unknown>, args: unknown[]) => Promise<unknown>,
): { adapter: PrmAdapter; log: CallLog } {
  const calls: string[] = [];
  const wrap =
    (name: string, method: (...a: unknown[]) => Promise<unknown>, self: object) =>
    (...args: unknown[]) => {
      calls.push(name);
      const call = () => method.apply(self, args);
      return override ? override(name, call, args) : call();
    };
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(adapter) as (keyof PrmAdapter)[]) {
    const value: unknown = Reflect.get(adapter, key);
    if (key === 'capabilities') copy[key] = value;
    else if (typeof value === 'function') {
      copy[key] =
        key === 'session' ? wrap('session', value as never, adapter) : value.bind(adapter);
    } else if (typeof value === 'object' && value !== null) {
      const group: Record<string, unknown> = {};
      for (const [method, fn] of Object.entries(value)) {
        group[method] =
          typeof fn === 'function' ? wrap(`${key}.${method}`, fn as never, value) : fn;
      }
      copy[key] = group;
    }
  }
  return {
    adapter: copy as unknown as PrmAdapter,
    log: { calls, count: (name) => calls.filter((c) => c === name).length },
  };
}

/** An adapter whose every read (`name` filter) fails with `code`. */
export function failing(adapter: PrmAdapter, code: PrmErrorCode, only?: (name: string) => boolean) {
  return instrument(adapter, (name, call) =>
    !only || only(name) ? Promise.reject(new PrmError(code, `${name} failed`)) : call(),
  );
}

/** An adapter whose first `times` calls of `name` (`programs.eligibility`) fail with `code`. */
export function failFirst(
  adapter: PrmAdapter,
  name: string,
  times = 1,
  code: PrmErrorCode = 'network',
) {
  let left = times;
  return instrument(adapter, (called, call) => {
    if (called !== name || left === 0) return call();
    left--;
    return Promise.reject(new PrmError(code, `${name} failed`));
  });
}

/** An adapter whose matching calls never settle (until aborted), to hold the loading state. */
export function hanging(adapter: PrmAdapter, only: (name: string) => boolean) {
  return instrument(adapter, (name, call) =>
    only(name) ? new Promise<never>(() => undefined) : call(),
  );
}

/** Mounts `content` inside a provider on `adapter` and waits until the viewer is known. */
export async function mount<T extends Element = Element>(
  adapter: PrmAdapter,
  content: TemplateResult,
  options: { locale?: string; waitForViewer?: boolean } = {},
): Promise<{ provider: PrmProvider; element: T }> {
  const provider = await fixture<PrmProvider>(content);
  if (provider.localName !== 'prm-provider')
    throw new Error('mount() expects a <prm-provider> template');
  if (options.locale) provider.locale = options.locale;
  provider.adapter = adapter;
  if (options.waitForViewer !== false) {
    await waitUntil(() => provider.client?.cache.getQueryData(['session']), 'no viewer', {
      timeout: 5000,
    });
  }
  const element = provider.firstElementChild as T;
  return { provider, element };
}

/** Text a person sees in an element's shadow root (collapsed whitespace). */
export function textOf(element: Element): string {
  const root = element.shadowRoot ?? element;
  return (root.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** Waits for the element (through nested shadow roots) to show `text`. */
export async function until(element: Element, text: string, timeout = 5000): Promise<void> {
  try {
    await waitUntil(() => deepText(element).includes(text), undefined, { timeout });
  } catch {
    // Said at the timeout, so the message shows what the element shows then.
    throw new Error(`never showed "${text}"; saw: ${deepText(element).slice(0, 400)}`);
  }
}

/** Text through nested shadow roots (a profile's badges). */
export function deepText(node: Node): string {
  const parts: string[] = [];
  const walk = (current: Node) => {
    if (current.nodeType === Node.TEXT_NODE) parts.push(current.textContent ?? '');
    const shadow = (current as Element).shadowRoot;
    if (shadow) walk(shadow);
    for (const child of current.childNodes) walk(child);
  };
  walk(node);
  return parts.join(' ').replace(/\s+/g, ' ').trim();
}

/** A demo backend per test, so writes in one test never leak into the next. */
export function demoBackend(): LocalBackend {
  return createLocalBackend();
}

/** Payloads that would run script or inject markup if rendered as HTML. */
export const HOSTILE = `<img src=x onerror="window.__prmPwned=true"><script>window.__prmPwned=true</script>`;

/** Presses a key in the real browser (trusted input, unlike a dispatched event). */
export async function press(key: string): Promise<void> {
  await sendKeys({ press: key });
}

function control(element: Element, name: string) {
  const found = element.shadowRoot!.querySelector<
    HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement
  >(`[name="${name}"]`);
  if (!found) throw new Error(`no control named ${name}`);
  return found;
}

/** Sets a named control's value the way a browser reports it (`input`, and `change` for selects). */
export async function type(element: LitElement, name: string, value: string): Promise<void> {
  const target = control(element, name);
  target.value = value;
  const kind = target instanceof HTMLSelectElement ? 'change' : 'input';
  target.dispatchEvent(new Event(kind, { bubbles: true, composed: true }));
  await element.updateComplete;
}
