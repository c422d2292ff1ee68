import { describe, expect, test } from 'vitest';
import { isoDateParts, isValidIsoDate, MONTH_NAMES, normalizeIsoDate, WEEKDAY_NAMES } from '../src/text/iso-date.ts';

const cases: Array<[unknown, string | null]> = [
  ['2017-06-16', '2017-06-16'],
  [' 2017-06-16 ', '2017-06-16'],
  ['2017-06-16T09:30:00Z', '2017-06-16'],
  ['2017-06-16T09:30:00+02:00', '2017-06-16'],
  ['2016-02-29', '2016-02-29'],
  ['2017-02-29', null],
  ['2017-13-45', null],
  ['2017-00-10', null],
  ['16/06/2017', null],
  ['June 16, 2017', null],
  ['', null],
  [new Date(Date.UTC(2020, 0, 2)), '2020-01-02'],
  [new Date('nonsense'), null],
  [20170616, null],
  [null, null],
];

describe('normalizeIsoDate', () => {
  for (const [input, expected] of cases) {
    test(`normalizeIsoDate(${input instanceof Date ? `Date(${input.getTime()})` : JSON.stringify(input)}) → ${expected}`, () => {
      expect(normalizeIsoDate(input)).toBe(expected);
    });
  }

  test('isValidIsoDate accepts only the plain calendar form', () => {
    expect(isValidIsoDate('2017-06-16')).toBe(true);
    expect(isValidIsoDate('2017-6-16')).toBe(false);
    expect(isValidIsoDate('2017-06-16T00:00:00Z')).toBe(false);
  });
});

describe('isoDateParts', () => {
  test('reads YYYY-MM-DD into numbers, and nothing else', () => {
    expect(isoDateParts('2017-06-16')).toEqual({ year: 2017, month: 6, day: 16 });
    expect(isoDateParts(null)).toBeNull();
    expect(isoDateParts('16 June 2017')).toBeNull();
    expect(MONTH_NAMES[5]).toBe('June');
    expect(WEEKDAY_NAMES[new Date(Date.UTC(2017, 5, 16)).getUTCDay()]).toBe('Friday');
  });
});
