/**
 * The evaluation metrics, written out here so that the figures can be traced
 * to a few dozen lines (no maintained npm package gives both ROUGE recall and
 * F-measure with a punctuation-free tokeniser; js-rouge returns F only and
 * keeps punctuation as tokens).
 *
 * - SQuAD v1.1 answer scoring: {@link normalizeAnswer}, {@link exactMatch},
 *   {@link f1Score}, {@link maxOverGold}: a line-by-line port of the official
 *   `evaluate-v1.1.py`.
 * - Excerpt hits: {@link containsAnswer}.
 * - ROUGE (Lin 2004), as Google's `rouge_score` computes it without stemming:
 *   {@link rougeTokens}, {@link rougeN}, {@link rougeL}, {@link rougeLsum}.
 */

// Python's string.punctuation: the official script removes exactly these (ASCII only).
const PUNCTUATION = new Set('!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~');
// Python's `\b` is Unicode-aware; JavaScript's is ASCII-only, so spell it out.
const ARTICLES = /(?<![\p{L}\p{N}_])(?:a|an|the)(?![\p{L}\p{N}_])/gu;

/**
 * The official SQuAD v1.1 answer normalisation: lower-case, remove
 * punctuation, remove the articles a/an/the, collapse white space.
 *
 * @example normalizeAnswer('The  Denver Broncos!') // 'denver broncos'
 */
export function normalizeAnswer(text: string): string {
  const lower = text.toLowerCase();
  let noPunctuation = '';
  for (const ch of lower) if (!PUNCTUATION.has(ch)) noPunctuation += ch;
  const noArticles = noPunctuation.replace(ARTICLES, ' ');
  return noArticles.split(/\s+/u).filter((t) => t !== '').join(' ');
}

function answerTokens(text: string): string[] {
  const normalized = normalizeAnswer(text);
  return normalized === '' ? [] : normalized.split(' ');
}

/** 1 when prediction and gold are equal after {@link normalizeAnswer}, else 0. */
export function exactMatch(prediction: string, gold: string): number {
  return normalizeAnswer(prediction) === normalizeAnswer(gold) ? 1 : 0;
}

/**
 * Token-level F1 of the SQuAD v1.1 script: the bag-of-tokens overlap of the
 * normalised prediction and gold. As in v1.1 (unlike v2.0), two answers that
 * both normalise to nothing score 0.
 */
export function f1Score(prediction: string, gold: string): number {
  const predicted = answerTokens(prediction);
  const expected = answerTokens(gold);
  const same = overlapCount(countItems(predicted), countItems(expected));
  if (same === 0) return 0;
  const precision = same / predicted.length;
  const recall = same / expected.length;
  return (2 * precision * recall) / (precision + recall);
}

/**
 * The best score of a prediction over all gold answers, as the SQuAD script
 * does; an abstention (null) scores 0.
 */
export function maxOverGold(
  metric: (prediction: string, gold: string) => number,
  prediction: string | null,
  golds: readonly string[],
): number {
  if (prediction === null) return 0;
  let best = 0;
  for (const gold of golds) best = Math.max(best, metric(prediction, gold));
  return best;
}

/**
 * True when an excerpt contains one of the gold answers: the gold's words,
 * in order, are whole words of the excerpt (so gold "1" is not found in
 * "1990"). Words are runs of letters and digits, lower-cased, articles
 * left out; an apostrophe, a hyphen or any other mark separates them, so
 * that "Manning's problems" contains "Manning", "their own 24-yard line"
 * contains "24" and "‘often damaging’" contains "often damaging". (SQuAD's
 * answer normalisation deletes those marks instead, which joins "Manning's"
 * into one word: right for comparing two answers, wrong for finding one in
 * a sentence.) A gold answer with no words (e.g. "The") is looked for as
 * written, ignoring case.
 */
