import { describe, expect, test } from 'vitest';
import { newsStart, storyDate } from '../src/facts/news-start.ts';

const opening = (text: string, date: string | null = '2000-01-01') => storyDate({ date, paragraphs: [text, 'More text.'] });

describe('storyDate: the date a story gives itself', () => {
  test('is the date its opening dateline writes', () => {
    expect(opening('AFP Sunday 1 Feb 2015 At least seven people were killed.')).toBe('2015-02-01');
    expect(opening('Date of publication 7 July 2016 The bomber was on a motorcycle.')).toBe('2016-07-07');
    expect(opening('Last updated at Apr 092017 At least 15 civilians were killed.')).toBe('2017-04-09');
    expect(opening('Published July 21 2015 A young boy cries.')).toBe('2015-07-21');
    expect(opening('5 Sep 2016 At least 42 people were killed.')).toBe('2016-09-05');
  });

  test('is the publication date when the opening writes none, or no real day', () => {
    expect(opening('MOSCOW (AP) — Russia said on Friday that it may have killed the leader.')).toBe('2000-01-01');
    expect(opening('At least seven people were killed on 1 Feb 2015.')).toBe('2000-01-01');
    expect(opening('Sunday 31 Feb 2015 A date that is no day.')).toBe('2000-01-01');
    expect(opening('The army said so.', null)).toBeNull();
  });
});

describe('newsStart: where the news starts after a dateline or a byline', () => {
  const news = (text: string) => text.slice(newsStart(text));

  test('skips a dateline and a byline after it, or a byline opening its own sentence', () => {
    expect(news('Posted on August 3 2013 by Nazeer Rida At least 12 Islamist fighters were killed.')).toBe('At least 12 Islamist fighters were killed.');
    expect(news('by Nazeer Rida At least 12 Islamist fighters were killed.')).toBe('At least 12 Islamist fighters were killed.');
    expect(news('AFP Sunday 1 Feb 2015 At least seven people were killed.')).toBe('At least seven people were killed.');
  });

  test('skips a wire agency\'s name run into the first sentence, but not the agency as its subject', () => {
    expect(news('AFP Children were among at least 56 civilians killed.')).toBe('Children were among at least 56 civilians killed.');
    expect(news('Reuters reported that five people died.')).toBe('Reuters reported that five people died.');
  });

  test('keeps a sentence that merely opens on "by"', () => {
    expect(news('by the army, the town was taken on Friday.')).toBe('by the army, the town was taken on Friday.');
  });
});
