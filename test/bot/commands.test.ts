/**
 * The command modules, router and Discord renderer, driven through recording
 * fakes typed from discord.js's interaction types: every command, the
 * channel's context, the ephemeral error paths and the rate limit.
 */
import { describe, expect, test } from 'vitest';
import { createAppStateFromArticles, type AppState } from '../../src/app-state/create-app-state.ts';
import { MAX_QUESTION_LENGTH } from '../../src/bot-actions/command-request.ts';
import { APOLOGY } from '../../src/reply/build-error-reply.ts';
import { decodeCustomId } from '../../discord/custom-id.ts';
import { makeArticle, referenceArticle } from '../helpers/bot-articles.ts';
import { allText, buttons, createHarness } from '../helpers/bot-harness.ts';
import type { InteractionRecord, SeenMessage } from '../helpers/fake-interactions.ts';

const reference = referenceArticle();
const thefts = makeArticle({
  id: 'thefts.json',
  title: 'Thieves hit jewellery shops in the old town',
  date: '2014-04-02',
  source: 'City Courier',
  paragraphs: [
    'Police said the thieves targeted jewellery shops in the old town on Saturday night.',
    'Inspector Mara Lind said three shops were broken into and rings worth 40,000 euros were taken.',
  ],
});
const harbour = makeArticle({
  id: 'harbour.json',
  title: 'Harbour reopens after storm',
  date: '2016-03-02',
  source: 'Coast News',
  paragraphs: ['The harbour at Port Ellis reopened on Tuesday after three weeks of repairs to the sea wall.', 'Engineer Ana Ruiz said the repairs cost 3.5 million euros.'],
});
const ARTICLES = [reference, thefts, harbour];

/** Every message a command produced must never ping and must be what Discord accepts. */
function expectSafe(record: InteractionRecord): void {
  for (const message of record.messages) expect(message.allowedMentions).toEqual({ parse: [] });
}

function expectEphemeralError(record: InteractionRecord, pattern: RegExp): void {
  const message = record.only;
  expect(message.ephemeral).toBe(true);
  expect(message.content).toMatch(pattern);
  expect(message.embeds).toEqual([]);
  // Never a public "thinking…" left behind, never a stack trace or a path.
  expect(record.original === 'loading').toBe(false);
  expect(message.content).not.toMatch(/at .*\.ts:\d+|\/work\/|node_modules|Error:/u);
  expectSafe(record);
}

