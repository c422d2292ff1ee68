/**
 * The evaluation harness: measures the answer engine and the summariser on
 * public data sets, beside plain baselines, in one run.
 *
 *   npm run eval -- <data folder> [--limit N] [--only xquad|bbc|news] [--half first|second] [--json out.json] [--show-misses]
 *
 * The data folder holds `xquad-dev/xquad-dev.json` and `bbc-news-summary/`
 * (in development: ../shared/data). The three news question sets
 * (`news-questions*.jsonl`, see NEWS_QUESTION_FILES), the follow-ups, the
 * statement questions (`news-statements*.jsonl`), the "where is" questions
 * (`news-where*.jsonl`) and the identity questions (`news-identity*.jsonl`)
 * are asked of the articles this repository ships. Nothing here is needed to build, run or
 * test the bot.
 */
import { statSync, existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import type { Article } from '../src/article.ts';
import type { Answer, Citation, SummaryLength } from '../src/answer/types.ts';
import { createSentenceSearchBaseline, summarizeLead, type QuestionAnswerer } from './baseline.ts';
import { evaluateQuestions, worstOutcomes } from './evaluate-questions.ts';
import { evaluateUnanswerable, type UnanswerableReport } from './evaluate-unanswerable.ts';
import { evaluateSummaries, meanGoldWords } from './evaluate-summaries.ts';
import { formatBbc, formatFollowUps, formatMisses, formatNews, formatOtherStories, formatRewritten, formatXquad, TARGETS, type BbcSection, type EvalReport, type FollowUpSection, type NewsSection, type OtherStoriesSection, type RewrittenSection, type XquadSection } from './eval-report.ts';
import { BBC_FOLDER, loadBbc, parsePlainTextFallback, type ParseArticleFile } from './load-bbc.ts';
import { loadOptionalExport } from './load-optional-export.ts';
import { loadNewsQuestions, NEWS_FOLLOW_UP_FILES, NEWS_IDENTITY_FILES, NEWS_QUESTION_FILES, NEWS_STATEMENT_FILES, NEWS_WHERE_FILES, type NewsQuestionFile } from './load-news-questions.ts';
import { loadXquad, XQUAD_FILE, type XquadQuestion } from './load-xquad.ts';
import { aliasNames, PARTICLE_GROUPS, swapNames } from './alias-names.ts';
import { roleQuestions } from './role-questions.ts';
import { createRespeller } from './respell-names.ts';
import { createAnswerEngine } from '../src/answer/create-answer-engine.ts';
import { loadArticles } from '../src/load-articles.ts';
import { spreadSample } from './spread-sample.ts';

const USAGE = `Usage: npm run eval -- <data folder> [--limit N] [--only xquad|bbc|news] [--half first|second] [--json out.json] [--show-misses]

  <data folder>   the folder holding xquad-dev/ and bbc-news-summary/ (in development: ../shared/data)
  --limit N       use N questions and N BBC articles, spread evenly over the sets (default: all)
  --only SET      run only xquad, bbc or news (the three sets of questions about the shipped articles in articles/)
  --half H        ask only the first or the second half of the XQuAD questions (a change tuned on one half is
                  checked on the other; every paragraph is still loaded)
  --json FILE     also write every figure as JSON to FILE
  --show-misses   print the engine's worst XQuAD and news misses to stderr`;

const MISSES_SHOWN = 10;

/** The engine's entry points, as the lead's modules will export them. */
type CreateAnswerEngine = (articles: Article[]) => { ask(question: string, options?: { articleId?: string }): Answer };
type SummarizeArticle = (article: Article, length: SummaryLength) => Citation[];

interface Options {
  data: string;
  limit: number | undefined;
  only: 'xquad' | 'bbc' | 'news' | undefined;
  half: 'first' | 'second' | undefined;
  json: string | undefined;
  showMisses: boolean;
}

class UsageError extends Error {}

function readOptions(argv: string[]): Options {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        limit: { type: 'string' },
        only: { type: 'string' },
        half: { type: 'string' },
        json: { type: 'string' },
        'show-misses': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const { values, positionals } = parsed;
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  if (positionals.length === 0) throw new UsageError('the data folder is missing');
  if (positionals.length > 1) throw new UsageError(`expected one data folder, got ${positionals.length}: ${positionals.join(' ')}`);
  const data = resolve(positionals[0]!);
  if (!existsSync(data) || !statSync(data).isDirectory()) throw new UsageError(`no such folder: ${positionals[0]}`);

  let limit: number | undefined;
  if (values.limit !== undefined) {
    if (!/^\d+$/.test(values.limit) || Number(values.limit) < 1) {
      throw new UsageError(`--limit expects a positive whole number, got "${values.limit}"`);
    }
    limit = Number(values.limit);
  }
  const only = values.only;
  if (only !== undefined && only !== 'xquad' && only !== 'bbc' && only !== 'news') throw new UsageError(`--only expects xquad, bbc or news, got "${only}"`);
  const half = values.half;
  if (half !== undefined && half !== 'first' && half !== 'second') throw new UsageError(`--half expects first or second, got "${half}"`);

  const needed = [
    ...(only === undefined || only === 'xquad' ? [XQUAD_FILE] : []),
    ...(only === undefined || only === 'bbc' ? [join(BBC_FOLDER, 'articles'), join(BBC_FOLDER, 'summaries')] : []),
  ];
  const missing = needed.filter((path) => !existsSync(join(data, path)));
  if (missing.length > 0) {
    throw new UsageError(`${positionals[0]} is not the data folder: it has no ${missing.join(', ')}`);
  }
  return { data, limit, only, half, json: values.json, showMisses: values['show-misses'] };
}

const progress = (message: string) => process.stderr.write(`eval: ${message}\n`);

async function runXquad(options: Options): Promise<XquadSection> {
  progress('XQuAD: loading');
  const file = join(options.data, XQUAD_FILE);
  const set = await loadXquad(file);
  const sampled = options.limit === undefined ? set.questions : spreadSample(set.questions, options.limit);
  const middle = Math.ceil(sampled.length / 2);
  const questions = options.half === 'first' ? sampled.slice(0, middle) : options.half === 'second' ? sampled.slice(middle) : sampled;

  progress(`XQuAD: baseline on ${questions.length} questions`);
  const baseline = evaluateQuestions(() => createSentenceSearchBaseline(set.articles), questions);

  const engineExport = await loadOptionalExport<CreateAnswerEngine>('src/answer/create-answer-engine.ts', 'createAnswerEngine');
  let engine: XquadSection['engine'];
  let unanswerable: UnanswerableReport | undefined;
  let misses = { system: 'baseline on XQuAD (the engine is not built yet)', outcomes: baseline.outcomes };
  if (engineExport.ok) {
    progress(`XQuAD: engine on ${questions.length} questions`);
    const createEngine = engineExport.value;
    const result = evaluateQuestions(() => createEngine(set.articles), questions);
    engine = result.report;
    misses = { system: 'engine on XQuAD', outcomes: result.outcomes };
    progress('XQuAD: engine with each question\'s source article removed');
    unanswerable = evaluateUnanswerable((articles) => createEngine(articles), set.articles, questions);
    const firstError = result.outcomes.find((o) => o.error !== undefined);
    if (firstError !== undefined) progress(`XQuAD: engine threw on "${firstError.question.question}": ${firstError.error}`);
  } else {
    engine = { unavailable: engineExport.reason };
  }
  if (options.showMisses) {
    process.stderr.write(`\n${formatMisses(misses.system, worstOutcomes(misses.outcomes, MISSES_SHOWN))}\n\n`);
  }
  return {
    file,
    articles: set.articles.length,
    questionsAvailable: set.questions.length,
    engine,
    baseline: baseline.report,
    ...(unanswerable ? { unanswerable } : {}),
  };
}

async function runNews(options: Options): Promise<{ sets: NewsSection[]; respelled: RewrittenSection; aliased: RewrittenSection; particles: RewrittenSection; lowerCase: RewrittenSection; followUps: FollowUpSection[]; otherStories: OtherStoriesSection }> {
  progress('news: loading the shipped articles');
  const folder = fileURLToPath(new URL('../articles', import.meta.url));
  const { articles } = await loadArticles(folder);
  const sections: NewsSection[] = [];
  const read: XquadQuestion[] = [];
  for (const questionFile of NEWS_QUESTION_FILES) {
    const { section, questions } = await runNewsSet(options, articles, folder, questionFile);
    if (questionFile.name !== 'third set') read.push(...questions);
    sections.push(section);
  }
  for (const questionFile of NEWS_STATEMENT_FILES) sections.push((await runNewsSet(options, articles, folder, questionFile)).section);
  for (const questionFile of NEWS_WHERE_FILES) {
    const anyArticle = '"where is X?": the golds are every location phrase any article gives for X; the questions no article answers name places no article names';
    sections.push({ ...(await runNewsSet(options, articles, folder, questionFile)).section, anyArticle });
  }
  for (const questionFile of NEWS_IDENTITY_FILES) {
    const { section, questions } = await runNewsSet(options, articles, folder, questionFile);
    sections.push({ ...section, anyArticle: '"who is X?" / "what is X?": the golds are every description any article gives of X; the questions no article answers name someone no article names, or names without saying who they are' });
    // The same set turned around: "who is the UN Special Envoy for Syria?" for each description it gives.
    const roles = roleQuestions(questions);
    progress(`news, ${questionFile.name} turned around: baseline and engine on ${roles.length} questions`);
    sections.push({
      ...section,
      set: `${questionFile.name}, turned around ("who is the <description>?")`,
      engine: evaluateQuestions(() => createAnswerEngine(articles), roles).report,
      baseline: evaluateQuestions(() => createSentenceSearchBaseline(articles), roles).report,
      unanswerable: { questions: 0, abstentionRate: 0, confidentRate: 0 },
      anyArticle: 'made from the set\'s "who is X?" questions, one for each description of two words or more holding a capital (eval/role-questions.ts); the gold is X',
    });
  }
  const respell = createRespeller(articles);
  const byId = new Map(articles.map((article) => [article.id, article]));
  const withAliases = (question: XquadQuestion) => {
    const article = byId.get(question.articleId);
    return article === undefined ? null : (aliasNames(question.question, article)?.question ?? null);
  };
  return {
    sets: sections,
    respelled: runRewritten(articles, read, (question) => respell(question.question)?.question ?? null, {
      rewrite: 'names respelled',
      which: 'other shipped articles spell otherwise ("Raqa" for "Raqqa")',
      note: 'respelled by eval/respell-names.ts (a looser rule than the engine\'s: some pairs are different names, "Daraa" / "Daraya", on which abstaining is right)',
    }),
    aliased: runRewritten(articles, read, withAliases, {
      rewrite: 'names swapped for aliases',
      which: 'have an alias the answer\'s article does not write ("Daesh" for "ISIS", "Syrian Democratic Forces" for "SDF")',
      note: 'aliases from the hand-made list of eval/alias-names.ts, which the engine never reads: it finds aliases in the articles\' text',
    }),
    particles: runRewritten(articles, read, (question) => {
      const article = byId.get(question.articleId);
      return article === undefined ? null : (swapNames(question.question, article, PARTICLE_GROUPS, 'iu')?.question ?? null);
    }, {
      rewrite: 'the particle of a name written otherwise',
      which: 'follow Arabic\'s article, which the answer\'s article writes otherwise ("Deir ez-Zor" for "Deir Ezzor")',
      note: 'writings from the hand-made list PARTICLE_GROUPS of eval/alias-names.ts, which the engine never reads',
    }),
    lowerCase: runRewritten(articles, read, (question) => (question.question === question.question.toLowerCase() ? null : question.question.toLowerCase()), {
      rewrite: 'every word in lower case',
      which: 'hold a capital letter, typed all in lower case as in a chat ("how many died in raqqa")',
      note: 'the questions\' own words, lower-cased',
    }),
    followUps: await Promise.all(NEWS_FOLLOW_UP_FILES.map((file) => runFollowUps(options, articles, folder, file))),
    otherStories: await runOtherStories(articles, read),
  };
}

/** One news question set, asked of all the shipped articles: the engine and the baseline, and its questions no article answers. */
async function runNewsSet(options: Options, articles: readonly Article[], folder: string, { name, file, use }: NewsQuestionFile): Promise<{ section: NewsSection; questions: XquadQuestion[] }> {
  const set = await loadNewsQuestions(file);
  const questions = options.limit === undefined ? set.answerable : spreadSample(set.answerable, options.limit);
  progress(`news, ${name}: baseline and engine on ${questions.length} questions, and ${set.unanswerable.length} that no article answers`);
  const baseline = evaluateQuestions(() => createSentenceSearchBaseline(articles), questions);
  const result = evaluateQuestions(() => createAnswerEngine(articles), questions);
  const unanswered = set.unanswerable.map(({ question }) => result.system.ask(question));
  if (options.showMisses) {
    process.stderr.write(`\n${formatMisses(`engine on the news questions, ${name}`, worstOutcomes(result.outcomes, MISSES_SHOWN))}\n\n`);
  }
  const section: NewsSection = {
    set: name,
    file: `eval/${basename(fileURLToPath(file))}`,
    use,
    folder,
    articles: articles.length,
    engine: result.report,
    baseline: baseline.report,
    unanswerable: {
      questions: unanswered.length,
      abstentionRate: unanswered.length === 0 ? 0 : unanswered.filter((a) => a.answer === null).length / unanswered.length,
      confidentRate: unanswered.length === 0 ? 0 : unanswered.filter((a) => a.answer !== null && (a.confidence === 'high' || a.confidence === 'medium')).length / unanswered.length,
    },
  };
  return { section, questions };
}

/**
 * The read news questions, about other stories, each asked in the conversation of one of the first follow-up set's
 * articles in turn, and in none.
 */
async function runOtherStories(articles: readonly Article[], questions: readonly XquadQuestion[]): Promise<OtherStoriesSection> {
  const conversations = [...new Set((await loadNewsQuestions(NEWS_FOLLOW_UP_FILES[0]!.file)).answerable.map((question) => question.articleId))];
  const inConversation = new Map(questions.map((question, i) => [question, { currentArticleId: conversations[i % conversations.length]! }]));
  progress(`news, other stories: engine on ${questions.length} questions in and out of an unrelated conversation`);
  const engine = createAnswerEngine(articles);
  return {
    inConversation: evaluateQuestions(() => engine, questions, (question) => inConversation.get(question) ?? {}).report,
    withoutConversation: evaluateQuestions(() => engine, questions).report,
  };
}

/**
 * A set of follow-up questions, each asked in a conversation whose current article is the one it is about, beside
 * the engine asked without that conversation and the plain search of the current article alone.
 */
async function runFollowUps(options: Options, articles: readonly Article[], folder: string, { name, file, use }: NewsQuestionFile): Promise<FollowUpSection> {
  const set = await loadNewsQuestions(file);
  const questions = options.limit === undefined ? set.answerable : spreadSample(set.answerable, options.limit);
  const unanswerable = set.unanswerable.filter((entry): entry is { question: string; articleId: string } => entry.articleId !== null);
  progress(`news, ${name}: engine in and out of conversation and baseline on ${questions.length} questions, and ${unanswerable.length} their article does not answer`);
  const engine = createAnswerEngine(articles);
  const inConversation = (question: XquadQuestion) => ({ currentArticleId: question.articleId });
  const unanswered = unanswerable.map(({ question, articleId }) => ({ articleId, answer: engine.ask(question, { currentArticleId: articleId }) }));
  const share = (count: number) => (unanswered.length === 0 ? 0 : count / unanswered.length);
  const answered = unanswered.filter(({ answer }) => answer.answer !== null);
  return {
    set: name,
    use,
    file: `eval/${basename(fileURLToPath(file))}`,
    folder,
    articles: articles.length,
    inConversation: evaluateQuestions(() => engine, questions, inConversation).report,
    withoutConversation: evaluateQuestions(() => engine, questions).report,
    baseline: evaluateQuestions(() => createSentenceSearchBaseline(articles), questions, inConversation).report,
    unanswerable: {
      questions: unanswered.length,
      abstentionRate: share(unanswered.length - answered.length),
      confidentRate: share(answered.filter(({ answer }) => answer.confidence === 'high' || answer.confidence === 'medium').length),
      otherArticleRate: share(answered.filter(({ articleId, answer }) => answer.citations[0]?.articleId !== articleId).length),
    },
  };
}

/** The read news questions that `rewrite` rewrites (null for the others), asked as written and rewritten. */
function runRewritten(articles: readonly Article[], questions: readonly XquadQuestion[], rewrite: (question: XquadQuestion) => string | null, what: Pick<RewrittenSection, 'rewrite' | 'which' | 'note'>): RewrittenSection {
  const pairs = questions.flatMap((question) => {
    const rewritten = rewrite(question);
    return rewritten === null ? [] : [{ asked: question, rewritten: { ...question, question: rewritten } }];
  });
  progress(`news, ${what.rewrite}: engine and baseline on ${pairs.length} questions`);
  const engine = createAnswerEngine(articles);
  const asked = evaluateQuestions(() => engine, pairs.map((pair) => pair.asked));
  const rewritten = evaluateQuestions(() => engine, pairs.map((pair) => pair.rewritten));
  const baseline = evaluateQuestions(() => createSentenceSearchBaseline(articles), pairs.map((pair) => pair.rewritten));
  return { ...what, questions: pairs.length, asked: asked.report, rewritten: rewritten.report, baseline: baseline.report };
}

async function runBbc(options: Options): Promise<BbcSection> {
  const folder = join(options.data, BBC_FOLDER);
  const parserExport = await loadOptionalExport<ParseArticleFile>('src/parse/parse-article-file.ts', 'parseArticleFile');
  const parse = parserExport.ok ? parserExport.value : parsePlainTextFallback;
  const parser = parserExport.ok
    ? 'the project parser, parseArticleFile'
    : `the harness's plain-text stand-in (${parserExport.reason})`;
  progress(`BBC: loading articles with ${parserExport.ok ? 'the project parser' : "the harness's stand-in parser"}`);
  const set = await loadBbc(folder, parse, options.limit);

  progress(`BBC: Lead-3 on ${set.items.length} articles`);
  const lead3 = evaluateSummaries((article) => summarizeLead(article, 3), set.items);

  const summarizeExport = await loadOptionalExport<SummarizeArticle>('src/summarize-article.ts', 'summarizeArticle');
  let engine: BbcSection['engine'];
  if (summarizeExport.ok) {
    progress(`BBC: engine on ${set.items.length} articles`);
    const summarize = summarizeExport.value;
    engine = evaluateSummaries((article) => summarize(article, 'default'), set.items);
  } else {
    engine = { unavailable: summarizeExport.reason };
  }
  return {
    folder,
    articlesAvailable: set.available,
    articlesScored: set.items.length,
    skipped: set.skipped,
    parser,
    meanGoldWords: meanGoldWords(set.items),
    engine,
    lead3,
  };
}

async function main(): Promise<void> {
  let options: Options;
  try {
    options = readOptions(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`eval: ${error.message}\n\n${USAGE}\n`);
    process.exit(2);
  }
  const started = performance.now();
  const report: EvalReport = {
    data: options.data,
    startedAt: new Date().toISOString(),
    runTimeSeconds: 0,
    limit: options.limit ?? null,
    half: options.half ?? null,
    targets: TARGETS,
  };
  const sections: string[] = [];
  if (options.only === undefined || options.only === 'xquad') {
    report.xquad = await runXquad(options);
    sections.push(formatXquad(report.xquad));
  }
  if (options.only === undefined || options.only === 'news') {
    const news = await runNews(options);
    report.news = news.sets;
    report.respelled = news.respelled;
    report.aliased = news.aliased;
    report.particles = news.particles;
    report.lowerCase = news.lowerCase;
    report.followUps = news.followUps;
    report.otherStories = news.otherStories;
    sections.push(...news.sets.map(formatNews), formatRewritten(news.respelled), formatRewritten(news.aliased), formatRewritten(news.particles), formatRewritten(news.lowerCase), ...news.followUps.map(formatFollowUps), formatOtherStories(news.otherStories));
  }
  if (options.only === undefined || options.only === 'bbc') {
    report.bbc = await runBbc(options);
    sections.push(formatBbc(report.bbc));
  }
  report.runTimeSeconds = (performance.now() - started) / 1000;
  console.log(`\n${sections.join('\n\n\n')}\n\nRun time: ${report.runTimeSeconds.toFixed(1)} s`);
  if (options.json !== undefined) {
    await writeFile(options.json, `${JSON.stringify(report, null, 2)}\n`);
    progress(`figures written to ${options.json}`);
  }
}

await main();
