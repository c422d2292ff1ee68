import type { UnanswerableReport } from './evaluate-unanswerable.ts';
import type { QuestionOutcome, QuestionReport } from './evaluate-questions.ts';
import type { SummaryReport } from './evaluate-summaries.ts';

/** The development targets the engine is measured against. */
export const TARGETS = {
  excerptAt1: 0.85,
  excerptAt3: 0.95,
  f1: 0.55,
  rouge1: 'above Lead-3',
} as const;

/** A system that could not be run, and why (e.g. the engine is not built yet). */
export interface Unavailable {
  unavailable: string;
}

/** The XQuAD part of a run. */
export interface XquadSection {
  file: string;
  articles: number;
  questionsAvailable: number;
  engine: QuestionReport | Unavailable;
  baseline: QuestionReport;
  /** The engine asked each question with its source article removed. */
  unanswerable?: UnanswerableReport;
}

/** The news part of a run: one set of questions about the articles this repository ships. */
export interface NewsSection {
  /** Which set ("first set"), its file, and how it has been used (see NEWS_QUESTION_FILES). */
  set: string;
  file: string;
  use: string;
  folder: string;
  articles: number;
  engine: QuestionReport;
  baseline: QuestionReport;
  /** The engine asked questions that no shipped article answers. */
  unanswerable: UnanswerableReport;
  /**
   * For sets whose golds any article may give ("who is X?", "where is X?": see NEWS_IDENTITY_FILES), what the golds
   * are: the article a question was written from is not the one its answer must come from, so the row on it is left out.
   */
  anyArticle?: string;
}

/**
 * The news questions of the first two sets with their names written as a reader might write them otherwise:
 * respelled ("Raqa" for "Raqqa"; see respell-names.ts) or swapped for an alias the answer's article does not
 * write ("Daesh" for "ISIS"; see alias-names.ts). Asked as written and rewritten.
 */
export interface RewrittenSection {
  /** What was rewritten, for the table's title: "names respelled". */
  rewrite: string;
  /** How, with an example, for the title: 'other shipped articles spell otherwise ("Raqa" for "Raqqa")'. */
  which: string;
  /** The rule, printed under the table. */
  note: string;
  questions: number;
  asked: QuestionReport;
  rewritten: QuestionReport;
  /** The plain sentence search on the rewritten questions. */
  baseline: QuestionReport;
}

/**
 * A set of follow-up questions (see NEWS_FOLLOW_UP_FILES): asked in a conversation whose current article is the
 * one they are about, as the bot is used after `/article`; without it, to show what the conversation adds; and by
 * the plain search of that article alone.
 */
export interface FollowUpSection {
  /** Which set, and how it has been used (see NEWS_FOLLOW_UP_FILES). */
  set: string;
  use: string;
  file: string;
  folder: string;
  articles: number;
  inConversation: QuestionReport;
  withoutConversation: QuestionReport;
  baseline: QuestionReport;
  /** The follow-ups their current article does not answer, asked in its conversation. */
  unanswerable: UnanswerableReport & {
    /** Share answered from another article: right only if the reader meant another story. */
    otherArticleRate: number;
  };
}

/**
 * The questions of the first two news sets, which name their story, asked in the conversation of an unrelated
 * article (one of the first follow-ups' articles in turn) and with no conversation: the current article must not
 * hold them back.
 */
export interface OtherStoriesSection {
  inConversation: QuestionReport;
  withoutConversation: QuestionReport;
}

/** The BBC part of a run. */
export interface BbcSection {
  folder: string;
  articlesAvailable: number;
  articlesScored: number;
  skipped: { file: string; reason: string }[];
  /** Which parser read the articles: the project's, or the harness's stand-in while it is not built. */
  parser: string;
  meanGoldWords: number;
  engine: SummaryReport | Unavailable;
  lead3: SummaryReport;
}

/** Everything one run measured: what `--json` writes. */
export interface EvalReport {
  data: string;
  startedAt: string;
  runTimeSeconds: number;
  limit: number | null;
  /** Which half of the XQuAD questions was asked (`--half`), or null for all. */
  half: 'first' | 'second' | null;
  targets: typeof TARGETS;
  xquad?: XquadSection;
  news?: NewsSection[];
  respelled?: RewrittenSection;
  aliased?: RewrittenSection;
  particles?: RewrittenSection;
  lowerCase?: RewrittenSection;
  followUps?: FollowUpSection[];
  otherStories?: OtherStoriesSection;
  bbc?: BbcSection;
}

function isUnavailable<T extends object>(value: T | Unavailable): value is Unavailable {
  return 'unavailable' in value;
}