describe('/article', () => {
  test('/article latest shows the newest article: title, outlet, date, summary, key facts and source line', async () => {
    const bot = await createHarness(ARTICLES);
    const record = await bot.command({ commandName: 'article', subcommand: 'latest' });
    const embed = record.only.embeds[0]!;
    expect(record.only.ephemeral).toBe(false);
    expect(embed.title).toBe('Russia claims to have killed Islamic State leader Abu Bakr al-Baghdadi'.replace('\\-', '-'));
    expect(embed.author?.name).toBe('Associated Press · 16 June 2017');
    expect(embed.description).toMatch(/^\*\*Summary\*\*\n> Russia claims it killed the leader of the Islamic State group/u);
    expect(embed.description).toContain('(paragraph 1)');
    const fields = Object.fromEntries((embed.fields ?? []).map((f) => [f.name, f.value]));
    expect(Object.keys(fields)).toEqual(expect.arrayContaining(['Who', 'When', 'Where', 'Source']));
    expect(fields.Source).toContain('Associated Press, 16 June 2017');
    expect(fields.Source).toContain('File: reference.txt');
    expect(embed.footer?.text).toContain('Summary: default length');
    // Slow work (summary, facts) runs after a deferral.
    expect(record.calls.map((c) => c.method)).toEqual(['deferReply', 'editReply']);
    expectSafe(record);
  });

  test('/article show title:<part of a title> finds the article; length:short gives a shorter summary', async () => {
    const bot = await createHarness(ARTICLES);
    const long = (await bot.command({ commandName: 'article', subcommand: 'show', options: { title: 'jewellery shops', length: 'long' } })).only.embeds[0]!;
    const short = (await bot.command({ commandName: 'article', subcommand: 'show', options: { title: 'Russia claims', length: 'short' } })).only.embeds[0]!;
    expect(long.title).toBe('Thieves hit jewellery shops in the old town');
    expect(long.author?.name).toBe('City Courier · 2 April 2014');
    const defaultSummary = (await bot.command({ commandName: 'article', subcommand: 'show', options: { title: 'Russia claims' } })).only.embeds[0]!;
    expect(short.description!.split('\n> ').length).toBeLessThan(defaultSummary.description!.split('\n> ').length);
    expect(short.footer?.text).toContain('Summary: short length');
  });

  test('/article show with an autocomplete value (the article id) shows that article', async () => {
    const bot = await createHarness(ARTICLES);
    const [choice] = await bot.autocomplete('article', 'harbour');
    expect(choice).toEqual({ name: 'Harbour reopens after storm — Coast News, 2016-03-02', value: 'harbour.json' });
    const record = await bot.command({ commandName: 'article', subcommand: 'show', options: { title: String(choice!.value) } });
    expect(record.only.embeds[0]?.title).toBe('Harbour reopens after storm');
  });

  test('/article list pages titles, outlets and dates, newest first', async () => {
    const many = Array.from({ length: 23 }, (_, i) =>
      makeArticle({ id: `a${i}.json`, title: `Story number ${i}`, date: `2020-01-${String(i + 1).padStart(2, '0')}`, paragraphs: [`Body of story ${i}.`] }),
    );
    const bot = await createHarness(many);
    const first = (await bot.command({ commandName: 'article', subcommand: 'list' })).only.embeds[0]!;
    expect(first.description!.split('\n')[0]).toBe('**1.** Story number 22 — Test Wire, 23 January 2020');
    expect(first.description!.split('\n')).toHaveLength(10);
    expect(first.footer?.text).toBe('Page 1 of 3 · 23 articles · next: /article list page:2');
    const third = (await bot.command({ commandName: 'article', subcommand: 'list', options: { page: 3 } })).only.embeds[0]!;
    expect(third.description!.split('\n')).toEqual(['**21.** Story number 2 — Test Wire, 3 January 2020', '**22.** Story number 1 — Test Wire, 2 January 2020', '**23.** Story number 0 — Test Wire, 1 January 2020']);
    expectEphemeralError(await bot.command({ commandName: 'article', subcommand: 'list', options: { page: 4 } }), /There are 3 pages of articles; ask for page 1 to 3\./u);
  });

  test('an unknown article comes back ephemeral, saying what to do', async () => {
    const bot = await createHarness(ARTICLES);
    const record = await bot.command({ commandName: 'article', subcommand: 'show', options: { title: 'moon landing' } });
    expectEphemeralError(record, /No article matches "moon landing"\. Pick one from the suggestions as you type, or see the titles with \/article list\./u);
    expect(record.calls.map((c) => c.method)).toEqual(['reply']);
  });

  test('an ambiguous title lists the candidates, ephemerally', async () => {
    const bot = await createHarness([...ARTICLES, makeArticle({ id: 'h2.json', title: 'Harbour closes again', date: '2016-05-01', paragraphs: ['It closed.'] })]);
    expectEphemeralError(await bot.command({ commandName: 'article', subcommand: 'show', options: { title: 'harbour' } }), /2 articles match "harbour" \("Harbour closes again", "Harbour reopens after storm"\)/u);
  });

  test('with no articles loaded, /article latest says how to add some', async () => {
    const bot = await createHarness([]);
    expectEphemeralError(await bot.command({ commandName: 'article', subcommand: 'latest' }), /No articles are loaded\. Put article files in the articles folder, then run \/reload\./u);
  });
});

