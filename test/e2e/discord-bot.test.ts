/**
 * End to end, in Discord: the bot started as `npm start` starts it (see
 * support.ts), its real discord.js client over real HTTP and WebSocket against
 * the Discord-compatible server of test/discord/, which enforces Discord's
 * rules and records every call. Each describe block has its own server, bot
 * and articles folder (real articles copied to a temporary folder), and ends
 * by checking everything it recorded: nothing refused, nothing could ping,
 * every interaction answered exactly once.
 */
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { COMMAND_NAME_PATTERN } from '../discord/validation.ts';
import { DISCORD_LIMITS, MANAGER_PERMISSIONS, type FakeMessage, type MessageRun } from '../discord/fake-discord-server.ts';
import { buttonId, REFERENCE_FILE, REFERENCE_TITLE, Session, textOf, unescapeMarkdown } from './support.ts';

const REFERENCE_QUOTE =
  'The ministry said the air raid on May 28 that targeted an IS meeting held on the southern outskirts of Raqqa in Syria also killed about 30 mid-level militant leaders and about 300 other fighters.';
const REFERENCE_ATTRIBUTION = `— Associated Press, 16 June 2017, *${REFERENCE_TITLE}*, paragraph 4`;

/** What an error reply must look like: only the user sees it, plain text within 2000 characters, no embeds. */
function expectUserError(message: FakeMessage, pattern: RegExp): void {
  expect(message).toMatchObject({ ephemeral: true, embeds: [], components: [] });
  expect(message.content).toMatch(pattern);
  expect(message.content.length).toBeLessThanOrEqual(DISCORD_LIMITS.contentMax);
}

/** The quoted excerpts of an answer or "More excerpts" embed: each quote with its attribution line. */
function excerptsOf(message: FakeMessage): { quote: string; attribution: string }[] {
  const description = message.embeds[0]?.description ?? '';
  return description
    .split('\n\n')
    .filter((block) => !block.startsWith('Closest passages'))
    .map((block) => {
      const match = /^(?:\*\*\d+\.\*\*\n)?> ([\s\S]*?)\n(— [^\n]*)$/u.exec(block);
      if (!match) throw new Error(`an excerpt without its attribution (a broken quote?):\n${block}`);
      return { quote: match[1]!.replace(/\n> /gu, '\n'), attribution: match[2]! };
    });
}

/** The quotes of a source embed (`> quote` then `(paragraph N)`). */
function sourceQuotesOf(message: FakeMessage): { quote: string; paragraph: number }[] {
  const description = message.embeds[0]?.description ?? '';
  return [...description.matchAll(/^> (.*)\n\(paragraph (\d+)\)$/gmu)].map((m) => ({ quote: m[1]!, paragraph: Number(m[2]) }));
}

/** The summary quotes of an article embed (`> quote (paragraph N)`). */
function summaryQuotesOf(message: FakeMessage): string[] {
  const description = message.embeds[0]?.description ?? '';
  return [...description.matchAll(/^> (.*) \(paragraph \d+\)$/gmu)].map((m) => m[1]!);
}

/**
 * A quote as shown is the article's own text: whole, or cut at a word or
 * sentence boundary and ending with "…" (never a dangling escape, never half a word).
 */
function expectCleanQuote(shown: string, articleText: string): void {
  expect(shown).not.toMatch(/\\…$/u);
  const text = unescapeMarkdown(shown);
  if (!text.endsWith('…')) {
    expect(articleText).toContain(text);
    return;
  }
  const head = text.slice(0, -1).trimEnd();
  expect(head.length).toBeGreaterThan(0);
  const at = articleText.indexOf(head);
  expect(at, `cut quote "${head.slice(0, 80)}…" is not the article's text`).toBeGreaterThanOrEqual(0);
  expect(articleText.charAt(at + head.length)).toMatch(/^[\s,;:.!?]$/u);
}

