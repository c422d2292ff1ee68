import { withRoom } from '../typed-arrays.ts';

/** What a word stands for in a {@link WordTable}: one number, or several (none for a stop word). */
export type WordValue = number | readonly number[];

// Letters and digits (`\p{L}\p{N}`), the word characters of splitWords; outside ASCII they are
// looked up once per code unit and remembered.
const WORD_CHARACTER = /^[\p{L}\p{N}]$/u;
const UNKNOWN = 0;
const YES = 1;
const NO = 2;
// Joiners inside a word, between word characters: ' ’ . ("group's", "U.S.", "3.5").
const APOSTROPHE = 0x27;
const RIGHT_QUOTE = 0x2019;
const DOT = 0x2e;
const EMPTY = -1;
const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/**
 * Words of a text mapped to numbers (their search terms), fast: the text is
 * scanned character by character, as {@link splitWords} would cut it, and
 * each word is found in a hash table by its characters, without cutting a
 * string out of the text or a regular-expression match per word. Indexing
 * 100,000 articles reads about 75 million words; a Map keyed by the matched
 * strings spent most of the index's build there.
 *
 * A new word is cut out once and handed to `resolve`. The table holds at
 * most `limit` words, and starts again when full.
 */
export class WordTable {
  readonly #resolve: (word: string) => WordValue;
  readonly #limit: number;
  // Open addressing in one array: each slot is a pair (the word's hash, its entry), so that a probe
  // reads one place. Entry e's characters are chars[bounds[e] .. bounds[e + 1]), and its value is
  // single[e] when one number, else many[e]. Typed arrays, not an array of strings and one of values:
  // comparing a word's characters then reads a packed buffer rather than a string somewhere in the
  // heap (scanning the 10,000-article bench corpus: 1.43 -> 1.21 s, median of 6 alternated runs).
  #slots = new Int32Array(2 << 12).fill(EMPTY);
  #chars = new Uint16Array(1 << 16);
  #bounds = new Int32Array(1024);
  #single = new Int32Array(1024);
  #many: Array<readonly number[]> = [];
  #size = 0;
  // The value of the word met when the table was full, which it starts again after (see #insert).
  #overflow: readonly number[] = [];
  readonly #kind = new Uint8Array(0x10000);

  /** `resolve` gives a word's value: a number (at least 0) or several. */
  constructor(resolve: (word: string) => WordValue, limit = 500_000) {
    this.#resolve = resolve;
    this.#limit = limit;
  }

  /** How many words the table holds. */
  get size(): number {
    return this.#size;
  }

  /**
   * Writes the numbers of every word of `text`, in order, into `into` from
   * position `from` on (by default, after what it holds), and returns where
   * they end. A caller reusing one array passes 0 and reads up to the
   * returned end: emptying it by `length = 0` gave back its storage, which
   * was then grown again for every paragraph.
   */
  scan(text: string, into: number[], from = into.length): number {
    let out = from;
    const length = text.length;
    let at = 0;
    while (at < length) {
      // ASCII is tested inline: nearly every character of English news is.
      const first = text.charCodeAt(at);
      if (first < 0x80 ? !isAsciiWordCode(first) : !this.#isWordCharacter(text, at)) {
        at++;
        continue;
      }
      const start = at;
      let hash = FNV_OFFSET;
      for (;;) {
        // A run of word characters (a surrogate pair counts as one character).
        while (at < length) {
          const code = text.charCodeAt(at);
          if (code < 0x80) {
            if (!isAsciiWordCode(code)) break;
            hash = Math.imul(hash ^ code, FNV_PRIME);
            at++;
          } else if (this.#isWordCharacter(text, at)) {
            hash = Math.imul(hash ^ code, FNV_PRIME);
            if (isPairAt(text, at)) hash = Math.imul(hash ^ text.charCodeAt(++at), FNV_PRIME);
            at++;
          } else {
            break;
          }
        }
        const code = text.charCodeAt(at);
        if (at + 1 < length && (code === APOSTROPHE || code === RIGHT_QUOTE || code === DOT) && this.#isWordCharacter(text, at + 1)) {
          hash = Math.imul(hash ^ code, FNV_PRIME);
          at++;
          continue;
        }
        break;
      }
      const entry = this.#find(text, start, at, hash);
      const single = entry < 0 ? -1 : this.#single[entry]!;
      if (single >= 0) {
        into[out++] = single;
      } else {
        // A word of several numbers or none, or one met when the table was full (entry -1).
        const many = entry < 0 ? this.#overflow : this.#many[entry]!;
        for (let i = 0; i < many.length; i++) into[out++] = many[i]!;
      }
    }
    return out;
  }