const rate = (value: number | null) => (value === null ? '–' : value.toFixed(3));
const ms = (value: number) => `${value < 10 ? value.toFixed(2) : value.toFixed(1)} ms`;
const check = (met: boolean) => (met ? ' ✓' : ' ✗');

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('   ').trimEnd();
  return [line(header), line(widths.map((w) => '─'.repeat(w))), ...rows.map(line)].join('\n');
}

/** The XQuAD table: engine beside the baseline, with the targets. */
export function formatXquad(section: XquadSection): string {
  const { engine, baseline } = section;
  const e = isUnavailable(engine) ? null : engine;
  const cell = (pick: (r: QuestionReport) => string) => (e === null ? 'n/a' : pick(e));
  const rows: string[][] = [
    ['excerpt@1 (top quote contains the answer)', cell((r) => rate(r.excerptAt1) + check(r.excerptAt1 >= TARGETS.excerptAt1)), rate(baseline.excerptAt1), `≥ ${TARGETS.excerptAt1}`],
    ['excerpt@3', cell((r) => rate(r.excerptAt3) + check(r.excerptAt3 >= TARGETS.excerptAt3)), rate(baseline.excerptAt3), `≥ ${TARGETS.excerptAt3}`],
    ['answer F1 (SQuAD v1.1; abstention = 0)', cell((r) => rate(r.f1) + check(r.f1 >= TARGETS.f1)), rate(baseline.f1), `≥ ${TARGETS.f1}`],
    ['answer exact match', cell((r) => rate(r.exactMatch)), rate(baseline.exactMatch), ''],
    ['abstention rate', cell((r) => rate(r.abstentionRate)), rate(baseline.abstentionRate), ''],
    ['abstains when the answer is absent', section.unanswerable ? rate(section.unanswerable.abstentionRate) : 'n/a', '0.000', 'higher is better'],
    ['confident (high/medium) when absent', section.unanswerable ? rate(section.unanswerable.confidentRate) : 'n/a', '–', 'lower is better'],
    ['F1 on answered questions only', cell((r) => rate(r.f1Answered)), rate(baseline.f1Answered), ''],
    ['EM on answered questions only', cell((r) => rate(r.exactMatchAnswered)), rate(baseline.exactMatchAnswered), ''],
    ['answered with high confidence', cell((r) => rate(r.highShare)), rate(baseline.highShare), ''],
    ['F1 of the high-confidence answers', cell((r) => rate(r.highF1)), rate(baseline.highF1), ''],
    ['high-confidence answers with F1 0', cell((r) => rate(r.highWrong)), rate(baseline.highWrong), 'lower is better'],
    ['top citation from the right paragraph', cell((r) => rate(r.sourceAt1)), rate(baseline.sourceAt1), ''],
    ['mean latency per question', cell((r) => ms(r.meanLatencyMs)), ms(baseline.meanLatencyMs), ''],
    ['p95 latency per question', cell((r) => ms(r.p95LatencyMs)), ms(baseline.p95LatencyMs), ''],
    ['build time (index over the collection)', cell((r) => ms(r.buildMs)), ms(baseline.buildMs), ''],
  ];
  if ((e?.errors ?? 0) > 0 || baseline.errors > 0) {
    rows.push(['questions where ask() threw', cell((r) => String(r.errors)), String(baseline.errors), '']);
  }
  const title =
    `XQuAD: ${baseline.questions} of ${section.questionsAvailable} questions, each asked against all ` +
    `${section.articles} paragraphs (one article each)`;
  const notes = [isUnavailable(engine) ? `engine: n/a (${engine.unavailable})` : null,
    'baseline: plain minisearch sentence search, default options; its answer is the top sentence'];
  return [title, '', table(['', 'engine', 'baseline', 'target'], rows), '', ...notes.filter((n) => n !== null)].join('\n');
}

