import { describe, expect, test } from 'vitest';
import { buildArticle } from '../src/parse/build-article.ts';
import type { Article } from '../src/article.ts';
import { createSentenceSearchBaseline, summarizeLead } from '../eval/baseline.ts';
import {
  containsAnswer,
  exactMatch,
  f1Score,
  lcsLength,
  maxOverGold,
  normalizeAnswer,
  rougeL,
  rougeLsum,
  rougeN,
  rougeTokens,
  scoreSummary,
  splitRunTogetherSentences,
} from '../eval/metrics.ts';
import { spreadSample } from '../eval/spread-sample.ts';

const words = (text: string) => (text === '' ? [] : text.split(' '));

describe('normalizeAnswer (SQuAD v1.1)', () => {
  const cases: { in: string; out: string }[] = [
    { in: 'The Denver Broncos', out: 'denver broncos' },
    { in: 'Denver Broncos.', out: 'denver broncos' },
    { in: '  a  quick,\tbrown fox ', out: 'quick brown fox' },
    { in: 'An apple and THE pear', out: 'apple and pear' },
    { in: 'Theatre', out: 'theatre' },
    { in: 'anthem', out: 'anthem' },
    { in: "Luther's", out: 'luthers' },
    { in: '1,000', out: '1000' },
    { in: 'Saint-Denis', out: 'saintdenis' },
    { in: '$1.13bn (£600m)', out: '113bn £600m' },
    // Only ASCII punctuation is removed, as in Python's string.punctuation.
    { in: '“quoted”', out: '“quoted”' },
    // Python's \b is Unicode-aware: the "the" inside "éthe" is not a word.
    { in: 'éthe', out: 'éthe' },
    { in: 'the', out: '' },
    { in: '', out: '' },
  ];
  for (const t of cases) test(`normalizeAnswer(${JSON.stringify(t.in)}) → ${JSON.stringify(t.out)}`, () => {
    expect(normalizeAnswer(t.in)).toBe(t.out);
  });
});

describe('f1Score and exactMatch (SQuAD v1.1)', () => {
  const cases: { prediction: string; gold: string; f1: number; em: number }[] = [
    { prediction: 'Denver Broncos', gold: 'Denver Broncos', f1: 1, em: 1 },
    { prediction: 'the Denver Broncos!', gold: 'Denver Broncos', f1: 1, em: 1 },
    { prediction: 'Broncos', gold: 'Denver Broncos', f1: 2 / 3, em: 0 },
    { prediction: 'Denver Broncos won', gold: 'Denver Broncos', f1: 0.8, em: 0 },
    { prediction: 'the cat cat', gold: 'cat', f1: 2 / 3, em: 0 },
    { prediction: 'Carolina Panthers', gold: 'Denver Broncos', f1: 0, em: 0 },
    { prediction: '', gold: 'Denver', f1: 0, em: 0 },
    // v1.1 scores no common token as 0 even when both normalise to nothing; EM compares strings.
    { prediction: 'a', gold: 'the', f1: 0, em: 1 },
  ];
  for (const t of cases) {
    test(`f1(${JSON.stringify(t.prediction)}, ${JSON.stringify(t.gold)}) → ${t.f1.toFixed(3)}, EM ${t.em}`, () => {
      expect(f1Score(t.prediction, t.gold)).toBeCloseTo(t.f1, 10);
      expect(exactMatch(t.prediction, t.gold)).toBe(t.em);
    });
  }

  test('maxOverGold takes the best gold answer', () => {
    expect(maxOverGold(f1Score, 'Broncos', ['Carolina Panthers', 'Denver Broncos'])).toBeCloseTo(2 / 3, 10);
    expect(maxOverGold(exactMatch, 'broncos', ['Denver Broncos', 'Broncos'])).toBe(1);
  });

  test('maxOverGold scores an abstention 0', () => {
    expect(maxOverGold(f1Score, null, ['Denver Broncos'])).toBe(0);
    expect(maxOverGold(exactMatch, null, [''])).toBe(0);
  });
});

describe('containsAnswer', () => {
  const cases: { excerpt: string; golds: string[]; out: boolean }[] = [
    { excerpt: 'Super Bowl 50 was won by the Denver Broncos.', golds: ['Denver Broncos'], out: true },
    { excerpt: 'Super Bowl 50 was won by the Denver Broncos.', golds: ['the Broncos'], out: true },
    { excerpt: 'The Panthers gave up just 308 points.', golds: ['Carolina', '308'], out: true },
    { excerpt: 'It opened in 1990.', golds: ['1'], out: false },
    { excerpt: 'It cost $1,000 in all.', golds: ['1,000'], out: true },
    { excerpt: 'Luther’s translation spread.', golds: ["Luther's translation"], out: true },
    { excerpt: "Despite Manning's problems, he threw none.", golds: ['Manning'], out: true },
    { excerpt: 'Carolina got the ball on their own 24-yard line.', golds: ['24'], out: true },
    { excerpt: 'Carolina got the ball on their own 24-yard line.', golds: ['4'], out: false },
    { excerpt: 'Parliament heard it was ‘often damaging’.', golds: ['often damaging'], out: true },
    { excerpt: 'He won six Grammys.', golds: ['Six Grammys won'], out: false },
    { excerpt: 'The hall is in Leeds.', golds: ['The'], out: true },
    { excerpt: 'A hall in Leeds.', golds: ['The'], out: false },
  ];
  for (const t of cases) test(`containsAnswer(${JSON.stringify(t.excerpt)}, ${JSON.stringify(t.golds)}) → ${t.out}`, () => {
    expect(containsAnswer(t.excerpt, t.golds)).toBe(t.out);
  });
});

