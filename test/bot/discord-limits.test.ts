/**
 * Every reply fits Discord's limits and never pings, however long or
 * hostile the article text: long articles are cut at sentence or word
 * boundaries with "…", mentions and Markdown in articles are shown as text.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { Citation } from '../../src/answer/types.ts';
import { renderDiscordReply, type DiscordMessage } from '../../discord/render-reply.ts';
import { buildAnswerReply } from '../../src/reply/build-answer-reply.ts';
import { buildArticleReply } from '../../src/reply/build-article-reply.ts';
import { buildSourceReply } from '../../src/reply/build-source-reply.ts';
import { escapeMarkdown } from '../../src/format/escape-markdown.ts';
import { checkMessageBody, embedTextLength } from '../discord/validation.ts';
import { pingsIn } from '../discord/mentions.ts';
import { longArticle, mentionArticle, MENTION_TEXT, referenceArticle } from '../helpers/bot-articles.ts';
import { buttons, createHarness } from '../helpers/bot-harness.ts';
import type { SeenMessage } from '../helpers/fake-interactions.ts';
import { sentencesOf } from '../../src/sentences.ts';

/** What Discord would answer to this message: undefined when it accepts it. */
function discordVerdict(message: SeenMessage | DiscordMessage): unknown {
  const body = { content: message.content, embeds: message.embeds, components: message.components, allowed_mentions: message.allowedMentions };
  return checkMessageBody(body, { path: [], resultHasContent: true });
}

/** Block-quote lines of an embed's description, without the "> ". */
function quotedLines(description: string): string[] {
  return description
    .split('\n')
    .filter((line) => line.startsWith('> '))
    .map((line) => line.slice(2).replace(/ \(paragraph \d+\)$/u, ''));
}

/**
 * The parts of a message Discord renders as Markdown (content, titles,
 * descriptions, field values). Author names and footers are plain text: they
 * show mentions and marks as typed and never notify.
 */
function markdownText(message: SeenMessage | DiscordMessage): string {
  return [message.content ?? '', ...message.embeds.flatMap((e) => [e.title ?? '', e.description ?? '', ...(e.fields ?? []).flatMap((f) => [f.name, f.value])])].join('\n');
}

