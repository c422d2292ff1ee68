import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { ArticleSchema, sentenceText } from '../src/article.ts';
import { parseArticleFile } from '../src/parse/parse-article-file.ts';
import { PARSE_ERROR_KINDS, type ParseOutcome } from '../src/parse/parse-outcome.ts';
import { sentencesOf } from '../src/sentences.ts';
import { normalizeWhitespace } from '../src/text/normalize-whitespace.ts';

const extensions = ['txt', 'md', 'json', 'jsonl', 'html', ''] as const;

/** Every outcome is either valid articles whose sentences slice the stored text, or a typed error. */
function checkOutcome(outcome: ParseOutcome): void {
  if (!outcome.ok) {
    expect(PARSE_ERROR_KINDS).toContain(outcome.error.kind);
    expect(outcome.error.message.length).toBeGreaterThan(0);
    return;
  }
  for (const article of outcome.articles) {
    expect(ArticleSchema.safeParse(article).success).toBe(true);
    // Stored text is normalised (quotes and offsets refer to that form), whichever parser made it.
    for (const text of [article.title, ...article.paragraphs, ...article.captions]) expect(text).toBe(normalizeWhitespace(text));
    for (const sentence of sentencesOf(article)) {
      const text = sentenceText(article, sentence);
      expect(text.length).toBeGreaterThan(0);
      expect(text).toBe(text.trim());
    }
  }
}

// Text shaped like articles of each format, so the generator reaches the parsers' deeper paths.
const articleLike = fc
  .tuple(
    fc.constantFrom('', ' date 2017-06-16\n\n', 'date 2017-13-45\n', '---\ntitle: T\ndate: 2020-01-01\n---\n', '<html><body><article>', '{"title":', '['),
    fc.array(
      fc.oneof(
        fc.string(),
        fc.constantFrom('Source:', 'Associated Press', '(AP Photo/X)', '\n\n', '# Heading', '<p>', '</p>', '"paragraphs":["', '"]}', 'U.S. Dr. 3.5'),
        fc.constantFrom(' ', '  ', '\t', '\u00a0', '\u200b', '\ufeff', '\r\n', '\f', '\v', '\u2028', ' x '),
      ),
      { maxLength: 12 },
    ),
  )
  .map(([head, parts]) => head + parts.join('\n'));

describe('parseArticleFile never throws', () => {
  test('on arbitrary bytes, under every extension', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), fc.constantFrom(...extensions), (bytes, ext) => {
        checkOutcome(parseArticleFile(bytes, ext ? `file.${ext}` : 'file'));
      }),
      { numRuns: 400 },
    );
  });

  test('on arbitrary strings, under every extension', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400, unit: 'grapheme' }), fc.constantFrom(...extensions), (text, ext) => {
        checkOutcome(parseArticleFile(Buffer.from(text, 'utf8'), ext ? `file.${ext}` : 'file'));
      }),
      { numRuns: 400 },
    );
  });

  test('on article-shaped strings, under every extension', () => {
    fc.assert(
      fc.property(articleLike, fc.constantFrom(...extensions), (text, ext) => {
        checkOutcome(parseArticleFile(Buffer.from(text, 'utf8'), ext ? `file.${ext}` : 'file'));
      }),
      { numRuns: 400 },
    );
  });
});
