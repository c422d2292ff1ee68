/**
 * One measured system in a fresh process (started by run-bench.ts):
 *
 *   node dist/bench/bench-child.mjs <config.json>
 *
 * (its bundle, built by run-bench.ts as `npm start` builds the app's; a
 * profiling run uses `node --import tsx bench/bench-child.ts`, so that the
 * profile names the project's files).
 *
 * It loads the corpus, builds the system, answers the first question (the
 * end of start-up), then every question for latency, then "/article latest",
 * and writes what it measured to the config's `outFile` after each phase.
 * Peak memory is the process's own high-water mark (getrusage maxRSS), so it
 * counts everything the system ever held, garbage included.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { paragraphCount, type Article } from '../src/article.ts';
import type { LoadReport } from '../src/load-articles.ts';
import type { Answer, Citation } from '../src/answer/types.ts';
import type { ArticleIndex } from '../src/search/article-index.ts';
import { latencyStats, type ChildConfig, type ChildResult, type MemorySample, type RecordedAnswer } from './bench-types.ts';
import type { BenchQuestion } from './make-questions.ts';

// Module loading of this file's own imports ends here; the systems' modules are imported below, as part of their boot.
const config = JSON.parse(readFileSync(process.argv[2] ?? '', 'utf8')) as ChildConfig;
const questions = JSON.parse(readFileSync(config.questionsFile, 'utf8')) as BenchQuestion[];
const LATEST_REPEATS = 21;
const SAVE_EVERY = 10;

const result: ChildResult = {
  system: config.system,
  status: 'running',
  phase: 'boot',
  articles: 0,
  paragraphs: 0,
  filesRead: 0,
  skipped: 0,
  phases: {},
  cpu: {},
  memory: {},
};
/** CPU time (user + system, all threads) since process start, in milliseconds: less sensitive than wall time to other processes. */
const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};
const save = () => writeFileSync(config.outFile, JSON.stringify(result));
const log = (message: string) => process.stderr.write(`${message}\n`);

function memory(): MemorySample {
  const m = process.memoryUsage();
  return { rss: m.rss, maxRss: process.resourceUsage().maxRSS * 1024, heapUsed: m.heapUsed, external: m.external, arrayBuffers: m.arrayBuffers };
}

/** Live memory after a full collection; profiling runs only (the time it takes is not counted in any phase). */
function retained(): MemorySample | undefined {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!config.profile || gc === undefined) return undefined;
  gc();
  return memory();
}

interface System {
  articles(): Iterable<Article>;
  ask(question: string): Answer;
  summarize(article: Article): Citation[];
  summarizer: string;
  /** The project's passage search, for the profiling statistics. */
  searchPassages?: (query: string, limit: number) => Array<{ articleId: string; paragraph: number }>;
  /** Runs after the first answer (the end of start-up), before the timed questions. */
  afterFirstAnswer?: () => Promise<void>;
}

/** Ends the boot phase (Node, tsx and the system's modules are loaded); returns where live-heap figures go. */
function endBoot(): NonNullable<ChildResult['retained']> {
  result.phases.boot = performance.now();
  result.cpu.boot = cpuMs();
  result.memory.afterBoot = memory();
  const kept = { boot: retained() };
  result.retained = kept;
  result.phase = 'load';
  save();
  log(`boot ${ms(result.phases.boot)}`);
  return kept;
}

/**
 * Ends the load phase, begun at `started` (wall) and `cpuStarted` (CPU):
 * what was loaded, and the memory then. Returns the phase's wall time and
 * the memory sample.
 */
function endLoad(started: number, cpuStarted: number, articles: readonly Article[], report: LoadReport): { loadMs: number; afterLoad: MemorySample } {
  const loadMs = performance.now() - started;
  result.phases.load = loadMs;
  result.cpu.load = cpuMs() - cpuStarted;
  result.articles = articles.length;
  result.filesRead = report.filesRead;
  result.skipped = report.skipped.length;
  // Counted without reading the text: the app reads a cached article's text when first needed, and the
  // bench must not read 100,000 of them inside the start-up it times (it did: 1.9 s and 300 MB).
  result.paragraphs = articles.reduce((sum, a) => sum + paragraphCount(a), 0);
  const afterLoad = memory();
  result.memory.afterLoad = afterLoad;
  if (result.retained) result.retained.afterLoad = retained();
  return { loadMs, afterLoad };
}

