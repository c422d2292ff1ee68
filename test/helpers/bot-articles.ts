/**
 * Articles for the bot's tests: the reference article byte for byte, and
 * built ones as the loader builds every article — a very long one and one
 * full of mentions and Markdown.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Article } from '../../src/article.ts';
import { buildArticle } from '../../src/parse/build-article.ts';
import { parseArticleFile } from '../../src/parse/parse-article-file.ts';

export const FIXTURES = join(import.meta.dirname, '..', 'fixtures');

/** The reference article (Associated Press, 2017-06-16), id `reference.txt`. */
export function referenceArticle(): Article {
  const outcome = parseArticleFile(readFileSync(join(FIXTURES, 'articles', 'reference.txt')), 'reference.txt');
  if (!outcome.ok) throw new Error(`reference.txt did not parse: ${outcome.error.message}`);
  return outcome.articles[0]!;
}

/** An article built from parts, as the loader builds one. */
export function makeArticle(parts: { id: string; title: string; date?: string | null; source?: string | null; url?: string; paragraphs: string[] }): Article {
  const built = buildArticle(
    { title: parts.title, date: parts.date ?? null, source: parts.source === undefined ? 'Test Wire' : parts.source, paragraphs: parts.paragraphs, captions: [], ...(parts.url ? { url: parts.url } : {}) },
    { id: parts.id, file: parts.id, format: 'json' },
  );
  if (!built.ok) throw new Error(`test article ${parts.id} did not build: ${built.error.message}`);
  return built.article;
}

const LONG_WORDS = 'the harbour authority said that repairs to the northern sea wall would continue through the winter months while engineers inspect every section';

/**
 * A very long article, the newest of the set: a 400-character title, an
 * outlet name of 300 characters, sentences of about 1,500 characters, and
 * dozens of paragraphs. Everything shown from it must be cut to fit.
 */
export function longArticle(): Article {
  const sentence = (n: number) => `Sentence ${n} of the report: ${Array.from({ length: 10 }, () => LONG_WORDS).join(', ')}.`;
  return makeArticle({
    id: 'long/very-long-article.json',
    title: `Harbour repairs ${'continue across the northern coast and '.repeat(10)}end`,
    date: '2024-02-01',
    source: `The ${'Extremely Long Outlet Name '.repeat(10)}Gazette`,
    url: 'https://example.org/harbour-repairs',
    paragraphs: Array.from({ length: 40 }, (_, p) => `${sentence(p * 2 + 1)} ${sentence(p * 2 + 2)} The harbour at Port Ellis reopened on Tuesday number ${p}.`),
  });
}

/** Text that would ping everyone, a user and a role, and that is full of Markdown. */
export const MENTION_TEXT = '@everyone @here <@123456789012345678> <@!42> <@&456> <#789>';

/**
 * An article whose title and text are full of mentions and Markdown, dated
 * 2023-05-05. Its second paragraph answers "who attacked the server".
 */
export function mentionArticle(): Article {
  return makeArticle({
    id: 'mentions.json',
    title: `**Breaking** ${MENTION_TEXT} _raid_ on ||server|| [click](https://evil.example)`,
    date: '2023-05-05',
    source: 'Ping <@&456> Daily',
    paragraphs: [
      `Moderators said ${MENTION_TEXT} was posted **thousands** of times in the ~~chat~~ server on Friday.`,
      `The attacker was a bot account called <@123456789012345678> that attacked the server with @everyone pings and \`code\` blocks.`,
      '> quoted line # heading - list item 1. numbered',
    ],
  });
}