/** The news table: questions about the shipped articles, the engine beside the baseline. */
export function formatNews(section: NewsSection): string {
  const { engine: e, baseline: b, unanswerable: u } = section;
  const rows: string[][] = [
    ['excerpt@1 (top quote contains the answer)', rate(e.excerptAt1), rate(b.excerptAt1)],
    ['excerpt@3', rate(e.excerptAt3), rate(b.excerptAt3)],
    ['answer F1 (SQuAD v1.1; abstention = 0)', rate(e.f1), rate(b.f1)],
    ['answer exact match', rate(e.exactMatch), rate(b.exactMatch)],
    ['abstention rate', rate(e.abstentionRate), rate(b.abstentionRate)],
    ['answered with high confidence', rate(e.highShare), rate(b.highShare)],
    ['F1 of the high-confidence answers', rate(e.highF1), rate(b.highF1)],
    ['high-confidence answers with F1 0', rate(e.highWrong), rate(b.highWrong)],
    ...(section.anyArticle !== undefined ? [] : [['top citation from the right article', rate(e.sourceAt1), rate(b.sourceAt1)]]),
    ...(u.questions === 0
      ? []
      : [
          [`abstains on the ${u.questions} questions no article answers`, rate(u.abstentionRate), '–'],
          ['confident (high/medium) on those', rate(u.confidentRate), '–'],
        ]),
    ['mean latency per question', ms(e.meanLatencyMs), ms(b.meanLatencyMs)],
  ];
  const title = `News questions, ${section.set}: ${e.questions} questions about the ${section.articles} articles in ${section.folder}, each asked against all of them`;
  const notes = [
    `questions written for this project from the FA-KES articles it ships (${section.file}); no targets`,
    ...(section.anyArticle !== undefined ? [section.anyArticle] : []),
    `use: ${section.use}`,
  ];
  return [title, '', table(['', 'engine', 'baseline'], rows), '', ...notes].join('\n');
}

/** A rewritten-questions table: the engine on the questions as written and rewritten, and the baseline rewritten. */
export function formatRewritten(section: RewrittenSection): string {
  const { asked: a, rewritten: r, baseline: b } = section;
  const rows: string[][] = [
    ['excerpt@1 (top quote contains the answer)', rate(a.excerptAt1), rate(r.excerptAt1), rate(b.excerptAt1)],
    ['answer F1 (SQuAD v1.1; abstention = 0)', rate(a.f1), rate(r.f1), rate(b.f1)],
    ['abstention rate', rate(a.abstentionRate), rate(r.abstentionRate), rate(b.abstentionRate)],
    ['top citation from the right article', rate(a.sourceAt1), rate(r.sourceAt1), rate(b.sourceAt1)],
  ];
  const title = `News questions with ${section.rewrite}: the ${section.questions} questions of the first two sets whose names ${section.which}`;
  return [title, '', table(['', 'engine, as written', 'engine, rewritten', 'baseline, rewritten'], rows), '', section.note].join('\n');
}

/** The follow-ups table: the engine in and out of the conversation, and the plain search of the current article. */
export function formatFollowUps(section: FollowUpSection): string {
  const { inConversation: c, withoutConversation: w, baseline: b, unanswerable: u } = section;
  const rows: string[][] = [
    ['excerpt@1 (top quote contains the answer)', rate(c.excerptAt1), rate(w.excerptAt1), rate(b.excerptAt1)],
    ['excerpt@3', rate(c.excerptAt3), rate(w.excerptAt3), rate(b.excerptAt3)],
    ['answer F1 (SQuAD v1.1; abstention = 0)', rate(c.f1), rate(w.f1), rate(b.f1)],
    ['answer exact match', rate(c.exactMatch), rate(w.exactMatch), rate(b.exactMatch)],
    ['abstention rate', rate(c.abstentionRate), rate(w.abstentionRate), rate(b.abstentionRate)],
    ['answered with high confidence', rate(c.highShare), rate(w.highShare), rate(b.highShare)],
    ['high-confidence answers with F1 0', rate(c.highWrong), rate(w.highWrong), rate(b.highWrong)],
    ['top citation from the conversation\'s article', rate(c.sourceAt1), rate(w.sourceAt1), rate(b.sourceAt1)],
    [`abstains on the ${u.questions} its article does not answer`, rate(u.abstentionRate), '–', '–'],
    ['confident (high/medium) on those', rate(u.confidentRate), '–', '–'],
    ['answered from another article', rate(u.otherArticleRate), '–', '–'],
  ];
  const title = `Follow-up questions, ${section.set}: ${c.questions} questions naming no subject ("how many people died?"), each asked in a conversation about the article it is about, of the ${section.articles} articles in ${section.folder}`;
  const notes = [`questions written for this project from the FA-KES articles it ships (${section.file}); no targets`, `use: ${section.use}`, 'baseline: the plain sentence search of the conversation\'s article alone'];
  return [title, '', table(['', 'engine, in conversation', 'engine, no conversation', 'baseline'], rows), '', ...notes].join('\n');
}

