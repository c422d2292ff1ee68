/**
 * The fake Discord server, exercised with the real discord.js Client over real HTTP and
 * WebSocket on 127.0.0.1. Every wait is on an event; the only clock that moves is the
 * manual one, moved by the test.
 */
import { once } from 'node:events';
import {
  ActionRowBuilder,
  ButtonBuilder,
  ButtonStyle,
  Client,
  DiscordAPIError,
  Events,
  GatewayIntentBits,
  MessageFlags,
  PermissionFlagsBits,
  type Interaction,
  type RESTOptions,
} from 'discord.js';
import { afterEach, describe, expect, test } from 'vitest';
import { WebSocket } from 'ws';
import {
  couldPing,
  createManualClock,
  DISCORD_LIMITS,
  InteractionDeadlineError,
  MANAGER_PERMISSIONS,
  pingsIn,
  startFakeDiscord,
  type Clock,
  type FakeDiscord,
} from './discord/fake-discord-server.ts';
import { checkAutocompleteChoices, checkCommandList, checkMessageBody } from './discord/validation.ts';

const TOKEN = 'test-token';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

interface Setup {
  discord: FakeDiscord;
  client: Client;
}

/** A fake server and a discord.js client logged in to it; both torn down after the test. */
async function connect(options: { clock?: Clock; rest?: Partial<RESTOptions> } = {}): Promise<Setup> {
  const discord = await startFakeDiscord({ token: TOKEN, ...(options.clock ? { clock: options.clock } : {}) });
  const client = new Client({
    intents: [GatewayIntentBits.Guilds],
    rest: { api: discord.apiUrl, retries: 0, timeout: 2_000, ...options.rest },
  });
  cleanups.push(async () => {
    await client.destroy();
    await discord.close();
  });
  const ready = once(client, Events.ClientReady);
  await client.login(TOKEN);
  await ready;
  return { discord, client };
}

/** Runs `handler` on the client's next interaction; resolves or rejects with its outcome. */
function onNextInteraction<T>(client: Client, handler: (interaction: Interaction) => Promise<T>): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    client.once(Events.InteractionCreate, (interaction) => {
      handler(interaction).then(resolve, reject);
    });
  });
}

/** The error a promise rejected with (fails the test if it resolved). */
async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => expect.unreachable('expected a rejection'),
    (error: unknown) => error,
  );
}

const ASK_COMMAND = {
  name: 'ask',
  description: 'Ask about the news',
  options: [
    {
      type: 1,
      name: 'question',
      description: 'Ask a question',
      options: [
        { type: 3, name: 'text', description: 'Your question', required: true },
        { type: 3, name: 'article', description: 'Limit to one article', autocomplete: true },
      ],
    },
    { type: 1, name: 'latest', description: 'The latest articles' },
  ],
};

describe('login', () => {
  test('READY and GUILD_CREATE give the client its guild, channel, @everyone role and bot member', async () => {
    const { discord, client } = await connect();
    const guild = client.guilds.cache.get(discord.guildId);
    expect(guild?.name).toBe('Newsroom');
    expect(guild?.roles.everyone.id).toBe(discord.guildId);
    expect(guild?.channels.cache.get(discord.channelId)?.name).toBe('news');
    expect(guild?.members.me?.id).toBe(discord.botUserId);
    expect(client.application?.id).toBe(discord.applicationId);
    expect(discord.identifies).toBe(1);
    expect(discord.requests.map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual(['GET /gateway/bot 200']);
  });

  test('a wrong token makes login reject with TokenInvalid (401 on GET /gateway/bot), without hanging', async () => {
    const discord = await startFakeDiscord({ token: TOKEN });
    const client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: discord.apiUrl, retries: 0 } });
    cleanups.push(async () => {
      await client.destroy();
      await discord.close();
    });
    expect(await rejectionOf(client.login('wrong-token'))).toMatchObject({ code: 'TokenInvalid' });
    expect(discord.requests[0]).toMatchObject({ path: '/gateway/bot', status: 401, response: { code: 0, message: '401: Unauthorized' } });
  }, 5_000);

  test('an IDENTIFY with a wrong token is closed with 4004', async () => {
    const discord = await startFakeDiscord({ token: TOKEN });
    cleanups.push(() => discord.close());
    const socket = new WebSocket(`${discord.gatewayUrl}/?v=10&encoding=json`);
    const [hello] = (await once(socket, 'message')) as [Buffer];
    expect(JSON.parse(hello.toString())).toMatchObject({ op: 10, d: { heartbeat_interval: 41_250 } });
    socket.send(JSON.stringify({ op: 2, d: { token: 'wrong-token', intents: 1, properties: {}, shard: [0, 1] } }));
    const [code] = (await once(socket, 'close')) as [number];
    expect(code).toBe(4004);
  });

  test('a 4004 close at IDENTIFY makes login reject, without hanging', async () => {
    const discord = await startFakeDiscord({ token: TOKEN });
    const client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: discord.apiUrl, retries: 0 } });
    cleanups.push(async () => {
      await client.destroy();
      await discord.close();
    });
    // The token passes REST but the gateway refuses it, as after a reset token.
    discord.failNextIdentify(4004);
    const error = await rejectionOf(client.login(TOKEN));
    expect(String(error)).toMatch(/Authentication failed/);
    expect(discord.identifies).toBe(0);
  }, 5_000);
});