describe('/ask', () => {
  test('answers with the short answer, quotes with outlet, date, title and paragraph, and the confidence', async () => {
    const bot = await createHarness([reference, harbour]);
    const record = await bot.command({ commandName: 'ask', options: { question: 'How much did the repairs cost?' } });
    const embed = record.only.embeds[0]!;
    expect(record.only.ephemeral).toBe(false);
    expect(embed.author?.name).toBe('Question: How much did the repairs cost?');
    expect(embed.title).toBe('3.5 million euros');
    expect(embed.description).toContain('> Engineer Ana Ruiz said the repairs cost 3.5 million euros.\n— Coast News, 2 March 2016, *Harbour reopens after storm*, paragraph 2');
    expect(embed.fields).toEqual([{ name: 'Confidence', value: 'high', inline: true }]);
    expect(record.calls.map((c) => c.method)).toEqual(['deferReply', 'editReply']);
    expectSafe(record);
  });

  test('at most three excerpts, and buttons "More excerpts" and "Source" whose ids fit in 100 characters', async () => {
    const bot = await createHarness(ARTICLES);
    const message = (await bot.command({ commandName: 'ask', options: { question: 'what did the ministry say about the IS leaders' } })).only;
    expect(message.embeds[0]!.description!.match(/^> /gmu)?.length).toBeLessThanOrEqual(3);
    const ids = buttons(message);
    expect(Object.keys(ids)).toEqual(['More excerpts', 'Source']);
    for (const id of Object.values(ids)) expect(id.length).toBeLessThanOrEqual(100);
    expect(decodeCustomId(ids['More excerpts']!)).toMatchObject({ kind: 'more', scope: { type: 'all' } });
  });

  test('when the engine abstains it says so plainly and shows the closest passages', async () => {
    const bot = await createHarness(ARTICLES);
    const embed = (await bot.command({ commandName: 'ask', options: { question: 'Which team won the World Cup final?' } })).only.embeds[0]!;
    expect(embed.title).toBe('I could not find that in the loaded articles.');
    expect(embed.description).toMatch(/^Closest passages \(they do not answer the question\):\n\n> /u);
    expect(embed.fields).toEqual([{ name: 'Confidence', value: 'none', inline: true }]);
  });

  test('an abstention with no passage at all still says it could not find it', async () => {
    const bot = await createHarness(ARTICLES);
    const embed = (await bot.command({ commandName: 'ask', options: { question: 'How tall is Mount Everest?' } })).only.embeds[0]!;
    expect(embed.title).toBe('I could not find that in the loaded articles.');
    expect(buttons((await bot.command({ commandName: 'ask', options: { question: 'How tall is Mount Everest?' } })).only)).toEqual({});
  });

  const badQuestions = [
    { name: 'an empty question', question: '   ', error: /Your question is empty\. Ask something like: \/ask question: who was targeted/u },
    { name: 'an over-long question', question: 'why '.repeat(60), error: new RegExp(`Your question is 239 characters long; the limit is ${MAX_QUESTION_LENGTH}\\. Ask a shorter question\\.`, 'u') },
  ];
  for (const t of badQuestions) {
    test(`${t.name} comes back ephemeral, saying what to do`, async () => {
      const bot = await createHarness(ARTICLES);
      const record = await bot.command({ commandName: 'ask', options: { question: t.question } });
      expectEphemeralError(record, t.error);
      expect(record.calls.map((c) => c.method)).toEqual(['reply']);
    });
  }

  test('a sentence the article repeats word for word is quoted once', async () => {
    const repeated = makeArticle({
      id: 'repeat.json',
      title: 'Bus bombing in the capital',
      date: '2015-02-01',
      paragraphs: ['A bomb targeted a bus at a parking lot on Sunday. A bomb targeted a bus at a parking lot on Sunday.', 'Another device was found near the targeted bus.'],
    });
    const bot = await createHarness([repeated]);
    const description = (await bot.command({ commandName: 'ask', options: { question: 'what did the bomb target' } })).only.embeds[0]!.description!;
    expect(description.match(/^> A bomb targeted a bus at a parking lot on Sunday\.$/gmu)).toHaveLength(1);
  });

  test('article:<unknown> comes back ephemeral; article:<title> answers from that article only', async () => {
    const bot = await createHarness(ARTICLES);
    expectEphemeralError(await bot.command({ commandName: 'ask', options: { question: 'who was targeted', article: 'no such story' } }), /No article matches "no such story"/u);
    const embed = (await bot.command({ commandName: 'ask', options: { question: 'who was targeted', article: 'Thieves hit' } })).only.embeds[0]!;
    expect(embed.description).toContain('*Thieves hit jewellery shops in the old town*');
    expect(embed.description).not.toContain('Associated Press');
  });
});

