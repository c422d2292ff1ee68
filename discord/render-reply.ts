import { ButtonStyle, ComponentType, type APIActionRowComponent, type APIButtonComponent, type APIEmbed, type APIEmbedField } from 'discord.js';
import type { Citation, Confidence } from '../src/answer/types.ts';
import { articleKey } from '../src/app-state/create-app-state.ts';
import {
  CONTENT_MAX,
  EMBED_AUTHOR_NAME_MAX,
  EMBED_DESCRIPTION_MAX,
  EMBED_FIELD_VALUE_MAX,
  EMBED_FIELDS_MAX,
  EMBED_FOOTER_MAX,
  EMBED_TITLE_MAX,
  EMBED_TOTAL_MAX,
} from '../src/format/discord-limits.ts';
import { escapeMarkdown } from '../src/format/escape-markdown.ts';
import { fitLines, fitPieces, type Piece } from '../src/format/fit-text.ts';
import { truncateText } from '../src/format/truncate-text.ts';
import type { AnswerReply, ArticleReply, ArticleSource, ExcerptsReply, ListReply, Reply, SourceReply } from '../src/reply/reply.ts';
import { describeAnswer, describeCitation, FACT_LABELS, formatDate, formatOutlet, formatParagraph, notFoundMessage } from '../src/render/wording.ts';
import { shortHash } from '../src/short-hash.ts';
import { encodeCustomId, quoteCheck } from './custom-id.ts';

/** A reply as Discord receives it: the parts of a message, and whether only the user sees it. */
export interface DiscordMessage {
  content?: string;
  embeds: APIEmbed[];
  components: APIActionRowComponent<APIButtonComponent>[];
  /** Never ping anyone, whatever the quoted text says. */
  allowedMentions: { parse: [] };
  ephemeral: boolean;
}

/** The prefix of the answer embed's author line, which carries the question for "More excerpts". */
export const QUESTION_PREFIX = 'Question: ';

const COLORS: Record<Confidence, number> = { high: 0x2e7d32, medium: 0xf9a825, low: 0xef6c00, none: 0x757575 };
const ARTICLE_COLOR = 0x1565c0;
// Attribution parts are cut to these before the quotes share the rest of the room.
const TITLE_IN_CITATION_MAX = 150;
const OUTLET_MAX = 80;
// Key facts of all kinds together; the summary gets the rest of the embed.
const FACTS_TOTAL_MAX = 2200;
const FACT_LINE_MAX = 300;

/**
 * Turns a reply into a Discord message within Discord's limits (content
 * 2000; embed title 256, description 4096, field 1024, footer 2048, 25
 * fields, 6000 in all), cutting quotes at sentence or word boundaries with
 * "…" and keeping every quote's attribution. Quoted and user text is escaped
 * for Markdown; `allowedMentions` never lets the message ping. Errors and
 * reload reports are ephemeral; answers carry "More excerpts" and "Source" buttons.
 */
export function renderDiscordReply(reply: Reply): DiscordMessage {
  const base = { allowedMentions: { parse: [] as [] }, components: [] };
  switch (reply.kind) {
    case 'answer':
      return { ...base, embeds: [answerEmbed(reply)], components: answerButtons(reply), ephemeral: false };
    case 'excerpts':
      return { ...base, embeds: [excerptsEmbed(reply)], ephemeral: true };
    case 'article':
      return { ...base, embeds: [articleEmbed(reply)], ephemeral: false };
    case 'source':
      return { ...base, embeds: [sourceEmbed(reply)], ephemeral: false };
    case 'list':
      return { ...base, embeds: [listEmbed(reply)], ephemeral: false };
    case 'reload':
      return {
        ...base,
        embeds: [finish({ title: 'Articles reloaded', description: fitLines(reply.report.map(escapeMarkdown), EMBED_DESCRIPTION_MAX, { maxLine: 500, more: (n) => `…and ${n} more lines (see the bot's log)` }) })],
        ephemeral: true,
      };
    case 'help':
      return {
        ...base,
        embeds: [finish({ title: 'Commands', description: fitLines(reply.commands.map((c) => `**${escapeMarkdown(c.usage)}** — ${escapeMarkdown(c.description)}`), EMBED_DESCRIPTION_MAX) })],
        ephemeral: true,
      };
    case 'error':
      return { ...base, content: truncateText(escapeMarkdown(reply.error.message), CONTENT_MAX), embeds: [], ephemeral: true };
  }
}

/** Quote pieces: each quote as a block quote, escaped and cut to share the room, followed by its attribution. */
function quotePieces(citations: readonly Citation[], number: (i: number) => string = () => ''): Piece[] {
  return citations.flatMap((c, i) => [
    `${i > 0 ? '\n\n' : ''}${number(i)}> `,
    { flexible: escapeMarkdown(c.quote).replace(/\n/gu, '\n> ') },
    `\n— ${citationLine(c)}`,
  ]);
}