async function buildSystem(): Promise<System> {
  if (config.system === 'app-cold' || config.system === 'app-warm') return buildApp();
  const { loadArticles } = await import('../src/load-articles.ts');
  const build: (articles: readonly Article[], index?: ArticleIndex) => { ask(question: string): Answer } =
    config.system === 'project'
      ? await import('../src/answer/create-answer-engine.ts').then((m) => (articles: readonly Article[], index?: ArticleIndex) => m.createAnswerEngine(index ?? articles))
      : await import('./create-stemmed-baseline.ts').then((m) => m.createStemmedSentenceBaseline);
  const summarizeArticle = config.system === 'project' ? (await import('../src/summarize-article.ts')).summarizeArticle : null;
  const { summarizeLead } = await import('../eval/baseline.ts');
  // The project indexes articles as they load, as the app does (src/app-state/create-app-state.ts):
  // its "load" phase includes indexing, and its "index" phase is what is left at the end.
  const streamed = config.system === 'project' ? new (await import('../src/search/article-index.ts')).ArticleIndex() : undefined;
  const kept = endBoot();

  let started = performance.now();
  let cpuStarted = cpuMs();
  const { articles, report } = await loadArticles(
    config.corpus,
    streamed ? { onArticle: (article, counted) => streamed.add(article, counted), numberTerm: (term) => streamed.numberTerm(term) } : {},
  );
  const { loadMs, afterLoad } = endLoad(started, cpuStarted, articles, report);
  result.phase = 'index';
  save();
  log(`load ${ms(loadMs)}: ${articles.length} articles, ${result.paragraphs} paragraphs, rss ${mb(afterLoad.rss)}`);

  started = performance.now();
  cpuStarted = cpuMs();
  streamed?.compact();
  const built = build(articles, streamed);
  result.phases.index = performance.now() - started;
  result.cpu.index = cpuMs() - cpuStarted;
  result.memory.afterIndex = memory();
  kept.afterIndex = retained();
  result.phase = 'first answer';
  save();
  log(`index ${ms(result.phases.index)}, rss ${mb(result.memory.afterIndex.rss)}`);

  const index = 'index' in built ? (built.index as ArticleIndex) : undefined;
  return {
    articles: () => index?.articles() ?? articles,
    ask: (question) => built.ask(question),
    summarize: summarizeArticle ?? ((article) => summarizeLead(article)),
    summarizer: summarizeArticle ? 'summarizeArticle' : 'Lead-3',
    ...(index ? { searchPassages: (query: string, limit: number) => index.searchPassages(query, { limit }) } : {}),
  };
}

/**
 * The project as the app starts it: `createAppState` with the article cache
 * and the saved index (its "load" phase is the whole of it: reading, parsing
 * or restoring, indexing, saving the caches).
 */
async function buildApp(): Promise<System> {
  const { createAppState } = await import('../src/app-state/create-app-state.ts');
  const { summarizeArticle } = await import('../src/summarize-article.ts');
  endBoot();
  const started = performance.now();
  const cpuStarted = cpuMs();
  const state = await createAppState({ articlesDir: config.corpus, ...(config.cachePath === undefined ? {} : { cachePath: config.cachePath }) });
  const { loadMs, afterLoad } = endLoad(started, cpuStarted, state.articles, state.report);
  result.phases.index = 0;
  result.cpu.index = 0;
  result.fromCache = state.report.fromCache ?? 0;
  result.indexFromCache = state.report.indexFromCache ?? 0;
  result.memory.afterIndex = afterLoad;
  result.phase = 'first answer';
  save();
  log(`app start ${ms(loadMs)}: ${state.reportLines[0]}`);
  return {
    articles: () => state.articles,
    ask: (question) => state.engine.ask(question),
    summarize: summarizeArticle,
    summarizer: 'summarizeArticle',
    // The app writes its caches once it answers: the questions are timed after that, not during it.
    afterFirstAnswer: async () => {
      const started = performance.now();
      const problems = await state.cachesSaved;
      result.cachesSavedMs = performance.now() - started;
      for (const problem of problems) log(`cache not saved: ${problem}`);
    },
  };
}

function record(answer: Answer): RecordedAnswer {
  return {
    answer: answer.answer,
    confidence: answer.confidence,
    top: answer.citations.slice(0, 3).map((c) => ({ articleId: c.articleId, paragraph: c.paragraph, start: c.start, end: c.end, quote: c.quote })),
  };
}

/** The newest article by date (ties: the first by id), as `/article latest` shows it. */
function findLatest(articles: Iterable<Article>): Article | undefined {
  let latest: Article | undefined;
  for (const article of articles) {
    if (article.date === null) continue;
    if (!latest || article.date > latest.date! || (article.date === latest.date && article.id < latest.id)) latest = article;
  }
  return latest;
}