  #isWordCharacter(text: string, at: number): boolean {
    const code = text.charCodeAt(at);
    if (code < 0x80) return isAsciiWordCode(code);
    if (isPairAt(text, at)) return WORD_CHARACTER.test(text.slice(at, at + 2));
    let kind = this.#kind[code];
    if (kind === UNKNOWN) {
      kind = isWordCodeUnit(code) ? YES : NO;
      this.#kind[code] = kind;
    }
    return kind === YES;
  }

  /** The entry of the word text[start .. end), added when new; -1 when the table had to start again. */
  #find(text: string, start: number, end: number, hash: number): number {
    const slots = this.#slots;
    const mask = (slots.length >> 1) - 1;
    const length = end - start;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const entry = slots[2 * slot + 1]!;
      if (entry === EMPTY) return this.#insert(text, start, end, hash, slot);
      if (slots[2 * slot] !== hash) continue;
      const from = this.#bounds[entry]!;
      if (this.#bounds[entry + 1]! - from !== length) continue;
      let same = true;
      for (let i = 0; i < length; i++) {
        if (this.#chars[from + i] !== text.charCodeAt(start + i)) {
          same = false;
          break;
        }
      }
      if (same) return entry;
    }
  }

  #insert(text: string, start: number, end: number, hash: number, slot: number): number {
    const value = this.#resolve(text.slice(start, end));
    if (this.#size >= this.#limit) {
      this.#slots = new Int32Array(2 << 12).fill(EMPTY);
      this.#many = [];
      this.#size = 0;
      this.#overflow = typeof value === 'number' ? [value] : value;
      return -1;
    }
    const entry = this.#size++;
    this.#bounds = withRoom(this.#bounds, entry + 2);
    this.#single = withRoom(this.#single, entry + 2);
    const from = this.#bounds[entry]!;
    this.#chars = withRoom(this.#chars, from + end - start);
    for (let i = start; i < end; i++) this.#chars[from + i - start] = text.charCodeAt(i);
    this.#bounds[entry + 1] = from + end - start;
    if (typeof value === 'number' && value >= 0) {
      this.#single[entry] = value;
    } else {
      this.#single[entry] = -1;
      this.#many[entry] = typeof value === 'number' ? [value] : value;
    }
    this.#slots[2 * slot] = hash;
    this.#slots[2 * slot + 1] = entry;
    // Kept at most half full, so that probes stay short.
    if (2 * this.#size > this.#slots.length >> 1) this.#grow();
    return entry;
  }

  #grow(): void {
    const old = this.#slots;
    const slots = new Int32Array(old.length * 2).fill(EMPTY);
    const mask = (slots.length >> 1) - 1;
    for (let at = 0; at < old.length; at += 2) {
      if (old[at + 1] === EMPTY) continue;
      let slot = old[at]! & mask;
      while (slots[2 * slot + 1] !== EMPTY) slot = (slot + 1) & mask;
      slots[2 * slot] = old[at]!;
      slots[2 * slot + 1] = old[at + 1]!;
    }
    this.#slots = slots;
  }
}

/** True for a UTF-16 code unit (not half of a surrogate pair) that is a letter or digit, as splitWords reads words. */
export function isWordCodeUnit(code: number): boolean {
  return WORD_CHARACTER.test(String.fromCharCode(code));
}

// ASCII letters and digits, looked up by character code: one load where three ranges took up to six comparisons.
const ASCII_WORD = Uint8Array.from({ length: 0x80 }, (_, code) => ((code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) || (code >= 0x30 && code <= 0x39) ? 1 : 0));

/** True for an ASCII letter or digit (`code` below 0x80). */
function isAsciiWordCode(code: number): boolean {
  return ASCII_WORD[code] === 1;
}

/** True when a surrogate pair (one character beyond the BMP) starts at `at`. */
function isPairAt(text: string, at: number): boolean {
  const code = text.charCodeAt(at);
  if (code < 0xd800 || code > 0xdbff) return false;
  const next = text.charCodeAt(at + 1);
  return next >= 0xdc00 && next <= 0xdfff;
}