describe('1. the mission in one channel: /article latest, /ask who was targeted, /source', () => {
  let session: Session;
  beforeAll(async () => {
    session = await Session.start();
  });
  afterAll(() => session?.close());

  test('the newest article, then an answer about it quoted and sourced, then where that answer came from', async () => {
    const reference = await readFile(REFERENCE_FILE, 'utf8');

    const latest = await session.ask({ name: 'article', subcommand: 'latest' });
    expect(latest.ephemeral).toBe(false);
    const article = latest.embeds[0]!;
    expect(article.title).toBe(REFERENCE_TITLE);
    expect(article.author?.name).toBe('Associated Press · 16 June 2017');
    expect(article.description).toMatch(/^\*\*Summary\*\*\n> Russia claims it killed the leader of the Islamic State group in an airstrike/u);
    for (const quote of summaryQuotesOf(latest)) expect(reference).toContain(unescapeMarkdown(quote));
    expect(article.fields?.map((f) => f.name)).toEqual(['Who', 'When', 'Where', 'Numbers', 'Claims', 'Source']);
    expect(article.fields?.find((f) => f.name === 'Who')?.value).toContain('Abu Bakr al-Baghdadi');
    expect(article.fields?.find((f) => f.name === 'Numbers')?.value).toContain('about 300 other fighters (paragraph 4)');
    expect(article.fields?.find((f) => f.name === 'Source')?.value).toBe('Associated Press, 16 June 2017\nFile: reference.txt');

    const answer = await session.ask({ name: 'ask', options: { question: 'who was targeted' } });
    expect(answer.ephemeral).toBe(false);
    expect(answer.embeds[0]?.author?.name).toBe('Question: who was targeted');
    expect(answer.embeds[0]?.title).toMatch(/IS meeting/u);
    expect(answer.embeds[0]?.fields).toEqual([{ name: 'Confidence', value: 'high', inline: true }]);
    const [excerpt, ...others] = excerptsOf(answer);
    expect(others).toEqual([]);
    expect(excerpt?.quote).toContain('targeted an IS meeting');
    expect(excerpt?.quote).toBe(REFERENCE_QUOTE);
    expect(reference).toContain(excerpt?.quote);
    expect(excerpt?.attribution).toBe(REFERENCE_ATTRIBUTION);
    expect(buttonId(answer, 'Source')).toMatch(/^ask:src:/u);

    const source = await session.ask({ name: 'source' });
    expect(source.ephemeral).toBe(false);
    expect(source.embeds[0]?.title).toBe('Source of the answer');
    const lines = source.embeds[0]?.description?.split('\n');
    expect(lines?.slice(0, 5)).toEqual(['**Question:** who was targeted', '', `**${REFERENCE_TITLE}**`, 'Associated Press, 16 June 2017', 'File: reference.txt']);
    expect(sourceQuotesOf(source)).toEqual([{ quote: REFERENCE_QUOTE, paragraph: 4 }]);

    session.expectAllWithinRules();
  });
});

