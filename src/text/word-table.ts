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
  #words: string[] = [];
  #values: WordValue[] = [];
  #hashes: number[] = [];
  #slots = new Int32Array(1 << 12).fill(EMPTY);
  readonly #kind = new Uint8Array(0x10000);

  constructor(resolve: (word: string) => WordValue, limit = 500_000) {
    this.#resolve = resolve;
    this.#limit = limit;
  }

  /** How many words the table holds. */
  get size(): number {
    return this.#words.length;
  }

  /** Appends the numbers of every word of `text`, in order, to `into`. */
  scan(text: string, into: number[]): void {
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
      const value = this.#lookup(text, start, at, hash >>> 0);
      if (typeof value === 'number') into.push(value);
      else for (let i = 0; i < value.length; i++) into.push(value[i]!);
    }
  }

  #isWordCharacter(text: string, at: number): boolean {
    const code = text.charCodeAt(at);
    if (code < 0x80) return isAsciiWordCode(code);
    if (isPairAt(text, at)) return WORD_CHARACTER.test(text.slice(at, at + 2));
    let kind = this.#kind[code];
    if (kind === UNKNOWN) {
      kind = WORD_CHARACTER.test(text[at]!) ? YES : NO;
      this.#kind[code] = kind;
    }
    return kind === YES;
  }

  #lookup(text: string, start: number, end: number, hash: number): WordValue {
    const mask = this.#slots.length - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const entry = this.#slots[slot]!;
      if (entry === EMPTY) return this.#insert(text.slice(start, end), hash, slot);
      if (this.#hashes[entry] === hash && sameText(this.#words[entry]!, text, start, end)) return this.#values[entry]!;
    }
  }

  #insert(word: string, hash: number, slot: number): WordValue {
    const value = this.#resolve(word);
    if (this.#words.length >= this.#limit) {
      this.#words = [];
      this.#values = [];
      this.#hashes = [];
      this.#slots = new Int32Array(1 << 12).fill(EMPTY);
      return value;
    }
    const entry = this.#words.length;
    this.#words.push(word);
    this.#values.push(value);
    this.#hashes.push(hash);
    this.#slots[slot] = entry;
    // Kept at most half full, so that probes stay short.
    if (2 * this.#words.length > this.#slots.length) this.#grow();
    return value;
  }

  #grow(): void {
    const slots = new Int32Array(this.#slots.length * 2).fill(EMPTY);
    const mask = slots.length - 1;
    this.#hashes.forEach((hash, entry) => {
      let slot = hash & mask;
      while (slots[slot] !== EMPTY) slot = (slot + 1) & mask;
      slots[slot] = entry;
    });
    this.#slots = slots;
  }
}

function isAsciiWordCode(code: number): boolean {
  return (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) || (code >= 0x30 && code <= 0x39);
}

/** True when a surrogate pair (one character beyond the BMP) starts at `at`. */
function isPairAt(text: string, at: number): boolean {
  const code = text.charCodeAt(at);
  if (code < 0xd800 || code > 0xdbff) return false;
  const next = text.charCodeAt(at + 1);
  return next >= 0xdc00 && next <= 0xdfff;
}

function sameText(word: string, text: string, start: number, end: number): boolean {
  if (word.length !== end - start) return false;
  for (let i = 0; i < word.length; i++) if (word.charCodeAt(i) !== text.charCodeAt(start + i)) return false;
  return true;
}