export function containsAnswer(excerpt: string, golds: readonly string[]): boolean {
  const haystack = ` ${excerptWords(excerpt).join(' ')} `;
  return golds.some((gold) => {
    const needle = excerptWords(gold).join(' ');
    if (needle === '') return gold.trim() !== '' && excerpt.toLowerCase().includes(gold.trim().toLowerCase());
    return haystack.includes(` ${needle} `);
  });
}

const ARTICLE_WORDS = new Set(['a', 'an', 'the']);

function excerptWords(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word !== '' && !ARTICLE_WORDS.has(word));
}

/** Recall, precision and F-measure (β = 1) of one ROUGE comparison. */
export interface RougeScore {
  precision: number;
  recall: number;
  f: number;
}

const NON_ALPHANUMERIC = /[^\p{L}\p{N}]+/u;

/**
 * ROUGE's tokens: lower-cased runs of letters and digits; everything else
 * separates. This is `rouge_score`'s default tokeniser (which keeps only
 * a–z and 0–9) extended to letters of any script. It also makes the gold BBC
 * summaries' run-together sentences harmless: "$10.9bn.For the" gives
 * `10 9bn for the`, as "$10.9bn. For the" does.
 *
 * @example rougeTokens("$10.9bn.For the full-year") // ['10', '9bn', 'for', 'the', 'full', 'year']
 */
export function rougeTokens(text: string): string[] {
  return text
    .toLowerCase()
    .split(NON_ALPHANUMERIC)
    .filter((t) => t !== '');
}

/**
 * Splits a text whose sentences may be run together without spaces (as the
 * gold BBC summaries are: "…from $10.9bn.For the full-year…") into sentences:
 * at line breaks, and after `.`, `!` or `?` (and any closing quote) that are
 * directly followed by a capital letter or an opening quote. Decimals
 * ("10.9") and domain names ("Amazon.com") are left whole. Used only for
 * {@link rougeLsum}; the other ROUGE scores do not depend on sentences.
 */
