/**
 * `npm run local -- [--articles DIR] [--json]`: the console on standard
 * input and output. One reply per command, in order; logs and the load report
 * go to standard error. With --json, each reply is one line of JSON (see the
 * README, "JSON interface").
 */
import { parseArgs } from 'node:util';
import dotenv from 'dotenv';
import { ConfigError, loadLocalConfig } from '../src/config.ts';
import { runConsole } from '../src/console/run-console.ts';
import { createLogger } from '../src/logger.ts';
import { onShutdownSignal, openStore } from './open-store.ts';

const USAGE = `Usage: npm run local -- [--articles DIR] [--json]

Reads slash commands from standard input, one a line (e.g. "/article latest",
"/ask who was targeted", "/source"), and writes one reply per command.
  --articles DIR  the articles folder (default: ARTICLES_DIR, else ./articles)
  --json          one line of JSON per reply
`;

let args;
try {
  args = parseArgs({
    options: { articles: { type: 'string' }, json: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h', default: false } },
    allowPositionals: false,
  }).values;
} catch (error) {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
  process.exit(2);
}
if (args.help) {
  process.stdout.write(USAGE);
  process.exit(0);
}

dotenv.config({ quiet: true });
let config;
try {
  config = loadLocalConfig(process.env);
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
}
if (args.articles !== undefined) config = { ...config, articlesDir: args.articles };

const logger = createLogger({ level: config.logLevel, to: 'stderr' });
const store = await openStore(config, logger, (line) => process.stderr.write(`${line}\n`));
const stop = new AbortController();
onShutdownSignal(() => stop.abort());
await runConsole({
  store,
  input: process.stdin,
  output: process.stdout,
  logger,
  json: args.json,
  prompt: process.stdin.isTTY === true && !args.json,
  signal: stop.signal,
});
