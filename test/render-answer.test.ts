import { describe, expect, test } from 'vitest';
import { renderDiscordReply } from '../discord/render-reply.ts';
import type { Answer } from '../src/answer/types.ts';
import { renderText } from '../src/render/render-text.ts';
import { describeAnswer, formatDate } from '../src/render/wording.ts';
import { buildAnswerReply } from '../src/reply/build-answer-reply.ts';
import { toJsonReply } from '../src/reply/to-json-reply.ts';

const citation = { articleId: 'a', title: 'Mortars hit Aleppo', source: 'AFP', date: '2014-04-28', file: 'a.txt', paragraph: 0, quote: 'Mortars killed 21 people on Sunday.', start: 0, end: 35 };
const answer: Answer = { question: 'on what date did mortars hit Aleppo?', answer: 'Sunday', confidence: 'high', resolvedDate: '2014-04-27', citations: [citation] };
const scope = { articleId: null, currentArticleId: null };

describe('a date answer with the date it stands for', () => {
  test('formatDate reads days and months; describeAnswer puts the date after the words', () => {
    expect(formatDate('2014-04-27')).toBe('27 April 2014');
    expect(formatDate('2017-05')).toBe('May 2017');
    expect(describeAnswer('Sunday', '2014-04-27')).toBe('Sunday (27 April 2014)');
    expect(describeAnswer('an IS meeting')).toBe('an IS meeting');
  });

  test('the console, Discord and the JSON interface show it, from the one reply', () => {
    const reply = buildAnswerReply(answer, scope);
    expect(reply.resolvedDate).toBe('2014-04-27');
    expect(renderText(reply).split('\n')[1]).toBe('A: Sunday (27 April 2014) (confidence: high)');
    expect(renderDiscordReply(reply).embeds[0]?.title).toBe('Sunday (27 April 2014)');
    expect(toJsonReply(reply)).toMatchObject({ answer: 'Sunday', resolvedDate: '2014-04-27' });
  });

  test('an abstention carries none', () => {
    const reply = buildAnswerReply({ ...answer, answer: null, confidence: 'none' }, scope);
    expect(reply.resolvedDate).toBeUndefined();
  });
});