describe('interactions', () => {
  test('a slash command answered with reply: the recorded message, with allowedMentions parse []', async () => {
    const { discord, client } = await connect();
    await client.application!.commands.set([ASK_COMMAND], discord.guildId);
    const handled = onNextInteraction(client, async (interaction) => {
      if (!interaction.isChatInputCommand()) throw new Error('expected a chat-input command');
      const question = interaction.options.getString('text', true);
      const sub = interaction.options.getSubcommand();
      const canManage = interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild) ?? false;
      await interaction.reply({
        content: `${sub}: "${question}" — quoted @everyone <@123> (manager: ${canManage})`,
        embeds: [{ title: 'Answer', description: 'Nobody won.' }],
        allowedMentions: { parse: [] },
      });
      return interaction.channel?.id;
    });
    const run = discord.sendSlashCommand({ name: 'ask', subcommand: 'question', options: { text: 'Who won?' } });
    expect(await run.firstResponse).toMatchObject({ type: 4 });
    const reply = await run.settled();
    expect(await handled).toBe(discord.channelId);
    expect(reply.content).toBe('question: "Who won?" — quoted @everyone <@123> (manager: false)');
    expect(reply.embeds[0]?.title).toBe('Answer');
    expect(reply.ephemeral).toBe(false);
    expect(reply.allowedMentions).toEqual({ parse: [] });
    expect(couldPing(reply)).toBe(false);
    expect(pingsIn(reply)).toEqual({ everyone: false, users: [], roles: [] });
    expect(run.requests.map((r) => `${r.method} ${r.route} ${r.status}`)).toEqual(['POST /interactions/:id/:token/callback 204']);
  });

  test('the member permissions of an interaction are what the test says (here: with Manage Server)', async () => {
    const { discord, client } = await connect();
    const handled = onNextInteraction(client, async (interaction) => {
      const canManage = interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild) ?? false;
      if (interaction.isRepliable()) await interaction.reply({ content: 'ok', flags: MessageFlags.Ephemeral });
      return canManage;
    });
    const run = discord.sendSlashCommand({ name: 'config', member: { permissions: MANAGER_PERMISSIONS } });
    expect(await handled).toBe(true);
    const reply = await run.settled();
    expect(reply.ephemeral).toBe(true);
    // No allowed_mentions sent: Discord's default for interactions lets user mentions ping.
    expect(couldPing(reply)).toBe(true);
    expect(pingsIn({ ...reply, content: 'hi <@42> @everyone' })).toEqual({ everyone: false, users: ['42'], roles: [] });
  });

  test('defer + editReply + followUp: a loading message, then the edit, then a follow-up', async () => {
    const { discord, client } = await connect();
    const handled = onNextInteraction(client, async (interaction) => {
      if (!interaction.isChatInputCommand()) throw new Error('expected a chat-input command');
      await interaction.deferReply({ flags: MessageFlags.Ephemeral });
      await interaction.editReply({ content: 'Here is the answer.', allowedMentions: { parse: [] } });
      await interaction.followUp({ content: 'Sources: 2 articles', allowedMentions: { parse: [] } });
    });
    const run = discord.sendSlashCommand({ name: 'ask', options: { text: 'Who won?' } });
    const reply = await run.settled({ followUps: 1 });
    await handled;
    expect(run.acknowledgement?.type).toBe(5);
    expect(reply).toMatchObject({ content: 'Here is the answer.', ephemeral: true, loading: false });
    expect(reply.history).toHaveLength(1);
    expect(reply.history[0]?.content).toBe('');
    expect(run.followUps.map((m) => m.content)).toEqual(['Sources: 2 articles']);
    expect(run.messages.every((m) => !couldPing(m))).toBe(true);
    const edit = run.requests.find((r) => r.method === 'PATCH');
    expect(edit?.path).toBe(`/webhooks/${discord.applicationId}/${run.token}/messages/@original`);
    expect(edit?.rawPath).toContain('%40original');
    expect(run.requests.map((r) => r.status)).toEqual([204, 200, 200]);
  });

  test('a follow-up after a deferral replaces the "thinking" message (Discord behaviour)', async () => {
    const { discord, client } = await connect();
    const handled = onNextInteraction(client, async (interaction) => {
      if (!interaction.isRepliable()) throw new Error('expected a repliable interaction');
      await interaction.deferReply();
      await interaction.followUp({ content: 'done', files: [{ attachment: Buffer.from('a,b\n1,2\n'), name: 'table.csv' }] });
    });
    const run = discord.sendSlashCommand({ name: 'ask' });
    const reply = await run.settled();
    await handled;
    expect(reply.content).toBe('done');
    expect(reply.attachments.map((a) => [a.filename, a.data.toString()])).toEqual([['table.csv', 'a,b\n1,2\n']]);
    expect(run.followUps).toEqual([]);
    expect(run.requests[1]?.files.map((f) => f.filename)).toEqual(['table.csv']);
  });

  test('reply withResponse (multipart, with a file), fetchReply and deleteReply', async () => {
    const { discord, client } = await connect();
    const handled = onNextInteraction(client, async (interaction) => {
      if (!interaction.isRepliable()) throw new Error('expected a repliable interaction');
      const response = await interaction.reply({
        content: 'see attached',
        files: [{ attachment: Buffer.from('quote'), name: 'quote.txt' }],
        allowedMentions: { parse: [] },
        withResponse: true,
      });
      const fetched = await interaction.fetchReply();
      await interaction.deleteReply();
      return [response.resource?.message?.id, response.resource?.message?.attachments.first()?.name, fetched.content];
    });
    const run = discord.sendSlashCommand({ name: 'ask' });
    const [responseId, attachmentName, fetchedContent] = await handled;
    const original = run.original;
    expect(responseId).toBe(original?.id);
    expect(attachmentName).toBe('quote.txt');
    expect(fetchedContent).toBe('see attached');
    expect(original).toMatchObject({ content: 'see attached', deleted: true });
    expect(run.requests.map((r) => `${r.method} ${r.status} ${JSON.stringify(r.query)}`)).toEqual([
      'POST 200 {"with_response":"true"}',
      'GET 200 {}',
      'DELETE 204 {}',
    ]);
    expect(run.requests[0]?.files.map((f) => f.filename)).toEqual(['quote.txt']);
  });

  test('autocomplete: the focused option is sent and the choices recorded', async () => {
    const { discord, client } = await connect();
    await client.application!.commands.set([ASK_COMMAND], discord.guildId);
    const handled = onNextInteraction(client, async (interaction) => {
      if (!interaction.isAutocomplete()) throw new Error('expected autocomplete');
      const focused = interaction.options.getFocused(true);
      await interaction.respond([
        { name: `Election results (${focused.value})`, value: 'election-2024' },
        { name: 'Budget vote', value: 'budget' },
      ]);
      return focused.name;
    });
    const run = discord.sendAutocomplete({ name: 'ask', subcommand: 'question', options: { article: 'elec' }, focused: 'article' });
    const choices = await run.settled();
    expect(await handled).toBe('article');
    expect(choices).toEqual([
      { name: 'Election results (elec)', value: 'election-2024' },
      { name: 'Budget vote', value: 'budget' },
    ]);
  });

  test('autocomplete with 26 choices is refused with 50035', async () => {
    const { discord, client } = await connect();
    const handled = onNextInteraction(client, async (interaction) => {
      if (!interaction.isAutocomplete()) throw new Error('expected autocomplete');
      const many = Array.from({ length: 26 }, (_, i) => ({ name: `choice ${i}`, value: `c${i}` }));
      return rejectionOf(interaction.respond(many));
    });
    discord.sendAutocomplete({ name: 'ask', options: { article: '' }, focused: 'article' });
    expect(await handled).toMatchObject({ code: 50035, status: 400 });
  });

  test('button click + update: the clicked message is edited in place', async () => {
    const { discord, client } = await connect();
    const replied = onNextInteraction(client, async (interaction) => {
      if (!interaction.isChatInputCommand()) throw new Error('expected a chat-input command');
      const row = new ActionRowBuilder<ButtonBuilder>().addComponents(
        new ButtonBuilder().setCustomId('more:election-2024').setLabel('More').setStyle(ButtonStyle.Primary),
      );
      await interaction.reply({ content: 'Page 1', components: [row], allowedMentions: { parse: [] } });
    });
    const first = await discord.sendSlashCommand({ name: 'ask' }).settled();
    await replied;
    const clicked = onNextInteraction(client, async (interaction) => {
      if (!interaction.isButton()) throw new Error('expected a button');
      await interaction.update({ content: 'Page 2', components: [] });
      return [interaction.customId, interaction.message.id, interaction.message.content];
    });
    const run = discord.clickButton({ customId: 'more:election-2024' });
    const updated = await run.settled();
    expect(await clicked).toEqual(['more:election-2024', first.id, 'Page 1']);
    expect(updated.id).toBe(first.id);
    expect(updated).toMatchObject({ content: 'Page 2', components: [] });
    expect(updated.history.map((v) => v.content)).toEqual(['Page 1']);
    expect(() => discord.clickButton({ customId: 'more:election-2024' })).toThrow(/no message has a component/);
  });
});

