/**
 * The scale benchmark: start-up, memory, /ask latency, /article latest and
 * answer consistency of the project against a plain sentence-search
 * baseline, at growing corpus sizes.
 *
 *   npm run bench -- [--data <path to shared/data>] [--sizes 1000,10000,100000] [--questions N] [--keep] [--json out.json]
 *
 * For each size it generates a corpus under the cache folder (or reuses one
 * kept from an earlier run: the folder is keyed by size, seed and the source
 * texts), then measures each system in a fresh child process
 * (bench-child.ts), killed when over its time budget. Corpora are deleted at
 * the end unless --keep. Nothing here is needed to build, run or test the bot.
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, platform, release, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { SYSTEM_CHOICES, type ChildConfig, type ChildResult, type MemorySample, type RecordedAnswer, type SystemName } from './bench-types.ts';
import { DEFAULT_SEED, PLANTED_ARTICLES, prepareCorpus, type CorpusManifest } from './generate-corpus.ts';
import { loadSourceTexts, type SourcePool } from './load-source-texts.ts';
import { hashString } from './seeded-random.ts';
import { GENERIC_QUESTIONS, makeQuestions, type BenchQuestion } from './make-questions.ts';
import { formatProfileSummary, summarizeCpuProfile, type CpuProfile, type ProfileSummary } from './summarize-cpu-profile.ts';
import { APP_DIST, buildApp, describeBuildError } from '../scripts/build-app.mjs';

// Profiling runs ask fewer questions: each one is searched twice more there, once without a limit.
const PROFILE_QUESTIONS = 60;

const USAGE = `Usage: npm run bench -- [--data <path to shared/data>] [--sizes 1000,10000,100000] [--questions N] [--keep] [--json out.json]

  --data DIR            also recombine the BBC News Summary and FA-KES texts (in development: ../shared/data)
  --sizes LIST          corpus sizes in articles (default 1000,10000); 1,000 is always run: it is the reference
  --questions N         questions made from the planted articles (default 200), plus ${GENERIC_QUESTIONS.length} fixed generic ones
  --systems LIST        project,baseline,app (default all three); app is the project started as the app starts it
                        (createAppState with its caches), twice per size: cold (writing the caches), then warm
  --baseline-up-to N    run the baseline only for sizes up to N (default: all sizes)
  --seed S              corpus and question seed (default ${DEFAULT_SEED})
  --timeout-min M       time budget of each child process (default 15)
  --heap-mb MB          --max-old-space-size for the children (default: Node's own limit)
  --profile             also run the project once more per size with --cpu-prof and forced GCs (first ${PROFILE_QUESTIONS} questions), and summarise where time and memory go
  --profile-sizes LIST  the same, for these sizes only
  --profile-only        only the profiling runs
  --keep                keep the generated corpora (and profiles) in the cache folder for the next run
  --cache-dir DIR       where corpora are generated (default /tmp/news-desk-bench)
  --json FILE           also write every figure as JSON to FILE`;

const PROJECT_ROOT = resolve(import.meta.dirname, '..');
const CHILD = join(import.meta.dirname, 'bench-child.ts');
// The measured runs start from a bundle of the child, as `npm start` starts the app from its bundle (scripts/build-app.mjs).
const CHILD_BUNDLE_DIR = join(APP_DIST, 'bench');
const CHILD_ENTRIES = { 'bench-child': 'bench/bench-child.ts', 'parse-worker': 'src/load/parse-worker.ts' };
const REFERENCE_SIZE = PLANTED_ARTICLES;
// PASSAGES_TO_RANK in src/answer/create-answer-engine.ts (not exported): how many passages the engine reads per question.
const ENGINE_PASSAGES = 12;

interface Options {
  data: string | undefined;
  sizes: number[];
  questions: number;
  systems: SystemName[];
  baselineUpTo: number;
  seed: number;
  timeoutMs: number;
  heapMb: number | undefined;
  /** Sizes to profile. */
  profile: number[];
  profileOnly: boolean;
  keep: boolean;
  cacheDir: string;
  json: string | undefined;
}

class UsageError extends Error {}

