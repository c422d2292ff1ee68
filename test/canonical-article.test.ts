import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { ArticleHeadSchema, ArticleSchema, isCanonicalArticle, isCanonicalArticleHead } from '../src/article.ts';
import { makeArticle } from './helpers/make-article.ts';

// Mostly valid pieces, sometimes subtly wrong ones, so that both answers are common.
const often = <T, U>(good: fc.Arbitrary<T>, bad: fc.Arbitrary<U>) => fc.oneof({ weight: 12, arbitrary: good }, { weight: 1, arbitrary: bad });
const text = often(fc.constantFrom('A', 'Title', 'Storm delays ferry', 'ünïcödé “quoted”'), fc.oneof(fc.constantFrom('', ' ', ' padded ', '\u00a0x', 'x\n', '\ufeffy'), fc.string({ maxLength: 6 })));
const absent = <T>(arb: fc.Arbitrary<T>) => often(fc.constant(undefined), arb);

// Article-like values: mostly valid, often slightly wrong, keys in schema order or reversed.
const candidate = fc
  .record({
    id: text,
    title: text,
    date: often(fc.constantFrom(null, '2020-02-29', '2021-12-31'), fc.oneof(fc.constantFrom('2019-02-29', '2020-13-01', '2020-1-1', ' 2020-01-01'), text)),
    source: often(fc.oneof(fc.constant(null), text), fc.constant(undefined)),
    url: absent(fc.constantFrom('https://example.com/a', 'not a url', 'ftp://x')),
    author: fc.oneof(fc.constant(undefined), text),
    paragraphs: often(fc.array(text, { minLength: 1, maxLength: 3 }), fc.constantFrom([], 'not a list', [1])),
    captions: often(fc.array(text, { maxLength: 2 }), fc.constantFrom(null, ['a', 2])),
    file: text,
    format: often(fc.constantFrom('reference', 'plain', 'markdown', 'json', 'jsonl', 'html'), fc.constantFrom('pdf', 'JSON', undefined)),
    extra: absent(fc.constant('x')),
  })
  // Drop keys whose value is undefined most of the time (as JSON does), keep them sometimes.
  .chain((value) => fc.tuple(fc.boolean(), often(fc.constant(false), fc.constant(true))).map(([dropUndefined, reverse]) => {
    const entries = Object.entries(value).filter(([, v]) => !dropUndefined || v !== undefined);
    return Object.fromEntries(reverse ? entries.reverse() : entries);
  }));

describe('isCanonicalArticle', () => {
  test('accepts only what ArticleSchema accepts and returns unchanged (same keys, same order)', () => {
    let accepted = 0;
    fc.assert(
      fc.property(candidate, (value) => {
        if (!isCanonicalArticle(value)) return;
        accepted++;
        const parsed = ArticleSchema.safeParse(value);
        expect(parsed.success).toBe(true);
        expect(JSON.stringify(parsed.data)).toBe(JSON.stringify(value));
        expect(parsed.data).toEqual(value);
      }),
      { numRuns: 20000 },
    );
    // The generator must reach the accepting side often enough to mean something.
    expect(accepted).toBeGreaterThan(100);
  });

  test('accepts articles as they come out of the schema and a JSON round trip (what the cache holds)', () => {
    const article = makeArticle('a.json', 'Bridge closed', ['The bridge closed on Monday.', 'Repairs take a month.']);
    const stored = JSON.parse(JSON.stringify(article));
    expect(isCanonicalArticle(stored)).toBe(true);
    expect(isCanonicalArticle({ ...stored, author: 'Jo Reporter' })).toBe(false); // author out of schema order
    const { paragraphs, captions, file, format, ...head } = stored;
    expect(isCanonicalArticle({ ...head, author: 'Jo Reporter', paragraphs, captions, file, format })).toBe(true);
    expect(isCanonicalArticle({ ...head, url: 'https://example.com/', paragraphs, captions, file, format })).toBe(false); // addresses go through the schema
    expect(isCanonicalArticle({ ...stored, title: ' Bridge closed' })).toBe(false);
    expect(isCanonicalArticle({ ...stored, paragraphs: [] })).toBe(false);
  });

  test('isCanonicalArticleHead: an article without its text, accepted only as ArticleHeadSchema outputs it', () => {
    let accepted = 0;
    fc.assert(
      fc.property(candidate, (value) => {
        const { paragraphs, captions, ...head } = value as Record<string, unknown>;
        if (!isCanonicalArticleHead(head)) return;
        accepted++;
        const parsed = ArticleHeadSchema.safeParse(head);
        expect(parsed.success).toBe(true);
        expect(JSON.stringify(parsed.data)).toBe(JSON.stringify(head));
      }),
      { numRuns: 5000 },
    );
    expect(accepted).toBeGreaterThan(100);
    const stored = JSON.parse(JSON.stringify(makeArticle('a.json', 'Bridge closed', ['The bridge closed on Monday.'])));
    expect(isCanonicalArticleHead(stored)).toBe(false); // the text is not part of a head
  });
});