describe("Discord's rules", () => {
  test('acknowledging twice: the second call rejects with DiscordAPIError 40060', async () => {
    const { discord, client } = await connect();
    const handled = onNextInteraction(client, async (interaction) => {
      if (!interaction.isRepliable()) throw new Error('expected a repliable interaction');
      // Two racing handlers: discord.js cannot see the second reply coming.
      return Promise.allSettled([interaction.reply('first'), interaction.reply('second')]);
    });
    const run = discord.sendSlashCommand({ name: 'ask' });
    const [a, b] = await handled;
    const rejected = [a, b].find((r) => r?.status === 'rejected');
    expect(rejected?.status === 'rejected' && rejected.reason).toBeInstanceOf(DiscordAPIError);
    expect(rejected?.status === 'rejected' && rejected.reason).toMatchObject({ code: 40060, status: 400 });
    expect(run.errorCodes).toEqual([40060]);
    expect(run.messages).toHaveLength(1);
  });

  test('a first response after 3 s (manual clock) is refused with 10062 and firstResponse rejects', async () => {
    const clock = createManualClock();
    const { discord, client } = await connect({ clock });
    const handled = onNextInteraction(client, async (interaction) => {
      if (!interaction.isRepliable()) throw new Error('expected a repliable interaction');
      clock.advance(3_001);
      return rejectionOf(interaction.reply('too late'));
    });
    const run = discord.sendSlashCommand({ name: 'ask' });
    expect(await handled).toMatchObject({ code: 10062, status: 404 });
    await expect(run.firstResponse).rejects.toBeInstanceOf(InteractionDeadlineError);
    const error = await rejectionOf(run.settled());
    expect(error).toBeInstanceOf(InteractionDeadlineError);
    expect(error).toMatchObject({ answered: true, elapsedMs: 3_001 });
    expect(run.errorCodes).toEqual([10062]);
  });

  test('an unanswered interaction fails as soon as the manual clock passes 3 s', async () => {
    const clock = createManualClock();
    const { discord, client } = await connect({ clock });
    const received = onNextInteraction(client, async (interaction) => interaction.id);
    const run = discord.sendSlashCommand({ name: 'ask' });
    expect(await received).toBe(run.id);
    clock.advance(3_000);
    expect(run.acknowledgement).toBeUndefined();
    clock.advance(1);
    await expect(run.firstResponse).rejects.toMatchObject({ answered: false });
  });

  test('follow-ups and edits more than 15 min after the interaction are refused with 50027', async () => {
    const clock = createManualClock();
    const { discord, client } = await connect({ clock });
    const handled = onNextInteraction(client, async (interaction) => {
      if (!interaction.isRepliable()) throw new Error('expected a repliable interaction');
      await interaction.reply('now');
      clock.advance(15 * 60 * 1_000 + 1);
      return Promise.all([rejectionOf(interaction.followUp('later')), rejectionOf(interaction.editReply('later'))]);
    });
    const run = discord.sendSlashCommand({ name: 'ask' });
    const errors = await handled;
    expect(errors).toMatchObject([
      { code: 50027, status: 401 },
      { code: 50027, status: 401 },
    ]);
    expect(run.errorCodes).toEqual([50027, 50027]);
  });

  test('embeds whose text together exceeds 6000 characters are refused with 50035', async () => {
    const { discord, client } = await connect();
    const handled = onNextInteraction(client, async (interaction) => {
      if (!interaction.isRepliable()) throw new Error('expected a repliable interaction');
      // Each embed is within its own limits; together they are not.
      const embeds = [{ description: 'a'.repeat(4_000) }, { description: 'b'.repeat(2_001) }];
      return rejectionOf(interaction.reply({ embeds }));
    });
    const run = discord.sendSlashCommand({ name: 'ask' });
    const error = await handled;
    expect(error).toBeInstanceOf(DiscordAPIError);
    expect(error).toMatchObject({ code: 50035, status: 400 });
    expect(String((error as Error).message)).toContain('data.embeds[MAX_EMBED_SIZE_EXCEEDED]');
    expect(run.acknowledgement).toBeUndefined();
  });

  test('an invalid command registration is refused with 50035; a valid one is recorded', async () => {
    const { discord, client } = await connect();
    const nestedBad = {
      ...ASK_COMMAND,
      options: [{ type: 1, name: 'question', description: 'Ask', options: [{ type: 3, name: 'Text', description: 'Upper case' }] }],
    };
    const error = await rejectionOf(client.application!.commands.set([nestedBad], discord.guildId));
    expect(error).toMatchObject({ code: 50035, status: 400 });
    expect(String((error as Error).message)).toContain('0.options[0].options[0].name[APPLICATION_COMMAND_INVALID_NAME]');
    expect(discord.registeredCommands.guild).toEqual([]);

    await client.application!.commands.set([ASK_COMMAND], discord.guildId);
    await client.application!.commands.set([{ name: 'about', description: 'About this bot' }]);
    expect(discord.registeredCommands.guild.map((c) => c.name)).toEqual(['ask']);
    expect(discord.registeredCommands.guild[0]?.options?.map((o) => o.name)).toEqual(['question', 'latest']);
    expect(discord.registeredCommands.global.map((c) => c.name)).toEqual(['about']);
    // Options are now checked against the registration.
    expect(() => discord.sendSlashCommand({ name: 'ask', subcommand: 'question', options: { txt: 'x' } })).toThrow(/no option "txt"/);
    expect(() => discord.sendSlashCommand({ name: 'ask', subcommand: 'question' })).toThrow(/needs option\(s\) text/);
  });
});

