import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { sentenceText, type Article } from '../src/article.ts';
import type { Citation, SummaryLength } from '../src/answer/types.ts';
import { buildArticle } from '../src/parse/build-article.ts';
import { parseArticleFile } from '../src/parse/parse-article-file.ts';
import { summarizeArticle } from '../src/summarize-article.ts';
import { isBoilerplate, isPageFurniture } from '../src/summary/is-boilerplate.ts';
import { lengthLimits } from '../src/summary/select-sentences.ts';
import { sentencesOf } from '../src/sentences.ts';

const LENGTHS: readonly SummaryLength[] = ['short', 'default', 'long'];

function referenceArticle(): Article {
  const file = join(import.meta.dirname, 'fixtures', 'articles', 'reference.txt');
  const outcome = parseArticleFile(readFileSync(file), 'reference.txt');
  if (!outcome.ok) throw new Error(`reference.txt did not parse: ${outcome.error.message}`);
  return outcome.articles[0]!;
}

/** An article from paragraphs of text, built as the loader builds every article. */
function articleOf(paragraphs: string[], title = 'A test article', captions: string[] = []): Article {
  const built = buildArticle({ title, date: null, source: null, paragraphs, captions }, { id: 'test.txt', file: 'test.txt', format: 'plain' });
  if (!built.ok) throw new Error(`test article did not build: ${built.error.message}`);
  return built.article;
}

/** Where each citation's sentence stands in the article; -1 when it is not one of its sentences. */
function sentenceIndexes(article: Article, summary: readonly Citation[]): number[] {
  return summary.map((c) =>
    sentencesOf(article).findIndex((s) => s.paragraph === c.paragraph && s.start === c.start && s.end === c.end),
  );
}

function isStrictlyIncreasing(values: readonly number[]): boolean {
  return values.every((v, i) => i === 0 || v > values[i - 1]!);
}

/** Every citation quotes the stored text at its offsets and names its article. */
function expectVerbatim(article: Article, summary: readonly Citation[]): void {
  for (const citation of summary) {
    expect(citation.quote).toBe((article.paragraphs[citation.paragraph] ?? '').slice(citation.start, citation.end));
    expect(citation.articleId).toBe(article.id);
    expect(citation.title).toBe(article.title);
    expect(citation.file).toBe(article.file);
  }
}

const words = (text: string) => new Set(text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);

/** Token-set overlap of two sentences: shared words over the words of the shorter. */
function overlap(a: string, b: string): number {
  const x = words(a);
  const y = words(b);
  let shared = 0;
  for (const w of x) if (y.has(w)) shared++;
  return shared / Math.max(1, Math.min(x.size, y.size));
}

describe('summarizeArticle on the reference article', () => {
  const article = referenceArticle();

  test('the default summary is three of its sentences, in article order', () => {
    const summary = summarizeArticle(article);
    expect(summary).toHaveLength(3);
    const indexes = sentenceIndexes(article, summary);
    expect(indexes).not.toContain(-1);
    expect(isStrictlyIncreasing(indexes)).toBe(true);
    expect(summarizeArticle(article, 'default')).toEqual(summary);
  });

  for (const length of LENGTHS) {
    test(`the ${length} summary quotes the stored text at its offsets and no caption`, () => {
      const summary = summarizeArticle(article, length);
      expectVerbatim(article, summary);
      for (const citation of summary) {
        for (const caption of article.captions) expect(caption).not.toContain(citation.quote);
        expect(citation.quote).not.toMatch(/This file image|AP Photo/);
      }
    });
  }

  test('short has one or two sentences, long four to six', () => {
    expect(sentencesOf(article).length).toBeGreaterThanOrEqual(8);
    const short = summarizeArticle(article, 'short');
    expect(short.length).toBeGreaterThanOrEqual(1);
    expect(short.length).toBeLessThanOrEqual(2);
    const long = summarizeArticle(article, 'long');
    expect(long.length).toBeGreaterThanOrEqual(4);
    expect(long.length).toBeLessThanOrEqual(6);
  });

  test('the lengths nest in size: short ≤ default ≤ long', () => {
    const [short, normal, long] = LENGTHS.map((length) => summarizeArticle(article, length).length);
    expect(short).toBeLessThanOrEqual(normal!);
    expect(normal).toBeLessThanOrEqual(long!);
  });

  test('the lead, which carries the news, is in every summary', () => {
    for (const length of LENGTHS) {
      expect(summarizeArticle(article, length)[0]?.quote).toMatch(/^Russia claims it killed the leader of the Islamic State group/);
    }
  });
});

