import { z } from 'zod';

/** pino's levels, plus `silent`. */
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export const DEFAULT_ARTICLES_DIR = './articles';
export const DEFAULT_MAX_ARTICLE_BYTES = 5 * 1024 * 1024;
export const DEFAULT_RATE_LIMIT_PER_MINUTE = 10;
/** Inside the working directory, git-ignored (`.cache/`). */
export const DEFAULT_ARTICLE_CACHE = '.cache/articles.json';

/** What the console needs: where the articles are and how to log. No token. */
export interface LocalConfig {
  readonly articlesDir: string;
  readonly logLevel: LogLevel;
  /** Article files larger than this are skipped. */
  readonly maxArticleBytes: number;
  /** Watch the articles folder and reflect changes in answers without a restart (npm start). */
  readonly watchArticles: boolean;
  /** Where parsed articles are kept between runs, or null for no cache. */
  readonly articleCache: string | null;
}

/** The whole configuration. The Discord fields are null when unset; without a token the bot runs as a console. */
export interface Config extends LocalConfig {
  readonly discordToken: string | null;
  readonly discordClientId: string | null;
  readonly discordGuildId: string | null;
  /** REST base URL without `/v10` (e.g. `http://127.0.0.1:5000/api`); null means Discord's own. */
  readonly discordApiUrl: string | null;
  /** Commands and button clicks per user per minute; 0 turns the limit off. */
  readonly rateLimitPerMinute: number;
}

/** The environment, as the process holds it: names to values. */
export type Environment = Readonly<Record<string, string | undefined>>;

/** Configuration that cannot be used: the message names every bad variable, one per line. */
export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid configuration (set these in the environment or in .env; see .env.example):\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

// Empty (or blank) values count as unset, so `DISCORD_GUILD_ID=` in .env means "not set".
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (typeof value === 'string' && value.trim() === '' ? undefined : typeof value === 'string' ? value.trim() : value), schema.optional());

const snowflake = z.string().regex(/^\d{17,20}$/, 'must be a Discord id: 17 to 20 digits (copy it with Developer Mode on)');

const integer = (min: number, max: number) =>
  z
    .string()
    .regex(/^\d+$/, 'must be a whole number')
    .transform(Number)
    .pipe(z.number().int().min(min, `must be at least ${min}`).max(max, `must be at most ${max}`));

const localShape = {
  ARTICLES_DIR: optional(z.string()),
  LOG_LEVEL: optional(z.enum(LOG_LEVELS, { message: `must be one of ${LOG_LEVELS.join(', ')}` })),
  MAX_ARTICLE_BYTES: optional(integer(1, 1024 * 1024 * 1024)),
  ARTICLE_CACHE: optional(z.string()),
  WATCH_ARTICLES: optional(z.enum(['true', 'false', '1', '0', 'yes', 'no'], { message: 'must be true or false' })),
};

const discordShape = {
  ...localShape,
  DISCORD_TOKEN: optional(
    z
      .string()
      .refine((token) => !/\s/u.test(token), 'must not contain spaces (give the token alone, without "Bot ")'),
  ),
  DISCORD_CLIENT_ID: optional(snowflake),
  DISCORD_GUILD_ID: optional(snowflake),
  DISCORD_API_URL: optional(
    z
      .url({ protocol: /^https?$/, message: 'must be an http(s) URL, e.g. https://discord.com/api' })
      .refine((url) => !/\/v\d+\/?$/u.test(url), 'must be the base without the version, e.g. https://discord.com/api (not …/api/v10)'),
  ),
  RATE_LIMIT_PER_MINUTE: optional(integer(0, 10_000)),
};

function parse<S extends z.ZodRawShape>(shape: S, env: Environment): z.infer<z.ZodObject<S>> {
  const result = z.object(shape).safeParse(env);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => `${String(issue.path[0] ?? 'environment')}: ${issue.message}`);
  throw new ConfigError([...new Set(problems)]);
}

function localFrom(values: z.infer<z.ZodObject<typeof localShape>>): LocalConfig {
  return {
    articlesDir: values.ARTICLES_DIR ?? DEFAULT_ARTICLES_DIR,
    logLevel: values.LOG_LEVEL ?? 'info',
    maxArticleBytes: values.MAX_ARTICLE_BYTES ?? DEFAULT_MAX_ARTICLE_BYTES,
    watchArticles: values.WATCH_ARTICLES === undefined ? true : ['true', '1', 'yes'].includes(values.WATCH_ARTICLES),
    articleCache: values.ARTICLE_CACHE === 'off' ? null : (values.ARTICLE_CACHE ?? DEFAULT_ARTICLE_CACHE),
  };
}

/**
 * Reads the whole configuration from an environment object (pass
 * the process environment from an entry point; tests pass a plain object). Empty
 * values count as unset. Never reads the environment by itself.
 *
 * @throws ConfigError naming every bad variable at once.
 * @example loadConfig({ ARTICLES_DIR: 'news', DISCORD_TOKEN: '' }).discordToken // null: run the console
 */
export function loadConfig(env: Environment): Config {
  const values = parse(discordShape, env);
  return Object.freeze({
    ...localFrom(values),
    discordToken: values.DISCORD_TOKEN ?? null,
    discordClientId: values.DISCORD_CLIENT_ID ?? null,
    discordGuildId: values.DISCORD_GUILD_ID ?? null,
    discordApiUrl: values.DISCORD_API_URL?.replace(/\/+$/u, '') ?? null,
    rateLimitPerMinute: values.RATE_LIMIT_PER_MINUTE ?? DEFAULT_RATE_LIMIT_PER_MINUTE,
  });
}

/**
 * Reads only what the console needs (`ARTICLES_DIR`, `LOG_LEVEL`,
 * `MAX_ARTICLE_BYTES`); Discord variables are ignored, so a half-finished
 * Discord set-up never stops `npm run local`.
 *
 * @throws ConfigError naming every bad variable at once.
 */
export function loadLocalConfig(env: Environment): LocalConfig {
  return Object.freeze(localFrom(parse(localShape, env)));
}

/** The token and application id, which registering commands needs. @throws ConfigError naming the missing ones. */
export function requireDiscordCredentials(config: Config): { token: string; clientId: string } {
  const missing: string[] = [];
  if (config.discordToken === null) missing.push('DISCORD_TOKEN: is required (the bot token from the Developer Portal, Bot page)');
  if (config.discordClientId === null) missing.push('DISCORD_CLIENT_ID: is required (the Application ID from the Developer Portal, General Information page)');
  if (config.discordToken === null || config.discordClientId === null) throw new ConfigError(missing);
  return { token: config.discordToken, clientId: config.discordClientId };
}
