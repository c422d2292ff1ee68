import type {
  AutocompleteInteraction,
  ButtonInteraction,
  ChatInputCommandInteraction,
  RESTPostAPIChatInputApplicationCommandsJSONBody,
  User,
} from 'discord.js';
import type { AppStore } from '../src/app-state/app-store.ts';
import type { CommandRequest } from '../src/bot-actions/command-request.ts';
import type { ArticleChoice } from '../src/bot-actions/suggest-articles.ts';
import type { Logger } from '../src/logger.ts';

type Replying = 'id' | 'channelId' | 'reply' | 'deferReply' | 'editReply' | 'followUp' | 'deleteReply';

/**
 * The part of an interaction the bot answers through, picked from
 * discord.js's own types: a real interaction is one, and tests pass
 * recording fakes typed from it.
 */
export type RepliableInteraction = Pick<ChatInputCommandInteraction, Replying> & { readonly user: Pick<User, 'id'> };

/** The part of a chat-input command interaction the commands use. */
export type SlashInteraction = RepliableInteraction &
  Pick<ChatInputCommandInteraction, 'commandName' | 'memberPermissions'> & {
    readonly options: Pick<ChatInputCommandInteraction['options'], 'getString' | 'getInteger' | 'getSubcommand'>;
  };

/** The part of an autocomplete interaction the commands use. */
export type AutocompleteRequest = Pick<AutocompleteInteraction, 'id' | 'commandName' | 'respond'> & {
  readonly options: Pick<AutocompleteInteraction['options'], 'getFocused'>;
};

/** The part of a button interaction the bot uses: the message is read for the question it shows. */
export type ButtonPress = Pick<ButtonInteraction, Replying | 'customId'> & {
  readonly user: Pick<User, 'id'>;
  readonly message: { readonly embeds: readonly { readonly author: { readonly name: string } | null }[] };
};

/** What every command's `execute` and `autocomplete` receive besides the interaction. */
export interface CommandContext {
  readonly store: AppStore;
  readonly logger: Logger;
  /**
   * Answers a slash command: runs `request` in the channel's conversation,
   * defers once the input is checked, and sends the rendered reply (errors
   * ephemerally). `ephemeral` makes the whole reply ephemeral (/reload).
   */
  run(interaction: SlashInteraction, request: CommandRequest, options?: { ephemeral?: boolean }): Promise<void>;
  /** Autocomplete choices for an article option, from what the user has typed. */
  suggestArticles(typed: string): ArticleChoice[];
}

/** The shape of a module in `commands/`: a slash command's definition, handler and optional autocomplete. */
export interface CommandModule {
  readonly data: { readonly name: string; toJSON(): RESTPostAPIChatInputApplicationCommandsJSONBody };
  execute(interaction: SlashInteraction, ctx: CommandContext): Promise<void>;
  autocomplete?(interaction: AutocompleteRequest, ctx: CommandContext): Promise<void>;
}