function readOptions(argv: string[]): Options {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        data: { type: 'string' },
        sizes: { type: 'string' },
        questions: { type: 'string' },
        systems: { type: 'string' },
        'baseline-up-to': { type: 'string' },
        seed: { type: 'string' },
        'timeout-min': { type: 'string' },
        'heap-mb': { type: 'string' },
        profile: { type: 'boolean' },
        'profile-sizes': { type: 'string' },
        'profile-only': { type: 'boolean' },
        keep: { type: 'boolean' },
        'cache-dir': { type: 'string' },
        json: { type: 'string' },
        help: { type: 'boolean' },
      },
    }));
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  if (values.help) throw new UsageError('');
  const positive = (name: string, text: string | undefined, fallback: number) => {
    if (text === undefined) return fallback;
    const value = Number(text.replace(/_/g, ''));
    if (!Number.isFinite(value) || value <= 0) throw new UsageError(`--${name} must be a positive number, got "${text}"`);
    return value;
  };
  const sizes = (values.sizes ?? '1000,10000').split(',').map((s) => positive('sizes', s.trim(), 0));
  if (sizes.some((s) => !Number.isInteger(s))) throw new UsageError(`--sizes must be whole numbers, got "${values.sizes}"`);
  const profileSizes = values['profile-sizes'] === undefined ? (values.profile ? sizes : []) : values['profile-sizes'].split(',').map((s) => positive('profile-sizes', s.trim(), 0));
  const choices = (values.systems ?? SYSTEM_CHOICES.join(',')).split(',').map((s) => s.trim());
  for (const choice of choices) {
    if (!(SYSTEM_CHOICES as readonly string[]).includes(choice)) throw new UsageError(`--systems: unknown system "${choice}" (expected ${SYSTEM_CHOICES.join(', ')})`);
  }
  const systems = choices.flatMap((choice): SystemName[] => (choice === 'app' ? ['app-cold', 'app-warm'] : [choice as SystemName]));
  return {
    data: values.data === undefined ? undefined : resolve(values.data),
    sizes: [...new Set([REFERENCE_SIZE, ...sizes])].sort((a, b) => a - b),
    questions: Math.round(positive('questions', values.questions, 200)),
    systems,
    baselineUpTo: positive('baseline-up-to', values['baseline-up-to'], Infinity),
    seed: Math.round(positive('seed', values.seed, DEFAULT_SEED)),
    timeoutMs: positive('timeout-min', values['timeout-min'], 15) * 60_000,
    heapMb: values['heap-mb'] === undefined ? undefined : Math.round(positive('heap-mb', values['heap-mb'], 0)),
    profile: profileSizes,
    profileOnly: values['profile-only'] ?? false,
    keep: values.keep ?? false,
    cacheDir: resolve(values['cache-dir'] ?? '/tmp/news-desk-bench'),
    json: values.json,
  };
}

/** How a child process ended. */
interface ChildOutcome {
  status: 'ok' | 'timeout' | 'crashed';
  result: ChildResult | null;
  exitCode: number | null;
  signal: string | null;
  wallMs: number;
  /** The last lines it wrote to stderr (the reason of a crash). */
  stderrTail: string[];
  /** Cores kept busy by other processes during the run, on average (Linux; null elsewhere): a warning that timings are inflated. */
  otherLoad: number | null;
  /** {@link cpuSpeedProbe} just before the run: how quick the machine was then. */
  probeNs: number;
}

interface Run {
  size: number;
  system: SystemName;
  outcome: ChildOutcome;
  quality: Quality | null;
}

/** Answer quality on the planted questions: shares of the questions compared. */
interface Quality {
  /** Planted questions whose source article is in this corpus. */
  asked: number;
  /** The top citation is the question's own source sentence. */
  fromSource: number;
  /**
   * The top citation is the source sentence or the same words in another
   * article: the source texts (FA-KES above all) hold wire copy that several
   * outlets ran word for word, and quoting another outlet's copy of the
   * sentence is as right as quoting the planted one.
   */
  sourceWords: number;
  /** The source sentence is among the first three citations. */
  inTop3: number;
  /** Questions also asked at the reference size (source article present in both). */
  compared: number;
  /** The top citation is the same sentence as at the reference size (or both have none). */
  sameSentence: number;
  /** The top citation is from the same article as at the reference size. */
  sameArticle: number;
  /** The same short answer with the same confidence as at the reference size. */
  sameAnswer: number;
}

let activeChild: ReturnType<typeof spawn> | null = null;
const cleanups: Array<() => void> = [];

