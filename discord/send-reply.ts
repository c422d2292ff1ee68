import { MessageFlags } from 'discord.js';
import { buildErrorReply } from '../src/reply/build-error-reply.ts';
import type { CommandName, Reply } from '../src/reply/reply.ts';
import type { Logger } from '../src/logger.ts';
import { renderDiscordReply } from './render-reply.ts';
import type { RepliableInteraction } from './types.ts';

/** Options of {@link respond}. */
export interface RespondOptions {
  logger: Logger;
  /** The command being answered, for logs and error replies. */
  command: CommandName;
  /** Make the whole reply ephemeral, the deferral included. */
  ephemeral?: boolean;
  /** Defer by itself if no reply is ready after this long (ms); Discord's limit is 3 s. Default 2000. */
  deferAfterMs?: number;
}

/**
 * Answers an interaction with the reply `produce` makes, within Discord's
 * 3 seconds: `produce` gets a `defer` hook to call once the input is
 * checked and before slow work, and a timer defers by itself as a safety net.
 * Errors become replies: a user's mistake ephemerally with what to do; a bug
 * is logged with the interaction id and the user gets a short apology.
 * An ephemeral reply after a public deferral replaces the "thinking…" message
 * with an ephemeral follow-up.
 */
export async function respond(interaction: RepliableInteraction, produce: (defer: () => Promise<void>) => Promise<Reply>, options: RespondOptions): Promise<void> {
  const ephemeral = options.ephemeral ?? false;
  let settled = false;
  let deferral: Promise<unknown> | undefined;
  const defer = async () => {
    if (settled) return;
    deferral ??= interaction.deferReply(ephemeral ? { flags: MessageFlags.Ephemeral } : {});
    await deferral;
  };
  const timer = setTimeout(() => {
    defer().catch((error: unknown) => options.logger.warn({ err: error, interactionId: interaction.id, command: options.command }, 'deferring failed'));
  }, options.deferAfterMs ?? 2000);
  let reply: Reply;
  try {
    reply = await produce(defer);
  } catch (error) {
    reply = buildErrorReply(options.command, error);
    if (reply.error.kind === 'internal') options.logger.error({ err: error, interactionId: interaction.id, command: options.command }, 'command failed');
  } finally {
    clearTimeout(timer);
    settled = true;
  }
  if (deferral) {
    try {
      await deferral;
    } catch (error) {
      options.logger.error({ err: error, interactionId: interaction.id, command: options.command }, 'could not acknowledge the interaction');
      return;
    }
  }
  await sendReply(interaction, reply, { ...options, deferred: deferral !== undefined });
}

/**
 * Sends a reply to an interaction: as the first response, or into a
 * deferred one (`deferred`, with `ephemeral` telling how it was deferred).
 * Failures to send are logged, never thrown.
 */
export async function sendReply(interaction: RepliableInteraction, reply: Reply, options: RespondOptions & { deferred?: boolean }): Promise<void> {
  const message = renderDiscordReply(reply);
  const payload = {
    ...(message.content !== undefined ? { content: message.content } : {}),
    embeds: message.embeds,
    components: message.components,
    allowedMentions: message.allowedMentions,
  };
  const ephemeral = message.ephemeral || options.ephemeral === true;
  try {
    if (!options.deferred) {
      await interaction.reply({ ...payload, ...(ephemeral ? { flags: MessageFlags.Ephemeral } : {}) });
    } else if (ephemeral && options.ephemeral !== true) {
      // Deferred publicly, but this reply is for the user alone (an error): swap the public "thinking…" for an ephemeral follow-up.
      await interaction.deleteReply();
      await interaction.followUp({ ...payload, flags: MessageFlags.Ephemeral });
    } else {
      await interaction.editReply(payload);
    }
  } catch (error) {
    options.logger.error({ err: error, interactionId: interaction.id, command: options.command }, 'could not send the reply');
  }
}
