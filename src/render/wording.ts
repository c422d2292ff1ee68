import type { Citation, FactKind } from '../answer/types.ts';
import type { AnswerReply } from '../reply/reply.ts';
import { MONTH_NAMES } from '../text/iso-date.ts';

/** What a reply says when the engine abstains, having searched all the articles. */
const NOT_FOUND = 'I could not find that in the loaded articles.';

/**
 * What an answer reply says when the engine abstains: where it looked. A question naming no subject is sought in
 * the conversation's current article only, so the reader is told how to search them all.
 */
export function notFoundMessage(reply: Pick<AnswerReply, 'onlyIn' | 'scope'>): string {
  if (reply.onlyIn === undefined) return NOT_FOUND;
  const where = `I could not find that in “${reply.onlyIn.title}”.`;
  return reply.scope.articleId !== null ? where : `${where} To search all the articles, name what you are asking about.`;
}

/** How fact kinds are labelled for people, in the order replies list them. */
export const FACT_LABELS: Record<FactKind, string> = { who: 'Who', when: 'When', where: 'Where', number: 'Numbers', claim: 'Claims' };

/**
 * An ISO date as people read it, the same everywhere: `2017-06-16` → `16 June 2017`, a month `2017-05` → `May 2017`;
 * null → `date unknown`.
 */
export function formatDate(date: string | null): string {
  if (date === null) return 'date unknown';
  const [year, month, day] = date.split('-').map(Number);
  const name = MONTH_NAMES[(month ?? 0) - 1];
  if (name === undefined) return date;
  return day === undefined ? `${name} ${year}` : `${day} ${name} ${year}`;
}

/**
 * A short answer as replies show it: with the date it stands for when that was resolved against the article's
 * publication date (`Sunday` → `Sunday (27 April 2014)`).
 */
export function describeAnswer(answer: string, resolvedDate?: string): string {
  return resolvedDate === undefined ? answer : `${answer} (${formatDate(resolvedDate)})`;
}

/** The outlet, or `outlet unknown`. */
export function formatOutlet(source: string | null): string {
  return source ?? 'outlet unknown';
}

/** A 0-based paragraph index as people count it: `paragraph 4`. */
export function formatParagraph(paragraph: number): string {
  return `paragraph ${paragraph + 1}`;
}

/**
 * A quote's attribution in one line: outlet, date, title and paragraph (1-based).
 * `decorate` lets a renderer escape or style the parts (Discord escapes and italicises the title).
 *
 * @example describeCitation(c) // 'Associated Press, 16 June 2017, "Russia claims to have killed …", paragraph 4'
 */
export function describeCitation(citation: Citation, decorate: { text?: (s: string) => string; title?: (s: string) => string } = {}): string {
  const text = decorate.text ?? ((s: string) => s);
  const title = decorate.title ?? ((s: string) => `"${s}"`);
  return `${text(formatOutlet(citation.source))}, ${formatDate(citation.date)}, ${title(citation.title)}, ${formatParagraph(citation.paragraph)}`;
}
