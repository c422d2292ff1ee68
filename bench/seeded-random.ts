/**
 * A small seeded pseudo-random generator (sfc32, seeded through a string
 * hash), so that a benchmark corpus and its questions are the same on every
 * run and machine: the same seed and key give the same sequence.
 */
export interface Random {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [0, n). */
  int(n: number): number;
  /** An integer in [min, max], both included. */
  between(min: number, max: number): number;
  /** One element of a non-empty list. */
  pick<T>(items: readonly T[]): T;
  /** True with probability `p`. */
  chance(p: number): boolean;
}

/**
 * A generator for one purpose: `createRandom(seed, 'article', 17)` always
 * gives the same sequence, whatever other generators were used before it.
 *
 * @example createRandom(42, 'questions').int(10) // the same number on every run
 */
export function createRandom(seed: number, ...keys: Array<string | number>): Random {
  const text = [seed, ...keys].join('\u0000');
  let a = hashString(text, 0x9e3779b9);
  let b = hashString(text, 0x85ebca6b);
  let c = hashString(text, 0xc2b2ae35);
  let d = 1;
  const next = (): number => {
    // sfc32 (Chris Doty-Humphrey's Small Fast Counting generator).
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  for (let i = 0; i < 12; i++) next();
  const int = (n: number) => Math.floor(next() * n);
  return {
    next,
    int,
    between: (min, max) => min + int(max - min + 1),
    pick: <T>(items: readonly T[]): T => {
      if (items.length === 0) throw new Error('createRandom: pick from an empty list');
      return items[int(items.length)]!;
    },
    chance: (p) => next() < p,
  };
}

/** Fisher–Yates shuffle of a copy, driven by `random`. */
export function shuffled<T>(items: readonly T[], random: Random): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = random.int(i + 1);
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}

/** A 32-bit string hash (murmur-style mixing), also used to fingerprint inputs. */
export function hashString(text: string, seed = 0): number {
  let h = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    h = Math.imul(h ^ text.charCodeAt(i), 0x5bd1e995);
    h ^= h >>> 15;
  }
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}