describe('2. autocomplete of titles, and the answer buttons before and after a restart', () => {
  // 30 more articles whose titles all say "Harbour", so that a search matches more than Discord's 25.
  const harbourUpdates = Array.from({ length: 30 }, (_, i) =>
    JSON.stringify({ title: `Harbour update ${i + 1}: the ferry timetable changes again`, date: `2016-01-${String(i + 1).padStart(2, '0')}`, source: 'Port Ellis Courier', paragraphs: [`The ferry timetable changes for the ${i + 1}th time this winter, the harbour office said.`] }),
  ).join('\n');
  const longTitle = { title: `A title far longer than Discord allows in a choice: ${'the council met again and again to discuss the harbour, '.repeat(4)}`, date: '2015-06-01', source: 'Port Ellis Courier', paragraphs: ['The council met to discuss the harbour.'] };
  let session: Session;
  beforeAll(async () => {
    session = await Session.start({ extraArticles: { 'harbour-updates.jsonl': `${harbourUpdates}\n`, 'long-title.json': JSON.stringify(longTitle) } });
  });
  afterAll(() => session?.close());

  const autocompleted = [
    { name: 'article', subcommand: 'show', focused: 'title' },
    { name: 'ask', focused: 'article', options: { question: 'who' } },
    { name: 'source', focused: 'article' },
  ] as const;
  for (const input of autocompleted) {
    const label = `/${input.name}${'subcommand' in input ? ` ${input.subcommand}` : ''} ${input.focused}:`;
    test(`${label} at most 25 choices of 1–100 characters, matching what is typed, each naming a real article`, async () => {
      const suggest = (typed: string) => session.autocomplete({ ...input, options: { ...('options' in input ? input.options : {}), [input.focused]: typed } }).settled();

      const harbour = await suggest('harbour');
      expect(harbour).toHaveLength(DISCORD_LIMITS.autocompleteChoicesMax);
      const russia = await suggest('RUSSIA claims');
      expect(russia).toEqual([{ name: 'Russia claims to have killed Islamic State leader Abu Bakr… — Associated Press, 2017-06-16', value: 'reference.txt' }]);
      const council = await suggest('council met');
      expect(council).toHaveLength(1);
      expect(council[0]?.name).toMatch(/^A title far longer than Discord allows.*… — Port Ellis Courier, 2015-06-01$/u);
      expect(await suggest('no title says this')).toEqual([]);
      const everything = await suggest('');
      expect(everything).toHaveLength(DISCORD_LIMITS.autocompleteChoicesMax);
      expect(everything[0]?.value).toBe('reference.txt'); // newest first

      for (const choice of [...harbour, ...russia, ...council, ...everything]) {
        expect([...choice.name].length).toBeGreaterThanOrEqual(1);
        expect([...choice.name].length).toBeLessThanOrEqual(DISCORD_LIMITS.choiceNameMax);
        expect(String(choice.value).length).toBeGreaterThanOrEqual(1);
        expect(String(choice.value).length).toBeLessThanOrEqual(DISCORD_LIMITS.choiceValueMax);
      }
      for (const choice of harbour) expect(choice.name.toLowerCase()).toContain('harbour');
    });
  }

  test('a chosen suggestion (its value) opens that article', async () => {
    const [choice] = await session.autocomplete({ name: 'article', subcommand: 'show', focused: 'title', options: { title: 'council' } }).settled();
    const shown = await session.ask({ name: 'article', subcommand: 'show', options: { title: String(choice?.value) } });
    expect(shown.embeds[0]?.title).toMatch(/^A title far longer than Discord allows/u);
    expect(shown.embeds[0]?.fields?.at(-1)?.value).toContain('File: long-title.json');
  });

  test('"More excerpts" and "Source" answer ephemerally, and the same after a restart an hour later', async () => {
    const answer = await session.ask({ name: 'ask', options: { question: 'what did the ministry say about the IS leaders', article: 'reference.txt' } });
    const shownQuotes = excerptsOf(answer).map((e) => e.quote);
    expect(shownQuotes.length).toBeGreaterThan(1);

    const clickBoth = async () => {
      const more = await session.click({ customId: buttonId(answer, 'More excerpts'), messageId: answer.id }).settled();
      const source = await session.click({ customId: buttonId(answer, 'Source'), messageId: answer.id }).settled();
      return { more, source };
    };
    const before = await clickBoth();
    expect(before.more).toMatchObject({ ephemeral: true, embeds: [{ title: 'More excerpts', author: { name: 'Question: what did the ministry say about the IS leaders' } }] });
    const moreQuotes = excerptsOf(before.more);
    expect(moreQuotes.length).toBeGreaterThan(0);
    for (const { quote, attribution } of moreQuotes) {
      expect(shownQuotes).not.toContain(quote); // more, not the same again
      expect(attribution).toMatch(/^— Associated Press, 16 June 2017, \*Russia claims to have killed Islamic State leader Abu Bakr al-Baghdadi\*, paragraph \d+$/u);
    }
    expect(before.source).toMatchObject({ ephemeral: true, embeds: [{ title: 'Source of the answer' }] });
    expect(before.source.embeds[0]?.description).toContain(`**${REFERENCE_TITLE}**\nAssociated Press, 16 June 2017\nFile: reference.txt`);
    expect(sourceQuotesOf(before.source).map((q) => q.quote)).toEqual(shownQuotes);

    // A new client with nothing in memory, an hour later: the old answer's interaction token has long expired.
    await session.restart();
    session.clock.advance(60 * 60 * 1_000);
    expect(session.discord.identifies).toBe(2);
    const after = await clickBoth();
    expect(textOf(after.more)).toBe(textOf(before.more));
    expect(textOf(after.source)).toBe(textOf(before.source));
  });

  test('everything recorded in this block kept Discord’s rules', () => {
    session.expectAllWithinRules();
  });
});

