import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { Segment } from '@prm-kit/core';
import { PrmClient } from '../src/client/prm-client.js';
import { PrmSegmentBadge } from '../src/components/segment-badge/segment-badge.js';
import { defineElement } from '../src/internal/define.js';
import {
  HOSTILE,
  demoBackend,
  hanging,
  instrument,
  mount,
  textOf,
  until,
} from './support/fixtures.js';

async function firstSegment(): Promise<Segment> {
  const [segment] = (await demoBackend().adapter('enterpriseAdmin').segments.list({ limit: 1 }))
    .items;
  if (!segment) throw new Error('the demo has no segment');
  return segment;
}

describe('prm-provider and the client', () => {
  it('is accessible with a badge inside', async () => {
    const segment = await firstSegment();
    const { provider } = await mount(
      demoBackend().adapter('partnerAdmin'),
      html`<prm-provider
        ><prm-segment-badge segment-id=${segment.id}></prm-segment-badge
      ></prm-provider>`,
    );
    const badge = provider.querySelector('prm-segment-badge')!;
    await until(badge, segment.name);
    await expect(provider).to.be.accessible();
  });

  it('shows "not connected" outside a provider instead of throwing', async () => {
    const badge = await fixture<PrmSegmentBadge>(
      html`<prm-segment-badge segment-id="seg-1"></prm-segment-badge>`,
    );
    expect(textOf(badge)).to.contain('Not connected');
    await expect(badge).to.be.accessible();
  });

  it('connects elements that were upgraded before their provider', async () => {
    const segment = await firstSegment();
    // Built by hand: `fixture()` of a plain element waits for an animation frame, which a
    // background test page may never get.
    const host = document.createElement('div');
    document.body.append(host);
    const tag = 'prm-provider-late';
    host.append(document.createElement(tag));
    const late = host.firstElementChild!;
    const badge = document.createElement('prm-segment-badge');
    badge.setAttribute('segment-id', segment.id);
    late.append(badge);
    await badge.updateComplete;
    expect(textOf(badge)).to.contain('Not connected');
    const { PrmProvider } = await import('../src/components/provider/provider.js');
    class LateProvider extends PrmProvider {}
    customElements.define(tag, LateProvider);
    (late as InstanceType<typeof PrmProvider>).adapter = demoBackend().adapter('partnerAdmin');
    await until(badge, segment.name);
    host.remove();
  });

  it('makes one adapter call for ten elements asking for the same record', async () => {
    const segment = await firstSegment();
    const { adapter, log } = instrument(demoBackend().adapter('partnerAdmin'));
    const badges = Array.from(
      { length: 10 },
      () => html`<prm-segment-badge segment-id=${segment.id}></prm-segment-badge>`,
    );
    const { provider } = await mount(adapter, html`<prm-provider>${badges}</prm-provider>`);
    for (const badge of provider.querySelectorAll('prm-segment-badge'))
      await until(badge, segment.name);
    expect(log.count('segments.get')).to.equal(1);
    expect(log.count('session')).to.equal(1);
  });

  it('updates every element showing a record after a mutation through the client', async () => {
    const segment = await firstSegment();
    const backend = demoBackend();
    const { provider } = await mount(
      backend.adapter('programAdmin'),
      html`<prm-provider
        ><prm-segment-badge segment-id=${segment.id}></prm-segment-badge
        ><prm-segment-badge segment-id=${segment.id}></prm-segment-badge
      ></prm-provider>`,
    );
    const [first, second] = provider.querySelectorAll('prm-segment-badge');
    await until(first!, segment.name);
    await provider.client!.mutate('segments', (adapter) =>
      adapter.segments.update(
        segment.id,
        { name: 'Renamed segment' },
        { version: segment.version },
      ),
    );
    await until(first!, 'Renamed segment');
    await until(second!, 'Renamed segment');
  });

  it('refetches when the adapter reports a change made elsewhere', async () => {
    const segment = await firstSegment();
    const backend = demoBackend();
    const { provider } = await mount(
      backend.adapter('partnerAdmin'),
      html`<prm-provider
        ><prm-segment-badge segment-id=${segment.id}></prm-segment-badge
      ></prm-provider>`,
    );
    const badge = provider.querySelector('prm-segment-badge')!;
    await until(badge, segment.name);
    // Another person (another adapter on the same backend) renames it.
    await backend
      .adapter('programAdmin')
      .segments.update(segment.id, { name: 'Changed elsewhere' }, { version: segment.version });
    await until(badge, 'Changed elsewhere');
  });

  it('cancels a read when the last element showing it disconnects', async () => {
    const signals: AbortSignal[] = [];
    const { adapter } = instrument(demoBackend().adapter('partnerAdmin'), (name, call, args) => {
      if (name !== 'segments.get') return call();
      const { signal } = args[1] as { signal: AbortSignal };
      signals.push(signal);
      return new Promise((_, reject) =>
        signal.addEventListener('abort', () => reject(new Error('aborted'))),
      );
    });
    const { provider } = await mount(
      adapter,
      html`<prm-provider
        ><prm-segment-badge segment-id="seg-slow"></prm-segment-badge
      ></prm-provider>`,
    );
    await waitUntil(() => signals.length === 1, 'the read never started');
    provider.querySelector('prm-segment-badge')!.remove();
    await waitUntil(() => signals[0]!.aborted, 'the read was not cancelled');
  });

  it('shows the session error with a retry that reads the viewer again', async () => {
    let fail = true;
    const { adapter, log } = instrument(demoBackend().adapter('partnerAdmin'), (name, call) =>
      name === 'session' && fail ? Promise.reject(new Error('offline')) : call(),
    );
    const segment = await firstSegment();
    const { provider } = await mount(
      adapter,
      html`<prm-provider
        ><prm-segment-badge segment-id=${segment.id}></prm-segment-badge
      ></prm-provider>`,
      { waitForViewer: false },
    );
    const badge = provider.querySelector('prm-segment-badge')!;
    // A badge with an id needs no viewer; a provider-wide session error is shown by views
    // that do. The client still reads the segment:
    await until(badge, segment.name);
    await waitUntil(() => provider.client!.cache.getQueryState(['session'])?.status === 'error');
    fail = false;
    await provider.client!.cache.refetchQueries({ queryKey: ['session'] });
    expect(log.count('session')).to.equal(2);
  });

  it('applies an appearance object as tokens, and the dark theme', async () => {
    const segment = await firstSegment();
    const { provider } = await mount(
      demoBackend().adapter('partnerAdmin'),
      html`<prm-provider
        ><prm-segment-badge .segment=${segment}></prm-segment-badge
      ></prm-provider>`,
    );
    const badge = provider.querySelector('prm-segment-badge')!;
    const base = () => badge.shadowRoot!.querySelector('[part~="base"]')!;
    const light = getComputedStyle(base()).backgroundColor;
    provider.appearance = { theme: 'dark', variables: { colorText: 'rgb(1, 2, 3)' } };
    await provider.updateComplete;
    expect(getComputedStyle(base()).color).to.equal('rgb(1, 2, 3)');
    expect(getComputedStyle(base()).backgroundColor).not.to.equal(light);
    provider.appearance = { variables: { colorText: 'red; background: url(x)' } };
    await provider.updateComplete;
    expect(provider.style.getPropertyValue('--prm-color-text')).to.equal('');
    expect(provider.style.getPropertyValue('color-scheme')).to.equal('');
  });

  it('registers a tag once, and warns when another version defines it', () => {
    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args.join(' '));
    try {
      defineElement('prm-segment-badge', PrmSegmentBadge);
      expect(warnings).to.deep.equal([]);
      class Older extends HTMLElement {
        static prmVersion = '0.0.1-old';
      }
      customElements.define('prm-versioned-test', Older);
      defineElement('prm-versioned-test', class extends HTMLElement {});
      expect(customElements.get('prm-versioned-test') === Older).to.equal(true);
      expect(warnings.join()).to.contain('already defined by prm-kit 0.0.1-old');
    } finally {
      console.warn = warn;
    }
  });

  it('merges a burst of change events into one refetch', async () => {
    const { adapter, log } = instrument(demoBackend().adapter('partnerAdmin'));
    const client = new PrmClient(adapter);
    const stop = client.connect();
    const segment = await firstSegment();
    const { QueryObserver } = await import('@tanstack/query-core');
    const observer = new QueryObserver(client.cache, client.get('segments', segment.id));
    const unsubscribe = observer.subscribe(() => undefined);
    await waitUntil(() => observer.getCurrentResult().status === 'success');
    for (let i = 0; i < 5; i++) client.invalidate('segments');
    await waitUntil(() => log.count('segments.get') === 2);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(log.count('segments.get')).to.equal(2);
    unsubscribe();
    stop();
  });
});