export function splitRunTogetherSentences(text: string): string[] {
  return text
    .split(/\r?\n|(?<=[.!?]["'”’)\]]*)(?=["'“‘(\[]*\p{Lu})/u)
    .map((s) => s.trim())
    .filter((s) => rougeTokens(s).length > 0);
}

function countItems(items: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(item, (counts.get(item) ?? 0) + 1);
  return counts;
}

function overlapCount(a: Map<string, number>, b: Map<string, number>): number {
  let same = 0;
  for (const [item, count] of a) same += Math.min(count, b.get(item) ?? 0);
  return same;
}

function score(hits: number, candidateTotal: number, referenceTotal: number): RougeScore {
  const precision = candidateTotal === 0 ? 0 : hits / candidateTotal;
  const recall = referenceTotal === 0 ? 0 : hits / referenceTotal;
  const f = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f };
}

function ngrams(tokens: readonly string[], n: number): string[] {
  const grams: string[] = [];
  for (let i = 0; i + n <= tokens.length; i++) grams.push(tokens.slice(i, i + n).join(' '));
  return grams;
}

/**
 * ROUGE-N: the clipped overlap of the n-grams of a candidate and a reference
 * token sequence (n-grams may cross sentence boundaries, as in `rouge_score`).
 *
 * @example rougeN(['the','cat','sat'], ['the','cat','sat','down'], 1) // recall 0.75, precision 1
 */
export function rougeN(candidate: readonly string[], reference: readonly string[], n: number): RougeScore {
  if (!Number.isInteger(n) || n < 1) throw new Error(`rougeN: expected n to be a positive integer, got ${n}`);
  const candidateGrams = ngrams(candidate, n);
  const referenceGrams = ngrams(reference, n);
  const hits = overlapCount(countItems(candidateGrams), countItems(referenceGrams));
  return score(hits, candidateGrams.length, referenceGrams.length);
}

/** The dynamic-programming table of LCS lengths: `table[i][j]` for a[0..i), b[0..j). */
function lcsTable(a: readonly string[], b: readonly string[]): Uint32Array[] {
  const table = Array.from({ length: a.length + 1 }, () => new Uint32Array(b.length + 1));
  for (let i = 1; i <= a.length; i++) {
    const row = table[i]!;
    const previous = table[i - 1]!;
    for (let j = 1; j <= b.length; j++) {
      row[j] = a[i - 1] === b[j - 1] ? previous[j - 1]! + 1 : Math.max(previous[j]!, row[j - 1]!);
    }
  }
  return table;
}

/** Length of the longest common subsequence of two token sequences. */
export function lcsLength(a: readonly string[], b: readonly string[]): number {
  return lcsTable(a, b)[a.length]![b.length]!;
}

/**
 * ROUGE-L (`rouge_score`'s "rougeL"): the longest common subsequence of the
 * whole candidate and the whole reference, each read as one sequence.
 * Sensitive to sentence order.
 */
export function rougeL(candidate: readonly string[], reference: readonly string[]): RougeScore {
  return score(lcsLength(candidate, reference), candidate.length, reference.length);
}

/** Positions in `reference` of one longest common subsequence with `candidate`. */
function lcsReferencePositions(reference: readonly string[], candidate: readonly string[]): number[] {
  const table = lcsTable(reference, candidate);
  const positions: number[] = [];
  let i = reference.length;
  let j = candidate.length;
  while (i > 0 && j > 0) {
    if (reference[i - 1] === candidate[j - 1]) {
      positions.push(i - 1);
      i--;
      j--;
    } else if (table[i - 1]![j]! >= table[i]![j - 1]!) {
      i--;
    } else {
      j--;
    }
  }
  return positions.reverse();
}

/**
 * Summary-level ROUGE-L (Lin 2004, §3.2; `rouge_score`'s "rougeLsum"): for
 * each reference sentence, the union of its LCS with every candidate
 * sentence, with hits clipped to the tokens' counts in both summaries. Unlike
 * {@link rougeL} it does not depend on the order of the sentences, which
 * matters here because the gold BBC summaries list their sentences out of
 * article order.
 */
export function rougeLsum(
  candidateSentences: readonly (readonly string[])[],
  referenceSentences: readonly (readonly string[])[],
): RougeScore {
  const candidateCounts = countItems(candidateSentences.flat());
  const referenceCounts = countItems(referenceSentences.flat());
  const candidateTotal = candidateSentences.reduce((sum, s) => sum + s.length, 0);
  const referenceTotal = referenceSentences.reduce((sum, s) => sum + s.length, 0);
  let hits = 0;
  for (const reference of referenceSentences) {
    const union = new Set<number>();
    for (const candidate of candidateSentences) {
      for (const position of lcsReferencePositions(reference, candidate)) union.add(position);
    }
    for (const position of [...union].sort((x, y) => x - y)) {
      const token = reference[position]!;
      const inCandidate = candidateCounts.get(token) ?? 0;
      const inReference = referenceCounts.get(token) ?? 0;
      if (inCandidate > 0 && inReference > 0) {
        hits++;
        candidateCounts.set(token, inCandidate - 1);
        referenceCounts.set(token, inReference - 1);
      }
    }
  }
  return score(hits, candidateTotal, referenceTotal);
}

/** The ROUGE scores the harness reports for one summary. */
export interface SummaryScores {
  rouge1: RougeScore;
  rouge2: RougeScore;
  rougeL: RougeScore;
  rougeLsum: RougeScore;
}

/**
 * Scores a candidate summary, given as its sentences, against a gold summary
 * given as written (its sentences may be run together).
 */
export function scoreSummary(candidateSentences: readonly string[], goldSummary: string): SummaryScores {
  const candidate = candidateSentences.map(rougeTokens);
  const reference = splitRunTogetherSentences(goldSummary).map(rougeTokens);
  const candidateFlat = candidate.flat();
  const referenceFlat = rougeTokens(goldSummary);
  return {
    rouge1: rougeN(candidateFlat, referenceFlat, 1),
    rouge2: rougeN(candidateFlat, referenceFlat, 2),
    rougeL: rougeL(candidateFlat, referenceFlat),
    rougeLsum: rougeLsum(candidate, reference),
  };
}