/** Text that could show as a live mention or a mass mention. */
const LIVE_MENTION = /(?<!\\)<[@#]|@(everyone|here)/u;

describe('a very long article', () => {
  const long = longArticle();
  const articles = [long, referenceArticle()];

  test('/article show: summary, facts and source cut to fit, each cut quote ending with "…"', async () => {
    const bot = await createHarness(articles);
    for (const length of ['short', 'default', 'long'] as const) {
      const message = (await bot.command({ commandName: 'article', subcommand: 'latest', options: { length } })).only;
      expect(discordVerdict(message)).toBeUndefined();
      const embed = message.embeds[0]!;
      expect(embedTextLength([embed])).toBeLessThanOrEqual(6000);
      expect(embed.title!.length).toBeLessThanOrEqual(256);
      expect(embed.title).toMatch(/…$/u);
      const quotes = quotedLines(embed.description!);
      expect(quotes.length).toBeGreaterThan(0);
      const sentences = sentencesOf(long).map((s) => escapeMarkdown(long.paragraphs[s.paragraph]!.slice(s.start, s.end)));
      for (const quote of quotes) {
        // Either a whole sentence of the article, or the start of one cut with "…".
        const whole = sentences.includes(quote);
        const cut = quote.endsWith('…') && sentences.some((s) => s.startsWith(quote.slice(0, -1).trimEnd()));
        expect(whole || cut, quote.slice(0, 80)).toBe(true);
      }
    }
  });

  test('a summary and facts too long for one embed are cut: each quote at a boundary with "…", each fact line whole or cut', () => {
    const sentence = (n: number) => `Sentence ${n}: ${'the harbour authority said repairs would continue. '.repeat(40)}`.trim();
    const quotes = Array.from({ length: 6 }, (_, i) => sentence(i));
    const summary = quotes.map((quote, i): Citation => ({ articleId: long.id, title: long.title, source: long.source, date: long.date, file: long.file, paragraph: i, quote, start: 0, end: quote.length }));
    const facts = (['who', 'when', 'where', 'number', 'claim'] as const).flatMap((kind) =>
      Array.from({ length: 5 }, (_, i) => ({ kind, text: `${kind} fact ${i} ${'with many words '.repeat(60)}`, citation: summary[0]! })),
    );
    const message = renderDiscordReply(buildArticleReply('article show', long, 'long', summary, facts));
    expect(discordVerdict(message)).toBeUndefined();
    const embed = message.embeds[0]!;
    const shown = quotedLines(embed.description!);
    expect(shown).toHaveLength(6);
    for (const [i, quote] of shown.entries()) {
      expect(quote.endsWith('…')).toBe(true);
      expect(quotes[i]!.startsWith(quote.slice(0, -1).trimEnd())).toBe(true);
      // Cut at a sentence end: the kept text ends with a full stop before the " …".
      expect(quote).toMatch(/\. …$/u);
    }
    for (const field of embed.fields!.filter((f) => f.name !== 'Source')) {
      for (const line of field.value.split('\n')) expect(line).toMatch(/^(• .+ \(paragraph 1\)|…and \d+ more)$/u);
    }
  });

  test('/ask, the buttons and /source about it stay within the limits, and every quote keeps its attribution', async () => {
    const bot = await createHarness(articles);
    const answer = (await bot.command({ commandName: 'ask', options: { question: 'what did the harbour authority say about the sea wall repairs' } })).only;
    expect(discordVerdict(answer)).toBeUndefined();
    const description = answer.embeds[0]!.description!;
    expect(description).toContain('…');
    const quoteCount = description.match(/^> /gmu)?.length ?? 0;
    expect(quoteCount).toBeGreaterThan(0);
    expect(description.match(/^— .+, 1 February 2024, \*Harbour repairs .+\*, paragraph \d+$/gmu)?.length).toBe(quoteCount);
    for (const id of Object.values(buttons(answer))) expect(id.length).toBeLessThanOrEqual(100);
    for (const id of Object.values(buttons(answer))) {
      const clicked = await bot.click(id, answer);
      expect(discordVerdict(clicked.only)).toBeUndefined();
    }
    expect(discordVerdict((await bot.command({ commandName: 'source' })).only)).toBeUndefined();
    expect(discordVerdict((await bot.command({ commandName: 'article', subcommand: 'list' })).only)).toBeUndefined();
  });
});

describe('article text full of mentions and Markdown', () => {
  const articles = [mentionArticle(), referenceArticle()];

  test('is shown as text: nothing pings, nothing renders as a mention or as formatting', async () => {
    const bot = await createHarness(articles);
    const shown = [
      (await bot.command({ commandName: 'article', subcommand: 'latest' })).only,
      (await bot.command({ commandName: 'ask', options: { question: 'who attacked the server' } })).only,
      (await bot.command({ commandName: 'source' })).only,
      (await bot.command({ commandName: 'article', subcommand: 'list' })).only,
      (await bot.command({ commandName: 'ask', options: { question: `was ${MENTION_TEXT} posted` } })).only,
      (await bot.command({ commandName: 'article', subcommand: 'show', options: { title: MENTION_TEXT } })).only,
    ];
    for (const message of shown) {
      expect(message.allowedMentions).toEqual({ parse: [] });
      expect(pingsIn({ content: message.content, allowedMentions: { parse: [] } })).toEqual({ everyone: false, users: [], roles: [] });
      expect(discordVerdict(message)).toBeUndefined();
      expect(markdownText(message)).not.toMatch(LIVE_MENTION);
    }
    const article = shown[0]!.embeds[0]!;
    expect(article.title).toBe('\\*\\*Breaking\\*\\* @\u200beveryone @\u200bhere \\<@123456789012345678> \\<@!42> \\<@&456> \\<#789> \\_raid\\_ on \\|\\|server\\|\\| \\[click\\](https://evil.example)');
    expect(shown[1]!.embeds[0]!.description).toContain('\\<@123456789012345678> that attacked the server with @\u200beveryone pings and \\`code\\` blocks.');
  });

  test('the question echoed on the answer (plain-text author line) cannot ping either', async () => {
    const bot = await createHarness(articles);
    const message = (await bot.command({ commandName: 'ask', options: { question: '@everyone who attacked <@123>?' } })).only;
    expect(message.content).toBe('');
    expect(message.embeds[0]!.author!.name).toBe('Question: @everyone who attacked <@123>?');
    expect(message.allowedMentions).toEqual({ parse: [] });
  });

  test('an error that repeats what the user typed escapes it', async () => {
    const bot = await createHarness(articles);
    const message = (await bot.command({ commandName: 'source', options: { article: '@everyone <@&1> **x**' } })).only;
    expect(message.ephemeral).toBe(true);
    expect(message.content).toBe('No article matches "@\u200beveryone \\<@&1> \\*\\*x\\*\\*". Pick one from the suggestions as you type, or see the titles with /article list.');
  });
});

describe('any quoted text (property)', () => {
  const hostile = fc.string({ unit: fc.constantFrom(...'ab .,!?*_~`|<>@#-+[]()\\\n'.split(''), '@everyone', '<@123>', '<@&9>', 'word ', '1. '), maxLength: 3000 });
  const citation = (quote: string, title: string): Citation => ({
    articleId: 'a.json',
    title: title.trim() === '' ? 'T' : title,
    source: 'Wire <@&5>',
    date: '2020-01-01',
    file: 'a.json',
    paragraph: 0,
    quote,
    start: 0,
    end: quote.length,
  });

  test('an answer with any quotes and title fits Discord, escapes mentions and keeps buttons within 100 characters', () => {
    fc.assert(
      fc.property(fc.array(hostile, { minLength: 1, maxLength: 3 }), hostile, fc.string({ maxLength: 200 }), (quotes, title, question) => {
        const reply = buildAnswerReply(
          { question: question.trim() === '' ? 'q' : question, answer: quotes[0]!.slice(0, 500) || 'x', confidence: 'medium', citations: quotes.map((q) => citation(q, title)) },
          { articleId: null, currentArticleId: 'a.json' },
        );
        const message = renderDiscordReply(reply);
        expect(discordVerdict(message)).toBeUndefined();
        expect(markdownText(message)).not.toMatch(LIVE_MENTION);
        for (const row of message.components) for (const b of row.components) expect('custom_id' in b && b.custom_id.length <= 100).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  test('a source reply of many long passages fits Discord', () => {
    fc.assert(
      fc.property(fc.array(hostile, { minLength: 1, maxLength: 10 }), (quotes) => {
        const reply = buildSourceReply({ subject: 'answer', question: 'q', citations: quotes.map((q, i) => ({ ...citation(q || 'x', `Title ${i}`), articleId: `a${i}` })), sourceOf: () => undefined });
        expect(discordVerdict(renderDiscordReply(reply))).toBeUndefined();
      }),
      { numRuns: 100 },
    );
  });
});