async function main(): Promise<void> {
  const system = await buildSystem();
  const first = questions[0]?.question ?? 'What happened?';
  let started = performance.now();
  const cpuStarted = cpuMs();
  system.ask(first);
  result.phases.firstAnswer = performance.now() - started;
  result.cpu.firstAnswer = cpuMs() - cpuStarted;
  result.startupMs = performance.now();
  result.cpu.startup = cpuMs();
  result.phase = 'ask';
  save();
  log(`first answer ${ms(result.phases.firstAnswer)}; start-up ${ms(result.startupMs)}`);
  await system.afterFirstAnswer?.();

  const latencies: number[] = [];
  const answers: RecordedAnswer[] = [];
  result.askLatencies = latencies;
  result.answers = answers;
  const asked = questions.slice(0, config.maxQuestions ?? questions.length);
  const cpuLatencies: number[] = [];
  for (const { question } of asked) {
    started = performance.now();
    const cpuBefore = cpuMs();
    const answer = system.ask(question);
    latencies.push(performance.now() - started);
    cpuLatencies.push(cpuMs() - cpuBefore);
    answers.push(record(answer));
    // A slow system may be killed mid-way: what it answered so far is kept.
    if (latencies.length % SAVE_EVERY === 0) {
      result.ask = latencyStats(latencies);
      result.askCpu = latencyStats(cpuLatencies);
      save();
    }
  }
  result.ask = latencyStats(latencies);
  result.askCpu = latencyStats(cpuLatencies);
  result.memory.afterAsk = memory();
  if (result.retained) result.retained.afterAsk = retained();
  result.phase = 'latest';
  save();
  log(`ask p50 ${ms(result.ask.p50)}, p99 ${ms(result.ask.p99)}, max ${ms(result.ask.max)}`);

  const latestTimes: number[] = [];
  let latest: Article | undefined;
  let summary: Citation[] = [];
  for (let i = 0; i < LATEST_REPEATS; i++) {
    started = performance.now();
    latest = findLatest(system.articles());
    summary = latest ? system.summarize(latest) : [];
    latestTimes.push(performance.now() - started);
  }
  result.latest = {
    articleId: latest?.id ?? '',
    date: latest?.date ?? null,
    summarizer: system.summarizer,
    first: latestTimes[0] ?? NaN,
    p50: latencyStats(latestTimes).p50,
    summarySentences: summary.length,
  };

  if (config.profile && system.searchPassages) await profileSearch(system.searchPassages, latencies);
  result.memory.peakRss = process.resourceUsage().maxRSS * 1024;
  result.cpu.total = cpuMs();
  result.status = 'ok';
  result.phase = 'done';
  save();
  log(`latest ${ms(result.latest.p50)}; peak rss ${mb(result.memory.peakRss)}`);
}

/** How many passages each question's terms match, and what the passage search alone costs (it runs again here). */
async function profileSearch(searchPassages: NonNullable<System['searchPassages']>, askLatencies: number[]): Promise<void> {
  const { analyzeQuestion } = await import('../src/answer/analyze-question.ts');
  const matched: number[] = [];
  const searchMs: number[] = [];
  const sourceRanks: Array<number | null> = [];
  for (const { question, source } of questions.slice(0, askLatencies.length)) {
    const analysis = analyzeQuestion(question);
    const query = analysis.terms.join(' ') || analysis.question;
    const started = performance.now();
    searchPassages(query, 12);
    searchMs.push(performance.now() - started);
    const all = searchPassages(query, Number.MAX_SAFE_INTEGER);
    matched.push(all.length);
    sourceRanks.push(source === null ? null : all.findIndex((hit) => hit.articleId === source.articleId && hit.paragraph === source.paragraph));
  }
  const order = askLatencies.map((ms, i) => ({ ms, i })).sort((a, b) => b.ms - a.ms);
  result.search = {
    matchedPassages: latencyStats(matched),
    searchMs: latencyStats(searchMs),
    sourcePassageRanks: sourceRanks,
    slowest: order.slice(0, 8).map(({ ms, i }) => ({ question: questions[i]!.question, askMs: ms, searchMs: searchMs[i]!, matchedPassages: matched[i]! })),
  };
}

function ms(value: number): string {
  return value >= 1000 ? `${(value / 1000).toFixed(2)} s` : `${value.toFixed(1)} ms`;
}

function mb(bytes: number): string {
  return `${(bytes / 1048576).toFixed(0)} MB`;
}

await main();
