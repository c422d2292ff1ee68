import SearchableMap from 'minisearch/SearchableMap';
import { withRoom } from '../typed-arrays.ts';

/** The postings as plain data, from {@link PassagePostings.save}: typed arrays and the vocabulary. */
export interface SavedPostings {
  /** The vocabulary: term number → term. */
  terms: string[];
  /** Term number → how many live passages hold it. */
  passageFrequency: Int32Array<ArrayBuffer>;
  /** Term number → where its postings start in `postings` (one more entry than terms: the end). */
  offsets: Int32Array<ArrayBuffer>;
  /** Passage numbers, term by term, ascending within a term. */
  postings: Int32Array<ArrayBuffer>;
  /** How often the term occurs in the passage, beside each posting (at most 255). */
  frequencies: Uint8Array<ArrayBuffer>;
  /** Passage number → its length in terms. */
  passageLength: Int32Array<ArrayBuffer>;
  /** Passage number → 1 while the passage is indexed. */
  alive: Uint8Array<ArrayBuffer>;
  passageCount: number;
  termCount: number;
}

/** A passage that matched, with its score (BM25 of the terms asked). */
export interface ScoredPassage {
  passage: number;
  score: number;
}

/** BM25's term-frequency saturation, as minisearch applies it. */
export const BM25_K1 = 1.2;
/** BM25's length normalisation, as minisearch applies it. */
export const BM25_B = 0.7;
/** The most occurrences of a term in one passage that the postings keep (a byte). */
export const MAX_FREQUENCY = 255;
// Sizes of the blocks pending postings are written to (see PassagePostings): 4,096 for the first, doubling up to about a million (5 MB).
const FIRST_BLOCK_POSTINGS = 4096;
const MAX_BLOCK_POSTINGS = 1 << 20;
// Arrays with an entry per term or passage grow by half: they are the index's largest after the postings.
const GROWTH = 1.5;
// Passages added since the last compaction are scanned one by one at search time (about 2 ms for
// this many postings); past it, the next search first folds them into the compact arrays (about a
// second at 100,000 articles). A bulk load compacts once, at its end.
const PENDING_MAX_POSTINGS = 100_000;
// Removed passages stay in the compact arrays (skipped at search time) until they are this share of them.
const DEAD_SHARE = 0.2;

/**
 * The inverted index of passages: term → the passages holding it, in packed
 * typed arrays (about 5 bytes a posting). minisearch keeps a Map per term
 * and an entry per posting; at 100,000 articles (900,000 paragraphs) that
 * took 2.2 GB and four minutes to build (bench/README.md). The vocabulary's
 * typo tolerance is minisearch's own radix tree (SearchableMap).
 *
 * Postings are compacted in one array ordered by term (compressed sparse
 * rows). Passages added later go to a pending list, scanned at search time
 * and folded in when it grows; removed passages are marked dead and dropped
 * at the next compaction — so adding or removing one article never rebuilds
 * everything.
 */
export class PassagePostings {
  readonly #terms: string[] = [];
  readonly #termNumbers = new Map<string, number>();
  #passageFrequency = new Int32Array(1024);
  // Compacted postings (see the class comment): term t's are postings[offsets[t] .. offsets[t + 1]).
  #offsets = new Int32Array(1);
  #postings = new Int32Array(0);
  #frequencies = new Uint8Array(0);
  #deadPostings = 0;
  // Passages added since the last compaction, passage by passage: their numbers, and where their terms
  // are: termBlocks[pendingBlock[p]][pendingStarts[p] .. pendingEnds[p]), with their frequencies at the
  // same place of frequencyBlocks. Blocks rather than one array grown as needed: a bulk load of 100,000
  // articles puts some 50 million postings here, and growing one array copied them each time and left
  // up to a third of it unused (about 100 MB of a cold start's peak RSS).
  #pendingPassages = new Int32Array(256);
  #pendingBlock = new Int32Array(256);
  #pendingStarts = new Int32Array(256);
  #pendingEnds = new Int32Array(256);
  #pendingCount = 0;
  #pendingPostings = 0;
  #termBlocks: Int32Array[] = [];
  #frequencyBlocks: Uint8Array[] = [];
  // Postings written in the last block.
  #blockUsed = 0;
  #passageLength = new Int32Array(1024);
  #alive = new Uint8Array(1024);
  // One more than the largest passage number ever added.
  #passageSlots = 0;
  #passageCount = 0;
  #termCount = 0;
  // Scratch of searches: which search last touched a passage, and its score in that search.
  #touchedBy = new Int32Array(0);
  #scores = new Float64Array(0);
  #touched = new Int32Array(0);
  // Scratch for picking the best scores by selection (see topScores).
  #selection = new Float64Array(0);
  #weightOf = new Float64Array(0);
  #searchNumber = 0;
  #typoTree: SearchableMap<number> | null = null;

