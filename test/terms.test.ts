import { describe, expect, test } from 'vitest';
import { toTerms } from '../src/text/terms.ts';

describe('search terms', () => {
  test('a possessive ending is dropped ("Luther\'s" is found by "Luther")', () => {
    expect(toTerms("Luther's Bible")).toEqual(toTerms('Luther Bible'));
    expect(toTerms('the group’s leader')).toEqual(toTerms('the group leader'));
  });

  test('a decade\'s apostrophe is no possessive: "1970\'s" and "1970s" are one term, not the year 1970', () => {
    expect(toTerms("performed in the 1970's")).toContain('1970s');
    expect(toTerms('in the early 1970s')).toContain('1970s');
    expect(toTerms("the 80’s")).toEqual(toTerms('the 80s'));
    expect(toTerms('in 1970')).not.toContain('1970s');
  });
});
