import { once } from 'node:events';
import { Client, Events, GatewayIntentBits, type RESTOptions } from 'discord.js';
import type { AppStore } from '../src/app-state/app-store.ts';
import { ConversationStore } from '../src/conversation/conversation-store.ts';
import type { Logger } from '../src/logger.ts';
import { createRateLimiter, type RateLimiter } from '../src/rate-limit/create-rate-limiter.ts';
import { loadCommands } from './command-registry.ts';
import { createInteractionRouter, type InteractionRouter } from './route-interaction.ts';
import type { CommandModule } from './types.ts';

/** Options of {@link startBot}. */
export interface StartBotOptions {
  token: string;
  store: AppStore;
  logger: Logger;
  /** REST base URL without /v10 (DISCORD_API_URL); null or absent means Discord's. */
  apiUrl?: string | null;
  /** Commands and button clicks per user per minute; 0 turns the limit off. */
  rateLimitPerMinute: number;
  /** Clock for the rate limiter (tests). */
  now?: () => number;
  /** Default: the modules of `commands/`. */
  commands?: ReadonlyMap<string, CommandModule>;
  /** Extra REST options (tests: `retries: 0`, a short `timeout`). */
  rest?: Partial<RESTOptions>;
  /** See {@link RespondOptions.deferAfterMs}. */
  deferAfterMs?: number;
}

/** A running bot. */
export interface Bot {
  readonly client: Client;
  readonly router: InteractionRouter;
  readonly rateLimiter: RateLimiter;
  /** Disconnects; waits for nothing else. Safe to call twice. */
  stop(): Promise<void>;
}

/**
 * Logs the bot in and answers interactions until stopped. Resolves once the
 * client is ready. The client talks to `apiUrl` when given, so the same bot
 * can be pointed at a Discord-compatible test server.
 */
export async function startBot(options: StartBotOptions): Promise<Bot> {
  const { logger } = options;
  const commands = options.commands ?? (await loadCommands());
  const rateLimiter = createRateLimiter({ limit: options.rateLimitPerMinute, ...(options.now ? { now: options.now } : {}) });
  const client = new Client({
    intents: [GatewayIntentBits.Guilds],
    // Every message sets this too; this is the default should one ever not.
    allowedMentions: { parse: [] },
    rest: { ...(options.apiUrl ? { api: options.apiUrl } : {}), ...options.rest },
  });
  const router = createInteractionRouter({
    commands,
    store: options.store,
    conversations: new ConversationStore(),
    rateLimiter,
    logger,
    ...(options.deferAfterMs !== undefined ? { deferAfterMs: options.deferAfterMs } : {}),
  });
  client.on(Events.InteractionCreate, (interaction) => void router.handle(interaction));
  client.on(Events.Error, (error) => logger.error({ err: error }, 'discord client error'));
  client.on(Events.Warn, (message) => logger.warn({ message }, 'discord client warning'));

  const ready = once(client, Events.ClientReady);
  try {
    await client.login(options.token);
    await ready;
  } catch (error) {
    await client.destroy();
    throw error;
  }
  logger.info({ user: client.user?.tag, guilds: client.guilds.cache.size, commands: [...commands.keys()] }, 'bot ready');

  let stopped: Promise<void> | undefined;
  return {
    client,
    router,
    rateLimiter,
    stop: () => (stopped ??= client.destroy()),
  };
}