describe('summarizeArticle leaves out repetition', () => {
  const lead = 'The city council approved a new budget for public transport on Tuesday after a long debate.';
  const repeats = [
    lead,
    'Bus fares will rise by ten cents next year, the council said in a statement.',
    lead,
    'The city council approved the new budget for public transport on Tuesday after a long debate.',
    'Opposition members said the plan would hurt commuters who depend on night buses.',
    'Bus fares will rise by ten cents next year, the council said in a statement.',
    'The mayor promised that the money would also pay for three new tram lines by 2027.',
    'Critics said the council had ignored the views of cyclists and pedestrians during the debate.',
  ];
  const article = articleOf(repeats, 'Council approves transport budget');

  for (const length of LENGTHS) {
    test(`no two sentences of the ${length} summary are near-duplicates`, () => {
      const quotes = summarizeArticle(article, length).map((c) => c.quote);
      expect(quotes.length).toBeGreaterThan(0);
      for (const [i, a] of quotes.entries()) {
        for (const b of quotes.slice(i + 1)) expect(overlap(a, b), `"${a}" / "${b}"`).toBeLessThan(0.8);
      }
    });
  }

  test('an article that says one thing three times is summarised by saying it once', () => {
    const same = 'Heavy snow closed every school in the region on Monday morning.';
    const summary = summarizeArticle(articleOf([same, same, same]), 'long');
    expect(summary.map((c) => c.quote)).toEqual([same]);
  });
});

describe('summarizeArticle leaves out boilerplate', () => {
  const news = [
    'The government announced a plan on Monday to build two hundred thousand new homes over the next five years.',
    'Ministers said the homes would be built mainly on land that had been used by factories.',
    'Housing charities welcomed the plan but warned that the money set aside would not be enough.',
    'The opposition said the government had promised the same homes twice before and built few of them.',
    'Builders said they would need thousands more trained workers to meet the target.',
  ];
  const furniture = [
    'Click here to read more about housing.',
    'Follow us on Twitter and Facebook for the latest housing news.',
    'Sign up for our free daily newsletter about housing and homes.',
    'Photo: Jane Doe/Getty Images',
    '(AP Photo/John Smith, File)',
    'LONDON (Reuters) —',
    'Homes matter.',
    'See https://example.com/news/housing/2024/plan-for-two-hundred-thousand-homes-announced for the plan.',
  ];
  const paragraphs = news.flatMap((sentence, i) => [sentence, furniture[i] ?? '']).concat(furniture.slice(news.length));
  const article = articleOf(paragraphs.filter((p) => p !== ''), 'Government plans new homes');

  for (const length of LENGTHS) {
    test(`the ${length} summary quotes only reporting`, () => {
      const quotes = summarizeArticle(article, length).map((c) => c.quote);
      expect(quotes.length).toBeGreaterThan(0);
      for (const quote of quotes) expect(news, quote).toContain(quote);
    });
  }

  const cases: { text: string; boilerplate: boolean }[] = [
    { text: 'Click here to subscribe.', boilerplate: true },
    { text: 'Follow us on Instagram for more stories from the region.', boilerplate: true },
    { text: 'Sign up for our weekly newsletter to get the best stories.', boilerplate: true },
    { text: 'You can sign up for our newsletter here at any time of the day.', boilerplate: true },
    { text: '(AP Photo/Militant video, File)', boilerplate: true },
    { text: 'Photograph: Tom Jones/Reuters', boilerplate: true },
    { text: 'WASHINGTON (AP) —', boilerplate: true },
    { text: 'Friday, June 16, 2017', boilerplate: true },
    { text: 'Read more: https://www.example.com/a/very/long/address/of/a/story', boilerplate: true },
    { text: 'Advertisement', boilerplate: true },
    { text: 'He said no.', boilerplate: true },
    { text: "It hopes to sign up AOL's existing customers for high-speed broadband.", boilerplate: false },
    { text: 'Tap water prices rose by 5% in the first quarter, the regulator said.', boilerplate: false },
    { text: 'Published figures showed that exports fell for a third month.', boilerplate: false },
    { text: 'Copyright laws are to be changed to allow people to copy music they have bought.', boilerplate: false },
    { text: 'The firm said visits to www.example.com doubled in a year after the advertising campaign.', boilerplate: false },
    { text: 'The vote was close.', boilerplate: false },
    { text: 'Related Army advances in the east Tags Syria army Community standardsDiscussion Comment via FacebookComment via News', boilerplate: true },
    { text: 'Readers can comment via Facebook on the plan, the council said.', boilerplate: true },
    { text: 'TRT World Watch Live TV Schedule Where to Watch Connect with TRT World iOS Android Youtube Careers Press Releases Documentary Contact Us Legal Terms of Use Privacy Policy Cookie Policy', boilerplate: true },
    { text: 'The firm changed its privacy policy after the regulator complained about the app.', boilerplate: false },
    { text: 'Posted on August 3 2013', boilerplate: true },
    { text: 'Date of publication 5 July 2016', boilerplate: true },
  ];
  for (const t of cases) {
    test(`isBoilerplate(${JSON.stringify(t.text)}) → ${t.boilerplate}`, () => {
      expect(isBoilerplate(t.text)).toBe(t.boilerplate);
    });
  }

  test('a short sentence is too short to summarise with, but no page furniture: it may answer a question', () => {
    expect(isBoilerplate('He resigned Tuesday.')).toBe(true);
    expect(isPageFurniture('He resigned Tuesday.')).toBe(false);
    expect(isPageFurniture('Advertisement')).toBe(true);
  });
});

