import { performance } from 'node:perf_hooks';
import type { Answer, Confidence } from '../src/answer/types.ts';
import type { AskScope, QuestionAnswerer } from './baseline.ts';
import type { XquadQuestion } from './load-xquad.ts';
import { containsAnswer, exactMatch, f1Score, maxOverGold } from './metrics.ts';

/** How one system did on one question. */
export interface QuestionOutcome {
  question: XquadQuestion;
  answer: string | null;
  confidence: Confidence;
  /** The top citation's quote, or null when there is none. */
  topQuote: string | null;
  topArticleId: string | null;
  hitAt1: boolean;
  hitAt3: boolean;
  f1: number;
  exactMatch: number;
  /** The error `ask` threw, if it threw (the question then counts as an abstention). */
  error?: string;
}

/** One system's XQuAD figures. Rates are fractions of all questions unless named otherwise. */
export interface QuestionReport {
  questions: number;
  /** The top citation's quote contains a gold answer (SQuAD-normalised, whole tokens). */
  excerptAt1: number;
  /** Any of the first three citations' quotes does. */
  excerptAt3: number;
  /** The top citation comes from the question's own paragraph (a retrieval diagnostic). */
  sourceAt1: number;
  /** SQuAD v1.1 F1 and exact match, abstentions scoring 0. */
  f1: number;
  exactMatch: number;
  abstentionRate: number;
  answered: number;
  /** F1 and exact match over the answered questions only; null when none was answered. */
  f1Answered: number | null;
  exactMatchAnswered: number | null;
  /** Share of questions answered with high confidence. */
  highShare: number;
  /** Mean F1 of the high-confidence answers, and the share of them scoring F1 0; null when there is none. */
  highF1: number | null;
  highWrong: number | null;
  meanLatencyMs: number;
  p95LatencyMs: number;
  /** Time to build the system over the collection (index, models). */
  buildMs: number;
  /** Questions on which `ask` threw. */
  errors: number;
}

/**
 * Builds a system and asks it every question, scoring its answers and
 * excerpts. Timing covers `ask` alone; the build is timed apart. The system
 * built is handed back, for further questions.
 */
export function evaluateQuestions(
  build: () => QuestionAnswerer,
  questions: readonly XquadQuestion[],
  /** Where each question is asked (a conversation's current article); the whole collection when absent. */
  scopeOf: (question: XquadQuestion) => AskScope = () => ({}),
): { report: QuestionReport; outcomes: QuestionOutcome[]; system: QuestionAnswerer } {
  const buildStart = performance.now();
  const system = build();
  const buildMs = performance.now() - buildStart;

  const outcomes: QuestionOutcome[] = [];
  const latencies: number[] = [];
  for (const question of questions) {
    const start = performance.now();
    let answer: Answer;
    let error: string | undefined;
    try {
      answer = system.ask(question.question, scopeOf(question));
    } catch (thrown) {
      error = thrown instanceof Error ? thrown.message : String(thrown);
      answer = { question: question.question, answer: null, confidence: 'none', citations: [] };
    }
    latencies.push(performance.now() - start);
    const quotes = answer.citations.map((c) => c.quote);
    const top = answer.citations[0];
    outcomes.push({
      question,
      answer: answer.answer,
      confidence: answer.confidence,
      topQuote: top?.quote ?? null,
      topArticleId: top?.articleId ?? null,
      hitAt1: quotes.slice(0, 1).some((q) => containsAnswer(q, question.golds)),
      hitAt3: quotes.slice(0, 3).some((q) => containsAnswer(q, question.golds)),
      f1: maxOverGold(f1Score, answer.answer, question.golds),
      exactMatch: maxOverGold(exactMatch, answer.answer, question.golds),
      ...(error === undefined ? {} : { error }),
    });
  }

  const answered = outcomes.filter((o) => o.answer !== null);
  const high = answered.filter((o) => o.confidence === 'high');
  const report: QuestionReport = {
    questions: outcomes.length,
    excerptAt1: mean(outcomes.map((o) => (o.hitAt1 ? 1 : 0))),
    excerptAt3: mean(outcomes.map((o) => (o.hitAt3 ? 1 : 0))),
    sourceAt1: mean(outcomes.map((o) => (o.topArticleId === o.question.articleId ? 1 : 0))),
    f1: mean(outcomes.map((o) => o.f1)),
    exactMatch: mean(outcomes.map((o) => o.exactMatch)),
    abstentionRate: outcomes.length === 0 ? 0 : 1 - answered.length / outcomes.length,
    answered: answered.length,
    f1Answered: answered.length === 0 ? null : mean(answered.map((o) => o.f1)),
    exactMatchAnswered: answered.length === 0 ? null : mean(answered.map((o) => o.exactMatch)),
    highShare: outcomes.length === 0 ? 0 : high.length / outcomes.length,
    highF1: high.length === 0 ? null : mean(high.map((o) => o.f1)),
    highWrong: high.length === 0 ? null : mean(high.map((o) => (o.f1 === 0 ? 1 : 0))),
    meanLatencyMs: mean(latencies),
    p95LatencyMs: percentile(latencies, 0.95),
    buildMs,
    errors: outcomes.filter((o) => o.error !== undefined).length,
  };
  return { report, outcomes, system };
}

/**
 * The `count` worst outcomes (lowest F1 plus excerpt hits), picked at even
 * steps among the ties so they are not all from the first article.
 */
export function worstOutcomes(outcomes: readonly QuestionOutcome[], count: number): QuestionOutcome[] {
  const badness = (o: QuestionOutcome) => o.f1 + (o.hitAt1 ? 1 : 0) + (o.hitAt3 ? 1 : 0);
  const sorted = [...outcomes].sort((a, b) => badness(a) - badness(b));
  const cutoff = sorted[count - 1];
  if (cutoff === undefined) return sorted;
  const worse = sorted.filter((o) => badness(o) < badness(cutoff));
  const tied = sorted.filter((o) => badness(o) === badness(cutoff));
  const room = count - worse.length;
  const picked = [...worse];
  for (let i = 0; i < room; i++) picked.push(tied[Math.floor((i * tied.length) / room)]!);
  return picked;
}

/** Arithmetic mean; 0 for no values. */
export function mean(values: readonly number[]): number {
  return values.length === 0 ? 0 : values.reduce((sum, v) => sum + v, 0) / values.length;
}

/** The nearest-rank percentile (p in 0..1); 0 for no values. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))]!;
}