/** Outlet, date, title and paragraph (1-based) of a quote, escaped. */
function citationLine(citation: Citation): string {
  return describeCitation(
    { ...citation, source: citation.source === null ? null : truncateText(citation.source, OUTLET_MAX) },
    { text: escapeMarkdown, title: (title) => `*${escapeMarkdown(truncateText(title, TITLE_IN_CITATION_MAX))}*` },
  );
}

function answerEmbed(reply: AnswerReply): APIEmbed {
  const abstained = reply.answer === null;
  const header: Piece[] = abstained && reply.citations.length > 0 ? ['Closest passages (they do not answer the question):\n\n'] : [];
  return finish({
    author: { name: truncateText(`${QUESTION_PREFIX}${reply.question}`, EMBED_AUTHOR_NAME_MAX) },
    title: abstained ? truncateText(notFoundMessage(reply), EMBED_TITLE_MAX) : truncateText(escapeMarkdown(describeAnswer(reply.answer ?? '', reply.resolvedDate)), EMBED_TITLE_MAX),
    description: fitPieces([...header, ...quotePieces(reply.citations)], EMBED_DESCRIPTION_MAX),
    fields: [{ name: 'Confidence', value: reply.confidence, inline: true }],
    color: COLORS[reply.confidence],
  });
}

function answerButtons(reply: AnswerReply): APIActionRowComponent<APIButtonComponent>[] {
  const buttons: APIButtonComponent[] = [];
  if (reply.mayHaveMore) {
    const scope =
      reply.scope.articleId !== null
        ? ({ type: 'article', key: articleKey(reply.scope.articleId) } as const)
        : reply.scope.currentArticleId !== null
          ? ({ type: 'current', key: articleKey(reply.scope.currentArticleId) } as const)
          : ({ type: 'all' } as const);
    buttons.push({ type: ComponentType.Button, style: ButtonStyle.Secondary, label: 'More excerpts', custom_id: encodeCustomId({ kind: 'more', scope, questionHash: shortHash(reply.question) }) });
  }
  if (reply.citations.length > 0) {
    const passages = reply.citations.map((c) => ({ key: articleKey(c.articleId), paragraph: c.paragraph, start: c.start, end: c.end, check: quoteCheck(c.quote) }));
    buttons.push({ type: ComponentType.Button, style: ButtonStyle.Secondary, label: 'Source', custom_id: encodeCustomId({ kind: 'source', passages }) });
  }
  return buttons.length === 0 ? [] : [{ type: ComponentType.ActionRow, components: buttons }];
}

function excerptsEmbed(reply: ExcerptsReply): APIEmbed {
  return finish({
    author: { name: truncateText(`${QUESTION_PREFIX}${reply.question}`, EMBED_AUTHOR_NAME_MAX) },
    title: 'More excerpts',
    description:
      reply.citations.length === 0
        ? 'No more excerpts for this question.'
        : fitPieces(quotePieces(reply.citations, (i) => `**${reply.firstNumber + i}.**\n`), EMBED_DESCRIPTION_MAX),
    color: COLORS.none,
  });
}

function articleEmbed(reply: ArticleReply): APIEmbed {
  const { article } = reply;
  const kinds = Object.entries(FACT_LABELS).filter(([kind]) => article.facts.some((f) => f.kind === kind));
  const factBudget = Math.min(EMBED_FIELD_VALUE_MAX, Math.floor(FACTS_TOTAL_MAX / Math.max(1, kinds.length)));
  const fields: APIEmbedField[] = kinds.map(([kind, label]) => ({
    name: label,
    value: fitLines(
      article.facts
        .filter((f) => f.kind === kind)
        .map((f) => `• ${escapeMarkdown(truncateText(f.text, FACT_LINE_MAX))}${f.unconfirmed ? ' *(unconfirmed)*' : ''} (${formatParagraph(f.citation.paragraph)})`),
      factBudget,
    ),
  }));
  fields.push({ name: 'Source', value: describeSourceField(article) });
  const embed: APIEmbed = {
    title: truncateText(escapeMarkdown(article.title), EMBED_TITLE_MAX),
    ...(isWebUrl(article.url) ? { url: article.url } : {}),
    author: { name: truncateText(`${formatOutlet(article.source)} · ${formatDate(article.date)}`, EMBED_AUTHOR_NAME_MAX) },
    fields,
    footer: { text: `Summary: ${article.summaryLength} length · /source shows where each quote came from` },
    color: ARTICLE_COLOR,
  };
  const summary: Piece[] = [`**Summary**\n`, ...reply.citations.flatMap((c, i) => [`${i > 0 ? '\n' : ''}> `, { flexible: escapeMarkdown(c.quote) }, ` (${formatParagraph(c.paragraph)})`])];
  embed.description = fitPieces(summary, Math.min(EMBED_DESCRIPTION_MAX, EMBED_TOTAL_MAX - embedTextLength(embed)));
  return finish(embed);
}