describe("the channel's context", () => {
  test('/article latest then /ask who was targeted answers about that article', async () => {
    const bot = await createHarness(ARTICLES);
    await bot.command({ commandName: 'article', subcommand: 'show', options: { title: 'Thieves hit' } });
    const aboutThefts = (await bot.command({ commandName: 'ask', options: { question: 'who was targeted' } })).only.embeds[0]!;
    expect(aboutThefts.description).toContain('> Police said the thieves targeted jewellery shops in the old town on Saturday night.');

    await bot.command({ commandName: 'article', subcommand: 'latest' });
    const aboutLatest = (await bot.command({ commandName: 'ask', options: { question: 'who was targeted' } })).only.embeds[0]!;
    expect(aboutLatest.title).toBe('an IS meeting');
    expect(aboutLatest.description).toContain('— Associated Press, 16 June 2017, *Russia claims to have killed Islamic State leader Abu Bakr al-Baghdadi*, paragraph 4');
  });

  test('after an answer, its first citation’s article becomes the current article', async () => {
    const bot = await createHarness(ARTICLES);
    await bot.command({ commandName: 'article', subcommand: 'latest' }); // the reference article
    // Naming another subject: answered from the harbour article.
    await bot.command({ commandName: 'ask', options: { question: 'How much did the repairs at Port Ellis cost?' } });
    const source = (await bot.command({ commandName: 'source' })).only.embeds[0]!;
    expect(source.title).toBe('Source of the answer');
    expect(source.description).toContain('**Harbour reopens after storm**');
  });

  test('a question naming nothing that the current article does not answer says where it looked', async () => {
    const bot = await createHarness(ARTICLES);
    await bot.command({ commandName: 'article', subcommand: 'latest' }); // the reference article
    const embed = (await bot.command({ commandName: 'ask', options: { question: 'How much did the repairs cost?' } })).only.embeds[0]!;
    expect(embed.title).toBe('I could not find that in “Russia claims to have killed Islamic State leader Abu Bakr al-Baghdadi”. To search all the articles, name what you are asking about.');
    expect(embed.description ?? '').not.toContain('Harbour');
  });

  test('"who said that?" after an answer names the speaker of the passage it quoted first', async () => {
    const bot = await createHarness(ARTICLES);
    await bot.command({ commandName: 'article', subcommand: 'show', options: { title: 'Thieves hit' } });
    await bot.command({ commandName: 'ask', options: { question: 'how many shops were broken into?' } });
    const embed = (await bot.command({ commandName: 'ask', options: { question: 'who said that?' } })).only.embeds[0]!;
    expect(embed.title).toBe('Inspector Mara Lind');
    expect(embed.description).toContain('> Inspector Mara Lind said three shops were broken into');
  });

  test('each channel has its own context', async () => {
    const bot = await createHarness(ARTICLES);
    await bot.command({ commandName: 'article', subcommand: 'show', options: { title: 'Thieves hit' }, channelId: 'a' });
    await bot.command({ commandName: 'article', subcommand: 'latest', channelId: 'b' });
    const inA = (await bot.command({ commandName: 'ask', options: { question: 'who was targeted' }, channelId: 'a' })).only.embeds[0]!;
    const inB = (await bot.command({ commandName: 'ask', options: { question: 'who was targeted' }, channelId: 'b' })).only.embeds[0]!;
    expect(inA.description).toContain('jewellery shops');
    expect(inB.title).toBe('an IS meeting');
  });
});

describe('/source', () => {
  test('after /ask: title, outlet, date, file and each quoted passage with its paragraph', async () => {
    const bot = await createHarness(ARTICLES);
    await bot.command({ commandName: 'article', subcommand: 'latest' });
    await bot.command({ commandName: 'ask', options: { question: 'who was targeted' } });
    const record = await bot.command({ commandName: 'source' });
    const embed = record.only.embeds[0]!;
    expect(embed.description).toContain('**Question:** who was targeted');
    expect(embed.description).toContain('**Russia claims to have killed Islamic State leader Abu Bakr al-Baghdadi**\nAssociated Press, 16 June 2017\nFile: reference.txt');
    expect(embed.description).toContain('> The ministry said the air raid on May 28 that targeted an IS meeting held on the southern outskirts of Raqqa');
    expect(embed.description).toContain('(paragraph 4)');
    expectSafe(record);
  });

  test('after /article: the article and its summary passages; with article: that article’s attribution', async () => {
    const bot = await createHarness(ARTICLES);
    await bot.command({ commandName: 'article', subcommand: 'show', options: { title: 'Thieves' } });
    const shown = (await bot.command({ commandName: 'source' })).only.embeds[0]!;
    expect(shown.title).toBe('Source of the article shown');
    expect(shown.description).toContain('> Police said the thieves targeted jewellery shops');
    const named = (await bot.command({ commandName: 'source', options: { article: 'harbour.json' } })).only.embeds[0]!;
    expect(named.title).toBe('Source of the article');
    expect(named.description).toBe('**Harbour reopens after storm**\nCoast News, 2 March 2016\nFile: harbour.json\n');
  });

  test('with nothing shown yet it says what to do, ephemerally', async () => {
    const bot = await createHarness(ARTICLES);
    expectEphemeralError(await bot.command({ commandName: 'source' }), /Nothing has been shown here yet\. Run \/article latest or \/ask first/u);
    expectEphemeralError(await bot.command({ commandName: 'source', options: { article: 'nothing like it' } }), /No article matches "nothing like it"/u);
  });
});

