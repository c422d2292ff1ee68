import { InteractionContextType, PermissionFlagsBits, SlashCommandBuilder } from 'discord.js';
import { UserFacingError } from '../src/bot-actions/user-facing-error.ts';
import type { CommandContext, SlashInteraction } from '../discord/types.ts';

/** `/reload`: for members with Manage Server; answered ephemerally with the load report. */
export const data = new SlashCommandBuilder()
  .setName('reload')
  .setDescription('Re-read the articles folder (Manage Server only)')
  .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
  .setContexts(InteractionContextType.Guild);

export async function execute(interaction: SlashInteraction, ctx: CommandContext): Promise<void> {
  // Discord hides the command from others by default; this also holds if a server changes that.
  if (!interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild)) {
    throw new UserFacingError('Only members with the Manage Server permission can reload the articles.');
  }
  await ctx.run(interaction, { command: 'reload' }, { ephemeral: true });
}
