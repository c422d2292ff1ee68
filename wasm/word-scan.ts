// AssemblyScript (https://www.assemblyscript.org), compiled by `npm run wasm` into
// src/text/word-scan.wasm. The word scan of src/text/word-table.ts for ASCII text, with the words'
// table in linear memory: see src/text/wasm-word-table.ts, which sets up the memory, resolves new
// words and hands every text this scan gives up on to the JavaScript table.
//
// Memory, in bytes from 0 (the JavaScript side reads the same layout from the exported offsets):
//   [0, 65536) each UTF-16 code unit's class: WORD, OTHER, PAIR (a surrogate), or 0 when not yet
//             asked of `isWordCode` (the JavaScript side's \p{L}\p{N} test)
//   SLOTS     open addressing, SLOT_COUNT slots of (hash, entry + 1); 0 marks an empty slot
//   BOUNDS    entry e's characters are CHARS[BOUNDS[e] .. BOUNDS[e + 1])
//   FIRST     entry e's values are VALUES[FIRST[e] .. FIRST[e + 1])
//   CHARS     the words' characters (UTF-16 code units)
//   VALUES    the words' numbers
//   STAGE     the numbers of the word being added (written by the caller before `add`)
//   OUT       the numbers of the text scanned
//   TEXT      the text to scan (UTF-16 code units); memory grows at the end to hold longer texts

const SLOT_BITS: u32 = 20;
const SLOT_COUNT: u32 = 1 << SLOT_BITS;
/** At most this many words (half the slots, so that probes stay short); past it the table starts again. */
export const MAX_WORDS: u32 = SLOT_COUNT >> 1;
// The limit set by init (at most MAX_WORDS).
let wordLimit: u32 = MAX_WORDS;
export const MAX_CHARS: u32 = 1 << 22;
export const MAX_VALUES: u32 = 1 << 20;
export const MAX_STAGE: u32 = 1 << 12;

const SLOTS: u32 = 1 << 16;
const BOUNDS: u32 = SLOTS + 8 * SLOT_COUNT;
const FIRST: u32 = BOUNDS + 4 * (MAX_WORDS + 1);
const CHARS: u32 = FIRST + 4 * (MAX_WORDS + 1);
const VALUES: u32 = CHARS + 2 * MAX_CHARS;
export const STAGE: u32 = VALUES + 4 * MAX_VALUES;
export const OUT: u32 = STAGE + 4 * MAX_STAGE;
/** OUT holds this many numbers; a text with more is scanned by the caller. */
export const MAX_OUT: u32 = 1 << 20;
export const TEXT: u32 = OUT + 4 * MAX_OUT;

const WORD: u8 = 1;
const OTHER: u8 = 2;
const PAIR: u8 = 3;

@external("env", "isWordCode")
declare function isWordCodeOutside(code: u32): bool;

const FNV_OFFSET: u32 = 0x811c9dc5;
const FNV_PRIME: u32 = 0x01000193;
const APOSTROPHE: u32 = 0x27;
const DOT: u32 = 0x2e;
const RIGHT_QUOTE: u32 = 0x2019;

/** What `scan` returns besides a count: the text holds a surrogate (a character beyond the BMP), or more numbers than OUT holds. */
export const GIVE_UP: i32 = -1;
/** What `scan` returns at a word the table does not hold: see missStart, missEnd, missHash, missOut. */
export const MISSED: i32 = -2;

let words: u32 = 0;
export let missStart: u32 = 0;
export let missEnd: u32 = 0;
export let missHash: u32 = 0;
export let missOut: u32 = 0;

/**
 * Sets up the character classes and the table's limit in words, in fresh memory grown to TEXT at least
 * (the table is empty: fresh memory is zeros, and is left untouched until
 * used, so that the slots cost memory only as words fill them).
 */
export function init(limit: u32): void {
  wordLimit = min(limit, MAX_WORDS);
  for (let code: u32 = 0; code < 128; code++) {
    store<u8>(code, (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) || (code >= 0x30 && code <= 0x39) ? WORD : OTHER);
  }
  memory.fill(0xd800, PAIR, 0x800);
}

/** Empties the table (the table starts again when full, as the JavaScript one does). */
export function clear(): void {
  memory.fill(SLOTS, 0, 8 * SLOT_COUNT);
  words = 0;
  store<u32>(BOUNDS, 0);
  store<u32>(FIRST, 0);
}

