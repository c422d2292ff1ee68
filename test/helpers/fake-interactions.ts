/**
 * Recording fakes of discord.js interactions, typed from discord.js's own
 * types (through the picks in discord/types.ts): each records every call the
 * bot makes and keeps what the user would see, and refuses what Discord
 * refuses (replying twice, editing before replying).
 */
import { PermissionFlagsBits, PermissionsBitField, type APIEmbed, type ApplicationCommandOptionChoiceData } from 'discord.js';
import type { AutocompleteRequest, ButtonPress, SlashInteraction } from '../../discord/types.ts';

/** A message as the user sees it. */
export interface SeenMessage {
  content: string;
  embeds: APIEmbed[];
  components: { type: number; components: { custom_id?: string; label?: string }[] }[];
  allowedMentions: unknown;
  ephemeral: boolean;
}

/** One call the bot made on the interaction. */
export interface RecordedCall {
  method: 'reply' | 'deferReply' | 'editReply' | 'followUp' | 'deleteReply' | 'respond';
  options: unknown;
}

/** What the fake recorded, and what the user sees. */
export class InteractionRecord {
  readonly calls: RecordedCall[] = [];
  /** The response: undefined before an answer, `loading` while deferred. */
  original: SeenMessage | 'loading' | 'deleted' | undefined;
  readonly followUps: SeenMessage[] = [];
  acknowledged = false;
  deferredEphemeral = false;

  /** Every message the user sees, response first. */
  get messages(): SeenMessage[] {
    return [...(typeof this.original === 'object' ? [this.original] : []), ...this.followUps];
  }

  /** The one message the user sees; fails unless there is exactly one. */
  get only(): SeenMessage {
    const messages = this.messages;
    if (messages.length !== 1) throw new Error(`expected one visible message, got ${messages.length} (calls: ${this.calls.map((c) => c.method).join(', ')})`);
    return messages[0]!;
  }
}

function seen(options: unknown, ephemeral: boolean): SeenMessage {
  const o = (typeof options === 'string' ? { content: options } : options) as Record<string, unknown>;
  const flags = typeof o.flags === 'number' ? o.flags : 0;
  return {
    content: typeof o.content === 'string' ? o.content : '',
    embeds: (o.embeds as APIEmbed[] | undefined) ?? [],
    components: (o.components as SeenMessage['components'] | undefined) ?? [],
    allowedMentions: o.allowedMentions,
    ephemeral: ephemeral || (flags & 64) !== 0,
  };
}

/** The methods every repliable fake shares. */
function replyMethods(record: InteractionRecord) {
  const ack = (method: RecordedCall['method']) => {
    if (record.acknowledged) throw new Error(`FakeInteraction: ${method} after the interaction was already acknowledged (Discord: 40060)`);
    record.acknowledged = true;
  };
  return {
    reply: (async (options: unknown) => {
      record.calls.push({ method: 'reply', options });
      ack('reply');
      record.original = seen(options, false);
      return undefined as never;
    }) as SlashInteraction['reply'],
    deferReply: (async (options?: unknown) => {
      record.calls.push({ method: 'deferReply', options });
      ack('deferReply');
      record.deferredEphemeral = ((options as { flags?: number } | undefined)?.flags ?? 0) === 64;
      record.original = 'loading';
      return undefined as never;
    }) as SlashInteraction['deferReply'],
    editReply: (async (options: unknown) => {
      record.calls.push({ method: 'editReply', options });
      if (!record.acknowledged || typeof record.original !== 'object' && record.original !== 'loading') throw new Error('FakeInteraction: editReply before a reply or deferral');
      record.original = seen(options, record.deferredEphemeral);
      return undefined as never;
    }) as SlashInteraction['editReply'],
    followUp: (async (options: unknown) => {
      record.calls.push({ method: 'followUp', options });
      if (!record.acknowledged) throw new Error('FakeInteraction: followUp before a reply or deferral');
      record.followUps.push(seen(options, false));
      return undefined as never;
    }) as SlashInteraction['followUp'],
    deleteReply: (async () => {
      record.calls.push({ method: 'deleteReply', options: undefined });
      if (!record.acknowledged) throw new Error('FakeInteraction: deleteReply before a reply or deferral');
      record.original = 'deleted';
    }) as SlashInteraction['deleteReply'],
  };
}

let nextId = 1;

/** What a test says about a slash command. */
export interface SlashInput {
  commandName: string;
  subcommand?: string;
  options?: Record<string, string | number>;
  userId?: string;
  channelId?: string;
  /** Default: an ordinary member without Manage Server. */
  manager?: boolean;
}

/** A recording fake of a chat-input command interaction. */
export function fakeSlash(input: SlashInput): { interaction: SlashInteraction; record: InteractionRecord } {
  const record = new InteractionRecord();
  const options = input.options ?? {};
  const get = (name: string, required?: boolean) => {
    const value = options[name];
    if (value === undefined && required) throw new Error(`FakeInteraction: required option "${name}" missing`);
    return value ?? null;
  };
  const interaction: SlashInteraction = {
    id: String(nextId++),
    channelId: input.channelId ?? 'channel-1',
    user: { id: input.userId ?? 'user-1' },
    commandName: input.commandName,
    memberPermissions: new PermissionsBitField(input.manager ? PermissionFlagsBits.ManageGuild | PermissionFlagsBits.SendMessages : PermissionFlagsBits.SendMessages),
    options: {
      getString: ((name: string, required?: boolean) => get(name, required)) as SlashInteraction['options']['getString'],
      getInteger: ((name: string, required?: boolean) => get(name, required)) as SlashInteraction['options']['getInteger'],
      getSubcommand: ((required?: boolean) => {
        if (input.subcommand === undefined && required !== false) throw new Error('FakeInteraction: no subcommand');
        return input.subcommand ?? null;
      }) as SlashInteraction['options']['getSubcommand'],
    },
    ...replyMethods(record),
  };
  return { interaction, record };
}

/** A recording fake of a button click on `message` (the embeds it carries). */
export function fakeButton(input: { customId: string; message: SeenMessage; userId?: string; channelId?: string }): { interaction: ButtonPress; record: InteractionRecord } {
  const record = new InteractionRecord();
  const interaction: ButtonPress = {
    id: String(nextId++),
    channelId: input.channelId ?? 'channel-1',
    user: { id: input.userId ?? 'user-1' },
    customId: input.customId,
    message: { embeds: input.message.embeds.map((e) => ({ author: e.author ? { name: e.author.name } : null })) },
    ...replyMethods(record),
  };
  return { interaction, record };
}

/** A recording fake of an autocomplete interaction; `choices` holds what the bot offered. */
export function fakeAutocomplete(input: { commandName: string; focused: string }): { interaction: AutocompleteRequest; choices: () => ApplicationCommandOptionChoiceData[] | undefined } {
  let offered: ApplicationCommandOptionChoiceData[] | undefined;
  const interaction: AutocompleteRequest = {
    id: String(nextId++),
    commandName: input.commandName,
    options: { getFocused: (() => input.focused) as AutocompleteRequest['options']['getFocused'] },
    respond: async (choices) => {
      if (offered) throw new Error('FakeInteraction: autocomplete answered twice');
      offered = [...choices];
    },
  };
  return { interaction, choices: () => offered };
}
