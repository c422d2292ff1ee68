/**
 * The Discord side of the bot wired to recording fakes: the real command
 * modules, router, renderer and core, over articles in memory.
 */
import type { Article } from '../../src/article.ts';
import { AppStore } from '../../src/app-state/app-store.ts';
import { createAppStateFromArticles, type AppState } from '../../src/app-state/create-app-state.ts';
import { ConversationStore } from '../../src/conversation/conversation-store.ts';
import type { Logger } from '../../src/logger.ts';
import { createRateLimiter } from '../../src/rate-limit/create-rate-limiter.ts';
import { loadCommands } from '../../discord/command-registry.ts';
import { createInteractionRouter, type InteractionRouter } from '../../discord/route-interaction.ts';
import { fakeAutocomplete, fakeButton, fakeSlash, type InteractionRecord, type SeenMessage, type SlashInput } from './fake-interactions.ts';

/** A log entry the bot wrote. */
export interface LogEntry {
  level: string;
  fields: Record<string, unknown>;
  message: string | undefined;
}

/** A logger that keeps what it is given. */
export function recordingLogger(entries: LogEntry[] = []): Logger & { entries: LogEntry[] } {
  const at =
    (level: string) =>
    (fields: object, message?: string): void => {
      entries.push({ level, fields: fields as Record<string, unknown>, message });
    };
  const logger = { entries, fatal: at('fatal'), error: at('error'), warn: at('warn'), info: at('info'), debug: at('debug'), child: () => logger };
  return logger;
}

export interface Harness {
  router: InteractionRouter;
  store: AppStore;
  logs: LogEntry[];
  /** Moves the rate limiter's clock. */
  advance(ms: number): void;
  command(input: SlashInput): Promise<InteractionRecord>;
  click(customId: string, message: SeenMessage, userId?: string): Promise<InteractionRecord>;
  autocomplete(commandName: string, focused: string): Promise<{ name: string; value: string | number }[]>;
}

/** Options of {@link createHarness}. */
export interface HarnessOptions {
  /** What /reload loads; default the same articles. */
  reloaded?: () => Promise<AppState>;
  rateLimitPerMinute?: number;
  /** Replace the app state (e.g. with one whose engine throws). */
  state?: AppState;
}

/** The bot over `articles`, driven through recording fakes. */
export async function createHarness(articles: readonly Article[], options: HarnessOptions = {}): Promise<Harness> {
  let now = 0;
  const logs: LogEntry[] = [];
  const store = new AppStore(options.state ?? createAppStateFromArticles(articles), options.reloaded ?? (async () => createAppStateFromArticles(articles)));
  const router = createInteractionRouter({
    commands: await loadCommands(),
    store,
    conversations: new ConversationStore(),
    rateLimiter: createRateLimiter({ limit: options.rateLimitPerMinute ?? 0, now: () => now }),
    logger: recordingLogger(logs),
  });
  return {
    router,
    store,
    logs,
    advance: (ms) => {
      now += ms;
    },
    async command(input) {
      const { interaction, record } = fakeSlash(input);
      await router.handleCommand(interaction);
      return record;
    },
    async click(customId, message, userId) {
      const { interaction, record } = fakeButton({ customId, message, ...(userId ? { userId } : {}) });
      await router.handleButton(interaction);
      return record;
    },
    async autocomplete(commandName, focused) {
      const { interaction, choices } = fakeAutocomplete({ commandName, focused });
      await router.handleAutocomplete(interaction);
      return choices() ?? [];
    },
  };
}

/** All the text of a message: content, and every embed's title, description, author, fields and footer. */
export function allText(message: SeenMessage): string {
  return [
    message.content,
    ...message.embeds.flatMap((e) => [e.title ?? '', e.description ?? '', e.author?.name ?? '', e.footer?.text ?? '', ...(e.fields ?? []).flatMap((f) => [f.name, f.value])]),
  ].join('\n');
}

/** The custom ids of a message's buttons, by label. */
export function buttons(message: SeenMessage): Record<string, string> {
  return Object.fromEntries(message.components.flatMap((row) => row.components.map((c) => [c.label ?? '', c.custom_id ?? ''])));
}
