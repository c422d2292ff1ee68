// AssemblyScript (https://www.assemblyscript.org), compiled by `npm run wasm` into
// src/text/word-scan.wasm: the word scan of src/text/word-table.ts, with the words' table in linear
// memory. src/text/wasm-word-table.ts sets up the memory, resolves new words, and hands every text
// this scan gives up on to the JavaScript table.
//
// Memory, in bytes from 0 (the JavaScript side reads the offsets it needs from the exports):
//   [0, 65536) each UTF-16 code unit's class: WORD, OTHER, PAIR (a surrogate), or 0 when not yet
//             asked of `isWordCode` (the JavaScript side's \p{L}\p{N} test)
//   SLOTS     open addressing, 16 bytes a slot: the word's hash, where its characters start in
//             CHARS, its length (low 16 bits; 0 marks an empty slot) and how many numbers it stands
//             for (high 16 bits), and its number when one, else where its numbers start in VALUES.
//             A word's slot holds all a scan needs but its characters, so that finding a word
//             touches two places in memory (with an entry table beside the slots, it was five, and
//             the lookups took two thirds of the scan).
//   SCRATCH   the slots while the table grows
//   CHARS     the words' characters (UTF-16 code units)
//   VALUES    the numbers of words that stand for several
//   STAGE     the numbers of the word being added (written by the caller before `add`)
//   OUT       the numbers of the text scanned
//   TEXT      the text to scan (UTF-16 code units); memory grows at the end to hold longer texts

const FIRST_SLOTS: u32 = 1 << 12;
const MAX_SLOTS: u32 = 1 << 20;
/** At most this many words (half the slots, so that probes stay short); past it the table starts again. */
export const MAX_WORDS: u32 = MAX_SLOTS >> 1;
const MAX_CHARS: u32 = 1 << 22;
const MAX_VALUES: u32 = 1 << 20;
const MAX_WORD_LENGTH: u32 = 0xffff;
export const MAX_STAGE: u32 = 1 << 12;

const SLOTS: u32 = 1 << 16;
const SCRATCH: u32 = SLOTS + 16 * MAX_SLOTS;
const CHARS: u32 = SCRATCH + 8 * MAX_SLOTS;
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
const EMPTY_FOUND: u32 = 0x80000000;

/** What `scan` returns besides a count: the text holds a surrogate (a character beyond the BMP), a word longer than 65,535 characters, or more numbers than OUT holds. */
export const GIVE_UP: i32 = -1;
/** What `scan` returns at a word the table does not hold: see missStart, missEnd, missHash, missOut. */
export const MISSED: i32 = -2;

let slotMask: u32 = FIRST_SLOTS - 1;
let wordLimit: u32 = MAX_WORDS;
let words: u32 = 0;
let charsUsed: u32 = 0;
let valuesUsed: u32 = 0;
export let missStart: u32 = 0;
export let missEnd: u32 = 0;
export let missHash: u32 = 0;
export let missOut: u32 = 0;

/**
 * Sets up the character classes and the table's limit in words, in fresh
 * memory grown to TEXT at least (the table is empty: fresh memory is zeros).
 */
export function init(limit: u32): void {
  wordLimit = min(limit, MAX_WORDS);
  for (let code: u32 = 0; code < 128; code++) {
    store<u8>(code, (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) || (code >= 0x30 && code <= 0x39) ? WORD : OTHER);
  }
  memory.fill(0xd800, PAIR, 0x800);
}

/** Empties the table (it starts again when full, as the JavaScript one does). */
function clear(): void {
  memory.fill(SLOTS, 0, 16 * (slotMask + 1));
  words = 0;
  charsUsed = 0;
  valuesUsed = 0;
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

/** The address of the slot holding TEXT[start .. end), or of the empty slot where it would go, with EMPTY_FOUND set. */
function findSlot(start: u32, end: u32, hash: u32): u32 {
  const length = end - start;
  for (let slot = hash & slotMask; ; slot = (slot + 1) & slotMask) {
    const at = SLOTS + (slot << 4);
    const lengthAndCount = load<u32>(at, 8);
    if (lengthAndCount == 0) return at | EMPTY_FOUND;
    if (load<u32>(at) != hash || (lengthAndCount & 0xffff) != length) continue;
    const chars = CHARS + (load<u32>(at, 4) << 1);
    const text = TEXT + (start << 1);
    let same = true;
    for (let i: u32 = 0; i < length << 1; i += 2) {
      if (load<u16>(chars + i) != load<u16>(text + i)) {
        same = false;
        break;
      }
    }
    if (same) return at;
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
    if (at - start > MAX_WORD_LENGTH) return GIVE_UP;
    const slot = findSlot(start, at, hash);
    if (slot & EMPTY_FOUND) {
      missStart = start;
      missEnd = at;
      missHash = hash;
      missOut = out;
      return MISSED;
    }
    const count = load<u32>(slot, 8) >> 16;
    if (out + count > MAX_OUT) return GIVE_UP;
    if (count == 1) {
      store<u32>(OUT + (out << 2), load<u32>(slot, 12));
    } else if (count > 1) {
      memory.copy(OUT + (out << 2), VALUES + (load<u32>(slot, 12) << 2), count << 2);
    }
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
  if (words >= wordLimit || charsUsed + length > MAX_CHARS || (count > 1 && valuesUsed + count > MAX_VALUES)) clear();
  if ((words + 1) << 1 > slotMask + 1) grow();
  const slot = findSlot(missStart, missEnd, missHash) & ~EMPTY_FOUND;
  memory.copy(CHARS + (charsUsed << 1), TEXT + (missStart << 1), length << 1);
  store<u32>(slot, missHash);
  store<u32>(slot, charsUsed, 4);
  store<u32>(slot, length | (count << 16), 8);
  charsUsed += length;
  if (count == 1) {
    store<u32>(slot, load<u32>(STAGE), 12);
  } else {
    memory.copy(VALUES + (valuesUsed << 2), STAGE, count << 2);
    store<u32>(slot, valuesUsed, 12);
    valuesUsed += count;
  }
  words++;
}

/** Doubles the slots, putting every word back by its hash. */
function grow(): void {
  const oldCount = slotMask + 1;
  memory.copy(SCRATCH, SLOTS, 16 * oldCount);
  slotMask = 2 * oldCount - 1;
  memory.fill(SLOTS, 0, 16 * (slotMask + 1));
  for (let old: u32 = 0; old < oldCount; old++) {
    const from = SCRATCH + (old << 4);
    if (load<u32>(from, 8) == 0) continue;
    let slot = load<u32>(from) & slotMask;
    while (load<u32>(SLOTS + (slot << 4), 8) != 0) slot = (slot + 1) & slotMask;
    memory.copy(SLOTS + (slot << 4), from, 16);
  }
}
