/**
 * End to end, as real processes: the scripts a user runs (`npm start` is
 * `node scripts/run-app.mjs main`, `npm run deploy-commands` is
 * `node scripts/run-app.mjs deploy-commands`: the app's bundles, built by the tests' global set-up)
 * spawned with the environment a user sets, against the Discord-compatible
 * server on 127.0.0.1. Each test has its own server; the processes run
 * concurrently because most of their time is start-up.
 */
import { spawn } from 'node:child_process';
import { describe, test, type TestContext } from 'vitest';
import { COMMAND_NAME_PATTERN } from '../discord/validation.ts';
import { DISCORD_LIMITS, startFakeDiscord, type FakeDiscord } from '../discord/fake-discord-server.ts';
import { createArticlesFolder, ROOT, TOKEN, userEnvironment } from './support.ts';

/** Guard against a hang, for a process that should already be on its way out. */
const EXIT_GUARD_MS = 10_000;
/** Guard for start-up (loading the app, NLP models and articles), on a slow CI machine. */
const START_GUARD_MS = 30_000;

// The tests run concurrently: each registers its own clean-ups on its own context.
type Finally = TestContext['onTestFinished'];

async function fakeDiscord(onFinished: Finally): Promise<FakeDiscord> {
  const discord = await startFakeDiscord({ token: TOKEN });
  onFinished(() => discord.close());
  return discord;
}

async function articlesDir(onFinished: Finally): Promise<string> {
  const folder = await createArticlesFolder();
  onFinished(() => folder.cleanup());
  return folder.dir;
}

interface Finished {
  code: number | null;
  signal: NodeJS.Signals | null;
  /** Standard output and standard error, interleaved as they came. */
  output: string;
}

/** One of the app's scripts (`main`, `deploy-commands`) run as npm runs it, with `env` on top of this process's environment. */
function runScript(onFinished: Finally, script: 'main' | 'deploy-commands', env: Record<string, string>): { exit: Promise<Finished>; guard(ms: number, what: string): Promise<Finished> } {
  const child = spawn(process.execPath, ['scripts/run-app.mjs', script], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  const exit = new Promise<Finished>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code, signal) => resolve({ code, signal, output }));
  });
  onFinished(async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGKILL');
      await exit.catch(() => undefined);
    }
  });
  return {
    exit,
    guard: (ms, what) => {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`${script} did not exit within ${ms} ms ${what}; output so far:\n${output}`)), ms);
      });
      return Promise.race([exit, timeout]).finally(() => clearTimeout(timer));
    },
  };
}

describe.concurrent('7. npm start with a token Discord refuses', () => {
  const REFUSED = 'could not connect to Discord: the token was refused (check DISCORD_TOKEN)';

  test('a wrong token (401 at GET /gateway/bot): exits 1 at once, saying so, without a stack trace', async ({ expect, onTestFinished }) => {
    const discord = await fakeDiscord(onTestFinished);
    const env = userEnvironment(discord, await articlesDir(onTestFinished), { DISCORD_TOKEN: 'wrong-token', LOG_LEVEL: 'info' });
    const refused = discord.waitForRequest({ path: '/gateway/bot' }, { timeoutMs: START_GUARD_MS });
    const run = runScript(onTestFinished, 'main', env);
    expect(await refused).toMatchObject({ status: 401, authorization: 'Bot wrong-token' });
    const { code, output } = await run.guard(EXIT_GUARD_MS, 'after Discord refused its token');
    expect(code).toBe(1);
    expect(output).toContain(REFUSED);
    expect(output).not.toMatch(/"stack"|\n\s+at \S/u);
    expect(discord.requests.map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual(['GET /gateway/bot 401']);
    expect(discord.identifies).toBe(0);
  });

  test('a token the gateway refuses (IDENTIFY closed with 4004): exits 1 at once, saying so, without a stack trace', async ({ expect, onTestFinished }) => {
    const discord = await fakeDiscord(onTestFinished);
    discord.failNextIdentify(4004);
    const env = userEnvironment(discord, await articlesDir(onTestFinished), { LOG_LEVEL: 'info' });
    const identified = discord.waitFor(() => discord.receivedFrames.find((f) => f.op === 2), 'an IDENTIFY', { timeoutMs: START_GUARD_MS });
    const run = runScript(onTestFinished, 'main', env);
    await identified;
    const { code, output } = await run.guard(EXIT_GUARD_MS, 'after the gateway refused its token');
    expect(code).toBe(1);
    expect(output).toContain(REFUSED);
    expect(output).not.toMatch(/"stack"|\n\s+at \S/u);
    expect(discord.identifies).toBe(0);
  });
});

describe.concurrent('npm run deploy-commands against the server', () => {
  const NAMES = ['article', 'ask', 'reload', 'source'];

  for (const scope of ['guild', 'global'] as const) {
    test(`registers /article, /ask, /reload and /source ${scope === 'guild' ? 'for DISCORD_GUILD_ID' : 'globally without DISCORD_GUILD_ID'}, with valid names and descriptions`, async ({ expect, onTestFinished }) => {
      const discord = await fakeDiscord(onTestFinished);
      const env = userEnvironment(discord, await articlesDir(onTestFinished), scope === 'global' ? { DISCORD_GUILD_ID: '' } : {});
      const { code, output } = await runScript(onTestFinished, 'deploy-commands', env).guard(START_GUARD_MS, 'after starting');
      expect(code).toBe(0);
      const where = scope === 'guild' ? `server ${discord.guildId}` : 'all servers (global; may take up to an hour to appear)';
      expect(output.trim()).toBe(`Registered /article, /ask, /reload, /source for ${where}.`);

      const route = scope === 'guild' ? '/applications/:app/guilds/:guild/commands' : '/applications/:app/commands';
      expect(discord.requests.map((r) => `${r.method} ${r.route} ${r.status} ${r.authorization}`)).toEqual([`PUT ${route} 200 Bot ${TOKEN}`]);
      const registered = discord.registeredCommands;
      expect(registered[scope].map((c) => c.name)).toEqual(NAMES);
      expect(registered[scope === 'guild' ? 'global' : 'guild']).toEqual([]);
      type Named = { name: string; description: string; options?: Named[] };
      const all = (registered[scope] as unknown as Named[]).flatMap((c) => [c, ...(c.options ?? []), ...(c.options ?? []).flatMap((o) => o.options ?? [])]);
      for (const { name, description } of all) {
        expect(name).toMatch(COMMAND_NAME_PATTERN);
        expect(name).toBe(name.toLowerCase());
        expect(description.length).toBeGreaterThanOrEqual(1);
        expect(description.length).toBeLessThanOrEqual(DISCORD_LIMITS.commandDescriptionMax);
      }
    });
  }
});