async function main(argv: string[]): Promise<number> {
  let options: Options;
  try {
    options = readOptions(argv);
  } catch (error) {
    if (error instanceof UsageError) {
      if (error.message) console.error(error.message);
      console.error(USAGE);
      return 2;
    }
    throw error;
  }
  const log = (message: string) => process.stderr.write(`${message}\n`);
  mkdirSync(options.cacheDir, { recursive: true });
  const work = mkdtempSync(join(options.cacheDir, 'run-'));
  cleanups.push(() => rmSync(work, { recursive: true, force: true }));

  const sourceAtStart = sourceState();
  try {
    await buildApp({ outDir: CHILD_BUNDLE_DIR, entries: CHILD_ENTRIES });
  } catch (error) {
    log(`The bench does not build:\n${describeBuildError(error)}`);
    return 1;
  }
  const pool = await loadSourceTexts({ dataFolder: options.data });
  log(
    `Source texts: ${pool.texts.length} (${pool.counts.bundled} bundled, ${pool.counts.bbc} BBC, ${pool.counts['fa-kes']} FA-KES), ` +
      `${pool.paragraphCount} paragraphs, ${(pool.characterCount / 1e6).toFixed(1)} M characters; fingerprint ${pool.fingerprint}`,
  );

  const corpora = new Map<number, { folder: string; manifest: CorpusManifest; reused: boolean; ms: number }>();
  const corpusOf = (size: number) => {
    const known = corpora.get(size);
    if (known) return known;
    const started = performance.now();
    log(`Corpus of ${size} articles…`);
    const prepared = prepareCorpus({
      count: size,
      seed: options.seed,
      pool,
      cacheRoot: options.cacheDir,
      onProgress: (done, total) => {
        if (done % 10_000 === 0 || done === total) log(`  ${done}/${total} written`);
      },
    });
    const entry = { ...prepared, ms: performance.now() - started };
    if (!options.keep) cleanups.push(() => rmSync(prepared.folder, { recursive: true, force: true }));
    log(`  ${prepared.reused ? 'reused' : 'generated'} ${prepared.folder}: ${(prepared.manifest.bytes / 1e6).toFixed(1)} MB in ${(entry.ms / 1000).toFixed(1)} s`);
    corpora.set(size, entry);
    return entry;
  };

  // The questions come from the reference corpus's planted articles, the same in every size.
  const reference = corpusOf(REFERENCE_SIZE);
  const questions = await makeQuestions(reference.folder, reference.manifest, options.questions, options.seed, pool);
  const questionsFile = join(work, 'questions.json');
  writeFileSync(questionsFile, JSON.stringify(questions));
  const planted = questions.filter((q) => q.source !== null).length;
  log(`Questions: ${questions.length} (${planted} from planted articles, ${questions.length - planted} generic)`);

  const runs: Run[] = [];
  const profiles: Array<{ size: number; summary: ProfileSummary | null; result: ChildResult | null; file: string | null }> = [];
  for (const size of options.sizes) {
    const corpus = corpusOf(size);
    for (const system of options.profileOnly ? [] : options.systems) {
      if (system === 'baseline' && size > options.baselineUpTo) continue;
      log(`[${system} ${size}] starting`);
      // The app's caches: written by app-cold from nothing, read back by app-warm.
      const cacheFolder = join(work, `app-cache-${size}`);
      if (system === 'app-cold') rmSync(cacheFolder, { recursive: true, force: true });
      const cachePath = system.startsWith('app-') ? { cachePath: join(cacheFolder, 'articles.json') } : {};
      const outcome = await runChild({ system, corpus: corpus.folder, questionsFile, outFile: join(work, `${system}-${size}.json`), profile: false, ...cachePath }, options, []);
      log(`[${system} ${size}] ${describeOutcome(outcome, options)}`);
      runs.push({ size, system, outcome, quality: null });
    }
    if (options.profile.includes(size) && options.systems.includes('project')) {
      const profileDir = join(options.keep ? options.cacheDir : work, `profile-n${size}`);
      rmSync(profileDir, { recursive: true, force: true });
      mkdirSync(profileDir, { recursive: true });
      log(`[project ${size}, profiling] starting`);
      const outcome = await runChild(
        { system: 'project', corpus: corpus.folder, questionsFile, outFile: join(work, `profile-${size}.json`), profile: true, maxQuestions: PROFILE_QUESTIONS },
        options,
        ['--cpu-prof', `--cpu-prof-dir=${profileDir}`, '--expose-gc'],
      );
      log(`[project ${size}, profiling] ${describeOutcome(outcome, options)}`);
      const file = readdirSync(profileDir).find((name) => name.endsWith('.cpuprofile'));
      const summary = file ? summarizeCpuProfile(JSON.parse(readFileSync(join(profileDir, file), 'utf8')) as CpuProfile, 30) : null;
      profiles.push({ size, summary, result: outcome.result, file: file && options.keep ? join(profileDir, file) : null });
    }
  }

  for (const run of runs) {
    const referenceRun = runs.find((r) => r.system === run.system && r.size === REFERENCE_SIZE);
    run.quality = measureQuality(run, referenceRun, questions, corpora.get(run.size)!.manifest);
  }

  const sourceAtEnd = sourceState();
  const lines = formatReport(sourceAtStart, sourceAtEnd, options, pool, questions, corpora, runs);
  for (const profile of profiles) lines.push('', ...formatProfile(profile.size, profile.summary, profile.result, profile.file, questions));
  console.log(lines.join('\n'));

  if (options.json !== undefined) {
    const json = {
      machine: machine(),
      source: { atStart: sourceAtStart, atEnd: sourceAtEnd },
      options: { ...options, baselineUpTo: Number.isFinite(options.baselineUpTo) ? options.baselineUpTo : null },
      sources: { counts: pool.counts, paragraphs: pool.paragraphCount, characters: pool.characterCount, fingerprint: pool.fingerprint },
      corpora: [...corpora].map(([size, c]) => ({ size, folder: c.folder, bytes: c.manifest.bytes, reused: c.reused, generateMs: c.ms, distinctOutlets: c.manifest.distinctOutlets, years: c.manifest.years })),
      questions,
      runs: runs.map((r) => ({ size: r.size, system: r.system, status: r.outcome.status, wallMs: r.outcome.wallMs, otherLoad: r.outcome.otherLoad, probeNs: r.outcome.probeNs, exitCode: r.outcome.exitCode, signal: r.outcome.signal, stderrTail: r.outcome.stderrTail, quality: r.quality, result: r.outcome.result })),
      profiles,
    };
    writeFileSync(options.json, JSON.stringify(json, null, 2));
    log(`Wrote ${options.json}`);
  }
  return 0;
}

