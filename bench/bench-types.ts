/** What the benchmark's parent and its child processes exchange (as JSON files). */

/**
 * The systems compared: the project as the benchmark builds it (load and
 * index, no caches), the plain minisearch baseline, and the project as the
 * app starts it (`createAppState` with its caches), run twice per size:
 * `app-cold` starts with no caches and writes them, `app-warm` restarts
 * from them (a restart with nothing changed).
 */
export const SYSTEMS = ['project', 'baseline', 'app-cold', 'app-warm'] as const;
export type SystemName = (typeof SYSTEMS)[number];
/** What `--systems` takes: `app` stands for the pair `app-cold`, `app-warm`. */
export const SYSTEM_CHOICES = ['project', 'baseline', 'app'] as const;

/** What one child process is asked to measure. */
export interface ChildConfig {
  system: SystemName;
  corpus: string;
  /** JSON file holding the `BenchQuestion[]`. */
  questionsFile: string;
  /** Where the child writes its {@link ChildResult}, after every phase (so a killed child still says how far it got). */
  outFile: string;
  /** Profiling run: forced GCs between phases to measure what each phase keeps, and per-question search statistics. */
  profile: boolean;
  /** Ask only the first this many questions (profiling runs, to bound their time). */
  maxQuestions?: number;
  /** The app systems: their article cache (the saved index goes beside it). */
  cachePath?: string;
}

/** The cited location of an answer's excerpt. */
export interface CitedLocation {
  articleId: string;
  paragraph: number;
  start: number;
  end: number;
  /** The quoted sentence (results written before it was recorded have none). */
  quote?: string;
}

/** What a system answered to one question. */
export interface RecordedAnswer {
  answer: string | null;
  confidence: string;
  /** The first three citations, best first. */
  top: CitedLocation[];
}

/** Memory at a point of the run, in bytes. */
export interface MemorySample {
  rss: number;
  /** The process's peak RSS so far (getrusage maxRSS). */
  maxRss: number;
  heapUsed: number;
  external: number;
  arrayBuffers: number;
}

/** Latency figures of a set of calls, in milliseconds. */
export interface LatencyStats {
  count: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  mean: number;
}

/** Per-question statistics of the project's passage search (profiling runs only). */
export interface SearchProfile {
  /** Passages matching the question's terms (before the engine keeps the best 12). */
  matchedPassages: LatencyStats;
  /** `searchPassages` alone, per question. */
  searchMs: LatencyStats;
  /**
   * Per question (null for the generic ones): the rank of the source sentence's passage among every passage
   * the question's terms match (-1: not matched at all). The engine reads only the first 12.
   */
  sourcePassageRanks: Array<number | null>;
  /** The questions whose whole `ask` was slowest, with their matched passage counts. */
  slowest: Array<{ question: string; askMs: number; searchMs: number; matchedPassages: number }>;
}

/** What a child measured. Phases are in milliseconds; `boot` runs from process start to the end of module loading. */
export interface ChildResult {
  system: SystemName;
  /** `running` while the child is on its way; `ok` once everything was measured. */
  status: 'running' | 'ok';
  /** The phase under way (for a child that was killed or crashed). */
  phase: string;
  articles: number;
  paragraphs: number;
  filesRead: number;
  skipped: number;
  /** The app systems: files whose parse came from the article cache, and articles from the saved index. */
  fromCache?: number;
  indexFromCache?: number;
  /** The app systems: how long writing the caches took after the first answer (not part of start-up). */
  cachesSavedMs?: number;
  phases: { boot?: number; load?: number; index?: number; firstAnswer?: number };
  startupMs?: number;
  /** CPU time (user + system, all threads: GC and file reading included) of the same phases, and of start-up and the whole run, in ms. */
  cpu: { boot?: number; load?: number; index?: number; firstAnswer?: number; startup?: number; total?: number };
  memory: { afterBoot?: MemorySample; afterLoad?: MemorySample; afterIndex?: MemorySample; afterAsk?: MemorySample; peakRss?: number };
  /** Profiling runs: live heap after a forced GC at each point (what each phase keeps). */
  retained?: { boot?: MemorySample; afterLoad?: MemorySample; afterIndex?: MemorySample; afterAsk?: MemorySample };
  /** Over the questions answered so far (`askLatencies.length` of them). */
  ask?: LatencyStats;
  /** CPU time per question (all threads, so a GC helper thread's work counts too), in ms. */
  askCpu?: LatencyStats;
  askLatencies?: number[];
  latest?: { articleId: string; date: string | null; summarizer: string; first: number; p50: number; summarySentences: number };
  answers?: RecordedAnswer[];
  search?: SearchProfile;
}

/** Latency statistics of a list of durations (nearest-rank percentiles). */
export function latencyStats(durations: readonly number[]): LatencyStats {
  const sorted = [...durations].sort((a, b) => a - b);
  const rank = (p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN;
  return {
    count: sorted.length,
    p50: rank(50),
    p90: rank(90),
    p99: rank(99),
    max: sorted[sorted.length - 1] ?? NaN,
    mean: sorted.reduce((sum, d) => sum + d, 0) / Math.max(1, sorted.length),
  };
}
