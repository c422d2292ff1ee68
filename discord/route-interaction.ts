import { type Interaction } from 'discord.js';
import type { AppStore } from '../src/app-state/app-store.ts';
import { runCommand } from '../src/bot-actions/run-command.ts';
import { suggestArticles } from '../src/bot-actions/suggest-articles.ts';
import { UserFacingError } from '../src/bot-actions/user-facing-error.ts';
import type { ConversationStore } from '../src/conversation/conversation-store.ts';
import type { Logger } from '../src/logger.ts';
import type { RateLimiter } from '../src/rate-limit/create-rate-limiter.ts';
import { buildErrorReply, buildRateLimitReply } from '../src/reply/build-error-reply.ts';
import type { CommandName } from '../src/reply/reply.ts';
import { answerButton } from './handle-button.ts';
import { respond, sendReply } from './send-reply.ts';
import type { AutocompleteRequest, ButtonPress, CommandContext, CommandModule, RepliableInteraction, SlashInteraction } from './types.ts';

/** What the router needs. */
export interface RouterDeps {
  commands: ReadonlyMap<string, CommandModule>;
  store: AppStore;
  conversations: ConversationStore;
  rateLimiter: RateLimiter;
  logger: Logger;
  /** See {@link RespondOptions.deferAfterMs}. */
  deferAfterMs?: number;
}

/** Routes interactions to commands, autocomplete and buttons. */
export interface InteractionRouter {
  readonly context: CommandContext;
  handleCommand(interaction: SlashInteraction): Promise<void>;
  handleAutocomplete(interaction: AutocompleteRequest): Promise<void>;
  handleButton(interaction: ButtonPress): Promise<void>;
  /** The `interactionCreate` listener: dispatches by kind and ignores the rest. Never throws. */
  handle(interaction: Interaction): Promise<void>;
}

/**
 * The interaction router: slash commands go to their module's `execute`
 * (after the per-user rate limit), autocomplete to its `autocomplete`, and
 * answer buttons to {@link answerButton}. Every conversation is a channel.
 * A user's mistake is answered ephemerally; anything else is logged with the
 * interaction id and answered with a short apology.
 */
export function createInteractionRouter(deps: RouterDeps): InteractionRouter {
  const { logger } = deps;
  const commandName = (interaction: SlashInteraction): CommandName => {
    const sub = interaction.commandName === 'article' ? interaction.options.getSubcommand(false) : null;
    return (sub ? `article ${sub}` : interaction.commandName) as CommandName;
  };

  const context: CommandContext = {
    store: deps.store,
    logger,
    run: (interaction, request, options = {}) =>
      respond(
        interaction,
        (defer) => runCommand(request, { store: deps.store, conversation: deps.conversations.get(interaction.channelId), beforeSlowWork: defer }),
        { logger, command: request.command, ...(options.ephemeral ? { ephemeral: true } : {}), ...(deps.deferAfterMs !== undefined ? { deferAfterMs: deps.deferAfterMs } : {}) },
      ),
    suggestArticles: (typed) => suggestArticles(deps.store.current, typed),
  };

  /** True when the user may go on; otherwise the user has been told to wait. */
  const withinRateLimit = async (interaction: RepliableInteraction, command: CommandName): Promise<boolean> => {
    const result = deps.rateLimiter.take(interaction.user.id);
    if (result.allowed) return true;
    logger.info({ interactionId: interaction.id, userId: interaction.user.id, command }, 'rate limited');
    await sendReply(interaction, buildRateLimitReply(command, result.retryAfterMs, deps.rateLimiter.limit), { logger, command });
    return false;
  };

  const router: InteractionRouter = {
    context,
    async handleCommand(interaction) {
      const name = commandName(interaction);
      const command = deps.commands.get(interaction.commandName);
      try {
        if (!command) throw new UserFacingError(`I do not know /${interaction.commandName} (any more). Commands: /ask, /article, /source, /reload.`);
        if (!(await withinRateLimit(interaction, name))) return;
        await command.execute(interaction, context);
      } catch (error) {
        // execute answers through context.run, which handles its own errors; this catches what a command throws before it.
        const reply = buildErrorReply(name, error);
        if (reply.error.kind === 'internal') logger.error({ err: error, interactionId: interaction.id, command: name }, 'command failed');
        await sendReply(interaction, reply, { logger, command: name });
      }
    },
    async handleAutocomplete(interaction) {
      const command = deps.commands.get(interaction.commandName);
      try {
        await (command?.autocomplete ? command.autocomplete(interaction, context) : interaction.respond([]));
      } catch (error) {
        logger.error({ err: error, interactionId: interaction.id, command: interaction.commandName }, 'autocomplete failed');
      }
    },
    async handleButton(interaction) {
      // Every button is answered, even one the bot does not know (it says to ask again).
      const command: CommandName = interaction.customId.startsWith('ask:more:') ? 'ask more' : interaction.customId.startsWith('ask:src:') ? 'source' : 'unknown';
      if (!(await withinRateLimit(interaction, command))) return;
      await respond(interaction, async () => answerButton(deps.store.current, interaction), {
        logger,
        command,
        ephemeral: true,
        ...(deps.deferAfterMs !== undefined ? { deferAfterMs: deps.deferAfterMs } : {}),
      });
    },
    async handle(interaction) {
      try {
        if (interaction.isChatInputCommand()) await router.handleCommand(interaction);
        else if (interaction.isAutocomplete()) await router.handleAutocomplete(interaction);
        else if (interaction.isButton()) await router.handleButton(interaction);
      } catch (error) {
        logger.error({ err: error, interactionId: interaction.id }, 'interaction failed');
      }
    },
  };
  return router;
}