/** How many words the table holds. */
export function size(): u32 {
  return words;
}

@inline function classOf(code: u32): u8 {
  const known = load<u8>(code);
  return known != 0 ? known : learn(code);
}

function learn(code: u32): u8 {
  const learnt = isWordCodeOutside(code) ? WORD : OTHER;
  store<u8>(code, learnt);
  return learnt;
}

@inline function codeAt(at: u32): u32 {
  return <u32>load<u16>(TEXT + (at << 1));
}

/** The slot holding TEXT[start .. end), or the empty slot where it would go, with bit 31 set. */
function findSlot(start: u32, end: u32, hash: u32): u32 {
  const length = end - start;
  for (let slot = hash & (SLOT_COUNT - 1); ; slot = (slot + 1) & (SLOT_COUNT - 1)) {
    const at = SLOTS + (slot << 3);
    const entryPlusOne = load<u32>(at, 4);
    if (entryPlusOne == 0) return slot | 0x80000000;
    if (load<u32>(at) != hash) continue;
    const bound = BOUNDS + ((entryPlusOne - 1) << 2);
    const from = load<u32>(bound);
    if (load<u32>(bound, 4) - from != length) continue;
    if (memory.compare(CHARS + (from << 1), TEXT + (start << 1), length << 1) == 0) return slot;
  }
  return 0;
}

/**
 * Scans TEXT[at .. length) (resuming a scan that stopped at a missed word
 * starting at `at`, with `out` numbers written): writes every word's numbers
 * to OUT, and returns their count, or MISSED (a word the table lacks: the
 * caller adds it and resumes), or GIVE_UP.
 */
export function scan(length: u32, at: u32, out: u32): i32 {
  while (at < length) {
    const first = classOf(codeAt(at));
    if (first != WORD) {
      if (first == PAIR) return GIVE_UP;
      at++;
      continue;
    }
    const start = at;
    let hash = FNV_OFFSET;
    while (true) {
      let code: u32 = 0;
      while (at < length) {
        code = codeAt(at);
        const kind = classOf(code);
        if (kind != WORD) {
          if (kind == PAIR) return GIVE_UP;
          break;
        }
        hash = (hash ^ code) * FNV_PRIME;
        at++;
      }
      // A joiner between word characters: ' ’ . ("group's", "U.S.", "3.5").
      if (at + 1 < length && (code == APOSTROPHE || code == RIGHT_QUOTE || code == DOT)) {
        const next = classOf(codeAt(at + 1));
        if (next == PAIR) return GIVE_UP;
        if (next == WORD) {
          hash = (hash ^ code) * FNV_PRIME;
          at++;
          continue;
        }
      }
      break;
    }
    const slot = findSlot(start, at, hash);
    if (slot & 0x80000000) {
      missStart = start;
      missEnd = at;
      missHash = hash;
      missOut = out;
      return MISSED;
    }
    const entry = load<u32>(SLOTS + (slot << 3), 4) - 1;
    const firstValue = load<u32>(FIRST + (entry << 2));
    const count = load<u32>(FIRST + (entry << 2), 4) - firstValue;
    if (out + count > MAX_OUT) return GIVE_UP;
    memory.copy(OUT + (out << 2), VALUES + (firstValue << 2), count << 2);
    out += count;
  }
  return <i32>out;
}

/**
 * Adds the missed word (missStart .. missEnd of TEXT) with the `count`
 * numbers the caller wrote to STAGE. Starts the table again first when it
 * is full.
 */
export function add(count: u32): void {
  const length = missEnd - missStart;
  if (words >= wordLimit || load<u32>(BOUNDS + (words << 2)) + length > MAX_CHARS || load<u32>(FIRST + (words << 2)) + count > MAX_VALUES) clear();
  const slot = findSlot(missStart, missEnd, missHash) & 0x7fffffff;
  const entry = words++;
  const from = load<u32>(BOUNDS + (entry << 2));
  memory.copy(CHARS + (from << 1), TEXT + (missStart << 1), length << 1);
  store<u32>(BOUNDS + (entry << 2), from + length, 4);
  const firstValue = load<u32>(FIRST + (entry << 2));
  memory.copy(VALUES + (firstValue << 2), STAGE, count << 2);
  store<u32>(FIRST + (entry << 2), firstValue + count, 4);
  store<u32>(SLOTS + (slot << 3), missHash);
  store<u32>(SLOTS + (slot << 3), entry + 1, 4);
}