describe('3. /reload after articles are added, changed and removed', () => {
  const MANAGER = { permissions: MANAGER_PERMISSIONS };
  const rescue = (who: string) =>
    JSON.stringify({
      title: `${who} rescues four stranded divers`,
      date: '2024-03-01',
      source: 'Coast Times',
      paragraphs: [`Lighthouse keeper ${who} rescued four stranded divers near the harbour wall, the coastguard said.`, 'The divers were taken to hospital as a precaution.'],
    });
  let session: Session;
  beforeAll(async () => {
    session = await Session.start();
  });
  afterAll(() => session?.close());

  test('refused, ephemerally, to a member without Manage Server; the articles stay as they were', async () => {
    await session.folder.write('rescue.json', rescue('Maria Okafor'));
    const refused = await session.ask({ name: 'reload' });
    expectUserError(refused, /^Only members with the Manage Server permission can reload the articles\.$/u);
    expect((await session.ask({ name: 'article', subcommand: 'latest' })).embeds[0]?.title).toBe(REFERENCE_TITLE);
    await session.folder.remove('rescue.json');
  });

  test('added, changed, removed: each /reload reports the folder and the answers follow it', async () => {
    const reload = async (articles: number) => {
      const report = await session.ask({ name: 'reload', member: MANAGER });
      expect(report).toMatchObject({ ephemeral: true, embeds: [{ title: 'Articles reloaded' }] });
      expect(report.embeds[0]?.description).toMatch(new RegExp(`^Loaded ${articles} articles from ${articles} files`, 'u'));
    };
    const question = { name: 'ask', options: { question: 'who rescued the stranded divers' } };

    await session.folder.write('rescue.json', rescue('Maria Okafor'));
    await reload(6);
    expect((await session.ask({ name: 'article', subcommand: 'latest' })).embeds[0]).toMatchObject({ title: 'Maria Okafor rescues four stranded divers', author: { name: 'Coast Times · 1 March 2024' } });
    const first = await session.ask(question);
    expect(first.embeds[0]?.title).toBe('Maria Okafor');
    expect(excerptsOf(first)[0]).toEqual({
      quote: 'Lighthouse keeper Maria Okafor rescued four stranded divers near the harbour wall, the coastguard said.',
      attribution: '— Coast Times, 1 March 2024, *Maria Okafor rescues four stranded divers*, paragraph 1',
    });

    await session.folder.write('rescue.json', rescue('Tomas Lindqvist'));
    await reload(6);
    const changed = await session.ask(question);
    expect(changed.embeds[0]?.title).toBe('Tomas Lindqvist');
    expect(textOf(changed)).not.toMatch(/Okafor/u);
    expect(excerptsOf(changed)[0]?.attribution).toBe('— Coast Times, 1 March 2024, *Tomas Lindqvist rescues four stranded divers*, paragraph 1');
    // The first answer's Source button must not pass the new text off as what that answer quoted:
    // of its two passages only the unchanged one is still shown.
    expect(excerptsOf(first).map((e) => e.quote)).toEqual(['Lighthouse keeper Maria Okafor rescued four stranded divers near the harbour wall, the coastguard said.', 'The divers were taken to hospital as a precaution.']);
    const oldSource = await session.click({ customId: buttonId(first, 'Source'), messageId: first.id }).settled();
    expect(sourceQuotesOf(oldSource)).toEqual([{ quote: 'The divers were taken to hospital as a precaution.', paragraph: 2 }]);
    const newSource = await session.click({ customId: buttonId(changed, 'Source'), messageId: changed.id }).settled();
    expect(sourceQuotesOf(newSource)[0]?.quote).toBe('Lighthouse keeper Tomas Lindqvist rescued four stranded divers near the harbour wall, the coastguard said.');

    await session.folder.remove('rescue.json');
    await reload(5);
    expect((await session.ask({ name: 'article', subcommand: 'latest' })).embeds[0]?.title).toBe(REFERENCE_TITLE);
    expectUserError(await session.ask({ name: 'article', subcommand: 'show', options: { title: 'Lindqvist rescues' } }), /^No article matches "Lindqvist rescues"/u);
    const gone = await session.ask(question);
    expect(textOf(gone)).not.toMatch(/Coast Times|Lindqvist/u);
    expectUserError(await session.click({ customId: buttonId(changed, 'Source'), messageId: changed.id }).settled(), /no longer loaded/u);
  });

  test('everything recorded in this block kept Discord’s rules', () => {
    session.expectAllWithinRules();
  });
});

