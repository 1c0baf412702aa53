import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  addBusinessHours,
  businessHoursBetween,
  type BusinessCalendar,
} from '../../src/rules/business-time.js';

// 2026-01-30 is a Friday; 2026-03-08 (US DST starts) and 2026-11-01 (US DST ends) are Sundays.
const NY: BusinessCalendar = { timeZone: 'America/New_York' };
/** Sundays only, 01:00–03:00 local: straddles the US DST change at 02:00. */
const NY_SUNDAY_NIGHT: BusinessCalendar = {
  timeZone: 'America/New_York',
  workdays: [0],
  startHour: 1,
  endHour: 3,
};
const ALWAYS: BusinessCalendar = { workdays: [0, 1, 2, 3, 4, 5, 6], startHour: 0, endHour: 24 };

describe('addBusinessHours', () => {
  const cases: {
    name: string;
    start: string;
    hours: number;
    calendar?: BusinessCalendar;
    expected: string;
  }[] = [
    {
      name: 'within one day',
      start: '2026-02-02T10:00:00.000Z',
      hours: 2,
      expected: '2026-02-02T12:00:00.000Z',
    },
    {
      name: 'zero hours inside hours',
      start: '2026-02-02T10:15:00.000Z',
      hours: 0,
      expected: '2026-02-02T10:15:00.000Z',
    },
    {
      name: 'a full day ends at closing, same day',
      start: '2026-02-02T09:00:00.000Z',
      hours: 8,
      expected: '2026-02-02T17:00:00.000Z',
    },
    {
      name: 'before opening counts from opening',
      start: '2026-02-02T06:00:00.000Z',
      hours: 8,
      expected: '2026-02-02T17:00:00.000Z',
    },
    {
      name: 'after closing rolls to next morning',
      start: '2026-02-02T20:00:00.000Z',
      hours: 1,
      expected: '2026-02-03T10:00:00.000Z',
    },
    {
      name: 'over the weekend',
      start: '2026-01-30T16:00:00.000Z',
      hours: 2,
      expected: '2026-02-02T10:00:00.000Z',
    },
    {
      name: 'zero hours on Saturday → Monday opening',
      start: '2026-01-31T12:00:00.000Z',
      hours: 0,
      expected: '2026-02-02T09:00:00.000Z',
    },
    {
      name: 'one hour from Sunday',
      start: '2026-02-01T23:59:00.000Z',
      hours: 1,
      expected: '2026-02-02T10:00:00.000Z',
    },
    {
      name: 'start exactly at closing, zero hours',
      start: '2026-01-30T17:00:00.000Z',
      hours: 0,
      expected: '2026-02-02T09:00:00.000Z',
    },
    {
      name: 'start exactly at closing, one hour',
      start: '2026-01-30T17:00:00.000Z',
      hours: 1,
      expected: '2026-02-02T10:00:00.000Z',
    },
    {
      name: 'a working week',
      start: '2026-02-02T09:00:00.000Z',
      hours: 40,
      expected: '2026-02-06T17:00:00.000Z',
    },
    {
      name: 'one hour past a working week',
      start: '2026-02-02T09:00:00.000Z',
      hours: 41,
      expected: '2026-02-09T10:00:00.000Z',
    },
    {
      name: 'fractional hours',
      start: '2026-02-02T16:45:00.000Z',
      hours: 0.5,
      expected: '2026-02-03T09:15:00.000Z',
    },
    {
      name: 'input with an offset',
      start: '2026-02-02T11:00:00+01:00',
      hours: 1,
      expected: '2026-02-02T11:00:00.000Z',
    },
    {
      name: 'holiday skipped',
      start: '2026-01-30T16:00:00.000Z',
      hours: 2,
      calendar: { holidays: ['2026-02-02'] },
      expected: '2026-02-03T10:00:00.000Z',
    },
    {
      name: 'holiday that is not on a workday changes nothing',
      start: '2026-01-30T16:00:00.000Z',
      hours: 2,
      calendar: { holidays: ['2026-01-31'] },
      expected: '2026-02-02T10:00:00.000Z',
    },
    {
      name: 'custom hours with half hours',
      start: '2026-02-02T00:00:00.000Z',
      hours: 1,
      calendar: { startHour: 8.5, endHour: 12 },
      expected: '2026-02-02T09:30:00.000Z',
    },
    {
      name: 'round the clock',
      start: '2026-01-31T22:00:00.000Z',
      hours: 5,
      calendar: ALWAYS,
      expected: '2026-02-01T03:00:00.000Z',
    },
    // New York: EST (UTC−5) before 2026-03-08, EDT (UTC−4) after.
    {
      name: 'New York, Friday EST → Monday EDT across the DST change',
      start: '2026-03-06T21:00:00.000Z', // Fri 16:00 EST
      hours: 2,
      calendar: NY,
      expected: '2026-03-09T14:00:00.000Z', // Mon 10:00 EDT
    },
    {
      name: 'New York, zero hours on the DST Sunday → Monday 09:00 EDT',
      start: '2026-03-08T12:00:00.000Z',
      hours: 0,
      calendar: NY,
      expected: '2026-03-09T13:00:00.000Z',
    },
    {
      name: 'New York, a 23-hour day counts real hours',
      start: '2026-03-08T05:00:00.000Z', // Sun 00:00 EST
      hours: 24,
      calendar: { ...ALWAYS, timeZone: 'America/New_York' },
      expected: '2026-03-09T05:00:00.000Z', // Mon 01:00 EDT
    },
    {
      name: 'New York, 01:00–03:00 on spring-forward night is one real hour',
      start: '2026-03-08T06:00:00.000Z', // 01:00 EST
      hours: 1.5,
      calendar: NY_SUNDAY_NIGHT,
      expected: '2026-03-15T05:30:00.000Z', // next Sunday 01:30 EDT
    },
    {
      name: 'New York, an opening inside the skipped hour moves after the gap',
      start: '2026-03-08T00:00:00.000Z',
      hours: 0,
      calendar: { ...NY_SUNDAY_NIGHT, startHour: 2.5, endHour: 4 },
      expected: '2026-03-08T07:30:00.000Z', // 03:30 EDT
    },
    {
      name: 'New York, an opening in the repeated hour is its first occurrence',
      start: '2026-11-01T00:00:00.000Z',
      hours: 0.5,
      calendar: NY_SUNDAY_NIGHT,
      expected: '2026-11-01T05:30:00.000Z', // 01:30 EDT
    },
    {
      name: 'Kolkata (UTC+05:30)',
      start: '2026-02-02T00:00:00.000Z', // Mon 05:30 IST
      hours: 1,
      calendar: { timeZone: 'Asia/Kolkata' },
      expected: '2026-02-02T04:30:00.000Z', // Mon 10:00 IST
    },
    {
      name: 'Auckland: local Saturday while UTC says Friday',
      start: '2026-01-30T22:00:00.000Z', // Sat 11:00 NZDT
      hours: 0,
      calendar: { timeZone: 'Pacific/Auckland' },
      expected: '2026-02-01T20:00:00.000Z', // Mon 09:00 NZDT
    },
    {
      name: 'Auckland holiday is a local date',
      start: '2026-02-01T20:00:00.000Z', // Mon 09:00 NZDT
      hours: 1,
      calendar: { timeZone: 'Pacific/Auckland', holidays: ['2026-02-02'] },
      expected: '2026-02-02T21:00:00.000Z', // Tue 10:00 NZDT
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      assert.equal(addBusinessHours(c.start, c.hours, c.calendar), c.expected);
    });
  }

  const invalid: { name: string; call: () => unknown }[] = [
    { name: 'invalid start', call: () => addBusinessHours('not a date', 1) },
    { name: 'negative hours', call: () => addBusinessHours('2026-02-02T10:00:00Z', -1) },
    { name: 'NaN hours', call: () => addBusinessHours('2026-02-02T10:00:00Z', Number.NaN) },
    { name: 'infinite hours', call: () => addBusinessHours('2026-02-02T10:00:00Z', Infinity) },
    {
      name: 'start after end',
      call: () => addBusinessHours('2026-02-02T10:00:00Z', 1, { startHour: 17, endHour: 9 }),
    },
    {
      name: 'end past midnight',
      call: () => addBusinessHours('2026-02-02T10:00:00Z', 1, { endHour: 25 }),
    },
    {
      name: 'negative start',
      call: () => addBusinessHours('2026-02-02T10:00:00Z', 1, { startHour: -1 }),
    },
    {
      name: 'no workdays',
      call: () => addBusinessHours('2026-02-02T10:00:00Z', 1, { workdays: [] }),
    },
    {
      name: 'no valid workday',
      call: () => addBusinessHours('2026-02-02T10:00:00Z', 1, { workdays: [7, 1.5] }),
    },
    {
      name: 'unknown time zone',
      call: () => addBusinessHours('2026-02-02T10:00:00Z', 1, { timeZone: 'Mars/Olympus' }),
    },
    {
      name: 'every workday a holiday for ten years',
      call: () => {
        const mondays = Array.from({ length: 600 }, (_, week) =>
          new Date(Date.UTC(2026, 1, 2 + week * 7)).toISOString().slice(0, 10),
        );
        return addBusinessHours('2026-02-02T10:00:00Z', 1, { workdays: [1], holidays: mondays });
      },
    },
  ];
  for (const c of invalid) {
    it(`throws RangeError: ${c.name}`, () => {
      assert.throws(c.call, RangeError);
    });
  }
});

