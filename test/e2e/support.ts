/**
 * What the end-to-end tests share: a temporary articles folder of real
 * articles, the bot started the way `npm start` starts it (configuration read
 * with loadConfig from the variables a user sets, the folder opened with
 * openStore, the client logged in with startBot), a session that records every
 * interaction it sends to the Discord-compatible server, and the checks every
 * test ends with: Discord's rules kept, nobody pinged, every interaction
 * answered exactly once.
 */
import { copyFile, mkdtemp, rm, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { openStore } from '../../app/open-store.ts';
import { loadCommands } from '../../discord/command-registry.ts';
import { deployCommands } from '../../discord/deploy-commands.ts';
import { startBot, type Bot } from '../../discord/start-bot.ts';
import { loadConfig, type Config, type Environment } from '../../src/config.ts';
import {
  couldPing,
  createManualClock,
  DISCORD_LIMITS,
  embedTextLength,
  pingsIn,
  startFakeDiscord,
  type AutocompleteInput,
  type AutocompleteRun,
  type ButtonClickInput,
  type FakeDiscord,
  type FakeMessage,
  type ManualClock,
  type MessageRun,
  type SlashCommandInput,
} from '../discord/fake-discord-server.ts';
import { recordingLogger, type LogEntry } from '../helpers/bot-harness.ts';

export const TOKEN = 'e2e-token';
export const ROOT = join(import.meta.dirname, '..', '..');

/** The reference article (Associated Press, 2017-06-16): the newest of {@link REAL_ARTICLES}. */
export const REFERENCE_FILE = join(ROOT, 'test', 'fixtures', 'articles', 'reference.txt');
export const REFERENCE_TITLE = 'Russia claims to have killed Islamic State leader Abu Bakr al-Baghdadi';

/** Real FA-KES articles (CC BY 4.0) from articles/, all published before the reference article. */
export const REAL_ARTICLES = [
  '1918150030-58-killed-in-suspected-gas-attack-in-syrias-idlib.txt', // 2017-04-04, Asharq Al-Awsat
  '1918398786-russian-airstrikes-hit-syrian-opposition-forces.txt', // 2017-04-02, Daily Sabah
  '1919191766-multiple-daesh-suicide-bombers-attack-refugee-camp-in-syria.txt', // 2017-05-02, TRT World
  '1914947539-explosion-rocks-down-town-damascus.txt', // 2015-02-01
] as const;

/** A temporary articles folder the test may change. */
export interface ArticlesFolder {
  readonly dir: string;
  write(name: string, text: string): Promise<void>;
  remove(name: string): Promise<void>;
  cleanup(): Promise<void>;
}

/**
 * A temporary folder holding `reference.txt` and the {@link REAL_ARTICLES},
 * byte for byte, plus any `extra` files (name → text).
 */
export async function createArticlesFolder(extra: Readonly<Record<string, string>> = {}): Promise<ArticlesFolder> {
  const dir = await mkdtemp(join(tmpdir(), 'news-desk-e2e-'));
  await copyFile(REFERENCE_FILE, join(dir, 'reference.txt'));
  for (const name of REAL_ARTICLES) await copyFile(join(ROOT, 'articles', 'fa-kes', name), join(dir, name));
  const folder: ArticlesFolder = {
    dir,
    write: (name, text) => writeFile(join(dir, name), text),
    remove: (name) => unlink(join(dir, name)),
    cleanup: () => rm(dir, { recursive: true, force: true }),
  };
  for (const [name, text] of Object.entries(extra)) await folder.write(name, text);
  return folder;
}

/**
 * The variables a user sets to run `npm start` against this server. The rate
 * limit is off because every simulated interaction comes from the same user;
 * folder watching is off so that only /reload changes the articles.
 */
export function userEnvironment(discord: FakeDiscord, articlesDir: string, extra: Readonly<Record<string, string>> = {}): Record<string, string> {
  return {
    DISCORD_TOKEN: TOKEN,
    DISCORD_CLIENT_ID: discord.applicationId,
    DISCORD_GUILD_ID: discord.guildId,
    DISCORD_API_URL: discord.apiUrl,
    ARTICLES_DIR: articlesDir,
    LOG_LEVEL: 'silent',
    RATE_LIMIT_PER_MINUTE: '0',
    WATCH_ARTICLES: 'false',
    MAX_ARTICLE_BYTES: '',
    ...extra,
  };
}

/** A bot started as `npm start` starts it, with what it logged. */
export interface UserBot {
  readonly bot: Bot;
  readonly config: Config;
  readonly logs: LogEntry[];
  stop(): Promise<void>;
}

/**
 * Starts the bot the way app/main.ts does with a token: loadConfig(env), then
 * openStore, then startBot with the configured token, API URL and rate limit
 * (and no test-only REST options: retries and timeouts are discord.js's own).
 */
export async function startUserBot(env: Environment): Promise<UserBot> {
  const config = loadConfig(env);
  if (config.discordToken === null) throw new Error('startUserBot: DISCORD_TOKEN is not set');
  const logger = recordingLogger();
  const store = await openStore(config, logger, (line) => logger.info({ line }, 'load report'));
  const bot = await startBot({ token: config.discordToken, store, logger, apiUrl: config.discordApiUrl, rateLimitPerMinute: config.rateLimitPerMinute });
  return { bot, config, logs: logger.entries, stop: () => bot.stop() };
}

/** Registers the bot's commands for the server's guild, as `npm run deploy-commands` does. */
export async function deployTo(discord: FakeDiscord): Promise<void> {
  await deployCommands({ token: TOKEN, clientId: discord.applicationId, guildId: discord.guildId, apiUrl: discord.apiUrl, commands: await loadCommands() });
}

/** Every interaction a session sent, to check at the end that each was answered once. */
type SentRun = MessageRun | AutocompleteRun;

/**
 * One Discord-compatible server, its commands deployed, an articles folder,
 * and the bot running against both. Interactions sent through the session are
 * recorded for {@link Session.expectAllWithinRules}.
 */
export class Session {
  readonly runs: SentRun[] = [];
  #bot: UserBot | undefined;
  readonly #previousLogs: LogEntry[] = [];

  private constructor(
    readonly discord: FakeDiscord,
    readonly folder: ArticlesFolder,
    readonly clock: ManualClock,
    readonly env: Record<string, string>,
  ) {}

  /**
   * Starts the server on a manual clock (Discord's deadlines then depend on
   * the test, not on the machine's speed), deploys the commands and starts the bot.
   */
  static async start(options: { extraArticles?: Readonly<Record<string, string>> } = {}): Promise<Session> {
    const clock = createManualClock();
    const discord = await startFakeDiscord({ token: TOKEN, clock });
    let folder: ArticlesFolder | undefined;
    try {
      folder = await createArticlesFolder(options.extraArticles);
      await deployTo(discord);
      const session = new Session(discord, folder, clock, userEnvironment(discord, folder.dir));
      session.#bot = await startUserBot(session.env);
      return session;
    } catch (error) {
      await discord.close();
      await folder?.cleanup();
      throw error;
    }
  }

  get bot(): UserBot {
    if (!this.#bot) throw new Error('Session: the bot is not running');
    return this.#bot;
  }

  /** Everything every bot of this session logged. */
  get logs(): LogEntry[] {
    return [...this.#previousLogs, ...(this.#bot?.logs ?? [])];
  }

  /** Stops the bot and starts a new one: a new client, articles read afresh, no conversation memory. */
  async restart(): Promise<void> {
    await this.stopBot();
    this.#bot = await startUserBot(this.env);
  }

  async stopBot(): Promise<void> {
    const bot = this.#bot;
    this.#bot = undefined;
    if (bot) {
      this.#previousLogs.push(...bot.logs);
      await bot.stop();
    }
  }

  slash(input: SlashCommandInput): MessageRun {
    const run = this.discord.sendSlashCommand(input);
    this.runs.push(run);
    return run;
  }

  autocomplete(input: AutocompleteInput): AutocompleteRun {
    const run = this.discord.sendAutocomplete(input);
    this.runs.push(run);
    return run;
  }

  click(input: ButtonClickInput): MessageRun {
    const run = this.discord.clickButton(input);
    this.runs.push(run);
    return run;
  }

  /** Sends a slash command and resolves with the message the user ends up seeing. */
  async ask(input: SlashCommandInput): Promise<FakeMessage> {
    return this.slash(input).settled();
  }

  /**
   * The checks every test ends with, over everything recorded since the
   * server started: {@link expectWithinRules}, and no error logged by the bot.
   */
  expectAllWithinRules(): void {
    expectWithinRules(this.discord, this.runs);
    expect(this.logs.filter((e) => e.level === 'error' || e.level === 'fatal').map((e) => `${e.message}: ${JSON.stringify(e.fields)}`)).toEqual([]);
  }

  async close(): Promise<void> {
    await this.stopBot();
    await this.discord.close();
    await this.folder.cleanup();
  }
}

const CALLBACK = '/interactions/:id/:token/callback';

/**
 * What must hold of everything the bot sent, whatever the test did:
 * - Discord refused nothing (no 50035 over-long text, no 40060 double answer,
 *   no 10062 late answer…): every request the server answered with an error
 *   was a fault the test injected;
 * - every message sent `allowed_mentions: { parse: [] }`, so nothing in it could
 *   ping anyone, and its text is within Discord's limits;
 * - every interaction sent got exactly one first response, accepted.
 */
export function expectWithinRules(discord: FakeDiscord, runs: readonly SentRun[]): void {
  const refused = discord.requests.filter((r) => r.status >= 400 && !r.injected);
  expect(refused.map((r) => `${r.method} ${r.route ?? r.path} → ${r.status} ${JSON.stringify(r.response)}`)).toEqual([]);

  // Messages that ever showed something (a deferral deleted before any text never could ping).
  const shown = discord.messages.filter((m) => m.content !== '' || m.embeds.length > 0 || m.history.some((v) => v.content !== '' || v.embeds.length > 0));
  for (const message of shown) {
    expect(message.allowedMentions, `allowed_mentions of message ${message.id}`).toEqual({ parse: [] });
    expect(couldPing(message)).toBe(false);
    expect(pingsIn(message)).toEqual({ everyone: false, users: [], roles: [] });
    expect([...message.content].length).toBeLessThanOrEqual(DISCORD_LIMITS.contentMax);
    expect(embedTextLength(message.embeds)).toBeLessThanOrEqual(DISCORD_LIMITS.embedTotalMax);
  }
  // Every body that creates or edits a message says so itself, not only the last one.
  for (const request of discord.requests) {
    const body = request.body as { type?: number; data?: { allowed_mentions?: unknown }; allowed_mentions?: unknown } | undefined;
    if (!body || request.status >= 400) continue;
    if (request.route === CALLBACK && (body.type === 4 || body.type === 7)) expect(body.data?.allowed_mentions).toEqual({ parse: [] });
    if (request.method !== 'GET' && request.route?.startsWith('/webhooks/')) expect(body.allowed_mentions).toEqual({ parse: [] });
  }

  for (const run of runs) {
    const accepted = run.requests.filter((r) => r.route === CALLBACK && r.status < 300);
    expect(accepted, `first responses to interaction ${run.id}: ${run.describe()}`).toHaveLength(1);
    expect(run.acknowledgement).toBeDefined();
    expect(run.errors.filter((r) => !r.injected)).toEqual([]);
  }
}

/** The custom id of the button labelled `label` on `message`. */
export function buttonId(message: FakeMessage, label: string): string {
  for (const row of message.components as { components?: { label?: string; custom_id?: string }[] }[]) {
    const button = row.components?.find((c) => c.label === label);
    if (button?.custom_id) return button.custom_id;
  }
  throw new Error(`no "${label}" button on message ${message.id} (buttons: ${JSON.stringify(message.components)})`);
}

/** All the visible text of a message: content, and each embed's author, title, description, fields and footer. */
export function textOf(message: Pick<FakeMessage, 'content' | 'embeds'>): string {
  return [
    message.content,
    ...message.embeds.flatMap((e) => [e.author?.name ?? '', e.title ?? '', e.description ?? '', ...(e.fields ?? []).flatMap((f) => [f.name, f.value]), e.footer?.text ?? '']),
  ].join('\n');
}

/** Undoes the bot's Markdown escaping, to compare shown text with the article's. */
export function unescapeMarkdown(text: string): string {
  return text.replace(/\\([\\*_~`|[\]<>#.+-])/gu, '$1').replace(/@\u200b(everyone|here)/gu, '@$1');
}
