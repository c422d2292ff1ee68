import type { ArticleReply, ArticleSource, Reply, SourceReply } from '../reply/reply.ts';
import { describeAnswer, describeCitation, FACT_LABELS, formatDate, formatOutlet, formatParagraph, notFoundMessage } from './wording.ts';

/**
 * A reply as the console prints it: plain text, several lines, no Markdown.
 * Quotes are in double quotes, each followed by its attribution (outlet,
 * date, title, paragraph).
 *
 * @example renderText(answerReply).split('\n')[1] // 'A: an IS meeting (confidence: high)'
 */
export function renderText(reply: Reply): string {
  switch (reply.kind) {
    case 'answer': {
      const lines = [`Q: ${reply.question}`];
      if (reply.answer === null) {
        lines.push(notFoundMessage(reply));
        if (reply.citations.length > 0) lines.push('', 'Closest passages:');
      } else {
        lines.push(`A: ${describeAnswer(reply.answer, reply.resolvedDate)} (confidence: ${reply.confidence})`, '');
      }
      reply.citations.forEach((c, i) => lines.push(`${i + 1}. “${c.quote}”`, `   — ${describeCitation(c)}`));
      return lines.join('\n');
    }
    case 'excerpts': {
      if (reply.citations.length === 0) return `No more excerpts for "${reply.question}".`;
      const lines = [`More excerpts for "${reply.question}":`, ''];
      reply.citations.forEach((c, i) => lines.push(`${reply.firstNumber + i}. “${c.quote}”`, `   — ${describeCitation(c)}`));
      return lines.join('\n');
    }
    case 'article':
      return renderArticle(reply);
    case 'source':
      return renderSource(reply);
    case 'list': {
      const lines = [`Articles, newest first (page ${reply.page} of ${reply.pages}; ${reply.total} in all):`];
      const first = (reply.page - 1) * 10 + 1;
      reply.articles.forEach((a, i) => lines.push(`${String(first + i).padStart(3)}. ${a.title} — ${formatOutlet(a.source)}, ${formatDate(a.date)}`));
      if (reply.page < reply.pages) lines.push(`Next page: /article list page:${reply.page + 1}`);
      return lines.join('\n');
    }
    case 'reload':
      return ['Reloaded the articles folder.', ...reply.report].join('\n');
    case 'help':
      return ['Commands:', ...reply.commands.map((c) => `  ${c.usage}\n      ${c.description}`)].join('\n');
    case 'error':
      return reply.error.message;
  }
}

function renderArticle(reply: ArticleReply): string {
  const { article } = reply;
  const lines = [article.title, `${formatOutlet(article.source)} · ${formatDate(article.date)}`, '', `Summary (${article.summaryLength}):`];
  reply.citations.forEach((c) => lines.push(`  “${c.quote}” (${formatParagraph(c.paragraph)})`));
  if (article.facts.length > 0) {
    lines.push('', 'Key facts:');
    for (const [kind, label] of Object.entries(FACT_LABELS)) {
      const facts = article.facts.filter((f) => f.kind === kind);
      if (facts.length === 0) continue;
      lines.push(`  ${label}:`);
      for (const f of facts) lines.push(`    - ${f.text}${f.unconfirmed ? ' (unconfirmed)' : ''} (${formatParagraph(f.citation.paragraph)})`);
    }
  }
  lines.push('', `Source: ${describeSource(article)}`);
  return lines.join('\n');
}

function renderSource(reply: SourceReply): string {
  const lines: string[] = [];
  if (reply.subject === 'answer') {
    const about = reply.question === null ? 'the answer' : `the answer to "${reply.question}"`;
    lines.push(reply.abstained ? `No answer was found for "${reply.question ?? ''}"; the closest passages shown came from:` : `Where ${about} came from:`);
  } else {
    lines.push(reply.citations.length > 0 ? 'Where the article shown came from:' : 'Source of the article:');
  }
  for (const source of reply.sources) {
    lines.push('', `"${source.title}"`, `  ${describeSource(source)}`);
    for (const c of reply.citations.filter((c) => c.articleId === source.id)) lines.push(`  ${formatParagraph(c.paragraph)}: “${c.quote}”`);
  }
  return lines.join('\n');
}

/** Outlet, date, author, url and file of an article, on one line. */
function describeSource(source: ArticleSource): string {
  return [
    formatOutlet(source.source),
    formatDate(source.date),
    ...(source.author ? [`by ${source.author}`] : []),
    ...(source.url ? [source.url] : []),
    `file ${source.file}`,
  ].join(' · ');
}