describe('businessHoursBetween', () => {
  const cases: {
    name: string;
    from: string;
    to: string;
    calendar?: BusinessCalendar;
    expected: number;
  }[] = [
    { name: 'same instant', from: '2026-02-02T10:00:00Z', to: '2026-02-02T10:00:00Z', expected: 0 },
    {
      name: 'one business day',
      from: '2026-02-02T09:00:00Z',
      to: '2026-02-02T17:00:00Z',
      expected: 8,
    },
    {
      name: 'outside hours on both ends',
      from: '2026-02-02T00:00:00Z',
      to: '2026-02-02T23:59:59Z',
      expected: 8,
    },
    {
      name: 'over a weekend',
      from: '2026-01-30T16:00:00Z',
      to: '2026-02-02T10:00:00Z',
      expected: 2,
    },
    { name: 'weekend only', from: '2026-01-31T00:00:00Z', to: '2026-02-01T23:00:00Z', expected: 0 },
    {
      name: 'a calendar week',
      from: '2026-02-02T00:00:00Z',
      to: '2026-02-09T00:00:00Z',
      expected: 40,
    },
    {
      name: 'fractional',
      from: '2026-02-02T09:00:00Z',
      to: '2026-02-02T09:45:00Z',
      expected: 0.75,
    },
    {
      name: 'reversed is negative',
      from: '2026-02-02T10:00:00Z',
      to: '2026-01-30T16:00:00Z',
      expected: -2,
    },
    {
      name: 'holiday excluded',
      from: '2026-02-02T00:00:00Z',
      to: '2026-02-09T00:00:00Z',
      calendar: { holidays: ['2026-02-04'] },
      expected: 32,
    },
    {
      name: 'New York across the DST change',
      from: '2026-03-06T14:00:00Z', // Fri 09:00 EST
      to: '2026-03-09T21:00:00Z', // Mon 17:00 EDT
      calendar: NY,
      expected: 16,
    },
    {
      name: 'New York spring-forward night loses an hour',
      from: '2026-03-08T00:00:00Z',
      to: '2026-03-09T00:00:00Z',
      calendar: NY_SUNDAY_NIGHT,
      expected: 1,
    },
    {
      name: 'New York fall-back night gains an hour',
      from: '2026-11-01T00:00:00Z',
      to: '2026-11-02T00:00:00Z',
      calendar: NY_SUNDAY_NIGHT,
      expected: 3,
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      assert.equal(businessHoursBetween(c.from, c.to, c.calendar), c.expected);
    });
  }

  it('throws RangeError on an invalid timestamp', () => {
    assert.throws(() => businessHoursBetween('2026-02-02T10:00:00Z', 'later'), RangeError);
  });

  const roundTrips: { start: string; calendar?: BusinessCalendar }[] = [
    { start: '2026-02-02T09:00:00.000Z' },
    { start: '2026-01-30T13:20:00.000Z', calendar: { holidays: ['2026-02-03'] } },
    { start: '2026-03-05T15:00:00.000Z', calendar: NY },
    {
      start: '2026-10-29T18:00:00.000Z',
      calendar: { timeZone: 'Europe/Berlin', startHour: 8, endHour: 18 },
    },
  ];
  for (const { start, calendar } of roundTrips) {
    it(`inverts addBusinessHours from ${start} ${calendar?.timeZone ?? 'UTC'}`, () => {
      for (const hours of [0, 0.25, 1, 7.5, 8, 9, 23, 40, 100]) {
        assert.equal(
          businessHoursBetween(start, addBusinessHours(start, hours, calendar), calendar),
          hours,
        );
      }
    });
  }
});