describe('4. bad input: answered within Discord’s rules, errors only to the user, nobody pinged', () => {
  const PINGS = '@everyone @here <@&123> <@456>';
  let session: Session;
  beforeAll(async () => {
    session = await Session.start();
  });
  afterAll(() => session?.close());

  const errors: { name: string; input: Parameters<Session['slash']>[0]; error: RegExp }[] = [
    { name: '/ask with an empty question', input: { name: 'ask', options: { question: '' } }, error: /^Your question is empty\. Ask something like: \/ask question: who was targeted$/u },
    { name: '/ask with a question of blanks', input: { name: 'ask', options: { question: ' \n\t  ' } }, error: /^Your question is empty/u },
    { name: '/ask with a 6000-character question', input: { name: 'ask', options: { question: 'why '.repeat(1500) } }, error: /^Your question is 5999 characters long; the limit is 200\. Ask a shorter question\.$/u },
    { name: '/ask with a 6000-character question of pings', input: { name: 'ask', options: { question: `${PINGS} `.repeat(200).slice(0, 6000) } }, error: /^Your question is \d+ characters long; the limit is 200/u },
    { name: '/article show with an unknown title', input: { name: 'article', subcommand: 'show', options: { title: 'no such article' } }, error: /^No article matches "no such article"\. Pick one from the suggestions as you type, or see the titles with \/article list\.$/u },
    { name: '/article show with an unknown title of pings and Markdown', input: { name: 'article', subcommand: 'show', options: { title: `${PINGS} **bold** [link](https://evil.example)` } }, error: /^No article matches "@\u200beveryone @\u200bhere \\<@&123> \\<@456> \\\*\\\*bold\\\*\\\* \\\[link\\\]\(https:\/\/evil\.example\)"/u },
    { name: '/article show with a 6000-character title', input: { name: 'article', subcommand: 'show', options: { title: 'x'.repeat(6000) } }, error: /^That article name is 6000 characters long; type part of its title/u },
    { name: '/ask about an unknown article', input: { name: 'ask', options: { question: 'who was targeted', article: 'no such article' } }, error: /^No article matches "no such article"/u },
    { name: '/source of an unknown article', input: { name: 'source', options: { article: 'no such article' } }, error: /^No article matches "no such article"/u },
    { name: '/article list past the last page', input: { name: 'article', subcommand: 'list', options: { page: 99 } }, error: /^There is 1 page of articles; ask for page 1 to 1\.$/u },
  ];
  for (const row of errors) {
    test(`${row.name} → an ephemeral error saying what to do`, async () => {
      const run = session.slash(row.input);
      expectUserError(await run.settled(), row.error);
      expect(run.errorCodes).toEqual([]);
    });
  }

  test(`a question full of ${PINGS} and Markdown is answered publicly, shown literally, and pings nobody`, async () => {
    const question = `${PINGS} **who** _was_ ~~targeted~~ \`in\` the [raid](https://evil.example)? > # -# ||spoiler||`;
    expect(question.length).toBeLessThanOrEqual(200);
    const run = session.slash({ name: 'ask', options: { question } });
    const answer = await run.settled();
    expect(answer.ephemeral).toBe(false);
    expect(answer.content).toBe('');
    // An embed's author line shows text as it is (no Markdown, no mentions).
    expect(answer.embeds[0]?.author?.name).toBe(`Question: ${question}`);
    expect(run.errorCodes).toEqual([]);

    const source = await session.ask({ name: 'source' });
    const shownQuestion = source.embeds[0]?.description?.split('\n')[0];
    expect(shownQuestion).toBe(
      '**Question:** @\u200beveryone @\u200bhere \\<@&123> \\<@456> \\*\\*who\\*\\* \\_was\\_ \\~\\~targeted\\~\\~ \\`in\\` the \\[raid\\](https://evil.example)? > # -# \\|\\|spoiler\\|\\|',
    );
    expect(unescapeMarkdown(shownQuestion ?? '')).toBe(`**Question:** ${question}`);
  });

  test('autocomplete with 6000 typed characters, or with pings, offers no choices and no error', async () => {
    expect(await session.autocomplete({ name: 'ask', focused: 'article', options: { question: 'who', article: 'y'.repeat(6000) } }).settled()).toEqual([]);
    expect(await session.autocomplete({ name: 'source', focused: 'article', options: { article: PINGS } }).settled()).toEqual([]);
  });

  test('every message of this block: allowed_mentions parse [] (nothing could ping), no error code returned', () => {
    expect(session.discord.messages.length).toBe(errors.length + 2);
    session.expectAllWithinRules();
  });
});

