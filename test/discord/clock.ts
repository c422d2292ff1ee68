/** A millisecond clock the fake reads for Discord's deadlines (3 s first response, 15 min token). */
export type Clock = () => number;

/**
 * A clock that only moves when a test moves it. The fake subscribes to it, so a
 * deadline that passes on `advance()` is noticed at once, without real waiting.
 *
 * @example
 * const clock = createManualClock();
 * const discord = await startFakeDiscord({ token, clock });
 * clock.advance(3_001); // every unanswered interaction has now missed its 3 s deadline
 */
export interface ManualClock extends Clock {
  /** Moves the clock forward by `ms` and tells subscribers. */
  advance(ms: number): void;
  /** Registers a listener called after every move; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void;
}

/** 2025-01-01T00:00:00Z: a fixed start, so ids and timestamps are the same on every run. */
export const MANUAL_CLOCK_START = Date.UTC(2025, 0, 1);

/** Creates a {@link ManualClock} starting at `startMs`. */
export function createManualClock(startMs: number = MANUAL_CLOCK_START): ManualClock {
  let now = startMs;
  const listeners = new Set<() => void>();
  const clock = (() => now) as ManualClock;
  clock.advance = (ms: number) => {
    if (!Number.isFinite(ms) || ms < 0) throw new Error(`ManualClock: expected a non-negative number of ms, got ${ms}`);
    now += ms;
    for (const listener of [...listeners]) listener();
  };
  clock.subscribe = (listener) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  };
  return clock;
}

/** Whether `clock` announces its moves (a {@link ManualClock}) rather than running in real time. */
export function isManualClock(clock: Clock): clock is ManualClock {
  return typeof (clock as Partial<ManualClock>).subscribe === 'function';
}

const DISCORD_EPOCH = 1_420_070_400_000n;

/**
 * Makes Discord snowflakes whose timestamp part comes from `clock`, so discord.js's `createdAt`
 * agrees with it. Ids only grow, and stay unique while a manual clock stands still.
 */
export function createSnowflakes(clock: Clock): () => string {
  let last = 0n;
  return () => {
    const ms = BigInt(Math.max(0, Math.floor(clock()))) - DISCORD_EPOCH;
    const candidate = (ms > 0n ? ms : 0n) << 22n;
    last = candidate > last ? candidate : last + 1n;
    return last.toString();
  };
}