function describeSourceField(source: ArticleSource): string {
  const lines = [
    `${escapeMarkdown(truncateText(formatOutlet(source.source), OUTLET_MAX))}, ${formatDate(source.date)}`,
    ...(source.author ? [`By ${escapeMarkdown(truncateText(source.author, OUTLET_MAX))}`] : []),
    ...(isWebUrl(source.url) && source.url.length <= 500 ? [source.url] : []),
    `File: ${escapeMarkdown(truncateText(source.file, 300))}`,
  ];
  return truncateText(lines.join('\n'), EMBED_FIELD_VALUE_MAX);
}

function sourceEmbed(reply: SourceReply): APIEmbed {
  const pieces: Piece[] = [];
  if (reply.question !== null) pieces.push(`**Question:** ${escapeMarkdown(truncateText(reply.question, 300))}\n`);
  if (reply.abstained) pieces.push('No answer was found; these are the closest passages shown.\n');
  for (const [i, source] of reply.sources.entries()) {
    pieces.push(`${pieces.length > 0 || i > 0 ? '\n' : ''}**${escapeMarkdown(truncateText(source.title, TITLE_IN_CITATION_MAX))}**\n${describeSourceField(source)}`);
    for (const c of reply.citations.filter((c) => c.articleId === source.id)) {
      pieces.push(`\n> `, { flexible: escapeMarkdown(c.quote) }, `\n(${formatParagraph(c.paragraph)})`);
    }
    pieces.push('\n');
  }
  const title = reply.subject === 'article' ? (reply.citations.length > 0 ? 'Source of the article shown' : 'Source of the article') : 'Source of the answer';
  return finish({ title, description: fitPieces(pieces, EMBED_DESCRIPTION_MAX), color: ARTICLE_COLOR });
}

function listEmbed(reply: ListReply): APIEmbed {
  const first = (reply.page - 1) * 10 + 1;
  const lines = reply.articles.map((a, i) => `**${first + i}.** ${escapeMarkdown(truncateText(a.title, 200))} — ${escapeMarkdown(truncateText(formatOutlet(a.source), OUTLET_MAX))}, ${formatDate(a.date)}`);
  const next = reply.page < reply.pages ? ` · next: /article list page:${reply.page + 1}` : '';
  return finish({
    title: 'Articles, newest first',
    description: fitLines(lines, EMBED_DESCRIPTION_MAX),
    footer: { text: `Page ${reply.page} of ${reply.pages} · ${reply.total} articles${next}` },
    color: ARTICLE_COLOR,
  });
}

function isWebUrl(url: string | null | undefined): url is string {
  return typeof url === 'string' && /^https?:\/\/\S+$/u.test(url);
}

/** The characters of an embed that count toward Discord's 6000. */
export function embedTextLength(embed: APIEmbed): number {
  return (
    (embed.title?.length ?? 0) +
    (embed.description?.length ?? 0) +
    (embed.footer?.text.length ?? 0) +
    (embed.author?.name.length ?? 0) +
    (embed.fields ?? []).reduce((sum, f) => sum + f.name.length + f.value.length, 0)
  );
}

/**
 * The last check on every embed: each part within its own limit, at most 25
 * fields, and the whole within 6000 (the description gives way first, then
 * the last fields). The renderers above already stay within these; this
 * guarantees it.
 */
function finish(embed: APIEmbed): APIEmbed {
  const out: APIEmbed = { ...embed };
  if (out.title !== undefined) out.title = truncateText(out.title, EMBED_TITLE_MAX);
  if (out.description !== undefined) out.description = truncateText(out.description, EMBED_DESCRIPTION_MAX);
  if (out.author) out.author = { ...out.author, name: truncateText(out.author.name, EMBED_AUTHOR_NAME_MAX) };
  if (out.footer) out.footer = { ...out.footer, text: truncateText(out.footer.text, EMBED_FOOTER_MAX) };
  if (out.fields) {
    out.fields = out.fields
      .slice(0, EMBED_FIELDS_MAX)
      .map((f) => ({ ...f, name: truncateText(f.name, 256) || '\u200b', value: truncateText(f.value, EMBED_FIELD_VALUE_MAX) || '\u200b' }));
  }
  let excess = embedTextLength(out) - EMBED_TOTAL_MAX;
  if (excess > 0 && out.description !== undefined) {
    out.description = truncateText(out.description, Math.max(0, out.description.length - excess));
    excess = embedTextLength(out) - EMBED_TOTAL_MAX;
  }
  while (excess > 0 && out.fields && out.fields.length > 0) {
    out.fields = out.fields.slice(0, -1);
    excess = embedTextLength(out) - EMBED_TOTAL_MAX;
  }
  // Discord refuses an empty description ("must be 1 or more in length"): leave it out instead.
  if (out.description === '') delete out.description;
  return out;
}
