import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { PassagePostings } from '../src/search/passage-postings.ts';

/** A passage as a list of term numbers, with repeats. */
type Passage = number[];

function counted(passage: Passage): { terms: number[]; frequencies: number[] } {
  const counts = new Map<number, number>();
  for (const term of passage) counts.set(term, (counts.get(term) ?? 0) + 1);
  return { terms: [...counts.keys()], frequencies: [...counts.values()] };
}

/** BM25's term-frequency saturation times each term's weight, as the postings compute it, from a plain list of live passages. */
function expectedScores(live: ReadonlyMap<number, Passage>, weights: ReadonlyMap<number, number>): Map<number, number> {
  const passages = [...live.values()];
  const average = Math.max(1, passages.reduce((sum, p) => sum + p.length, 0) / Math.max(1, passages.length));
  const scores = new Map<number, number>();
  for (const [term, weight] of weights) {
    for (const [number, passage] of live) {
      const frequency = passage.filter((t) => t === term).length;
      if (frequency === 0) continue;
      const score = (weight * frequency * 2.2) / (frequency + 1.2 * (0.3 + (0.7 * passage.length) / average));
      scores.set(number, (scores.get(number) ?? 0) + score);
    }
  }
  return scores;
}

const vocabulary = 6;

describe('PassagePostings', () => {
  test('finds passages by term, best first, and forgets removed ones', () => {
    const postings = new PassagePostings();
    const [harbour, ferry, fog] = ['harbour', 'ferry', 'fog'].map((term) => postings.termNumber(term, true)) as [number, number, number];
    postings.add(0, [harbour], [1], 4);
    postings.add(1, [ferry, fog], [1, 2], 5);
    postings.add(2, [ferry], [1], 9);
    expect(postings.search(new Map([[ferry, 1]]), 10).map((hit) => hit.passage)).toEqual([1, 2]);
    expect(postings.passageFrequency('ferry')).toBe(2);
    postings.remove(1, [ferry, fog]);
    expect(postings.search(new Map([[fog, 1]]), 10)).toEqual([]);
    expect(postings.passageFrequency('fog')).toBe(0);
    expect(postings.passageCount).toBe(2);
    expect(() => postings.add(1, [fog], [1], 1)).toThrow(/newer/);
  });

  test('finds the terms within a few edits of a word, among those still held', () => {
    const postings = new PassagePostings();
    const harbour = postings.termNumber('harbour', true);
    const harbor = postings.termNumber('harbor', true);
    postings.add(0, [harbour], [1], 1);
    postings.add(1, [harbor], [1], 1);
    expect(postings.similarTerms('harbuor', 2).sort()).toEqual(['harbor', 'harbour']);
    postings.remove(1, [harbor]);
    expect(postings.similarTerms('harbuor', 2)).toEqual(['harbour']);
    postings.add(2, [postings.termNumber('harbours', true)], [1], 1);
    expect(postings.similarTerms('harbuors', 2)).toContain('harbours');
  });

  test('property: whatever the adds, removes and compactions, it scores as a plain list would, and so does a restored copy', () => {
    const operation = fc.oneof(
      fc.record({ add: fc.array(fc.integer({ min: 0, max: vocabulary - 1 }), { minLength: 1, maxLength: 8 }) }),
      fc.record({ remove: fc.nat() }),
      fc.constant({ compact: true }),
    );
    fc.assert(
      fc.property(fc.array(operation, { maxLength: 30 }), fc.dictionary(fc.integer({ min: 0, max: vocabulary - 1 }).map(String), fc.double({ min: 0.01, max: 5, noNaN: true })), (operations, weightTable) => {
        const postings = new PassagePostings();
        for (let term = 0; term < vocabulary; term++) postings.termNumber(`t${term}`, true);
        const live = new Map<number, Passage>();
        let next = 0;
        for (const op of operations) {
          if ('add' in op) {
            const { terms, frequencies } = counted(op.add);
            postings.add(next, terms, frequencies, op.add.length);
            live.set(next++, op.add);
          } else if ('remove' in op) {
            const numbers = [...live.keys()];
            if (numbers.length === 0) continue;
            const number = numbers[op.remove % numbers.length]!;
            postings.remove(number, counted(live.get(number)!).terms);
            live.delete(number);
          } else {
            postings.compact();
          }
        }
        const weights = new Map(Object.entries(weightTable).map(([term, weight]) => [Number(term), weight]));
        const expected = expectedScores(live, weights);
        const check = (index: PassagePostings) => {
          const found = index.search(weights, 1_000);
          expect(found.map((hit) => hit.passage).sort((a, b) => a - b)).toEqual([...expected.keys()].sort((a, b) => a - b));
          for (const hit of found) expect(hit.score).toBeCloseTo(expected.get(hit.passage)!, 9);
          for (let i = 1; i < found.length; i++) expect(found[i - 1]!.score).toBeGreaterThanOrEqual(found[i]!.score);
          expect(index.passageCount).toBe(live.size);
        };
        check(postings);
        check(PassagePostings.restore(postings.save()));
        // Dropping passages by number alone (a restored index whose articles changed) leaves what removing them would.
        const restored = PassagePostings.restore(postings.save());
        restored.dropWhere((passage) => passage % 2 === 1);
        for (const number of [...live.keys()]) if (number % 2 === 1) live.delete(number);
        const afterDrop = expectedScores(live, weights);
        const found = restored.search(weights, 1_000);
        expect(found.map((hit) => hit.passage).sort((a, b) => a - b)).toEqual([...afterDrop.keys()].sort((a, b) => a - b));
        for (const hit of found) expect(hit.score).toBeCloseTo(afterDrop.get(hit.passage)!, 9);
        expect(restored.passageCount).toBe(live.size);
        for (let term = 0; term < vocabulary; term++) {
          expect(restored.passageFrequency(`t${term}`)).toBe([...live.values()].filter((passage) => passage.includes(term)).length);
        }
        // The best few (picked by selection, not sorting) are the first of the full ranking, ties to the lower number.
        for (const limit of [1, 2, 3, 10]) {
          expect(postings.search(weights, limit)).toEqual(postings.search(weights, 1_000).slice(0, limit));
        }
      }),
      { numRuns: 200 },
    );
  });

  test('pending passages spread over several blocks score as a plain list, before and after compaction', () => {
    // About 40,000 pending postings: past the first blocks (4,096, then 8,192, 16,384...), and one passage larger than a block.
    const postings = new PassagePostings();
    const terms = 60;
    for (let term = 0; term < terms; term++) postings.termNumber(`t${term}`, true);
    const live = new Map<number, Passage>();
    let seed = 7;
    const random = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    for (let number = 0; number < 2_000; number++) {
      const passage = Array.from({ length: 1 + Math.floor(random() * 40) }, () => Math.floor(random() * terms));
      const { terms: distinct, frequencies } = counted(passage);
      postings.add(number, distinct, frequencies, passage.length);
      live.set(number, passage);
    }
    const huge = Array.from({ length: 5_000 }, (_, i) => i % terms);
    postings.add(2_000, counted(huge).terms, counted(huge).frequencies, huge.length);
    live.set(2_000, huge);
    for (const number of [3, 500, 1_999]) {
      postings.remove(number, counted(live.get(number)!).terms);
      live.delete(number);
    }
    const weights = new Map([[1, 1.5], [17, 0.7], [42, 2]]);
    const expected = expectedScores(live, weights);
    const check = () => {
      const found = postings.search(weights, 5_000);
      expect(found.map((hit) => hit.passage).sort((a, b) => a - b)).toEqual([...expected.keys()].sort((a, b) => a - b));
      for (const hit of found) expect(hit.score).toBeCloseTo(expected.get(hit.passage)!, 9);
    };
    check();
    postings.compact();
    check();
    expect(postings.passageFrequency('t42')).toBe([...live.values()].filter((passage) => passage.includes(42)).length);
  });

  test('the best few are found exactly when a common term is only looked up', () => {
    const postings = new PassagePostings();
    const [rare, common] = [postings.termNumber('rare', true), postings.termNumber('common', true)];
    for (let passage = 0; passage < 1_000; passage++) {
      const terms = passage % 100 === 7 ? [rare, common] : [common];
      postings.add(passage, terms, terms.map(() => 1 + (passage % 3)), 10 + (passage % 5));
    }
    postings.compact();
    const weights = new Map([
      [rare, 8],
      [common, 0.2],
    ]);
    const full = postings.search(weights, 1_000);
    expect(postings.search(weights, 4)).toEqual(full.slice(0, 4));
    expect(full.slice(0, 10).every((hit) => hit.passage % 100 === 7)).toBe(true);
  });

  test('a filter rules passages out before the best are chosen', () => {
    const postings = new PassagePostings();
    const term = postings.termNumber('storm', true);
    for (let passage = 0; passage < 10; passage++) postings.add(passage, [term], [1 + passage], 10);
    const odd = postings.search(new Map([[term, 1]]), 3, (passage) => passage % 2 === 1);
    expect(odd.map((hit) => hit.passage)).toEqual([9, 7, 5]);
  });
});
