/**
 * TF-IDF vectors of an article's sentences, sparse and sorted by term id so
 * that a dot product is one merge (a summary compares every pair of
 * sentences, so this is its hot loop).
 */
export interface TermVector {
  /** Term ids, ascending. */
  ids: Int32Array;
  weights: Float64Array;
  norm: number;
}

/** The sentence vectors of an article and the sum of them all (its centroid), dense by term id. */
export interface ArticleVectors {
  vectors: TermVector[];
  centroid: Float64Array;
  centroidSquares: number;
}

/**
 * Weighs each sentence's terms by (1 + log tf) × log(1 + N / sf), where sf is
 * the number of the article's N sentences that use the term: a term found in
 * every sentence tells no sentence apart, one repeated across several marks
 * what the article is about.
 */
export function buildVectors(termLists: readonly (readonly string[])[]): ArticleVectors {
  const idOf = new Map<string, number>();
  const idLists = termLists.map((terms) =>
    terms.map((term) => {
      let id = idOf.get(term);
      if (id === undefined) {
        id = idOf.size;
        idOf.set(term, id);
      }
      return id;
    }),
  );
  const sentenceFrequency = new Float64Array(idOf.size);
  const counted = idLists.map((ids) => {
    const counts = new Map<number, number>();
    for (const id of ids) counts.set(id, (counts.get(id) ?? 0) + 1);
    for (const id of counts.keys()) sentenceFrequency[id]!++;
    return counts;
  });
  const sentences = termLists.length;
  const centroid = new Float64Array(idOf.size);
  const vectors = counted.map((counts) => {
    const ids = Int32Array.from(counts.keys()).sort();
    const weights = new Float64Array(ids.length);
    let squares = 0;
    for (const [k, id] of ids.entries()) {
      const weight = (1 + Math.log(counts.get(id)!)) * Math.log(1 + sentences / sentenceFrequency[id]!);
      weights[k] = weight;
      squares += weight * weight;
      centroid[id]! += weight;
    }
    return { ids, weights, norm: Math.sqrt(squares) };
  });
  let centroidSquares = 0;
  for (const w of centroid) centroidSquares += w * w;
  return { vectors, centroid, centroidSquares };
}

/** The dot product of two sparse vectors. */
export function dot(a: TermVector, b: TermVector): number {
  let i = 0;
  let j = 0;
  let sum = 0;
  while (i < a.ids.length && j < b.ids.length) {
    const x = a.ids[i]!;
    const y = b.ids[j]!;
    if (x === y) sum += a.weights[i++]! * b.weights[j++]!;
    else if (x < y) i++;
    else j++;
  }
  return sum;
}

/** Cosine similarity; 0 when either vector is empty (a sentence of stop words only). */
export function cosine(a: TermVector, b: TermVector): number {
  return a.norm === 0 || b.norm === 0 ? 0 : dot(a, b) / (a.norm * b.norm);
}

/**
 * Cosine similarity of a sentence with the rest of its article (the centroid
 * less the sentence itself, so that a sentence is not central merely for
 * agreeing with itself).
 */
export function cosineWithRest(vector: TermVector, article: ArticleVectors): number {
  let product = 0;
  let restSquares = article.centroidSquares;
  for (const [k, id] of vector.ids.entries()) {
    const w = vector.weights[k]!;
    const total = article.centroid[id]!;
    const rest = total - w;
    product += w * rest;
    restSquares += rest * rest - total * total;
  }
  const norm = vector.norm * Math.sqrt(Math.max(restSquares, 0));
  return norm === 0 ? 0 : product / norm;
}

const DAMPING = 0.85;
const MAX_ITERATIONS = 50;
// Ranks are compared, not read as values: stop once they no longer move.
const TOLERANCE = 1e-6;

/**
 * TextRank (Mihalcea & Tarau 2004): PageRank over the graph whose edges are
 * the cosine similarities of sentences. A sentence ranks high when it is
 * similar to many sentences that rank high themselves. Quadratic in the number
 * of sentences.
 */
export function rankByGraph(vectors: readonly TermVector[]): number[] {
  const n = vectors.length;
  if (n === 0) return [];
  const weights = vectors.map(() => new Float64Array(n));
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const similarity = cosine(vectors[i]!, vectors[j]!);
      weights[i]![j] = similarity;
      weights[j]![i] = similarity;
    }
  }
  const outTotals = weights.map((row) => row.reduce((sum, w) => sum + w, 0));
  let rank = new Float64Array(n).fill(1 / n);
  for (let iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
    const next = new Float64Array(n).fill((1 - DAMPING) / n);
    for (let j = 0; j < n; j++) {
      const total = outTotals[j]!;
      if (total === 0) continue;
      const share = (DAMPING * rank[j]!) / total;
      const row = weights[j]!;
      for (let i = 0; i < n; i++) next[i]! += share * row[i]!;
    }
    let change = 0;
    for (let i = 0; i < n; i++) change += Math.abs(next[i]! - rank[i]!);
    rank = next;
    if (change < TOLERANCE) break;
  }
  return Array.from(rank);
}
