import { performance } from 'node:perf_hooks';
import type { Article } from '../src/article.ts';
import type { Citation } from '../src/answer/types.ts';
import type { BbcItem } from './load-bbc.ts';
import { mean, percentile } from './evaluate-questions.ts';
import { rougeTokens, scoreSummary, type SummaryScores } from './metrics.ts';

/** A summariser as the harness drives it: the engine's default summary and Lead-3 alike. */
export type Summarizer = (article: Article) => Citation[];

/** Mean ROUGE recall and F-measure. */
export interface RougeFigures {
  f: number;
  recall: number;
}

/** One summariser's BBC figures, averaged over articles. */
export interface SummaryReport {
  articles: number;
  rouge1: RougeFigures;
  rouge2: RougeFigures;
  rougeL: RougeFigures;
  rougeLsum: RougeFigures;
  /** Summary length, which ROUGE recall and precision trade on. */
  meanSentences: number;
  meanWords: number;
  meanLatencyMs: number;
  p95LatencyMs: number;
  /** Articles on which the summariser threw (scored as an empty summary). */
  errors: number;
  firstError?: string;
}

/** Mean length of the gold summaries in words, for scale. */
export function meanGoldWords(items: readonly BbcItem[]): number {
  return mean(items.map((item) => rougeTokens(item.gold).length));
}

/** Summarises every article and scores each summary against its gold summary with ROUGE. */
export function evaluateSummaries(summarize: Summarizer, items: readonly BbcItem[]): SummaryReport {
  const scores: SummaryScores[] = [];
  const latencies: number[] = [];
  const sentences: number[] = [];
  const words: number[] = [];
  let errors = 0;
  let firstError: string | undefined;
  for (const item of items) {
    const start = performance.now();
    let summary: Citation[];
    try {
      summary = summarize(item.article);
    } catch (thrown) {
      errors++;
      firstError ??= `${item.file}: ${thrown instanceof Error ? thrown.message : String(thrown)}`;
      summary = [];
    }
    latencies.push(performance.now() - start);
    const quotes = summary.map((c) => c.quote);
    sentences.push(quotes.length);
    words.push(rougeTokens(quotes.join(' ')).length);
    scores.push(scoreSummary(quotes, item.gold));
  }
  const figures = (pick: (s: SummaryScores) => { f: number; recall: number }): RougeFigures => ({
    f: mean(scores.map((s) => pick(s).f)),
    recall: mean(scores.map((s) => pick(s).recall)),
  });
  return {
    articles: items.length,
    rouge1: figures((s) => s.rouge1),
    rouge2: figures((s) => s.rouge2),
    rougeL: figures((s) => s.rougeL),
    rougeLsum: figures((s) => s.rougeLsum),
    meanSentences: mean(sentences),
    meanWords: mean(words),
    meanLatencyMs: mean(latencies),
    p95LatencyMs: percentile(latencies, 0.95),
    errors,
    ...(firstError === undefined ? {} : { firstError }),
  };
}
