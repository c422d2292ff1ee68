import type { Article } from '../article.ts';
import type { AppState } from '../app-state/create-app-state.ts';
import { UserFacingError } from './user-facing-error.ts';

// Long enough for any title worth typing; longer input is not a title.
const MAX_REFERENCE_LENGTH = 300;

/**
 * The article a user named: by id (what autocomplete sends), by short key,
 * by exact title, or by a unique part of a title (case and spacing ignored).
 *
 * @throws UserFacingError when nothing, or more than one article, matches, saying what to do.
 * @example findArticle(app, 'Russia claims') // the reference article
 */
export function findArticle(app: AppState, reference: string): Article {
  const wanted = reference.trim();
  if (wanted === '') throw new UserFacingError('Name an article: start typing its title and pick one from the suggestions.');
  if (wanted.length > MAX_REFERENCE_LENGTH) throw new UserFacingError(`That article name is ${wanted.length} characters long; type part of its title (at most ${MAX_REFERENCE_LENGTH} characters).`);
  const byId = app.article(wanted);
  if (byId) return byId;

  const needle = fold(wanted);
  const exact = app.articles.filter((a) => fold(a.title) === needle);
  if (exact.length > 0) return exact[0]!;
  const containing = app.articles.filter((a) => fold(a.title).includes(needle));
  if (containing.length === 1) return containing[0]!;
  const words = needle.split(' ');
  const allWords = containing.length > 0 ? containing : app.articles.filter((a) => words.every((w) => fold(a.title).includes(w)));
  if (allWords.length === 1) return allWords[0]!;
  if (allWords.length > 1) {
    const examples = allWords.slice(0, 3).map((a) => `"${a.title}"`).join(', ');
    throw new UserFacingError(`${allWords.length} articles match "${wanted}" (${examples}${allWords.length > 3 ? ', …' : ''}). Type more of the title, or pick one from the suggestions.`);
  }
  throw new UserFacingError(`No article matches "${wanted}". Pick one from the suggestions as you type, or see the titles with /article list.`);
}

/** The newest article by publication date. @throws UserFacingError when no article is loaded. */
export function findLatestArticle(app: AppState): Article {
  const latest = app.articles[0];
  if (!latest) throw noArticlesError();
  return latest;
}

/** The error for a command that needs articles when none are loaded. */
export function noArticlesError(): UserFacingError {
  return new UserFacingError('No articles are loaded. Put article files in the articles folder, then run /reload.');
}

function fold(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/gu, ' ').trim();
}
