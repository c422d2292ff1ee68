import { describe, expect, test } from 'vitest';
import { ConfigError, loadConfig, loadLocalConfig, requireDiscordCredentials, type Config } from '../../src/config.ts';

const ID = '123456789012345678';

describe('loadConfig', () => {
  test('defaults: the console on ./articles, no Discord, a limit of 10 a minute', () => {
    expect(loadConfig({})).toEqual({
      articlesDir: './articles',
      logLevel: 'info',
      maxArticleBytes: 5 * 1024 * 1024,
      watchArticles: true,
      articleCache: '.cache/articles.json',
      discordToken: null,
      discordClientId: null,
      discordGuildId: null,
      discordApiUrl: null,
      rateLimitPerMinute: 10,
    } satisfies Config);
  });

  test('reads every variable, and freezes the result', () => {
    const config = loadConfig({
      DISCORD_TOKEN: 'abc.def.ghi',
      DISCORD_CLIENT_ID: ID,
      DISCORD_GUILD_ID: ID,
      ARTICLES_DIR: 'news',
      DISCORD_API_URL: 'http://127.0.0.1:5000/api/',
      LOG_LEVEL: 'debug',
      RATE_LIMIT_PER_MINUTE: '0',
      MAX_ARTICLE_BYTES: '1000',
    });
    expect(config).toMatchObject({ discordToken: 'abc.def.ghi', discordClientId: ID, discordGuildId: ID, articlesDir: 'news', discordApiUrl: 'http://127.0.0.1:5000/api', logLevel: 'debug', rateLimitPerMinute: 0, maxArticleBytes: 1000 });
    expect(Object.isFrozen(config)).toBe(true);
  });

  const unset = ['', '   ', undefined];
  for (const value of unset) {
    test(`an empty value (${JSON.stringify(value)}) counts as unset`, () => {
      expect(loadConfig({ DISCORD_TOKEN: value, DISCORD_GUILD_ID: value, ARTICLES_DIR: value, LOG_LEVEL: value })).toMatchObject({ discordToken: null, discordGuildId: null, articlesDir: './articles', logLevel: 'info' });
    });
  }

  const bad = [
    { env: { DISCORD_GUILD_ID: 'my-server' }, message: 'DISCORD_GUILD_ID: must be a Discord id' },
    { env: { DISCORD_CLIENT_ID: '12' }, message: 'DISCORD_CLIENT_ID: must be a Discord id' },
    { env: { LOG_LEVEL: 'loud' }, message: 'LOG_LEVEL: must be one of fatal, error, warn, info, debug, trace, silent' },
    { env: { DISCORD_API_URL: 'discord.com' }, message: 'DISCORD_API_URL: must be an http(s) URL' },
    { env: { DISCORD_API_URL: 'https://discord.com/api/v10' }, message: 'DISCORD_API_URL: must be the base without the version' },
    { env: { RATE_LIMIT_PER_MINUTE: 'ten' }, message: 'RATE_LIMIT_PER_MINUTE: must be a whole number' },
    { env: { MAX_ARTICLE_BYTES: '0' }, message: 'MAX_ARTICLE_BYTES: must be at least 1' },
    { env: { DISCORD_TOKEN: 'Bot abc' }, message: 'DISCORD_TOKEN: must not contain spaces' },
  ];
  for (const t of bad) {
    test(`${JSON.stringify(t.env)} → "${t.message}…"`, () => {
      expect(() => loadConfig(t.env)).toThrow(t.message);
    });
  }

  test('every bad variable is named in one message', () => {
    const error = (() => {
      try {
        loadConfig({ DISCORD_GUILD_ID: 'x', LOG_LEVEL: 'loud', RATE_LIMIT_PER_MINUTE: '-1', DISCORD_TOKEN: 'secret token' });
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as ConfigError).message;
    for (const name of ['DISCORD_GUILD_ID', 'LOG_LEVEL', 'RATE_LIMIT_PER_MINUTE', 'DISCORD_TOKEN']) expect(message).toContain(`  - ${name}: `);
    // Values are never echoed: a token must not end up in a log.
    expect(message).not.toContain('secret');
  });
});

describe('loadLocalConfig', () => {
  test('reads only what the console needs: Discord variables, even bad ones, are ignored', () => {
    expect(loadLocalConfig({ ARTICLES_DIR: 'x', DISCORD_GUILD_ID: 'not an id' })).toEqual({ articlesDir: 'x', logLevel: 'info', maxArticleBytes: 5 * 1024 * 1024, watchArticles: true, articleCache: '.cache/articles.json' });
    expect(loadLocalConfig({ ARTICLE_CACHE: 'off' }).articleCache).toBeNull();
    expect(loadLocalConfig({ WATCH_ARTICLES: 'false' }).watchArticles).toBe(false);
    expect(() => loadLocalConfig({ WATCH_ARTICLES: 'maybe' })).toThrow(/WATCH_ARTICLES: must be true or false/);
    expect(() => loadLocalConfig({ LOG_LEVEL: 'nope' })).toThrow(ConfigError);
  });
});

describe('requireDiscordCredentials', () => {
  test('names what registering commands needs', () => {
    expect(() => requireDiscordCredentials(loadConfig({}))).toThrow(/DISCORD_TOKEN: is required[\s\S]*DISCORD_CLIENT_ID: is required/u);
    expect(requireDiscordCredentials(loadConfig({ DISCORD_TOKEN: 't', DISCORD_CLIENT_ID: ID }))).toEqual({ token: 't', clientId: ID });
  });
});
