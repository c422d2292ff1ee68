import type { AppState } from '../app-state/create-app-state.ts';
import { articleKey } from '../app-state/create-app-state.ts';
import { AUTOCOMPLETE_CHOICES_MAX, CHOICE_NAME_MAX, CHOICE_VALUE_MAX } from '../format/discord-limits.ts';
import { truncateText } from '../format/truncate-text.ts';

/** An autocomplete choice: what the user sees (`name`) and what the command receives (`value`). */
export interface ArticleChoice {
  name: string;
  value: string;
}

/**
 * Articles whose title matches what the user has typed so far, for
 * autocomplete: titles starting with it first, then containing it, then
 * containing all its words; newest first within each; the newest articles
 * when nothing is typed. Names show title, outlet and date within 100
 * characters; values are article ids (short keys for ids over 100 characters),
 * which {@link findArticle} resolves.
 */
export function suggestArticles(app: AppState, typed: string, limit = AUTOCOMPLETE_CHOICES_MAX): ArticleChoice[] {
  const needle = typed.toLowerCase().replace(/\s+/gu, ' ').trim();
  const words = needle.split(' ').filter((w) => w !== '');
  const ranked = app.articles
    .map((article) => {
      const title = article.title.toLowerCase();
      const rank = needle === '' ? 0 : title.startsWith(needle) ? 0 : title.includes(needle) ? 1 : words.every((w) => title.includes(w)) ? 2 : -1;
      return { article, rank };
    })
    .filter((r) => r.rank >= 0);
  ranked.sort((a, b) => a.rank - b.rank); // stable: newest first within a rank
  return ranked.slice(0, Math.min(limit, AUTOCOMPLETE_CHOICES_MAX)).map(({ article }) => {
    const detail = [article.source, article.date].filter((part) => part !== null).join(', ');
    const suffix = detail === '' ? '' : ` — ${detail}`;
    const name = truncateText(article.title, Math.max(20, CHOICE_NAME_MAX - suffix.length)) + suffix;
    return {
      name: truncateText(name, CHOICE_NAME_MAX),
      value: article.id.length <= CHOICE_VALUE_MAX ? article.id : articleKey(article.id),
    };
  });
}
