/**
 * `npm start`: with DISCORD_TOKEN set, the bot connects to Discord; without
 * it, the console starts on ARTICLES_DIR (an interactive prompt taking the
 * same slash commands). SIGINT/SIGTERM shut down cleanly.
 */
import dotenv from 'dotenv';
import { ConfigError, loadConfig, type Config } from '../src/config.ts';
import { runConsole } from '../src/console/run-console.ts';
import { createLogger } from '../src/logger.ts';
import { onShutdownSignal, openStore, watchFolder } from './open-store.ts';
import { createProgressBar, createProgressLog } from './show-progress.ts';

dotenv.config({ quiet: true });
let config: Config;
try {
  config = loadConfig(process.env);
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
}

if (config.discordToken !== null) {
  const logger = createLogger({ level: config.logLevel, to: 'stdout' });
  const store = await openStore(config, logger, (line) => logger.info({ line }, 'load report'), createProgressLog((line) => logger.info({ phase: 'start-up' }, line)));
  let bot;
  try {
    // Loaded only to connect: discord.js takes about 0.35 s to load, which the console has no use for.
    const { startBot } = await import('../discord/start-bot.ts');
    bot = await startBot({ token: config.discordToken, store, logger, apiUrl: config.discordApiUrl, rateLimitPerMinute: config.rateLimitPerMinute });
  } catch (error) {
    // Refused at REST (401 → TokenInvalid) or at the gateway (close 4004, which @discordjs/ws reports as "Authentication failed").
    const tokenRefused = (error as { code?: unknown }).code === 'TokenInvalid' || (error instanceof Error && error.message === 'Authentication failed');
    const reason = tokenRefused ? 'the token was refused (check DISCORD_TOKEN)' : error instanceof Error ? error.message : String(error);
    // A refused token is the user's to fix, not a bug: the message says all, without a stack trace.
    logger.fatal(tokenRefused ? {} : { err: error }, `could not connect to Discord: ${reason}`);
    process.exit(1);
  }
  const watch = watchFolder(config, store, (line) => logger.info({ line }, 'articles folder'));
  onShutdownSignal((signal) => {
    logger.info({ signal }, 'shutting down');
    watch?.close();
    void bot.stop().then(() => process.exit(0));
  });
} else {
  const logger = createLogger({ level: config.logLevel, to: 'stderr' });
  const interactive = process.stdin.isTTY === true;
  if (interactive) process.stderr.write(`No DISCORD_TOKEN set: starting the console on ${config.articlesDir}.\n`);
  const progress = interactive && process.stderr.isTTY ? createProgressBar() : undefined;
  const store = await openStore(config, logger, (line) => process.stderr.write(`${line}\n`), progress?.onProgress);
  progress?.stop();
  if (interactive) process.stderr.write('Type a slash command (/article latest, /ask who was targeted, /source, /help) or a question; /quit or Ctrl+D ends.\n');
  const stop = new AbortController();
  onShutdownSignal(() => stop.abort());
  const watch = watchFolder(config, store, (line) => process.stderr.write(`${line}\n`));
  await runConsole({ store, input: process.stdin, output: process.stdout, logger, prompt: interactive, signal: stop.signal });
  watch?.close();
}
