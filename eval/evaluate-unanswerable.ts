import type { Article } from '../src/article.ts';
import type { Confidence } from '../src/answer/types.ts';
import type { QuestionAnswerer } from './baseline.ts';
import type { XquadQuestion } from './load-xquad.ts';

/** How a system behaves when the answer is not in the collection. */
export interface UnanswerableReport {
  questions: number;
  /** Share of questions it abstained on: higher is better. */
  abstentionRate: number;
  /** Share it answered with high or medium confidence: confident answers to what is not there. */
  confidentRate: number;
}

const CONFIDENT: ReadonlySet<Confidence> = new Set(['high', 'medium']);

/**
 * Asks every question of a collection from which its whole source document
 * (all paragraphs of the same title) was removed, so that nothing can answer
 * it: a trustworthy system abstains, or at least does not answer confidently.
 * The system is rebuilt once per title, over the other titles' articles.
 */
export function evaluateUnanswerable(
  build: (articles: Article[]) => QuestionAnswerer,
  articles: readonly Article[],
  questions: readonly XquadQuestion[],
): UnanswerableReport {
  const titleOf = new Map(articles.map((a) => [a.id, a.title]));
  const byTitle = new Map<string, XquadQuestion[]>();
  for (const question of questions) {
    const title = titleOf.get(question.articleId) ?? '';
    byTitle.set(title, [...(byTitle.get(title) ?? []), question]);
  }
  let abstained = 0;
  let confident = 0;
  for (const [title, asked] of byTitle) {
    const system = build(articles.filter((a) => a.title !== title));
    for (const question of asked) {
      const answer = system.ask(question.question);
      if (answer.answer === null) abstained++;
      else if (CONFIDENT.has(answer.confidence)) confident++;
    }
  }
  const total = questions.length || 1;
  return { questions: questions.length, abstentionRate: abstained / total, confidentRate: confident / total };
}