describe('resilience', () => {
  test('a dropped connection: the client resumes, missed interactions are replayed, later ones handled', async () => {
    const { discord, client } = await connect();
    const drop = discord.dropConnection();
    // Sent while the client is away: Discord keeps it and replays it on RESUME.
    const missedReply = onNextInteraction(client, async (interaction) => {
      if (interaction.isRepliable()) await interaction.reply({ content: 'replayed', allowedMentions: { parse: [] } });
    });
    const missed = discord.sendSlashCommand({ name: 'ask' });
    expect(await drop.resumed).toMatchObject({ replayed: 1 });
    expect((await missed.settled()).content).toBe('replayed');
    await missedReply;

    const laterReply = onNextInteraction(client, async (interaction) => {
      if (interaction.isRepliable()) await interaction.reply({ content: 'still here', allowedMentions: { parse: [] } });
    });
    expect((await discord.sendSlashCommand({ name: 'ask' }).settled()).content).toBe('still here');
    await laterReply;
    expect(discord.identifies).toBe(1);
    expect(discord.receivedFrames.filter((f) => f.op === 6)).toHaveLength(1);
  });

  test('a 500 once and then a 429 with Retry-After: discord.js retries and the interaction completes', async () => {
    // Default retries (3) so the 500 is retried; offset 0 so the 429 wait is exactly Retry-After.
    const { discord, client } = await connect({ rest: { retries: 3, offset: 0 } });
    const callback = { path: '/interactions/:id/:token/callback' };
    const serverError = discord.failNext({ status: 500, match: callback });
    const rateLimit = discord.failNext({ status: 429, retryAfter: 0.05, match: callback });
    const editLimit = discord.failNext({ status: 429, retryAfter: 0.01, match: { method: 'PATCH' } });
    const handled = onNextInteraction(client, async (interaction) => {
      if (!interaction.isRepliable()) throw new Error('expected a repliable interaction');
      await interaction.deferReply();
      await interaction.editReply({ content: 'answer', allowedMentions: { parse: [] } });
    });
    const run = discord.sendSlashCommand({ name: 'ask' });
    const reply = await run.settled();
    await handled;
    expect(reply.content).toBe('answer');
    expect(run.requests.map((r) => `${r.method} ${r.status}${r.injected ? ' (injected)' : ''}`)).toEqual([
      'POST 500 (injected)',
      'POST 429 (injected)',
      'POST 204',
      'PATCH 429 (injected)',
      'PATCH 200',
    ]);
    expect([serverError, rateLimit, editLimit].map((f) => f.remaining)).toEqual([0, 0, 0]);
    expect(rateLimit.hits[0]?.response).toMatchObject({ retry_after: 0.05, global: false });
  });

  test('unknown routes answer 404 JSON and REST calls with a wrong token 401 JSON', async () => {
    const discord = await startFakeDiscord({ token: TOKEN });
    cleanups.push(() => discord.close());
    const unknown = await fetch(`${discord.apiUrl}/v10/users/@me/guilds`, { headers: { authorization: `Bot ${TOKEN}` } });
    expect([unknown.status, await unknown.json()]).toEqual([404, { code: 0, message: '404: Not Found' }]);
    const wrong = await fetch(`${discord.apiUrl}/v10/gateway/bot`, { headers: { authorization: 'Bot nope' } });
    expect([wrong.status, await wrong.json()]).toEqual([401, { code: 0, message: '401: Unauthorized' }]);
    const gateway = await fetch(`${discord.apiUrl}/v10/gateway/bot`, { headers: { authorization: `Bot ${TOKEN}` } });
    expect(await gateway.json()).toMatchObject({ url: discord.gatewayUrl, shards: 1 });
  });
});

