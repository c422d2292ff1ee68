/**
 * End to end: the real discord.js client of the bot, over real HTTP and
 * WebSocket, against the Discord-compatible test server (test/discord/),
 * which enforces Discord's deadlines and limits and records every call.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { AppStore } from '../../src/app-state/app-store.ts';
import { loadCommands } from '../../discord/command-registry.ts';
import { deployCommands } from '../../discord/deploy-commands.ts';
import { startBot, type Bot } from '../../discord/start-bot.ts';
import { couldPing, MANAGER_PERMISSIONS, startFakeDiscord, type FakeDiscord, type FakeMessage } from '../discord/fake-discord-server.ts';
import { recordingLogger } from '../helpers/bot-harness.ts';

const TOKEN = 'e2e-token';
const ROOT = join(import.meta.dirname, '..', '..');
const ARTICLES = join(ROOT, 'test', 'fixtures', 'articles');

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function fakeDiscord(): Promise<FakeDiscord> {
  const discord = await startFakeDiscord({ token: TOKEN });
  cleanups.push(() => discord.close());
  return discord;
}

async function bot(discord: FakeDiscord, store: AppStore): Promise<Bot> {
  const started = await startBot({ token: TOKEN, store, logger: recordingLogger(), apiUrl: discord.apiUrl, rateLimitPerMinute: 0, rest: { retries: 0, timeout: 2_000 } });
  cleanups.push(() => started.stop());
  return started;
}

/**
 * Resolves when the child's output (as `read()` returns it after each chunk) contains `text`;
 * rejects if the child exits first, or after `timeoutMs` (a guard against a hang, not a wait).
 */
function outputContains(child: ReturnType<typeof spawn>, read: () => string, text: string, timeoutMs: number): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => finish(new Error(`"${text}" did not appear within ${timeoutMs} ms; output:\n${read()}`)), timeoutMs);
    const onData = () => {
      if (read().includes(text)) finish();
    };
    const onExit = () => finish(new Error(`the process exited before "${text}"; output:\n${read()}`));
    function finish(error?: Error): void {
      clearTimeout(timer);
      child.stdout?.off('data', onData);
      child.stderr?.off('data', onData);
      child.off('exit', onExit);
      if (error) reject(error);
      else resolve();
    }
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', onExit);
    onData();
  });
}

function buttonId(message: FakeMessage, label: string): string {
  for (const row of message.components as { components?: { label?: string; custom_id?: string }[] }[]) {
    const button = row.components?.find((c) => c.label === label);
    if (button?.custom_id) return button.custom_id;
  }
  throw new Error(`no "${label}" button`);
}