/** Runs one child process within the time budget. */
function runChild(config: ChildConfig, options: Options, nodeFlags: string[]): Promise<ChildOutcome> {
  const configFile = config.outFile.replace(/\.json$/, '.config.json');
  writeFileSync(configFile, JSON.stringify(config));
  rmSync(config.outFile, { force: true });
  const flags = [...nodeFlags, ...(options.heapMb === undefined ? [] : [`--max-old-space-size=${options.heapMb}`])];
  const started = performance.now();
  const probeNs = cpuSpeedProbe();
  const busyBefore = busyCpuSeconds();
  return new Promise((resolvePromise) => {
    // A profiling run goes through tsx, so that its profile names the project's files and lines.
    const entry = config.profile ? ['--import', 'tsx', CHILD] : [join(CHILD_BUNDLE_DIR, 'bench-child.mjs')];
    const child = spawn(process.execPath, [...flags, ...entry, configFile], { cwd: PROJECT_ROOT, stdio: ['ignore', 'inherit', 'pipe'] });
    activeChild = child;
    const tail: string[] = [];
    let timedOut = false;
    const label = `[${config.system} ${config.profile ? 'profiling ' : ''}${config.corpus.match(/corpus-n(\d+)/)?.[1] ?? ''}]`;
    let pending = '';
    child.stderr!.setEncoding('utf8');
    child.stderr!.on('data', (chunk: string) => {
      pending += chunk;
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) {
        process.stderr.write(`  ${label} ${line}\n`);
        tail.push(line);
        if (tail.length > 12) tail.shift();
      }
    });
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, options.timeoutMs);
    child.on('close', (exitCode, signal) => {
      clearTimeout(timer);
      activeChild = null;
      if (pending !== '') tail.push(pending);
      let result: ChildResult | null = null;
      try {
        result = JSON.parse(readFileSync(config.outFile, 'utf8')) as ChildResult;
      } catch {
        // No result file: it died before its first phase ended.
      }
      const status = timedOut ? 'timeout' : exitCode === 0 && result?.status === 'ok' ? 'ok' : 'crashed';
      const wallMs = performance.now() - started;
      const busyAfter = busyCpuSeconds();
      const childCpu = result?.cpu.total;
      // Only when the child reported its own CPU time to the end; otherwise its share cannot be told apart.
      const otherLoad = busyBefore === null || busyAfter === null || childCpu === undefined ? null : Math.max(0, (busyAfter - busyBefore - childCpu / 1000) / (wallMs / 1000));
      resolvePromise({ status, result, exitCode, signal, wallMs, stderrTail: tail, otherLoad, probeNs });
    });
  });
}

/** CPU seconds all cores have spent busy since boot, from /proc/stat (USER_HZ = 100); null where there is no /proc. */
function busyCpuSeconds(): number | null {
  try {
    const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
    const [user = 0, nice = 0, system = 0, , , irq = 0, softirq = 0, steal = 0] = fields;
    return (user + nice + system + irq + softirq + steal) / 100;
  } catch {
    return null;
  }
}

// The text the CPU probe reads: a million characters, flattened (JSON.parse makes one flat string).
const PROBE_TEXT: string = JSON.parse(JSON.stringify(Array.from({ length: 1_000_000 }, (_, i) => 'abcdefghij '[i % 11]).join('')));

/**
 * Nanoseconds per character of a loop summing a text's character codes
 * (the best of five passes), taken before each run. On this virtual machine
 * the host's other guests slow some work down by half or more, for seconds
 * or for an hour, which no load figure of the machine shows. A loop of
 * integer arithmetic alone did not show it (flat at 3.0–3.2 ns a step while
 * warm starts took 4.9 to 7.4 s); this one did, roughly: 1.8–2.1 ns with warm
 * starts of 4.9–5.0 s, 3.1–4.3 ns with 5.4–6.7 s, in five of six pairs (the
 * sixth slowed down after its probe). It is an indication, not a correction.
 */
function cpuSpeedProbe(): number {
  let best = Infinity;
  let sum = 0;
  for (let pass = 0; pass < 5; pass++) {
    const started = performance.now();
    for (let i = 0; i < PROBE_TEXT.length; i++) sum = (sum + PROBE_TEXT.charCodeAt(i)) | 0;
    best = Math.min(best, performance.now() - started);
  }
  // Kept observable, so that the loop is not optimised away.
  if (sum === 42) console.error('');
  return (best * 1e6) / PROBE_TEXT.length;
}

function describeOutcome(outcome: ChildOutcome, options: Options): string {
  const others = outcome.otherLoad === null ? '' : `; other processes kept ${outcome.otherLoad.toFixed(2)} cores busy on average`;
  if (outcome.status === 'ok') return `done in ${(outcome.wallMs / 1000).toFixed(1)} s${others}; CPU probe ${outcome.probeNs.toFixed(2)} ns a character`;
  return didNotFinish(outcome, options);
}