describe('summarizeArticle on very short articles', () => {
  test('an article of one sentence is its own summary, at every length', () => {
    const article = articleOf(['The bridge over the river will reopen to traffic on Friday.']);
    for (const length of LENGTHS) {
      const summary = summarizeArticle(article, length);
      expect(summary.map((c) => c.quote)).toEqual(['The bridge over the river will reopen to traffic on Friday.']);
      expectVerbatim(article, summary);
    }
  });

  test('an article of one short sentence is still summarised by it', () => {
    const summary = summarizeArticle(articleOf(['Polls close.']));
    expect(summary.map((c) => c.quote)).toEqual(['Polls close.']);
  });

  test('never more sentences than the article has', () => {
    const article = articleOf([
      'The museum will open a new wing next spring, its director said.',
      'The wing will show paintings that have been kept in storage for decades.',
    ]);
    for (const length of LENGTHS) expect(summarizeArticle(article, length).length).toBeLessThanOrEqual(2);
  });
});

describe('summarizeArticle keeps very long sentences in check', () => {
  test('one very long sentence does not come with others beyond the budget', () => {
    const long = `The report, which ${Array.from({ length: 40 }, (_, i) => `covers topic number ${i + 1} of the inquiry`).join(', ')}, was published on Monday.`;
    const article = articleOf([
      long,
      'The inquiry was set up two years ago after a series of accidents on the railway.',
      'Its chairman said the findings should be read by every railway manager.',
      'Unions said the report confirmed what workers had been saying for years.',
    ]);
    for (const length of LENGTHS) {
      const summary = summarizeArticle(article, length);
      const characters = summary.reduce((sum, c) => sum + c.quote.length, 0);
      const limits = lengthLimits(length, sentencesOf(article).length);
      expect(summary.length === 1 || characters <= limits.characters).toBe(true);
    }
  });
});

// Sentences from a small vocabulary, so that random articles repeat words (and sometimes sentences) as news does.
const VOCABULARY = ['the', 'council', 'minister', 'said', 'budget', 'rose', 'by', '5%', 'in', 'London', 'on', 'Monday', 'strike', 'police', 'and', 'a', 'new', 'plan', 'for', 'homes', 'U.S.', 'Dr.', '3.5', 'million', '"We', 'will', 'win,"', 'it'];
const randomSentence = fc.oneof(
  { weight: 6, arbitrary: fc.array(fc.constantFrom(...VOCABULARY), { minLength: 1, maxLength: 30 }).map((ws) => `${ws.join(' ')}.`) },
  { weight: 1, arbitrary: fc.constantFrom('Click here to read more.', 'Follow us on Twitter.', 'Photo: A. Person/Getty Images', 'LONDON (AP) —', 'Yes.') },
  { weight: 1, arbitrary: fc.string({ minLength: 1, maxLength: 200, unit: 'grapheme' }) },
);
const randomArticle = fc
  .array(fc.array(randomSentence, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 12 })
  .map((paragraphs) => buildArticle(
    { title: 'Random article', date: null, source: null, paragraphs: paragraphs.map((p) => p.join(' ')), captions: [] },
    { id: 'random.txt', file: 'random.txt', format: 'plain' },
  ))
  .filter((built) => built.ok)
  .map((built) => (built.ok ? built.article : undefined))
  .filter((article): article is Article => article !== undefined);

describe('summarizeArticle on random articles', () => {
  test('the summary is an in-order selection of the article\'s sentences, within the length bounds', () => {
    fc.assert(
      fc.property(randomArticle, fc.constantFrom(...LENGTHS), (article, length) => {
        const summary = summarizeArticle(article, length);
        const indexes = sentenceIndexes(article, summary);
        expect(indexes).not.toContain(-1);
        expect(isStrictlyIncreasing(indexes)).toBe(true);
        expect(summary.length).toBeGreaterThanOrEqual(1);
        expect(summary.length).toBeLessThanOrEqual(Math.min(sentencesOf(article).length, lengthLimits(length, sentencesOf(article).length).sentences));
        for (const citation of summary) expect(citation.quote).toBe(sentenceText(article, citation));
      }),
      { numRuns: 300 },
    );
  });
});
