import { expect, html, waitUntil } from '@open-wc/testing';
import { Formatter, messageLocaleFor, setMessageLocale } from '../src/localize.js';
import type { PrmSegmentBadge } from '../src/components/segment-badge/segment-badge.js';
import { demoBackend, mount, textOf } from './support/fixtures.js';

describe('localization', () => {
  after(() => setMessageLocale('en'));

  it('formats money in minor units with each currency’s own decimals', () => {
    const en = new Formatter('en-US');
    expect(en.money({ amount: 123_456, currency: 'USD' })).to.equal('$1,234.56');
    expect(en.money({ amount: 1_234, currency: 'JPY' })).to.equal('¥1,234');
    const de = new Formatter('de-DE');
    expect(de.money({ amount: 123_456, currency: 'EUR' })).to.equal('1.234,56\u00a0€');
  });

  it('formats dates, numbers and relative times in the locale', () => {
    const de = new Formatter('de-DE');
    expect(de.date('2026-03-01')).to.equal('01.03.2026');
    expect(de.number(12_345.5)).to.equal('12.345,5');
    const now = new Date('2026-03-01T00:00:00Z');
    expect(new Formatter('en').relative('2026-03-04T00:00:00Z', now)).to.equal('in 3 days');
    expect(new Formatter('ja').percent(0.125)).to.equal('12.5%');
  });

  it('maps a regional tag to its message locale', () => {
    expect(messageLocaleFor('de-CH')).to.equal('de');
    expect(messageLocaleFor('ja-JP')).to.equal('ja');
    expect(messageLocaleFor('fr')).to.equal('en');
  });

  it('shows the elements in German when the provider says so, and back in English', async () => {
    const segments = await demoBackend().adapter('enterpriseAdmin').segments.list({ limit: 1 });
    const segment = { ...segments.items[0]!, kind: 'tier' as const, name: 'Gold' };
    const { provider } = await mount(
      demoBackend().adapter('partnerAdmin'),
      html`<prm-provider locale="de-DE"
        ><prm-segment-badge .segment=${segment}></prm-segment-badge
      ></prm-provider>`,
    );
    const badge = provider.querySelector<PrmSegmentBadge>('prm-segment-badge')!;
    await waitUntil(() => textOf(badge) === 'Stufe: Gold', `saw ${textOf(badge)}`);
    provider.locale = 'en';
    await waitUntil(() => textOf(badge) === 'Tier: Gold', `saw ${textOf(badge)}`);
  });

  it('takes the locale from the nearest lang attribute', async () => {
    // Built by hand: `fixture()` of a plain element waits for an animation frame, which a
    // background test page may never get.
    const wrapper = document.createElement('section');
    wrapper.lang = 'ja';
    const provider = document.createElement('prm-provider');
    wrapper.append(provider);
    document.body.append(wrapper);
    provider.adapter = demoBackend().adapter('partnerAdmin');
    const badge = document.createElement('prm-segment-badge');
    provider.append(badge);
    await waitUntil(() => badge.connection?.locale === 'ja');
    expect(badge.format.money({ amount: 500, currency: 'JPY' })).to.equal('￥500');
    wrapper.remove();
  });
});
