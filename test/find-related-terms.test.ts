import { describe, expect, test } from 'vitest';
import { analyzeQuestion } from '../src/answer/analyze-question.ts';
import { findRelatedTerms } from '../src/answer/find-related-terms.ts';
import { tagTokens } from '../src/answer/tag-tokens.ts';
import { toTerm, toTerms } from '../src/text/terms.ts';

const related = (question: string) => findRelatedTerms(tagTokens(question), [...new Set(toTerms(question))]);

describe('words that say what a question word says (WordNet)', () => {
  const cases: Array<{ question: string; word: string; has: string }> = [
    { question: 'When did Tesla die?', word: 'die', has: 'death' },
    { question: 'Which Florida city has the biggest population?', word: 'biggest', has: 'large' },
    { question: 'When did the war begin?', word: 'begin', has: 'start' },
    // An irregular form is looked up in its dictionary form as wink-nlp gives it.
    { question: 'When was the war that began in 1914 over?', word: 'began', has: 'start' },
    { question: 'Which fort was rebuilt in 1964?', word: 'rebuilt', has: 'reconstruction' },
  ];
  for (const t of cases) {
    test(`"${t.question}": ${t.word} → ${t.has}`, () => {
      expect(related(t.question)[toTerm(t.word)!]).toContain(toTerm(t.has));
    });
  }

  test('the question analysis carries them', () => {
    expect(analyzeQuestion('When did Tesla die?').related[toTerm('die')!]).toContain(toTerm('death'));
  });

  test('adverbs, names and the question\'s own terms are not expanded', () => {
    expect(related('What is consultant pharmacy mainly concerned with?')[toTerm('mainly')!]).toBeUndefined();
    expect(related('What did Menachem Begin sign?')[toTerm('begin')!]).toBeUndefined();
    // "large" and "big" say the same: neither is given as the other's related word, both being in the question.
    const both = related('Is the large city big?');
    expect(both[toTerm('large')!] ?? []).not.toContain(toTerm('big'));
  });

  test('a derived form of the same part of speech is left out ("pharmacy" → "pharmacist")', () => {
    expect(related('What is consultant pharmacy concerned with?')[toTerm('pharmacy')!] ?? []).not.toContain(toTerm('pharmacist'));
  });

  test('an unknown word has none', () => {
    expect(related('What is a qwertyzz?')).toEqual({});
  });
});