describe('5. a long article full of mentions: every reply within the limits, cut cleanly', () => {
  const PINGS = '@everyone @here <@&123> <@456>';
  const WORDS = 'the harbour authority said that repairs to the northern sea wall would continue through the winter months while engineers inspect every section';
  // Sentences of about 1,600 characters, paragraphs of about 5,000 (longer than an embed's whole description).
  const sentence = (n: number) => `Report ${n}: ${Array.from({ length: 10 }, () => WORDS).join(', ')}, and ${PINGS} were told about **it** in \`#general\`.`;
  const long = {
    title: `Harbour repairs ${PINGS} **continue** ${'across the northern coast and '.repeat(12)}end`,
    date: '2024-02-01',
    source: `The ${'Extremely Long Outlet Name '.repeat(10)}<@&999> Gazette`,
    url: 'https://example.org/harbour-repairs',
    paragraphs: Array.from({ length: 12 }, (_, p) => `${sentence(p * 3 + 1)} ${sentence(p * 3 + 2)} ${sentence(p * 3 + 3)}`),
  };
  const articleText = long.paragraphs.join('\n');
  let session: Session;
  let answer: FakeMessage;
  beforeAll(async () => {
    session = await Session.start({ extraArticles: { 'long-report.json': JSON.stringify(long) } });
  });
  afterAll(() => session?.close());

  test('/article latest: title, outlet and summary cut with "…", the summary quoting the article', async () => {
    const shown = await session.ask({ name: 'article', subcommand: 'latest' });
    const embed = shown.embeds[0]!;
    expect(embed.title?.length).toBeLessThanOrEqual(DISCORD_LIMITS.embedTitleMax);
    expect(embed.title).toMatch(/^Harbour repairs @\u200beveryone @\u200bhere \\<@&123> \\<@456> \\\*\\\*continue\\\*\\\* across the northern coast and .*…$/u);
    expect(embed.author?.name).toMatch(/^The Extremely Long Outlet Name .*…$/u);
    expect(embed.author?.name.length).toBeLessThanOrEqual(DISCORD_LIMITS.embedAuthorNameMax);
    expect(embed.description?.length).toBeLessThanOrEqual(DISCORD_LIMITS.embedDescriptionMax);
    const quotes = summaryQuotesOf(shown);
    expect(quotes.length).toBeGreaterThan(0);
    for (const quote of quotes) expectCleanQuote(quote, articleText);
    expect(embed.fields?.at(-1)?.value).toMatch(/^The Extremely Long Outlet Name .*…, 1 February 2024\nhttps:\/\/example\.org\/harbour-repairs\nFile: long-report\.json$/u);
  });

  test('/ask with long excerpts: each quote cut cleanly and followed by its whole attribution', async () => {
    const run = session.slash({ name: 'ask', options: { question: 'what did the harbour authority say about the sea wall' } });
    answer = await run.settled();
    const excerpts = excerptsOf(answer);
    expect(excerpts).toHaveLength(3);
    for (const { quote, attribution } of excerpts) {
      expectCleanQuote(quote, articleText);
      expect(quote).toMatch(/…$/u); // each sentence is longer than its share of the embed
      expect(attribution).toMatch(/^— The Extremely Long Outlet Name .*…, 1 February 2024, \*Harbour repairs .*…\*, paragraph \d+$/u);
      expect(attribution.match(/(?<!\\)\*/gu)).toHaveLength(2); // the title's italics are closed
    }
  });

  test('"More excerpts", "Source" and /source: long quotes cut cleanly in each', async () => {
    const more = await session.click({ customId: buttonId(answer, 'More excerpts'), messageId: answer.id }).settled();
    const moreExcerpts = excerptsOf(more);
    expect(moreExcerpts.length).toBeGreaterThan(0);
    for (const { quote } of moreExcerpts) expectCleanQuote(quote, articleText);

    const sourceButton = await session.click({ customId: buttonId(answer, 'Source'), messageId: answer.id }).settled();
    const source = await session.ask({ name: 'source' });
    for (const message of [sourceButton, source]) {
      expect(message.embeds[0]?.title).toBe('Source of the answer');
      const quotes = sourceQuotesOf(message);
      expect(quotes).toHaveLength(3);
      for (const { quote } of quotes) expectCleanQuote(quote, articleText);
    }
  });

  test('autocomplete of the long title: one choice within 100 characters', async () => {
    const choices = await session.autocomplete({ name: 'article', subcommand: 'show', focused: 'title', options: { title: 'harbour repairs' } }).settled();
    expect(choices).toHaveLength(1);
    expect(choices[0]?.name.length).toBeLessThanOrEqual(DISCORD_LIMITS.choiceNameMax);
    expect(choices[0]?.value).toBe('long-report.json');
  });

  test('everything recorded in this block kept Discord’s rules', () => {
    session.expectAllWithinRules();
  });
});