describe('rougeTokens', () => {
  const cases: { in: string; out: string[] }[] = [
    { in: '$10.9bn.For the full-year', out: ['10', '9bn', 'for', 'the', 'full', 'year'] },
    { in: "analysts' expectations.However, it", out: ['analysts', 'expectations', 'however', 'it'] },
    { in: 'rose 2%.It lost 464,000', out: ['rose', '2', 'it', 'lost', '464', '000'] },
    { in: 'paid?"The firm', out: ['paid', 'the', 'firm'] },
    { in: 'Café Zürich', out: ['café', 'zürich'] },
    { in: ' -- ', out: [] },
  ];
  for (const t of cases) test(`rougeTokens(${JSON.stringify(t.in)}) → ${t.out.join(' ')}`, () => {
    expect(rougeTokens(t.in)).toEqual(t.out);
  });

  test('a run-together gold summary tokenises as if it had spaces', () => {
    const runTogether = 'Sales rose 2% to $11.1bn from $10.9bn.For the full-year, profit was $3.36bn.It lost users.';
    const spaced = 'Sales rose 2% to $11.1bn from $10.9bn. For the full-year, profit was $3.36bn. It lost users.';
    expect(rougeTokens(runTogether)).toEqual(rougeTokens(spaced));
  });
});

describe('splitRunTogetherSentences', () => {
  const cases: { in: string; out: string[] }[] = [
    {
      in: 'TimeWarner said sales rose 2% to $11.1bn from $10.9bn.For the full-year, it grew.',
      out: ['TimeWarner said sales rose 2% to $11.1bn from $10.9bn.', 'For the full-year, it grew.'],
    },
    { in: 'It links to Amazon.com if it finds one.Google said so.', out: ['It links to Amazon.com if it finds one.', 'Google said so.'] },
    { in: 'How much is Google being paid?In a statement, Google replied.', out: ['How much is Google being paid?', 'In a statement, Google replied.'] },
    { in: 'One line.\nAnother line', out: ['One line.', 'Another line'] },
    { in: 'It grew 6.4% to $42.09bn in 2004.', out: ['It grew 6.4% to $42.09bn in 2004.'] },
  ];
  for (const t of cases) test(`splitRunTogetherSentences(${JSON.stringify(t.in)}) → ${t.out.length} sentences`, () => {
    expect(splitRunTogetherSentences(t.in)).toEqual(t.out);
  });
});

