import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DAY_MS, Random, dateOnly, hashSeed, iso, toMs } from '../../src/demo/random.js';

describe('Random', () => {
  it('repeats its sequence for a seed, and differs across seeds', () => {
    const take = (seed: number | string) => {
      const rng = new Random(seed);
      return Array.from({ length: 5 }, () => rng.next());
    };
    assert.deepEqual(take(42), take(42));
    assert.deepEqual(take('demo'), take('demo'));
    assert.notDeepEqual(take(42), take(43));
    assert.notDeepEqual(take('demo'), take('Demo'));
    assert.equal(hashSeed('demo'), hashSeed('demo'));
    for (const value of take(1)) assert.ok(value >= 0 && value < 1);
  });

  it('draws integers in range, roughly evenly', () => {
    const rng = new Random(3);
    const counts = [0, 0, 0, 0];
    for (let i = 0; i < 4_000; i += 1) counts[rng.int(0, 3)]! += 1;
    for (const count of counts) assert.ok(count > 850 && count < 1_150, String(count));
  });

  it('picks, weighs, shuffles and samples', () => {
    const rng = new Random(5);
    const items = ['a', 'b', 'c', 'd', 'e'];
    assert.ok(items.includes(rng.pick(items)));
    assert.throws(() => rng.pick([]), RangeError);
    const heavy = Array.from({ length: 1_000 }, () =>
      rng.weighted([
        ['x', 9],
        ['y', 1],
      ] as const),
    );
    const xs = heavy.filter((v) => v === 'x').length;
    assert.ok(xs > 850 && xs < 950, String(xs));
    assert.equal(
      rng.weighted([
        ['only', 0],
        ['this', 1],
      ] as const),
      'this',
    );
    assert.throws(() => rng.weighted([['none', 0]]), RangeError);
    assert.deepEqual(rng.shuffle(items).sort(), items);
    const sample = rng.sample(items, 3);
    assert.equal(new Set(sample).size, 3);
    assert.ok(sample.every((s) => items.includes(s)));
    assert.deepEqual(rng.sample(items, 10).sort(), items);
    let yes = 0;
    for (let i = 0; i < 1_000; i += 1) if (rng.chance(0.3)) yes += 1;
    assert.ok(yes > 240 && yes < 360, String(yes));
  });

  it('draws times to the minute within bounds', () => {
    const rng = new Random(9);
    const now = toMs('2026-11-02T09:00:00.000Z');
    for (let i = 0; i < 200; i += 1) {
      const at = rng.daysAgo(now, 1, 30);
      assert.ok(at >= now - 30 * DAY_MS && at <= now - DAY_MS);
      assert.equal(at % 60_000, 0);
      const hours = rng.hours(1, 2);
      assert.ok(hours >= 3_540_000 && hours <= 7_200_000);
    }
  });
});

describe('time formatting', () => {
  it('formats like Date#toISOString', () => {
    const rng = new Random(11);
    for (let i = 0; i < 2_000; i += 1) {
      const ms = rng.int(0, 4_102_444_800_000) - (i % 2 === 0 ? 0 : rng.int(0, 59_999));
      assert.equal(iso(ms), new Date(ms).toISOString());
    }
    assert.equal(iso(toMs('2026-11-02T09:00:00.000Z')), '2026-11-02T09:00:00.000Z');
    assert.equal(dateOnly(toMs('2026-11-02T23:59:59.999Z')), '2026-11-02');
    assert.throws(() => toMs('yesterday'), RangeError);
  });
});