describe('6. faults: 500 and 429 from REST, a dropped gateway; no interaction lost', () => {
  const CALLBACK = { path: '/interactions/:id/:token/callback' };
  const EDIT = { method: 'PATCH', path: /^\/webhooks\/[^/]+\/[^/]+\/messages\/@original$/u };
  let session: Session;
  let answer: FakeMessage;
  beforeAll(async () => {
    session = await Session.start();
    answer = await session.ask({ name: 'ask', options: { question: 'what did the ministry say about the IS leaders', article: 'reference.txt' } });
  });
  afterAll(() => session?.close());

  /** The run's requests as "METHOD status", injected faults marked. */
  const trace = (run: MessageRun | ReturnType<Session['autocomplete']>) => run.requests.map((r) => `${r.method} ${r.status}${r.injected ? ' (injected)' : ''}`);

  const faults = [
    { name: '500 once on the callback of a deferred /ask', fault: { status: 500, match: CALLBACK }, expected: ['POST 500 (injected)', 'POST 204', 'PATCH 200'] },
    { name: '429 with Retry-After on the callback of a deferred /ask', fault: { status: 429, retryAfter: 0.05, match: CALLBACK }, expected: ['POST 429 (injected)', 'POST 204', 'PATCH 200'] },
    { name: '500 once on the edit of the deferred reply', fault: { status: 500, match: EDIT }, expected: ['POST 204', 'PATCH 500 (injected)', 'PATCH 200'] },
    { name: '429 with Retry-After on the edit of the deferred reply', fault: { status: 429, retryAfter: 0.05, match: EDIT }, expected: ['POST 204', 'PATCH 429 (injected)', 'PATCH 200'] },
  ];
  for (const row of faults) {
    test(`${row.name}: discord.js retries and the answer arrives once`, async () => {
      const fault = session.discord.failNext(row.fault);
      const run = session.slash({ name: 'ask', options: { question: 'who was targeted', article: 'reference.txt' } });
      const reply = await run.settled();
      expect(excerptsOf(reply)[0]?.quote).toBe(REFERENCE_QUOTE);
      expect(trace(run)).toEqual(row.expected);
      expect(fault.remaining).toBe(0);
      expect(fault.hits.map((r) => r.interactionId)).toEqual([run.id]);
      expect(run.messages).toHaveLength(1);
    });
  }

  test('500 and 429 on immediate replies, a button and autocomplete: each retried, each answered once', async () => {
    session.discord.failNext({ status: 500, match: CALLBACK });
    const error = session.slash({ name: 'ask', options: { question: '' } });
    expectUserError(await error.settled(), /^Your question is empty/u);
    expect(trace(error)).toEqual(['POST 500 (injected)', 'POST 204']);

    session.discord.failNext({ status: 429, retryAfter: 0.05, match: CALLBACK });
    const click = session.click({ customId: buttonId(answer, 'Source'), messageId: answer.id });
    expect((await click.settled()).embeds[0]?.title).toBe('Source of the answer');
    expect(trace(click)).toEqual(['POST 429 (injected)', 'POST 204']);

    session.discord.failNext({ status: 500, match: CALLBACK });
    const suggest = session.autocomplete({ name: 'article', subcommand: 'show', focused: 'title', options: { title: 'russia claims' } });
    expect((await suggest.settled()).map((c) => c.value)).toEqual(['reference.txt']);
    expect(trace(suggest)).toEqual(['POST 500 (injected)', 'POST 204']);
  });

  test('the gateway drops: the client resumes, the interactions sent meanwhile are replayed and answered', async () => {
    const drop = session.discord.dropConnection();
    const whileAway = {
      ask: session.slash({ name: 'ask', options: { question: 'who was targeted', article: 'reference.txt' } }),
      suggest: session.autocomplete({ name: 'source', focused: 'article', options: { article: 'syria' } }),
      more: session.click({ customId: buttonId(answer, 'More excerpts'), messageId: answer.id }),
    };
    expect(await drop.resumed).toMatchObject({ replayed: 3 });
    expect(excerptsOf(await whileAway.ask.settled())[0]?.quote).toBe(REFERENCE_QUOTE);
    expect((await whileAway.suggest.settled()).length).toBe(3);
    expect((await whileAway.more.settled()).embeds[0]?.title).toBe('More excerpts');

    const after = await session.ask({ name: 'article', subcommand: 'latest' });
    expect(after.embeds[0]?.title).toBe(REFERENCE_TITLE);
    expect(session.discord.identifies).toBe(1);
    expect(session.discord.receivedFrames.filter((f) => f.op === 6)).toHaveLength(1);
  });

  test('no interaction lost: each got exactly one first response, and every error was an injected one', () => {
    expect(session.runs.length).toBe(1 + faults.length + 3 + 3 + 1);
    session.expectAllWithinRules();
    expect(session.discord.requests.filter((r) => r.injected)).toHaveLength(faults.length + 3);
  });
});