describe('the bot against a Discord-compatible server', () => {
  test('deploys its commands, answers them in time and within limits, and its buttons survive a restart', async () => {
    const discord = await fakeDiscord();
    const deployed = await deployCommands({ token: TOKEN, clientId: discord.applicationId, guildId: discord.guildId, apiUrl: discord.apiUrl, commands: await loadCommands() });
    expect(deployed).toEqual({ scope: 'guild', names: ['article', 'ask', 'reload', 'source'] });
    expect(discord.registeredCommands.guild.map((c) => c.name)).toEqual(['article', 'ask', 'reload', 'source']);

    const store = await AppStore.open({ articlesDir: ARTICLES });
    const first = await bot(discord, store);

    const choices = await discord.sendAutocomplete({ name: 'article', subcommand: 'show', focused: 'title', options: { title: 'russia' } }).settled();
    expect(choices).toEqual([{ name: 'Russia claims to have killed Islamic State leader Abu Bakr… — Associated Press, 2017-06-16', value: 'reference.txt' }]);

    const shown = discord.sendSlashCommand({ name: 'article', subcommand: 'show', options: { title: 'reference.txt' } });
    const article = await shown.settled();
    expect(article.embeds[0]?.title).toBe('Russia claims to have killed Islamic State leader Abu Bakr al-Baghdadi');
    expect(couldPing(article)).toBe(false);
    expect(shown.errors).toEqual([]);

    const asked = discord.sendSlashCommand({ name: 'ask', options: { question: 'who was targeted' } });
    const answer = await asked.settled();
    expect(answer.embeds[0]?.title).toBe('an IS meeting');
    expect(answer.embeds[0]?.description).toContain('— Associated Press, 16 June 2017, *Russia claims to have killed Islamic State leader Abu Bakr al-Baghdadi*, paragraph 4');
    expect(couldPing(answer)).toBe(false);
    expect((await asked.firstResponse).elapsedMs).toBeLessThan(3_000);

    const source = await discord.sendSlashCommand({ name: 'source' }).settled();
    expect(source.embeds[0]?.description).toContain('File: reference.txt');

    const refused = await discord.sendSlashCommand({ name: 'reload' }).settled();
    expect(refused).toMatchObject({ ephemeral: true, content: 'Only members with the Manage Server permission can reload the articles.' });
    const reloaded = await discord.sendSlashCommand({ name: 'reload', member: { permissions: MANAGER_PERMISSIONS } }).settled();
    expect(reloaded.ephemeral).toBe(true);
    expect(reloaded.embeds[0]?.description).toMatch(/^Loaded 13 articles from 11 files/u);

    const empty = await discord.sendSlashCommand({ name: 'ask', options: { question: '   ' } }).settled();
    expect(empty).toMatchObject({ ephemeral: true, content: expect.stringMatching(/^Your question is empty/u) });

    const broad = await discord.sendSlashCommand({ name: 'ask', options: { question: 'what did the ministry say about the IS leaders' } }).settled();
    const more = await discord.clickButton({ customId: buttonId(broad, 'More excerpts'), messageId: broad.id }).settled();
    expect(more).toMatchObject({ ephemeral: true, embeds: [{ title: 'More excerpts' }] });

    // A restart: a new process knows nothing, yet the old answer's Source button works.
    await first.stop();
    await bot(discord, await AppStore.open({ articlesDir: ARTICLES }));
    const sourceReply = await discord.clickButton({ customId: buttonId(answer, 'Source'), messageId: answer.id }).settled();
    expect(sourceReply.ephemeral).toBe(true);
    expect(sourceReply.embeds[0]?.title).toBe('Source of the answer');
    expect(sourceReply.embeds[0]?.description).toContain('> The ministry said the air raid on May 28 that targeted an IS meeting');
    for (const message of discord.messages) expect(couldPing(message)).toBe(false);
  });

  test('npm start with DISCORD_TOKEN and DISCORD_API_URL connects to that server, answers, and stops cleanly on SIGTERM', async () => {
    const discord = await fakeDiscord();
    // What `npm start` runs, in one process, so the signal reaches the bot itself (npm would relay it).
    const child = spawn(process.execPath, ['scripts/run-app.mjs', 'main'], {
      cwd: ROOT,
      env: { ...process.env, DISCORD_TOKEN: TOKEN, DISCORD_API_URL: discord.apiUrl, ARTICLES_DIR: ARTICLES, LOG_LEVEL: 'info', DISCORD_GUILD_ID: '', RATE_LIMIT_PER_MINUTE: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    const exited = once(child, 'exit');
    cleanups.push(async () => {
      if (child.exitCode === null) child.kill('SIGKILL');
    });
    await outputContains(child, () => output, '"msg":"bot ready"', 30_000);
    expect(discord.identifies).toBe(1);
    const reply = await discord.sendSlashCommand({ name: 'article', subcommand: 'latest' }).settled();
    expect(reply.embeds[0]?.title).toBe('Wildfire forces evacuation of hill villages');
    child.kill('SIGTERM');
    const [code] = (await exited) as [number | null];
    expect(code).toBe(0);
    expect(output).toContain('shutting down');
  }, 60_000);
});