/** The other-stories table: questions naming their story, asked in an unrelated conversation and in none. */
export function formatOtherStories(section: OtherStoriesSection): string {
  const { inConversation: o, withoutConversation: n } = section;
  const otherRows: string[][] = [
    ['excerpt@1 (top quote contains the answer)', rate(o.excerptAt1), rate(n.excerptAt1)],
    ['answer F1 (SQuAD v1.1; abstention = 0)', rate(o.f1), rate(n.f1)],
    ['abstention rate', rate(o.abstentionRate), rate(n.abstentionRate)],
    ['top citation from the right article', rate(o.sourceAt1), rate(n.sourceAt1)],
  ];
  const otherTitle = `Questions about another story: the ${o.questions} questions of the first two news sets, each asked in the conversation of one of the first follow-up set's articles in turn`;
  return [otherTitle, '', table(['', 'engine, in conversation', 'engine, no conversation'], otherRows)].join('\n');
}

/** The BBC table: the engine's default summary beside Lead-3. */
export function formatBbc(section: BbcSection): string {
  const { engine, lead3 } = section;
  const e = isUnavailable(engine) ? null : engine;
  const cell = (pick: (r: SummaryReport) => string) => (e === null ? 'n/a' : pick(e));
  const rows: string[][] = [
    ['ROUGE-1 F', cell((r) => rate(r.rouge1.f) + check(r.rouge1.f > lead3.rouge1.f)), rate(lead3.rouge1.f), 'above Lead-3'],
    ['ROUGE-2 F', cell((r) => rate(r.rouge2.f)), rate(lead3.rouge2.f), ''],
    ['ROUGE-L F (whole-text LCS)', cell((r) => rate(r.rougeL.f)), rate(lead3.rougeL.f), ''],
    ['ROUGE-Lsum F (per-sentence union LCS)', cell((r) => rate(r.rougeLsum.f)), rate(lead3.rougeLsum.f), ''],
    ['ROUGE-1 recall', cell((r) => rate(r.rouge1.recall)), rate(lead3.rouge1.recall), ''],
    ['ROUGE-2 recall', cell((r) => rate(r.rouge2.recall)), rate(lead3.rouge2.recall), ''],
    ['ROUGE-L recall', cell((r) => rate(r.rougeL.recall)), rate(lead3.rougeL.recall), ''],
    ['ROUGE-Lsum recall', cell((r) => rate(r.rougeLsum.recall)), rate(lead3.rougeLsum.recall), ''],
    ['mean sentences per summary', cell((r) => r.meanSentences.toFixed(2)), lead3.meanSentences.toFixed(2), ''],
    ['mean words per summary', cell((r) => r.meanWords.toFixed(1)), lead3.meanWords.toFixed(1), `(gold ${section.meanGoldWords.toFixed(1)})`],
    ['mean time per summary', cell((r) => ms(r.meanLatencyMs)), ms(lead3.meanLatencyMs), ''],
  ];
  if (e !== null && e.errors > 0) rows.push(['articles where summarizeArticle threw', String(e.errors), '0', '']);
  const title =
    `BBC News Summary: ${section.articlesScored} of ${section.articlesAvailable} articles` +
    (section.skipped.length > 0 ? ` (${section.skipped.length} skipped)` : '');
  const notes = [
    isUnavailable(engine) ? `engine: n/a (${engine.unavailable})` : null,
    e?.firstError !== undefined ? `engine: first error: ${e.firstError}` : null,
    `parser: ${section.parser}`,
    'engine: summarizeArticle(article, "default"); Lead-3: the first three body sentences',
    'ROUGE: lower-cased alphanumeric tokens, no stemming; F-measure and recall averaged over articles',
    ...section.skipped.slice(0, 5).map((s) => `skipped ${s.file}: ${s.reason}`),
  ];
  return [title, '', table(['', 'engine', 'Lead-3', 'target'], rows), '', ...notes.filter((n) => n !== null)].join('\n');
}

/** The worst XQuAD misses, one block per question, for stderr. */
export function formatMisses(system: string, misses: readonly QuestionOutcome[]): string {
  const blocks = misses.map((o, i) =>
    [
      `${i + 1}. ${o.question.question}  [${o.question.articleId}]`,
      `   gold:      ${o.question.golds.join(' | ')}`,
      `   answer:    ${o.answer ?? '(abstained)'}${o.error !== undefined ? `  (threw: ${o.error})` : ''}`,
      `   top quote: ${o.topQuote ?? '(none)'}${o.topArticleId !== null && o.topArticleId !== o.question.articleId ? `  [from ${o.topArticleId}]` : ''}`,
      `   F1 ${o.f1.toFixed(2)}, excerpt@1 ${o.hitAt1 ? 'hit' : 'miss'}, excerpt@3 ${o.hitAt3 ? 'hit' : 'miss'}`,
    ].join('\n'),
  );
  return [`Worst misses of the ${system}:`, ...blocks].join('\n\n');
}
