import { SlashCommandBuilder } from 'discord.js';
import { MAX_QUESTION_LENGTH } from '../src/bot-actions/command-request.ts';
import type { AutocompleteRequest, CommandContext, SlashInteraction } from '../discord/types.ts';

/** `/ask question:<text> [article:<title>]` */
export const data = new SlashCommandBuilder()
  .setName('ask')
  .setDescription('Ask about the news: a short answer with quoted, sourced excerpts')
  .addStringOption((option) =>
    option.setName('question').setDescription('Your question, e.g. who was targeted').setRequired(true).setMaxLength(MAX_QUESTION_LENGTH),
  )
  .addStringOption((option) => option.setName('article').setDescription('Only search this article').setAutocomplete(true).setMaxLength(300));

export async function execute(interaction: SlashInteraction, ctx: CommandContext): Promise<void> {
  await ctx.run(interaction, {
    command: 'ask',
    question: interaction.options.getString('question', true),
    article: interaction.options.getString('article') ?? undefined,
  });
}

export async function autocomplete(interaction: AutocompleteRequest, ctx: CommandContext): Promise<void> {
  await interaction.respond(ctx.suggestArticles(interaction.options.getFocused()));
}