describe('ROUGE on hand-computed examples', () => {
  const cases: { name: string; candidate: string; reference: string; n: 1 | 2 | 'L'; p: number; r: number; f: number }[] = [
    // Unigrams: the×2 cat on mat shared → 5 of 6 each way.
    { name: 'ROUGE-1', candidate: 'the cat sat on the mat', reference: 'the cat is on the mat', n: 1, p: 5 / 6, r: 5 / 6, f: 5 / 6 },
    // Bigrams: "the cat", "on the", "the mat" shared → 3 of 5.
    { name: 'ROUGE-2', candidate: 'the cat sat on the mat', reference: 'the cat is on the mat', n: 2, p: 3 / 5, r: 3 / 5, f: 3 / 5 },
    // LCS "the cat on the mat" = 5.
    { name: 'ROUGE-L', candidate: 'the cat sat on the mat', reference: 'the cat is on the mat', n: 'L', p: 5 / 6, r: 5 / 6, f: 5 / 6 },
    // Counts are clipped: "the" matches once.
    { name: 'ROUGE-1 clipped', candidate: 'the the the', reference: 'the cat', n: 1, p: 1 / 3, r: 1 / 2, f: 0.4 },
    // Lin (2004): S2 vs S1 LCS "police the gunman" = 3 of 4; S3 vs S1 LCS "the gunman" = 2 of 4.
    { name: 'ROUGE-L (Lin S2)', candidate: 'police kill the gunman', reference: 'police killed the gunman', n: 'L', p: 0.75, r: 0.75, f: 0.75 },
    { name: 'ROUGE-L (Lin S3)', candidate: 'the gunman kill police', reference: 'police killed the gunman', n: 'L', p: 0.5, r: 0.5, f: 0.5 },
    // Candidate of 2 bigrams, reference of 4: "b c" shared.
    { name: 'ROUGE-2 short', candidate: 'a b c', reference: 'x b c d e', n: 2, p: 1 / 2, r: 1 / 4, f: 1 / 3 },
    { name: 'ROUGE-1 empty candidate', candidate: '', reference: 'the cat', n: 1, p: 0, r: 0, f: 0 },
    { name: 'ROUGE-L empty reference', candidate: 'the cat', reference: '', n: 'L', p: 0, r: 0, f: 0 },
  ];
  for (const t of cases) {
    test(`${t.name}: "${t.candidate}" vs "${t.reference}" → P ${t.p.toFixed(3)} R ${t.r.toFixed(3)} F ${t.f.toFixed(3)}`, () => {
      const candidate = words(t.candidate);
      const reference = words(t.reference);
      const s = t.n === 'L' ? rougeL(candidate, reference) : rougeN(candidate, reference, t.n);
      expect(s.precision).toBeCloseTo(t.p, 10);
      expect(s.recall).toBeCloseTo(t.r, 10);
      expect(s.f).toBeCloseTo(t.f, 10);
    });
  }

  test('lcsLength of "a b c d e" and "a c e x" is 3', () => {
    expect(lcsLength(words('a b c d e'), words('a c e x'))).toBe(3);
  });

  test('rougeN rejects n = 0', () => {
    expect(() => rougeN(['a'], ['a'], 0)).toThrow(/positive integer, got 0/);
  });

  test("ROUGE-Lsum: Lin's union-LCS example gives 4 hits of 5 reference and 10 candidate tokens", () => {
    // r = w1..w5; c1 = w1 w2 w6 w7 w8 (LCS w1 w2); c2 = w1 w3 w8 w9 w5 (LCS w1 w3 w5); union w1 w2 w3 w5.
    const s = rougeLsum([words('w1 w2 w6 w7 w8'), words('w1 w3 w8 w9 w5')], [words('w1 w2 w3 w4 w5')]);
    expect(s.recall).toBeCloseTo(4 / 5, 10);
    expect(s.precision).toBeCloseTo(4 / 10, 10);
    expect(s.f).toBeCloseTo((2 * 0.8 * 0.4) / 1.2, 10);
  });

  test('ROUGE-Lsum ignores sentence order where ROUGE-L does not', () => {
    const candidate = [words('c d'), words('a b')];
    const reference = [words('a b'), words('c d')];
    expect(rougeLsum(candidate, reference).f).toBe(1);
    expect(rougeL(candidate.flat(), reference.flat()).f).toBe(0.5);
  });

  test('ROUGE-Lsum clips hits to token counts', () => {
    // Each reference sentence's LCS with the one candidate sentence is "a", but the candidate has one "a".
    const s = rougeLsum([words('a')], [words('a'), words('a')]);
    expect(s.recall).toBe(0.5);
    expect(s.precision).toBe(1);
  });

  test('scoreSummary scores a run-together gold summary as the same sentences spaced', () => {
    const sentences = ['Sales rose to $10.9bn.', 'For the year, profit grew.'];
    const scores = scoreSummary(sentences, 'Sales rose to $10.9bn.For the year, profit grew.');
    for (const s of [scores.rouge1, scores.rouge2, scores.rougeL, scores.rougeLsum]) expect(s.f).toBe(1);
  });
});

describe('spreadSample', () => {
  const cases: { items: number; limit: number; out: number[] }[] = [
    { items: 6, limit: 3, out: [0, 2, 4] },
    { items: 5, limit: 10, out: [0, 1, 2, 3, 4] },
    { items: 10, limit: 1, out: [0] },
  ];
  for (const t of cases) test(`spreadSample(${t.items} items, ${t.limit}) → ${t.out.join(',')}`, () => {
    expect(spreadSample([...Array(t.items).keys()], t.limit)).toEqual(t.out);
  });
});

describe('baselines', () => {
  function article(id: string, title: string, text: string): Article {
    const built = buildArticle({ title, date: null, source: 'Wikipedia', paragraphs: [text], captions: [] }, { id, file: id, format: 'json' });
    if (!built.ok) throw new Error(built.error.message);
    return built.article;
  }
  const articles = [
    article('a#1', 'Super Bowl 50', 'The game was played in Santa Clara. The Denver Broncos beat the Carolina Panthers 24–10.'),
    article('a#2', 'Rhine', 'The Rhine flows through six countries. It is 1,230 km long.'),
  ];

  test('the sentence-search baseline answers with its top sentence, quoted from the right article', () => {
    const answer = createSentenceSearchBaseline(articles).ask('Which team did the Broncos beat?');
    expect(answer.answer).toBe('The Denver Broncos beat the Carolina Panthers 24–10.');
    expect(answer.citations[0]?.articleId).toBe('a#1');
    expect(answer.citations[0]?.quote).toBe(answer.answer);
  });

  test('the sentence-search baseline abstains only when no question word is indexed', () => {
    const answer = createSentenceSearchBaseline(articles).ask('zzzz qqqq?');
    expect(answer.answer).toBeNull();
    expect(answer.citations).toEqual([]);
  });

  test('Lead-3 is the first sentences of the body, in order', () => {
    expect(summarizeLead(articles[0]!, 3).map((c) => c.quote)).toEqual([
      'The game was played in Santa Clara.',
      'The Denver Broncos beat the Carolina Panthers 24–10.',
    ]);
  });
});