  /** Restores postings saved with {@link save}. */
  static restore(saved: SavedPostings): PassagePostings {
    const postings = new PassagePostings();
    const vocabulary = saved.terms.length;
    if (saved.passageFrequency.length !== vocabulary || saved.offsets.length !== vocabulary + 1) throw new Error('the saved vocabulary and its arrays differ in length');
    if (saved.offsets[vocabulary] !== saved.postings.length || saved.frequencies.length !== saved.postings.length) throw new Error('the saved postings are cut');
    if (saved.alive.length !== saved.passageLength.length) throw new Error('the saved passage arrays differ in length');
    saved.terms.forEach((term, number) => {
      postings.#terms.push(term);
      postings.#termNumbers.set(term, number);
    });
    postings.#passageFrequency = saved.passageFrequency;
    postings.#offsets = saved.offsets;
    postings.#postings = saved.postings;
    postings.#frequencies = saved.frequencies;
    postings.#passageLength = saved.passageLength;
    postings.#alive = saved.alive;
    postings.#passageSlots = saved.alive.length;
    postings.#passageCount = saved.passageCount;
    postings.#termCount = saved.termCount;
    return postings;
  }

  /** The postings as plain data (compacted first), for {@link restore}. */
  save(): SavedPostings {
    this.compact();
    const vocabulary = this.#terms.length;
    const passages = this.#passageSlots;
    // Terms numbered since the last compaction have no postings yet: their rows are empty.
    const offsets = new Int32Array(vocabulary + 1).fill(this.#postings.length);
    offsets.set(this.#offsets.subarray(0, vocabulary + 1));
    return {
      terms: [...this.#terms],
      passageFrequency: this.#passageFrequency.slice(0, vocabulary),
      offsets,
      postings: this.#postings,
      frequencies: this.#frequencies,
      passageLength: this.#passageLength.slice(0, passages),
      alive: this.#alive.slice(0, passages),
      passageCount: this.#passageCount,
      termCount: this.#termCount,
    };
  }

  /** One more than the largest passage number ever added (or restored): the next one must be at least this. */
  get passageSlots(): number {
    return this.#passageSlots;
  }

  /** How many passages are indexed. */
  get passageCount(): number {
    return this.#passageCount;
  }

  /** How many terms the indexed passages hold together (with repeats). */
  get termCount(): number {
    return this.#termCount;
  }

  /** The number of a term, or -1 when no passage ever held it; `create` gives a new term its number. */
  termNumber(term: string, create = false): number {
    const known = this.#termNumbers.get(term);
    if (known !== undefined) return known;
    if (!create) return -1;
    const number = this.#terms.length;
    this.#terms.push(term);
    this.#termNumbers.set(term, number);
    if (number >= this.#passageFrequency.length) this.#passageFrequency = withRoom(this.#passageFrequency, number + 1, GROWTH);
    this.#typoTree?.set(term, number);
    return number;
  }

  /** How many live passages hold the term (0 when unknown). */
  passageFrequency(term: string): number {
    const number = this.#termNumbers.get(term);
    return number === undefined ? 0 : this.#passageFrequency[number]!;
  }

  /**
   * Indexes a passage: its distinct term numbers with how often each
   * occurs, and its length in terms. Passage numbers must grow: each is
   * larger than every passage added before.
   */
  add(passage: number, terms: ArrayLike<number>, frequencies: ArrayLike<number>, length: number): void {
    if (passage < this.#passageSlots) throw new Error(`passage ${passage} is not newer than every passage indexed`);
    this.#passageSlots = passage + 1;
    if (this.#passageSlots > this.#passageLength.length) {
      this.#passageLength = withRoom(this.#passageLength, this.#passageSlots, GROWTH);
      this.#alive = withRoom(this.#alive, this.#passageSlots, GROWTH);
    }
    this.#passageLength[passage] = length;
    this.#alive[passage] = 1;
    this.#passageCount++;
    this.#termCount += length;
    const p = this.#pendingCount++;
    if (p >= this.#pendingPassages.length) {
      this.#pendingPassages = withRoom(this.#pendingPassages, p + 1, GROWTH);
      this.#pendingBlock = withRoom(this.#pendingBlock, p + 1, GROWTH);
      this.#pendingStarts = withRoom(this.#pendingStarts, p + 1, GROWTH);
      this.#pendingEnds = withRoom(this.#pendingEnds, p + 1, GROWTH);
    }
    let block = this.#termBlocks.length - 1;
    if (block < 0 || this.#blockUsed + terms.length > this.#termBlocks[block]!.length) {
      // Blocks double from small (an index of a few articles stays small) up to a fixed size.
      const size = Math.max(terms.length, Math.min(MAX_BLOCK_POSTINGS, FIRST_BLOCK_POSTINGS * 2 ** this.#termBlocks.length));
      this.#termBlocks.push(new Int32Array(size));
      this.#frequencyBlocks.push(new Uint8Array(size));
      this.#blockUsed = 0;
      block++;
    }
    const termBlock = this.#termBlocks[block]!;
    const frequencyBlock = this.#frequencyBlocks[block]!;
    const start = this.#blockUsed;
    for (let i = 0; i < terms.length; i++) {
      const term = terms[i]!;
      termBlock[start + i] = term;
      frequencyBlock[start + i] = Math.min(MAX_FREQUENCY, frequencies[i]!);
      this.#passageFrequency[term]!++;
    }
    this.#blockUsed += terms.length;
    this.#pendingPostings += terms.length;
    this.#pendingPassages[p] = passage;
    this.#pendingBlock[p] = block;
    this.#pendingStarts[p] = start;
    this.#pendingEnds[p] = start + terms.length;
  }

  /** Stops indexing a passage; `terms` are its distinct term numbers, as added. */
  remove(passage: number, terms: ArrayLike<number>): void {
    if (passage >= this.#passageSlots || !this.#alive[passage]) return;
    this.#alive[passage] = 0;
    this.#passageCount--;
    this.#termCount -= this.#passageLength[passage]!;
    for (let i = 0; i < terms.length; i++) this.#passageFrequency[terms[i]!]!--;
    this.#deadPostings += terms.length;
  }

  /**
   * Stops indexing every live passage `drop` picks, without being told their
   * terms (a restored index holds passages of articles that have since
   * changed): one pass over all postings finds them.
   */
  dropWhere(drop: (passage: number) => boolean): void {
    const dropping = new Uint8Array(this.#passageSlots);
    let dropped = 0;
    for (let passage = 0; passage < this.#passageSlots; passage++) {
      if (this.#alive[passage] === 0 || !drop(passage)) continue;
      dropping[passage] = 1;
      this.#alive[passage] = 0;
      this.#passageCount--;
      this.#termCount -= this.#passageLength[passage]!;
      dropped++;
    }
    if (dropped === 0) return;
    for (let term = 0; term < this.#offsets.length - 1; term++) {
      for (let i = this.#offsets[term]!; i < this.#offsets[term + 1]!; i++) {
        if (dropping[this.#postings[i]!] === 0) continue;
        this.#passageFrequency[term]!--;
        this.#deadPostings++;
      }
    }
    for (let p = 0; p < this.#pendingCount; p++) {
      if (dropping[this.#pendingPassages[p]!] === 0) continue;
      const terms = this.#termBlocks[this.#pendingBlock[p]!]!;
      for (let i = this.#pendingStarts[p]!; i < this.#pendingEnds[p]!; i++) this.#passageFrequency[terms[i]!]!--;
      this.#deadPostings += this.#pendingEnds[p]! - this.#pendingStarts[p]!;
    }
  }

  /**
   * {@link compact}, only when the pending passages or the removed ones have
   * grown past what a search scans or skips cheaply (a few articles changed
   * since a saved index was restored do not pay for a whole pass).
   */
  compactIfLarge(): void {
    if (this.#pendingPostings > PENDING_MAX_POSTINGS || this.#deadPostings > DEAD_SHARE * this.#postings.length + PENDING_MAX_POSTINGS) this.compact();
  }

  /**
   * Folds the pending passages into the compact arrays and drops removed
   * ones: one pass over all postings (counting sort by term).
   */
  compact(): void {
    if (this.#pendingCount === 0 && this.#deadPostings === 0) return;
    const vocabulary = this.#terms.length;
    const counts = new Int32Array(vocabulary + 1);
    const oldOffsets = this.#offsets;
    const oldTerms = oldOffsets.length - 1;
    for (let term = 0; term < oldTerms; term++) {
      for (let i = oldOffsets[term]!; i < oldOffsets[term + 1]!; i++) if (this.#alive[this.#postings[i]!]) counts[term + 1]!++;
    }
    for (let p = 0; p < this.#pendingCount; p++) {
      if (!this.#alive[this.#pendingPassages[p]!]) continue;
      const terms = this.#termBlocks[this.#pendingBlock[p]!]!;
      for (let i = this.#pendingStarts[p]!; i < this.#pendingEnds[p]!; i++) counts[terms[i]! + 1]!++;
    }
    for (let term = 0; term < vocabulary; term++) counts[term + 1]! += counts[term]!;
    const offsets = counts;
    const total = offsets[vocabulary]!;
    const postings = new Int32Array(total);
    const frequencies = new Uint8Array(total);
    const next = offsets.slice(0, vocabulary);
    // Old postings first, then pending ones: pending passages are newer, so each term's list stays ascending.
    for (let term = 0; term < oldTerms; term++) {
      for (let i = oldOffsets[term]!; i < oldOffsets[term + 1]!; i++) {
        if (!this.#alive[this.#postings[i]!]) continue;
        const at = next[term]!++;
        postings[at] = this.#postings[i]!;
        frequencies[at] = this.#frequencies[i]!;
      }
    }
    for (let p = 0; p < this.#pendingCount; p++) {
      const passage = this.#pendingPassages[p]!;
      if (!this.#alive[passage]) continue;
      const terms = this.#termBlocks[this.#pendingBlock[p]!]!;
      const termFrequencies = this.#frequencyBlocks[this.#pendingBlock[p]!]!;
      for (let i = this.#pendingStarts[p]!; i < this.#pendingEnds[p]!; i++) {
        const at = next[terms[i]!]!++;
        postings[at] = passage;
        frequencies[at] = termFrequencies[i]!;
      }
    }
    this.#offsets = offsets;
    this.#postings = postings;
    this.#frequencies = frequencies;
    this.#deadPostings = 0;
    this.#termBlocks = [];
    this.#frequencyBlocks = [];
    this.#blockUsed = 0;
    this.#pendingPostings = 0;
    // Keep the pending lists small after a bulk load rather than holding their largest size.
    if (this.#pendingCount > 4096) {
      this.#pendingPassages = new Int32Array(256);
      this.#pendingBlock = new Int32Array(256);
      this.#pendingStarts = new Int32Array(256);
      this.#pendingEnds = new Int32Array(256);
    }
    this.#pendingCount = 0;
  }

  /**
   * The best-scoring live passages, best first: each term number asked adds
   * its weight (the caller's importance, IDF included) times BM25's
   * term-frequency saturation; `accept` may rule passages out. Costs one
   * visit per posting of the terms asked.
   */
  search(weights: ReadonlyMap<number, number>, limit: number, accept?: (passage: number) => boolean): ScoredPassage[] {
    this.compactIfLarge();
    const slots = this.#passageSlots;
    if (this.#touchedBy.length < slots) {
      this.#touchedBy = new Int32Array(Math.ceil(slots * 1.25));
      this.#scores = new Float64Array(this.#touchedBy.length);
      this.#touched = new Int32Array(this.#touchedBy.length);
      this.#selection = new Float64Array(this.#touchedBy.length);
      this.#searchNumber = 0;
    }
    const search = ++this.#searchNumber;
    const touchedBy = this.#touchedBy;
    const scores = this.#scores;
    const touched = this.#touched;
    let touchedCount = 0;
    const alive = this.#alive;
    const passageLength = this.#passageLength;
    const averageLength = Math.max(1, this.#termCount / Math.max(1, this.#passageCount));
    const lengthWeight = (BM25_K1 * BM25_B) / averageLength;
    const lengthBase = BM25_K1 * (1 - BM25_B);
    const compacted = this.#offsets.length - 1;
    // The loops below are the hot path of every question: kept flat, without a call per posting.
    for (const [term, weight] of weights) {
      if (term < 0 || term >= compacted || weight === 0) continue;
      const postings = this.#postings;
      const frequencies = this.#frequencies;
      for (let i = this.#offsets[term]!, end = this.#offsets[term + 1]!; i < end; i++) {
        const passage = postings[i]!;
        if (alive[passage] === 0) continue;
        const frequency = frequencies[i]!;
        const score = (weight * frequency * (BM25_K1 + 1)) / (frequency + lengthBase + lengthWeight * passageLength[passage]!);
        if (touchedBy[passage] === search) {
          scores[passage]! += score;
        } else {
          touchedBy[passage] = search;
          scores[passage] = score;
          touched[touchedCount++] = passage;
        }
      }
    }
    // Pending passages are scanned whole: a term's weight is looked up in an array, not a map.
    const weightOf = this.#weightOf.length >= this.#terms.length ? this.#weightOf : (this.#weightOf = new Float64Array(Math.ceil(this.#terms.length * 1.25)));
    for (const [term, weight] of weights) if (term >= 0 && term < weightOf.length) weightOf[term] = weight;
    for (let p = 0; p < this.#pendingCount; p++) {
      const passage = this.#pendingPassages[p]!;
      if (alive[passage] === 0) continue;
      const terms = this.#termBlocks[this.#pendingBlock[p]!]!;
      const termFrequencies = this.#frequencyBlocks[this.#pendingBlock[p]!]!;
      for (let i = this.#pendingStarts[p]!; i < this.#pendingEnds[p]!; i++) {
        const weight = weightOf[terms[i]!]!;
        if (weight === 0) continue;
        const frequency = termFrequencies[i]!;
        const score = (weight * frequency * (BM25_K1 + 1)) / (frequency + lengthBase + lengthWeight * passageLength[passage]!);
        if (touchedBy[passage] === search) {
          scores[passage]! += score;
        } else {
          touchedBy[passage] = search;
          scores[passage] = score;
          touched[touchedCount++] = passage;
        }
      }
    }
    for (const term of weights.keys()) if (term >= 0 && term < weightOf.length) weightOf[term] = 0;
    return topScores(touched.subarray(0, touchedCount), scores, limit, accept, this.#selection);
  }

  /** The term with this number. */
  term(number: number): string {
    return this.#terms[number] ?? '';
  }

  /** BM25's inverse document frequency for a term in this many passages. */
  idf(passages: number): number {
    return Math.log(1 + (this.#passageCount - passages + 0.5) / (passages + 0.5));
  }

  /** Terms that live passages hold within `maxDistance` edits of `term` (not the term itself). */
  similarTerms(term: string, maxDistance: number): string[] {
    if (this.#typoTree === null) {
      // Built on the first typo, not at start-up: most sessions never need it.
      this.#typoTree = new SearchableMap<number>();
      this.#terms.forEach((known, number) => this.#typoTree!.set(known, number));
    }
    const similar: string[] = [];
    for (const [found, [number]] of this.#typoTree.fuzzyGet(term, maxDistance)) {
      if (found !== term && this.#passageFrequency[number]! > 0) similar.push(found);
    }
    return similar;
  }
}

/**
 * The `limit` best of the touched passages, best first; ties go to the lower
 * number. Without `accept`, the limit-th best score is found by selection
 * (linear) and the passages above it kept: a min-heap costs log(limit) per
 * passage that enters it, and a search asking for several hundred (to set
 * near-copies aside, see article-index.ts) took 2–3 ms more at 100,000
 * articles. With `accept`, a heap asks it only of passages good enough to
 * enter.
 */
function topScores(touched: Int32Array, scores: Float64Array, limit: number, accept: ((passage: number) => boolean) | undefined, scratch: Float64Array): ScoredPassage[] {
  if (accept === undefined && touched.length > limit && limit > 0) return topScoresBySelection(touched, scores, limit, scratch);
  const heap: number[] = [];
  // True when passage a ranks below passage b.
  const below = (a: number, b: number) => scores[a]! < scores[b]! || (scores[a] === scores[b] && a > b);
  for (let t = 0; t < touched.length; t++) {
    const passage = touched[t]!;
    // Most passages score below the worst of a full heap: one comparison rules them out.
    if (heap.length === limit && (limit === 0 || scores[passage]! < scores[heap[0]!]! || !below(heap[0]!, passage))) continue;
    if (accept && !accept(passage)) continue;
    if (heap.length < limit) {
      heap.push(passage);
      for (let at = heap.length - 1; at > 0; ) {
        const parent = (at - 1) >> 1;
        if (!below(heap[at]!, heap[parent]!)) break;
        [heap[at], heap[parent]] = [heap[parent]!, heap[at]!];
        at = parent;
      }
      continue;
    }
    heap[0] = passage;
    for (let at = 0; ; ) {
      const left = 2 * at + 1;
      const right = left + 1;
      let lowest = at;
      if (left < heap.length && below(heap[left]!, heap[lowest]!)) lowest = left;
      if (right < heap.length && below(heap[right]!, heap[lowest]!)) lowest = right;
      if (lowest === at) break;
      [heap[at], heap[lowest]] = [heap[lowest]!, heap[at]!];
      at = lowest;
    }
  }
  return heap.map((passage) => ({ passage, score: scores[passage]! })).sort((a, b) => b.score - a.score || a.passage - b.passage);
}

function topScoresBySelection(touched: Int32Array, scores: Float64Array, limit: number, scratch: Float64Array): ScoredPassage[] {
  for (let t = 0; t < touched.length; t++) scratch[t] = scores[touched[t]!]!;
  const threshold = kthLargest(scratch, touched.length, limit);
  const kept: number[] = [];
  const atThreshold: number[] = [];
  for (let t = 0; t < touched.length; t++) {
    const passage = touched[t]!;
    if (scores[passage]! > threshold) kept.push(passage);
    else if (scores[passage] === threshold) atThreshold.push(passage);
  }
  atThreshold.sort((a, b) => a - b);
  for (let i = 0; kept.length < limit && i < atThreshold.length; i++) kept.push(atThreshold[i]!);
  return kept.map((passage) => ({ passage, score: scores[passage]! })).sort((a, b) => b.score - a.score || a.passage - b.passage);
}

/** The k-th largest (k from 1) of `values[0..count)`, which it reorders (quickselect, Hoare's partition). */
function kthLargest(values: Float64Array, count: number, k: number): number {
  const target = k - 1;
  let left = 0;
  let right = count - 1;
  while (left < right) {
    const a = values[left]!;
    const b = values[(left + right) >> 1]!;
    const c = values[right]!;
    // The median of three: sorted or reversed runs do not make it quadratic.
    const pivot = a < b ? (b < c ? b : a < c ? c : a) : a < c ? a : b < c ? c : b;
    let i = left;
    let j = right;
    while (i <= j) {
      while (values[i]! > pivot) i++;
      while (values[j]! < pivot) j--;
      if (i <= j) {
        const swap = values[i]!;
        values[i] = values[j]!;
        values[j] = swap;
        i++;
        j--;
      }
    }
    // Now values[left..j] >= pivot >= values[i..right], and values between j and i equal the pivot.
    if (target <= j) right = j;
    else if (target >= i) left = i;
    else return values[target]!;
  }
  return values[target]!;
}