function didNotFinish(outcome: ChildOutcome, options: Options): string {
  const phase = outcome.result?.phase ?? 'boot';
  if (outcome.status === 'timeout') return `did not finish: killed after ${Math.round(options.timeoutMs / 60_000)} min, during ${phase}`;
  const oom = outcome.stderrTail.some((line) => /heap out of memory|Allocation failed/i.test(line));
  return `did not finish: ${oom ? 'out of memory' : `crashed (exit ${outcome.exitCode ?? outcome.signal})`} during ${phase}`;
}

function measureQuality(run: Run, reference: Run | undefined, questions: readonly BenchQuestion[], manifest: CorpusManifest): Quality | null {
  const answers = run.outcome.result?.answers;
  if (!answers) return null;
  const present = new Set(manifest.planted.map((p) => p.file));
  const referenceAnswers = reference?.outcome.result?.answers;
  const quality: Quality = { asked: 0, fromSource: 0, sourceWords: 0, inTop3: 0, compared: 0, sameSentence: 0, sameArticle: 0, sameAnswer: 0 };
  for (const [i, question] of questions.entries()) {
    const source = question.source;
    const answer = answers[i];
    if (source === null || answer === undefined || !present.has(source.articleId)) continue;
    quality.asked++;
    const isSource = (c: RecordedAnswer['top'][number]) => c.articleId === source.articleId && c.paragraph === source.paragraph && c.start < source.end && source.start < c.end;
    if (answer.top[0] && isSource(answer.top[0])) quality.fromSource++;
    const words = (text: string | undefined) => text?.replace(/\s+/gu, ' ').trim();
    if (answer.top[0] && (isSource(answer.top[0]) || (answer.top[0].quote !== undefined && words(answer.top[0].quote) === words(source.quote)))) quality.sourceWords++;
    if (answer.top.some(isSource)) quality.inTop3++;
    const before = referenceAnswers?.[i];
    if (before === undefined) continue;
    quality.compared++;
    const [now, then] = [answer.top[0], before.top[0]];
    if (now === undefined || then === undefined ? now === then : now.articleId === then.articleId && now.paragraph === then.paragraph && now.start === then.start) {
      quality.sameSentence++;
    }
    if (now?.articleId === then?.articleId) quality.sameArticle++;
    if (answer.answer === before.answer && answer.confidence === before.confidence) quality.sameAnswer++;
  }
  return quality;
}

/** The code measured: the commit, how many files under src/ differ from it (read-only git queries), and a hash of every file under src/. */
interface SourceState {
  commit: string;
  changedSrcFiles: number | null;
  srcHash: string;
}

