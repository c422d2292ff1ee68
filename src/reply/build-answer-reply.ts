import type { Answer, Citation } from '../answer/types.ts';
import type { AnswerReply, AskScope, ExcerptsReply } from './reply.ts';

/**
 * The reply to /ask from the engine's answer; an abstention keeps its
 * closest passages as `citations`. A passage that repeats one already cited
 * word for word (articles do repeat sentences) is shown once. `asked` is
 * how many excerpts the engine was asked for.
 */
export function buildAnswerReply(answer: Answer, scope: AskScope, asked = 3): AnswerReply {
  return {
    ok: true,
    kind: 'answer',
    command: 'ask',
    question: answer.question,
    answer: answer.confidence === 'none' ? null : answer.answer,
    confidence: answer.answer === null ? 'none' : answer.confidence,
    ...(answer.resolvedDate !== undefined && answer.answer !== null && answer.confidence !== 'none' ? { resolvedDate: answer.resolvedDate } : {}),
    citations: uniqueCitations(answer.citations),
    // The engine returned all the excerpts asked for: there may be more.
    mayHaveMore: answer.citations.length >= asked,
    scope,
    ...(answer.onlyIn === undefined ? {} : { onlyIn: answer.onlyIn }),
  };
}

/**
 * The reply to "More excerpts": of the engine's excerpts, best first, those
 * after the first `shown` (which the answer showed), without repeats of any
 * passage already shown; numbered on from them.
 */
export function buildExcerptsReply(question: string, citations: readonly Citation[], shown: number): ExcerptsReply {
  const seen = new Set(citations.slice(0, shown).map(citationKey));
  const more = uniqueCitations(citations.slice(shown)).filter((c) => !seen.has(citationKey(c)));
  return { ok: true, kind: 'excerpts', command: 'ask more', question, firstNumber: uniqueCitations(citations.slice(0, shown)).length + 1, citations: more };
}

/** The citations without word-for-word repeats of the same article's text, in order. */
export function uniqueCitations(citations: readonly Citation[]): Citation[] {
  const seen = new Set<string>();
  return citations.filter((c) => {
    const key = citationKey(c);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function citationKey(citation: Citation): string {
  return `${citation.articleId}\u0000${citation.quote.replace(/\s+/gu, ' ').trim().toLowerCase()}`;
}