describe('message limits (checked as Discord checks them)', () => {
  const over = (n: number): string => 'x'.repeat(n + 1);
  const cases: { name: string; body: unknown; error?: string }[] = [
    { name: 'content of 2000', body: { content: 'x'.repeat(DISCORD_LIMITS.contentMax) } },
    { name: 'content of 2001', body: { content: over(2000) }, error: 'data.content BASE_TYPE_MAX_LENGTH' },
    { name: '11 embeds', body: { embeds: Array.from({ length: 11 }, () => ({ title: 't' })) }, error: 'data.embeds BASE_TYPE_MAX_LENGTH' },
    { name: 'embed title of 257', body: { embeds: [{ title: over(256) }] }, error: 'data.embeds.0.title BASE_TYPE_MAX_LENGTH' },
    { name: 'embed description of 4097', body: { embeds: [{ description: over(4096) }] }, error: 'data.embeds.0.description BASE_TYPE_MAX_LENGTH' },
    { name: '26 embed fields', body: { embeds: [{ fields: Array.from({ length: 26 }, () => ({ name: 'n', value: 'v' })) }] }, error: 'data.embeds.0.fields BASE_TYPE_MAX_LENGTH' },
    { name: 'field name of 257', body: { embeds: [{ fields: [{ name: over(256), value: 'v' }] }] }, error: 'data.embeds.0.fields.0.name BASE_TYPE_BAD_LENGTH' },
    { name: 'field value of 1025', body: { embeds: [{ fields: [{ name: 'n', value: over(1024) }] }] }, error: 'data.embeds.0.fields.0.value BASE_TYPE_BAD_LENGTH' },
    { name: 'footer text of 2049', body: { embeds: [{ footer: { text: over(2048) } }] }, error: 'data.embeds.0.footer.text BASE_TYPE_MAX_LENGTH' },
    { name: 'author name of 257', body: { embeds: [{ author: { name: over(256) } }] }, error: 'data.embeds.0.author.name BASE_TYPE_MAX_LENGTH' },
    { name: 'embed text totalling 6000', body: { embeds: [{ title: 'x'.repeat(256), description: 'x'.repeat(4096) }, { description: 'x'.repeat(1648) }] } },
    { name: 'embed text totalling 6001', body: { embeds: [{ title: 'x'.repeat(256), description: 'x'.repeat(4096) }, { description: 'x'.repeat(1649) }] }, error: 'data.embeds MAX_EMBED_SIZE_EXCEEDED' },
    { name: 'an emoji counted once', body: { content: '🗞'.repeat(2000) } },
    { name: 'parse users with a users list', body: { content: 'x', allowed_mentions: { parse: ['users'], users: ['1'] } }, error: 'data.allowed_mentions MESSAGE_ALLOWED_MENTIONS_PARSE_EXCLUSIVE' },
  ];

  /** The first error of a 50035 body as "path CODE". */
  function firstError(tree: unknown, path: string[] = []): string | undefined {
    if (typeof tree !== 'object' || tree === null) return undefined;
    for (const [key, value] of Object.entries(tree)) {
      if (key === '_errors' && Array.isArray(value)) return `${path.join('.')} ${String((value[0] as { code: string }).code)}`;
      const found = firstError(value, [...path, key]);
      if (found) return found;
    }
    return undefined;
  }

  for (const c of cases) {
    test(`${c.name} → ${c.error ?? 'accepted'}`, () => {
      const result = checkMessageBody(c.body, { path: ['data'], resultHasContent: true });
      expect(result === undefined ? undefined : firstError(result.errors)).toBe(c.error);
    });
  }

  test('an empty message → 50006', () => {
    expect(checkMessageBody({ content: '' }, { path: [], resultHasContent: false })).toEqual({ code: 50006, message: 'Cannot send an empty message' });
  });

  const choiceCases: { name: string; choices: unknown[]; ok: boolean }[] = [
    { name: '25 choices', choices: Array.from({ length: 25 }, (_, i) => ({ name: `n${i}`, value: `v${i}` })), ok: true },
    { name: 'a choice name of 101', choices: [{ name: over(100), value: 'v' }], ok: false },
    { name: 'an empty choice value', choices: [{ name: 'n', value: '' }], ok: false },
    { name: 'a numeric choice value', choices: [{ name: 'n', value: 3 }], ok: true },
  ];
  for (const c of choiceCases) {
    test(`autocomplete with ${c.name} → ${c.ok ? 'accepted' : '50035'}`, () => {
      expect(checkAutocompleteChoices({ choices: c.choices })?.code).toBe(c.ok ? undefined : 50035);
    });
  }

  const commandCases: { name: string; command: Record<string, unknown>; ok: boolean }[] = [
    { name: 'a lower-case name with dash and digits', command: { name: 'ask-2', description: 'd' }, ok: true },
    { name: 'a non-Latin lower-case name', command: { name: 'новости', description: 'd' }, ok: true },
    { name: 'an upper-case name', command: { name: 'Ask', description: 'd' }, ok: false },
    { name: 'a name with a space', command: { name: 'ask me', description: 'd' }, ok: false },
    { name: 'a name of 33', command: { name: 'a'.repeat(33), description: 'd' }, ok: false },
    { name: 'an empty description', command: { name: 'ask', description: '' }, ok: false },
    { name: 'a description of 101', command: { name: 'ask', description: over(100) }, ok: false },
    { name: '26 options', command: { name: 'ask', description: 'd', options: Array.from({ length: 26 }, (_, i) => ({ type: 3, name: `o${i}`, description: 'd' })) }, ok: false },
    { name: '26 options in a subcommand', command: { name: 'ask', description: 'd', options: [{ type: 1, name: 's', description: 'd', options: Array.from({ length: 26 }, (_, i) => ({ type: 3, name: `o${i}`, description: 'd' })) }] }, ok: false },
    { name: 'a required option after an optional one', command: { name: 'ask', description: 'd', options: [{ type: 3, name: 'a', description: 'd' }, { type: 3, name: 'b', description: 'd', required: true }] }, ok: false },
    { name: 'a message command with a capitalised name', command: { type: 3, name: 'Quote article' }, ok: true },
  ];
  for (const c of commandCases) {
    test(`registering ${c.name} → ${c.ok ? 'accepted' : '50035'}`, () => {
      expect(checkCommandList([c.command])?.code).toBe(c.ok ? undefined : 50035);
    });
  }
});