describe('/reload', () => {
  test('re-reads the articles for a member with Manage Server, ephemerally with the load report', async () => {
    const added = makeArticle({ id: 'new.json', title: 'Bridge opens', date: '2025-01-01', paragraphs: ['The bridge opened.'] });
    const bot = await createHarness(ARTICLES, { reloaded: async () => createAppStateFromArticles([...ARTICLES, added]) });
    const record = await bot.command({ commandName: 'reload', manager: true });
    expect(record.calls.map((c) => c.method)).toEqual(['deferReply', 'editReply']);
    expect(record.calls[0]!.options).toEqual({ flags: 64 });
    expect(record.only.ephemeral).toBe(true);
    expect(record.only.embeds[0]?.title).toBe('Articles reloaded');
    expect(record.only.embeds[0]?.description).toMatch(/^Loaded 4 articles/u);
    expect((await bot.command({ commandName: 'article', subcommand: 'latest' })).only.embeds[0]?.title).toBe('Bridge opens');
  });

  test('is refused, ephemerally, to a member without Manage Server', async () => {
    let reloads = 0;
    const bot = await createHarness(ARTICLES, { reloaded: async () => (reloads++, createAppStateFromArticles(ARTICLES)) });
    expectEphemeralError(await bot.command({ commandName: 'reload' }), /Only members with the Manage Server permission can reload the articles\./u);
    expect(reloads).toBe(0);
  });

  test('a folder that cannot be read keeps the old articles and says so', async () => {
    const bot = await createHarness(ARTICLES, {
      reloaded: async () => {
        throw Object.assign(new Error("ENOENT: no such file or directory, realpath '/srv/news'"), { code: 'ENOENT' });
      },
    });
    const record = await bot.command({ commandName: 'reload', manager: true });
    expect(record.only.ephemeral).toBe(true);
    expect(record.only.content).toBe('The articles folder could not be read (no such folder); the articles loaded before are still in use.');
    expect(bot.store.current.articles).toHaveLength(3);
  });
});

describe('buttons', () => {
  async function answer(bot: Awaited<ReturnType<typeof createHarness>>, question: string): Promise<SeenMessage> {
    return (await bot.command({ commandName: 'ask', options: { question } })).only;
  }

  test('"More excerpts" shows the next excerpts, ephemerally, numbered on from the first three', async () => {
    const bot = await createHarness(ARTICLES);
    const message = await answer(bot, 'what did the ministry say about the IS leaders');
    const record = await bot.click(buttons(message)['More excerpts']!, message);
    const embed = record.only.embeds[0]!;
    expect(record.only.ephemeral).toBe(true);
    expect(embed.title).toBe('More excerpts');
    expect(embed.author?.name).toBe('Question: what did the ministry say about the IS leaders');
    expect(embed.description).toMatch(/^\*\*4\.\*\*\n> /u);
    expectSafe(record);
  });

  test('"Source" shows where the answer’s quotes came from', async () => {
    const bot = await createHarness(ARTICLES);
    await bot.command({ commandName: 'article', subcommand: 'latest' });
    const message = await answer(bot, 'who was targeted');
    const record = await bot.click(buttons(message).Source!, message);
    const embed = record.only.embeds[0]!;
    expect(record.only.ephemeral).toBe(true);
    expect(embed.title).toBe('Source of the answer');
    expect(embed.description).toContain('File: reference.txt');
    expect(embed.description).toContain('(paragraph 4)');
  });

  test('both buttons still work after a restart: their state is in the custom id and the message', async () => {
    const before = await createHarness(ARTICLES);
    await before.command({ commandName: 'article', subcommand: 'latest' });
    const message = await answer(before, 'who was targeted');
    const afterRestart = await createHarness(ARTICLES); // a new process: no conversations, nothing remembered
    const source = await afterRestart.click(buttons(message).Source!, message);
    expect(source.only.embeds[0]?.description).toContain('> The ministry said the air raid on May 28 that targeted an IS meeting');
    const many = await answer(before, 'what did the ministry say about the IS leaders');
    const more = await afterRestart.click(buttons(many)['More excerpts']!, many);
    expect(more.only.embeds[0]?.title).toBe('More excerpts');
  });

  test('a button whose message no longer shows its question, or an unknown id, is answered ephemerally', async () => {
    const bot = await createHarness(ARTICLES);
    const message = await answer(bot, 'what did the ministry say about the IS leaders');
    const edited = { ...message, embeds: [{ ...message.embeds[0]!, author: { name: 'Question: something else' } }] };
    expectEphemeralError(await bot.click(buttons(message)['More excerpts']!, edited), /This button belongs to an answer I can no longer read\. Ask again with \/ask\./u);
    expectEphemeralError(await bot.click('ask:src:broken', message), /no longer read/u);
    expectEphemeralError(await bot.click('someone-else:button', message), /no longer read/u);
  });
});

