import { SlashCommandBuilder, type SlashCommandStringOption } from 'discord.js';
import { parsePage, parseSummaryLength } from '../src/bot-actions/command-request.ts';
import type { AutocompleteRequest, CommandContext, SlashInteraction } from '../discord/types.ts';

const lengthOption = (option: SlashCommandStringOption) =>
  option
    .setName('length')
    .setDescription('How long the summary is (default: default)')
    .addChoices({ name: 'short', value: 'short' }, { name: 'default', value: 'default' }, { name: 'long', value: 'long' });

/** `/article latest [length]`, `/article show title:<title> [length]`, `/article list [page]` */
export const data = new SlashCommandBuilder()
  .setName('article')
  .setDescription('Read the articles: the latest, one by title, or the list')
  .addSubcommand((sub) => sub.setName('latest').setDescription('The newest article: summary, key facts and source').addStringOption(lengthOption))
  .addSubcommand((sub) =>
    sub
      .setName('show')
      .setDescription('An article by title: summary, key facts and source')
      .addStringOption((option) => option.setName('title').setDescription('Start typing a title').setRequired(true).setAutocomplete(true).setMaxLength(300))
      .addStringOption(lengthOption),
  )
  .addSubcommand((sub) =>
    sub
      .setName('list')
      .setDescription('Titles, outlets and dates, newest first')
      .addIntegerOption((option) => option.setName('page').setDescription('Page number').setMinValue(1)),
  );

export async function execute(interaction: SlashInteraction, ctx: CommandContext): Promise<void> {
  const sub = interaction.options.getSubcommand();
  const length = parseSummaryLength(interaction.options.getString('length'));
  if (sub === 'latest') return ctx.run(interaction, { command: 'article latest', length });
  if (sub === 'show') return ctx.run(interaction, { command: 'article show', title: interaction.options.getString('title', true), length });
  return ctx.run(interaction, { command: 'article list', page: parsePage(interaction.options.getInteger('page')) });
}

export async function autocomplete(interaction: AutocompleteRequest, ctx: CommandContext): Promise<void> {
  await interaction.respond(ctx.suggestArticles(interaction.options.getFocused()));
}