describe('the commands the bot deploys', () => {
  test('are valid for Discord: lower-case names, descriptions of 1–100 characters, autocomplete where titles are typed', async () => {
    const session = await Session.start();
    try {
      const commands = session.discord.registeredCommands.guild;
      expect(commands.map((c) => c.name)).toEqual(['article', 'ask', 'reload', 'source']);
      type Named = { name: string; description: string; autocomplete?: boolean; options?: Named[] };
      const options = (commands as unknown as Named[]).flatMap((c) => [c, ...(c.options ?? []), ...(c.options ?? []).flatMap((o) => o.options ?? [])]);
      for (const item of options) {
        expect(item.name).toMatch(COMMAND_NAME_PATTERN);
        expect(item.name).toBe(item.name.toLowerCase());
        expect(item.description.length).toBeGreaterThanOrEqual(1);
        expect(item.description.length).toBeLessThanOrEqual(DISCORD_LIMITS.commandDescriptionMax);
      }
      const autocompleted = options.filter((o) => o.autocomplete === true).map((o) => o.name);
      expect(autocompleted).toEqual(['title', 'article', 'article']);
      expect(commands.find((c) => c.name === 'reload')?.default_member_permissions).toBe(String(1n << 5n)); // Manage Server
    } finally {
      await session.close();
    }
  });
});