function sourceState(): SourceState {
  const srcFolder = join(PROJECT_ROOT, 'src');
  let hash = 0;
  for (const file of (readdirSync(srcFolder, { recursive: true, encoding: 'utf8' }) as string[]).sort()) {
    try {
      hash = hashString(readFileSync(join(srcFolder, file), 'utf8'), hashString(file, hash));
    } catch {
      // A folder, or a file removed meanwhile.
    }
  }
  const srcHash = hash.toString(16).padStart(8, '0');
  try {
    const git = (...args: string[]) => execFileSync('git', args, { cwd: PROJECT_ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    const changed = git('status', '--porcelain', '--', 'src').split('\n').filter((line) => line !== '').length;
    return { commit: git('rev-parse', '--short', 'HEAD'), changedSrcFiles: changed, srcHash };
  } catch {
    return { commit: 'unknown', changedSrcFiles: null, srcHash };
  }
}

function machine() {
  const cpu = cpus();
  return {
    cores: cpu.length,
    cpu: cpu[0]?.model.trim() ?? 'unknown',
    ramGiB: totalmem() / 1024 ** 3,
    node: process.version,
    os: `${platform()} ${release()}`,
  };
}

const seconds = (ms: number | undefined) => (ms === undefined ? '—' : (ms / 1000).toFixed(ms < 10_000 ? 2 : 1));
const millis = (ms: number | undefined) => (ms === undefined ? '—' : ms < 10 ? ms.toFixed(2) : ms < 100 ? ms.toFixed(1) : ms.toFixed(0));
const megabytes = (bytes: number | undefined) => (bytes === undefined ? '—' : (bytes / 1048576).toFixed(0));
const share = (part: number, whole: number) => (whole === 0 ? '—' : `${((100 * part) / whole).toFixed(1)}%`);
const ratio = (a: number | undefined, b: number | undefined) => (a === undefined || b === undefined || b === 0 ? '—' : `${(a / b).toFixed(2)}×`);

function formatReport(
  source: SourceState,
  sourceAtEnd: SourceState,
  options: Options,
  pool: SourcePool,
  questions: readonly BenchQuestion[],
  corpora: ReadonlyMap<number, { manifest: CorpusManifest }>,
  runs: readonly Run[],
): string[] {
  const m = machine();
  const planted = questions.filter((q) => q.source !== null).length;
  const lines = [
    `### Scale benchmark`,
    '',
    `Machine: ${m.cores} cores (${m.cpu}), ${m.ramGiB.toFixed(1)} GiB RAM, Node ${m.node}, ${m.os}. ` +
      `Code: commit ${source.commit}${source.changedSrcFiles ? ` with ${source.changedSrcFiles} uncommitted changes under src/` : ''} (src hash ${source.srcHash}` +
      `${sourceAtEnd.srcHash === source.srcHash ? '' : `; **src/ changed during the run**, hash ${sourceAtEnd.srcHash} at the end`}). ` +
      `Corpus: seed ${options.seed}, recombined from ${pool.texts.length} real articles (${pool.counts.bundled} bundled, ${pool.counts.bbc} BBC, ${pool.counts['fa-kes']} FA-KES); ` +
      [...corpora].map(([size, c]) => `${size.toLocaleString('en')} articles = ${(c.manifest.bytes / 1e6).toFixed(1)} MB`).join(', ') +
      `. Questions: ${questions.length} (${planted} about the 1,000 planted articles, ${questions.length - planted} generic); each system in a fresh process, ` +
      `killed after ${Math.round(options.timeoutMs / 60_000)} min. Files were in the OS page cache (just written).`,
    '',
    '| articles | system | start-up s (CPU s) | boot / load / index / 1st answer s | peak RSS MB | /ask p50 ms (CPU) | /ask p99 ms (CPU) | /ask max ms | /article latest ms | top answer = source sentence | … or its words elsewhere | source in top 3 | same top sentence as at 1,000 | same top article as at 1,000 |',
    '|---:|---|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  const notes: string[] = [];
  for (const run of runs) {
    const r = run.outcome.result;
    const q = run.quality;
    const finished = run.outcome.status === 'ok';
    const answered = r?.askLatencies?.length ?? 0;
    const partial = r?.ask !== undefined && answered < questions.length ? '*' : '';
    if (partial) notes.push(`\\* ${run.system} at ${run.size.toLocaleString('en')}: over the ${answered} questions answered before it was stopped.`);
    if (r && r.phases.load !== undefined && r.articles !== run.size) notes.push(`${run.system} at ${run.size.toLocaleString('en')} loaded ${r.articles} articles of ${run.size} (${r.skipped} files skipped).`);
    const phases = r ? [r.phases.boot, r.phases.load, r.phases.index, r.phases.firstAnswer].map(seconds).join(' / ') : '—';
    const startup = finished ? `${seconds(r?.startupMs)} (${seconds(r?.cpu.startup)})` : `**${didNotFinish(run.outcome, options)}**`;
    if (run.outcome.otherLoad !== null && run.outcome.otherLoad >= 0.1) {
      notes.push(`${run.system} at ${run.size.toLocaleString('en')}: other processes kept ${run.outcome.otherLoad.toFixed(2)} of the ${cpus().length} cores busy on average during the run; wall times are inflated.`);
    }
    const latest = r?.latest ? `${millis(r.latest.p50)} (${r.latest.summarizer})` : '—';
    lines.push(
      `| ${run.size.toLocaleString('en')} | ${run.system} | ${startup} | ${phases} | ${megabytes(r?.memory.peakRss)} | ${millis(r?.ask?.p50)}${partial} (${millis(r?.askCpu?.p50)}) | ${millis(r?.ask?.p99)}${partial} (${millis(r?.askCpu?.p99)}) | ${millis(r?.ask?.max)}${partial} | ${latest} | ` +
        `${q ? `${share(q.fromSource, q.asked)} (${q.fromSource}/${q.asked})` : '—'} | ${q ? `${share(q.sourceWords, q.asked)} (${q.sourceWords}/${q.asked})` : '—'} | ${q ? share(q.inTop3, q.asked) : '—'} | ${q && run.size !== REFERENCE_SIZE ? share(q.sameSentence, q.compared) : '—'} | ${q && run.size !== REFERENCE_SIZE ? share(q.sameArticle, q.compared) : '—'} |`,
    );
  }

  if (notes.length > 0) lines.push('', ...notes);
  const probes = runs.map((run) => run.outcome.probeNs);
  if (probes.length > 0) {
    lines.push(
      '',
      `CPU probe before each run (a loop over a text's characters, ns a character; lower is quicker; an indication of how quick the machine was, not a correction): ${Math.min(...probes).toFixed(2)}–${Math.max(...probes).toFixed(2)}.`,
    );
  }
  lines.push(
    '',
    'Memory (MB): RSS at the end of each phase, and the peak RSS reached so far:',
    '',
    '| articles | system | after boot | after load (peak) | after index (peak) | after the questions (peak) |',
    '|---:|---|---:|---:|---:|---:|',
    ...runs.map(({ size, system, outcome }) => {
      const m = outcome.result?.memory;
      const at = (sample: MemorySample | undefined) => (sample ? `${megabytes(sample.rss)} (${megabytes(sample.maxRss)})` : '—');
      return `| ${size.toLocaleString('en')} | ${system} | ${megabytes(m?.afterBoot?.rss)} | ${at(m?.afterLoad)} | ${at(m?.afterIndex)} | ${at(m?.afterAsk)} |`;
    }),
  );
  const pairs = options.sizes
    .map((size) => ({ size, project: runs.find((r) => r.size === size && r.system === 'project'), baseline: runs.find((r) => r.size === size && r.system === 'baseline') }))
    .filter((p) => p.project && p.baseline);
  if (pairs.length > 0) {
    lines.push('', 'Project ÷ baseline (below 1× the project is faster or smaller):', '', '| articles | start-up | peak RSS | /ask p50 | /ask p99 |', '|---:|---:|---:|---:|---:|');
    for (const { size, project, baseline } of pairs) {
      const [p, b] = [project!.outcome.result, baseline!.outcome.result];
      const done = (run: Run | undefined) => run?.outcome.status === 'ok';
      lines.push(
        `| ${size.toLocaleString('en')} | ${done(project) && done(baseline) ? ratio(p?.startupMs, b?.startupMs) : '—'} | ${done(project) && done(baseline) ? ratio(p?.memory.peakRss, b?.memory.peakRss) : '—'} | ${ratio(p?.ask?.p50, b?.ask?.p50)} | ${ratio(p?.ask?.p99, b?.ask?.p99)} |`,
      );
    }
  }

  lines.push(
    '',
    `"Top answer = source sentence": share of the planted questions whose first citation is the sentence the question was made from ` +
      `(in one of the 1,000 planted articles, identical in every corpus); "… or its words elsewhere" also counts a first citation of the same ` +
      `words in another article (wire copy that several outlets ran word for word: the source texts hold such copies, and the larger corpora more of them). "Same top sentence / article as at 1,000": ` +
      `share of those questions whose first citation is the same sentence / from the same article as the same system's at 1,000 articles ` +
      `(no loss of answer quality means these stay near 100% and the first column does not drop).`,
  );
  const largest = runs.filter((r) => r.system === 'project').at(-1);
  if (largest) {
    const appRun = (system: SystemName) => runs.find((r) => r.system === system && r.size === largest.size);
    lines.push('', ...formatTargets(largest, runs.find((r) => r.system === 'project' && r.size === REFERENCE_SIZE), appRun('app-cold'), appRun('app-warm'), options));
  }
  return lines;
}

/** The project's targets at 100,000 articles, checked on the largest size run. */
function formatTargets(run: Run, reference: Run | undefined, appCold: Run | undefined, appWarm: Run | undefined, options: Options): string[] {
  const r = run.outcome.result;
  const ok = run.outcome.status === 'ok';
  const mark = (pass: boolean | undefined) => (pass === undefined ? '?' : pass ? '✓' : '✗');
  const fromSource = run.quality && run.quality.asked > 0 ? run.quality.fromSource / run.quality.asked : undefined;
  const fromSourceThen = reference?.quality && reference.quality.asked > 0 ? reference.quality.fromSource / reference.quality.asked : undefined;
  const words = run.quality && run.quality.asked > 0 ? run.quality.sourceWords / run.quality.asked : undefined;
  const wordsThen = reference?.quality && reference.quality.asked > 0 ? reference.quality.sourceWords / reference.quality.asked : undefined;
  const percent = (value: number | undefined) => (value === undefined ? '—' : `${(100 * value).toFixed(1)}%`);
  const startup = ok ? r?.startupMs : undefined;
  return [
    `Targets (project at 100,000 articles; checked here at ${run.size.toLocaleString('en')}):`,
    '',
    `- cold start ≤ 20 s: ${ok ? `${seconds(startup)} s` : didNotFinish(run.outcome, options)} ${mark(startup === undefined ? (ok ? undefined : false) : startup <= 20_000)}`,
    `- warm start ≤ 5 s: ${formatWarmStart(appCold, appWarm, options)}`,
    `- peak RSS ≤ 1.5 GB: ${megabytes(r?.memory.peakRss)} MB ${mark(ok && r?.memory.peakRss !== undefined ? r.memory.peakRss <= 1.5 * 1024 ** 3 : ok ? undefined : false)}`,
    `- /ask p99 ≤ 50 ms: ${millis(r?.ask?.p99)} ms ${mark(r?.ask ? r.ask.p99 <= 50 : undefined)}`,
    `- no loss of answer quality vs 1,000: top answer = source sentence ${percent(fromSource)} (at 1,000: ${percent(fromSourceThen)}), ` +
      `or its words elsewhere ${percent(words)} (at 1,000: ${percent(wordsThen)}), same top sentence ${run.quality ? share(run.quality.sameSentence, run.quality.compared) : '—'} ` +
      `${mark(fromSource === undefined || fromSourceThen === undefined ? undefined : fromSource >= fromSourceThen - 0.01)} (judged on the source sentence itself)`,
  ];
}

/** The app's restart from its caches, beside its first start (which wrote them). */
function formatWarmStart(cold: Run | undefined, warm: Run | undefined, options: Options): string {
  if (!warm) return 'not measured (run with --systems including app)';
  const r = warm.outcome.result;
  if (warm.outcome.status !== 'ok' || r?.startupMs === undefined) return `${didNotFinish(warm.outcome, options)} ✗`;
  const reused = `${(r.fromCache ?? 0).toLocaleString('en')} files from the article cache, ${(r.indexFromCache ?? 0).toLocaleString('en')} articles from the saved index`;
  const first = cold?.outcome.result?.startupMs === undefined ? '' : `; the first start, which wrote the caches, took ${seconds(cold.outcome.result.startupMs)} s, peak RSS ${megabytes(cold.outcome.result.memory.peakRss)} MB`;
  return `${seconds(r.startupMs)} s (app restarted with its caches: ${reused}; peak RSS ${megabytes(r.memory.peakRss)} MB${first}) ${r.startupMs <= 5_000 ? '✓' : '✗'}`;
}

function formatProfile(size: number, summary: ProfileSummary | null, result: ChildResult | null, file: string | null, questions: readonly BenchQuestion[]): string[] {
  const lines = [`### Where the project's time and memory go at ${size.toLocaleString('en')} articles (profiling run: --cpu-prof, forced GCs)`, ''];
  if (result) {
    const p = result.phases;
    lines.push(`Phases (slower than in the table because of the profiler): boot ${seconds(p.boot)} s, load ${seconds(p.load)} s, index ${seconds(p.index)} s, first answer ${seconds(p.firstAnswer)} s.`);
    const r = result.retained;
    if (r?.boot && r.afterLoad && r.afterIndex) {
      lines.push(
        `RSS after boot (modules, wink model): ${megabytes(result.memory.afterBoot?.rss)} MB. Live heap after a forced GC: after boot ${megabytes(r.boot.heapUsed)} MB, after load ${megabytes(r.afterLoad.heapUsed)} MB ` +
          `(articles: +${megabytes(r.afterLoad.heapUsed - r.boot.heapUsed)} MB for ${result.articles} articles, ${result.paragraphs} paragraphs), ` +
          `after index ${megabytes(r.afterIndex.heapUsed)} MB (index: +${megabytes(r.afterIndex.heapUsed - r.afterLoad.heapUsed)} MB); ` +
          `RSS then ${megabytes(r.afterIndex.rss)} MB; peak RSS after load ${megabytes(result.memory.afterLoad?.maxRss)} MB, after index ${megabytes(result.memory.afterIndex?.maxRss)} MB, ` +
          `after the questions ${megabytes(result.memory.afterAsk?.maxRss)} MB (live heap then, after a forced GC: ${megabytes(r.afterAsk?.heapUsed)} MB).`,
      );
    }
    if (result.search) {
      const s = result.search;
      lines.push(
        `Passage search per question: matched passages p50 ${s.matchedPassages.p50}, p90 ${s.matchedPassages.p90}, max ${s.matchedPassages.max}; ` +
          `searchPassages alone p50 ${millis(s.searchMs.p50)} ms, p99 ${millis(s.searchMs.p99)} ms.`,
        ...describeMisses(result, questions),
        'Slowest questions (whole ask / passage search alone / passages matched):',
        ...s.slowest.map((q) => `  ${millis(q.askMs)} ms / ${millis(q.searchMs)} ms / ${q.matchedPassages}  ${q.question}`),
      );
    }
  }
  lines.push('', '```text', ...(summary ? formatProfileSummary(summary) : ['no CPU profile was written (the child did not exit normally)']), '```');
  if (file) lines.push(`Profile kept at ${file} (open it in Chrome DevTools or speedscope).`);
  return lines;
}

/** Whether the planted questions the engine got wrong were lost in passage retrieval (source passage not among the 12 read) or in sentence ranking. */
function describeMisses(result: ChildResult, questions: readonly BenchQuestion[]): string[] {
  const ranks = result.search?.sourcePassageRanks;
  const answers = result.answers;
  if (!ranks || !answers) return [];
  let asked = 0;
  let wrong = 0;
  let retrievalMiss = 0;
  const missedRanks: number[] = [];
  for (const [i, rank] of ranks.entries()) {
    if (rank === null) continue;
    asked++;
    const top = answers[i]?.top[0];
    const source = questions[i]?.source;
    if (!source || (top && top.articleId === source.articleId && top.paragraph === source.paragraph && top.start < source.end && source.start < top.end)) continue;
    wrong++;
    if (rank < 0 || rank >= ENGINE_PASSAGES) {
      retrievalMiss++;
      missedRanks.push(rank);
    }
  }
  missedRanks.sort((a, b) => a - b);
  return [
    `Of the ${asked} planted questions asked in this run, ${wrong} were not answered from their source sentence: ${retrievalMiss} because the source passage was not among the ${ENGINE_PASSAGES} passages the engine reads ` +
      `(its rank among the matching passages: ${missedRanks.map((r) => (r < 0 ? 'unmatched' : String(r + 1))).join(', ') || '—'}), ${wrong - retrievalMiss} in sentence ranking.`,
  ];
}

function cleanUp(): void {
  activeChild?.kill('SIGKILL');
  for (const cleanup of cleanups.splice(0)) cleanup();
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    cleanUp();
    process.exit(130);
  });
}

try {
  process.exitCode = await main(process.argv.slice(2));
} finally {
  cleanUp();
}
