import { SlashCommandBuilder } from 'discord.js';
import type { AutocompleteRequest, CommandContext, SlashInteraction } from '../discord/types.ts';

/** `/source [article:<title>]` */
export const data = new SlashCommandBuilder()
  .setName('source')
  .setDescription('Where the last answer or article shown here came from')
  .addStringOption((option) => option.setName('article').setDescription("This article's attribution instead").setAutocomplete(true).setMaxLength(300));

export async function execute(interaction: SlashInteraction, ctx: CommandContext): Promise<void> {
  await ctx.run(interaction, { command: 'source', article: interaction.options.getString('article') ?? undefined });
}

export async function autocomplete(interaction: AutocompleteRequest, ctx: CommandContext): Promise<void> {
  await interaction.respond(ctx.suggestArticles(interaction.options.getFocused()));
}