describe('prm-segment-badge', () => {
  it('shows a segment given as an object, in its colour, without a provider', async () => {
    const segment = await firstSegment();
    const badge = await fixture<PrmSegmentBadge>(
      html`<prm-segment-badge .segment=${segment}></prm-segment-badge>`,
    );
    expect(textOf(badge)).to.contain(segment.name);
    const swatch = badge.shadowRoot!.querySelector('[part="swatch"]')!;
    const [r, g, b] = [1, 3, 5].map((i) => parseInt(segment.colour.slice(i, i + 2), 16));
    expect(getComputedStyle(swatch).backgroundColor).to.equal(`rgb(${r}, ${g}, ${b})`);
    await expect(badge).to.be.accessible();
  });

  it('names the segment kind for screen readers', async () => {
    const segment = { ...(await firstSegment()), kind: 'tier' as const, name: 'Gold' };
    const badge = await fixture<PrmSegmentBadge>(
      html`<prm-segment-badge .segment=${segment}></prm-segment-badge>`,
    );
    expect(textOf(badge)).to.equal('Tier: Gold');
  });

  it('shows loading while the segment is read', async () => {
    const { adapter } = hanging(demoBackend().adapter('partnerAdmin'), (n) => n === 'segments.get');
    const { element } = await mount(
      adapter,
      html`<prm-provider><prm-segment-badge segment-id="seg-x"></prm-segment-badge></prm-provider>`,
    );
    await until(element, 'Loading');
    expect(Boolean(element.shadowRoot!.querySelector('[role="status"]'))).to.equal(true);
    await expect(element).to.be.accessible();
  });

  it('shows an error with a retry that reads again', async () => {
    const segment = await firstSegment();
    let fail = true;
    const { adapter, log } = instrument(demoBackend().adapter('partnerAdmin'), (name, call) =>
      name === 'segments.get' && fail ? Promise.reject(failingError()) : call(),
    );
    const { element } = await mount(
      adapter,
      html`<prm-provider
        ><prm-segment-badge segment-id=${segment.id}></prm-segment-badge
      ></prm-provider>`,
    );
    await until(element, "Can't reach the server");
    await expect(element).to.be.accessible();
    fail = false;
    element.shadowRoot!.querySelector<HTMLButtonElement>('[part="retry"]')!.click();
    await until(element, segment.name);
    expect(log.count('segments.get')).to.equal(2);
  });

  it('shows not found for an unknown id', async () => {
    const { element } = await mount(
      demoBackend().adapter('partnerAdmin'),
      html`<prm-provider
        ><prm-segment-badge segment-id="missing"></prm-segment-badge
      ></prm-provider>`,
    );
    await until(element, "doesn't exist");
  });

  it('renders markup in a segment name as inert text', async () => {
    const segment = { ...(await firstSegment()), name: HOSTILE, description: HOSTILE };
    const badge = await fixture<PrmSegmentBadge>(
      html`<prm-segment-badge .segment=${segment}></prm-segment-badge>`,
    );
    expect(textOf(badge)).to.contain('<img src=x');
    expect(badge.shadowRoot!.querySelectorAll('img, script').length).to.equal(0);
    expect((window as { __prmPwned?: boolean }).__prmPwned).to.equal(undefined);
  });

  it('shows nothing when given neither a segment nor an id', async () => {
    const badge = await fixture<PrmSegmentBadge>(html`<prm-segment-badge></prm-segment-badge>`);
    expect(textOf(badge)).to.equal('');
  });
});

function failingError() {
  return Object.assign(new Error('down'), { name: 'PrmError', code: 'network', fields: [] });
}