describe('autocomplete', () => {
  test('offers at most 25 titles that match what is typed, names and values within 100 characters', async () => {
    const many = Array.from({ length: 40 }, (_, i) => makeArticle({ id: `x/${'deep/'.repeat(25)}story-${i}.json`, title: `Storm story ${i} ${'with a long title '.repeat(8)}`, date: '2020-01-01', paragraphs: ['Text.'] }));
    const bot = await createHarness([...ARTICLES, ...many]);
    const choices = await bot.autocomplete('ask', 'storm story');
    expect(choices).toHaveLength(25);
    for (const c of choices) {
      expect(c.name.length).toBeGreaterThan(0);
      expect(c.name.length).toBeLessThanOrEqual(100);
      expect(String(c.value).length).toBeLessThanOrEqual(100);
    }
    // A long id is offered as its short key, which the commands resolve.
    const shown = await bot.command({ commandName: 'source', options: { article: String(choices[0]!.value) } });
    expect(shown.only.embeds[0]?.description).toMatch(/^\*\*Storm story/u);
    expect(await bot.autocomplete('source', 'jewel')).toEqual([{ name: 'Thieves hit jewellery shops in the old town — City Courier, 2014-04-02', value: 'thefts.json' }]);
  });
});

describe('rate limit', () => {
  test('over the per-user limit, commands and buttons are answered ephemerally until the window passes', async () => {
    const bot = await createHarness(ARTICLES, { rateLimitPerMinute: 2 });
    await bot.command({ commandName: 'article', subcommand: 'latest' });
    const message = (await bot.command({ commandName: 'ask', options: { question: 'who was targeted' } })).only;
    expectEphemeralError(await bot.command({ commandName: 'article', subcommand: 'list' }), /You are sending commands faster than 2 a minute\. Try again in 60 s\./u);
    expectEphemeralError(await bot.click(buttons(message).Source!, message), /faster than 2 a minute/u);
    // Another user is not limited.
    expect((await bot.command({ commandName: 'article', subcommand: 'list', userId: 'user-2' })).only.ephemeral).toBe(false);
    bot.advance(30_000);
    expectEphemeralError(await bot.command({ commandName: 'source' }), /Try again in 30 s\./u);
    bot.advance(30_000);
    expect((await bot.command({ commandName: 'source' })).only.ephemeral).toBe(false);
  });

  test('autocomplete is not rate limited', async () => {
    const bot = await createHarness(ARTICLES, { rateLimitPerMinute: 1 });
    for (let i = 0; i < 5; i++) expect((await bot.autocomplete('ask', 'harbour')).length).toBe(1);
  });
});

describe('unexpected errors', () => {
  test('are logged with the interaction id; the user gets a short apology, never a stack trace or a path', async () => {
    const state = createAppStateFromArticles(ARTICLES);
    const broken: AppState = {
      ...state,
      article: state.article,
      engine: {
        index: state.engine.index,
        ask: () => {
          throw new Error('engine exploded at /work/main/src/answer/create-answer-engine.ts:42');
        },
      },
    };
    const bot = await createHarness(ARTICLES, { state: broken });
    const record = await bot.command({ commandName: 'ask', options: { question: 'who was targeted' } });
    // Deferred publicly before the failure: the "thinking…" message is replaced by an ephemeral apology.
    expect(record.calls.map((c) => c.method)).toEqual(['deferReply', 'deleteReply', 'followUp']);
    expect(record.only.content).toBe(APOLOGY);
    expect(record.only.ephemeral).toBe(true);
    expect(allText(record.only)).not.toContain('/work/');
    const logged = bot.logs.find((l) => l.level === 'error');
    expect(logged?.fields).toMatchObject({ command: 'ask' });
    expect(logged?.fields.interactionId).toEqual(expect.any(String));
    expect(String(logged?.fields.err)).toContain('engine exploded');
  });

  test('an unknown command is answered ephemerally', async () => {
    const bot = await createHarness(ARTICLES);
    expectEphemeralError(await bot.command({ commandName: 'weather' }), /I do not know \/weather/u);
  });
});
