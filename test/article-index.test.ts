import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { paragraphCount, withLazyBody, type Article } from '../src/article.ts';
import { makeArticle } from './helpers/make-article.ts';
import { ArticleIndex } from '../src/search/article-index.ts';

const article = (id: string, title: string, paragraphs: string[]) => makeArticle(id, title, paragraphs);

const harbour = article('harbour', 'Harbour reopens', ['The harbour reopened after storm repairs.', 'Fishermen returned to the quay.']);
const election = article('election', 'Mayor re-elected', ['The mayor won a second term with 54% of the vote.']);

/** The articles as a warm start makes them, their text read only when asked for, and how often it was read. */
function lazyCopies(articles: Article[]): { lazy: Article[]; reads: () => number } {
  let reads = 0;
  const lazy = articles.map(({ paragraphs, captions, ...head }) =>
    withLazyBody(head, paragraphs.length, {
      text: () => {
        reads++;
        return { paragraphs, captions };
      },
    }, 0),
  );
  return { lazy, reads: () => reads };
}

describe('ArticleIndex', () => {
  test('finds passages by stemmed terms, with typo tolerance for unknown words', () => {
    const index = new ArticleIndex([harbour, election]);
    expect(index.searchPassages('fisherman returning')[0]).toMatchObject({ articleId: 'harbour', paragraph: 1 });
    expect(index.searchPassages('harbuor')[0]?.articleId).toBe('harbour');
    expect(index.searchPassages('the of and')).toEqual([]);
  });

  test('an unknown word is matched to the known words a few edits from it; a known or short word to none', () => {
    const index = new ArticleIndex([harbour, election]);
    expect(index.typoMatches('harbuor')).toEqual(['harbour']);
    expect(index.typoMatches('harbour')).toEqual([]);
    expect(index.typoMatches('majr')).toEqual([]);
    expect(index.typoMatches('zzzzzzz')).toEqual([]);
    // What it found is kept only while the articles stay the same.
    index.add(article('port', 'Port', ['The harbor was busy.']));
    expect([...index.typoMatches('harbuor')].sort()).toEqual(['harbor', 'harbour']);
    index.remove('harbour');
    expect(index.typoMatches('harbuor')).toEqual(['harbor']);
  });

  test("a name's other spellings are the known terms that spell the same name, while the articles stay the same", () => {
    const raqqa = article('raqqa', 'Raqqa', ['Air strikes hit Raqqa on Monday.']);
    const raqa = article('raqa', 'Raqa', ['Air strikes hit Raqa again on Tuesday.']);
    const index = new ArticleIndex([harbour, raqqa]);
    expect(index.spellingVariants('raqqa')).toEqual([]);
    index.add(raqa);
    expect(index.spellingVariants('raqqa')).toEqual(['raqa']);
    expect(index.spellingVariants('raqa')).toEqual(['raqqa']);
    // Another word a few edits away is no spelling of the name; the engine asks only of the question's names.
    expect([...index.spellingVariants('raqqah')].sort()).toEqual(['raqa', 'raqqa']);
    expect(index.spellingVariants('rakka')).toEqual([]);
    index.remove('raqa');
    expect(index.spellingVariants('raqqa')).toEqual([]);
  });

  test("a short name word's other spellings are one edit away with its spelling key and first letter", () => {
    const index = new ArticleIndex([harbour, article('deir', 'Deir el-Zour', ['Shelling hit Deir el-Zour and the zoo near Deir ez-Zor.'])]);
    expect(index.nameWordVariants('zor')).toEqual(['zour']);
    expect(index.nameWordVariants('zour')).toEqual(['zor']);
    // "zoo" has another key.
    expect(index.nameWordVariants('zoo')).toEqual([]);
  });

  test("a name's aliases are those the articles define, while the articles stay the same, and a restored index keeps them unread", () => {
    const fsa = article('fsa', 'Rebels advance', ['Fighters of the Free Syrian Army (FSA) entered the town.']);
    const index = new ArticleIndex([harbour]);
    expect(index.aliasesOf('FSA')).toEqual([]);
    index.add(fsa);
    expect(index.aliasesOf('FSA')).toEqual(['Free Syrian Army']);
    expect(index.aliasesOf('Free Syrian Army')).toEqual(['FSA']);
    const { lazy, reads } = lazyCopies([harbour, fsa]);
    const restored = ArticleIndex.restore(index.save(), lazy);
    expect(restored.aliasesOf('FSA')).toEqual(['Free Syrian Army']);
    expect(reads()).toBe(0);
    restored.remove('fsa');
    expect(restored.aliasesOf('FSA')).toEqual([]);
  });

  test('a search for a name finds the passages that write it as one of its aliases, a longer one by all its words', () => {
    const index = new ArticleIndex([
      harbour,
      article('isis', 'Strikes', ['Air strikes hit ISIS positions near Raqqa.']),
      article('daesh', 'Strikes', ['Air strikes hit Daesh positions near Raqqa.']),
      article('state', 'Strikes', ['Air strikes hit Islamic State positions near Raqqa.']),
    ]);
    const otherForms = [{ terms: ['isis'], forms: [['daesh'], ['islamic', 'state']] }];
    const hits = index.searchPassages({ terms: ['isis'], otherForms });
    expect(hits.map((hit) => hit.articleId)).toEqual(['isis', expect.any(String), expect.any(String)]);
    expect(hits.map((hit) => hit.articleId).sort()).toEqual(['daesh', 'isis', 'state']);
    expect(index.searchPassages({ terms: ['isis'] }).map((hit) => hit.articleId)).toEqual(['isis']);
    // A word of a longer form counts by its share of the form: "state" alone, a common word, ranks below it whole.
    index.add(article('texas', 'State', ['The state of Texas passed a law.']));
    expect(index.searchPassages({ terms: ['isis'], otherForms }).map((hit) => hit.articleId).at(-1)).toBe('texas');
  });

  test('a search for a name finds the passages that spell it otherwise, below those that spell it as asked', () => {
    const index = new ArticleIndex([harbour, article('raqqa', 'Strikes', ['Air strikes hit Raqqa on Monday.']), article('raqa', 'Strikes', ['Air strikes hit Raqa on Monday.'])]);
    const hits = index.searchPassages({ terms: ['raqa'], otherForms: [{ terms: ['raqa'], forms: [['raqqa']] }] });
    expect(hits.map((hit) => hit.articleId)).toEqual(['raqa', 'raqqa']);
    expect(index.searchPassages({ terms: ['raqa'] }).map((hit) => hit.articleId)).toEqual(['raqa']);
  });

  test('adding, replacing and removing one article updates answers without a rebuild', () => {
    const index = new ArticleIndex([harbour]);
    index.add(election);
    expect(index.searchPassages('mayor')[0]?.articleId).toBe('election');
    index.add(article('election', 'Mayor loses', ['The mayor lost to a newcomer.']));
    expect(index.size).toBe(2);
    expect(index.searchPassages('second term')).toEqual([]);
    expect(index.searchPassages('newcomer')[0]?.articleId).toBe('election');
    expect(index.remove('election')).toBe(true);
    expect(index.remove('election')).toBe(false);
    expect(index.searchPassages('mayor')).toEqual([]);
    expect(index.knows('mayor')).toBe(false);
  });

  test('a saved index restores over articles whose text is read only when a search needs it', () => {
    const built = new ArticleIndex([harbour, election]);
    const { lazy, reads } = lazyCopies([harbour, election]);
    const restored = ArticleIndex.restore(built.save(), lazy);
    expect(reads()).toBe(0);
    expect(restored.size).toBe(2);
    expect(restored.searchPassages('fisherman returning')).toEqual(built.searchPassages('fisherman returning'));
    expect(reads()).toBeGreaterThan(0);
    expect(lazy.map(paragraphCount)).toEqual([harbour.paragraphs.length, election.paragraphs.length]);
  });

  test('a title alone finds its article, through the lead', () => {
    const index = new ArticleIndex([harbour, article('quiet', 'Lighthouse keeper retires', ['He served for forty years.', 'A party is planned.'])]);
    expect(index.searchPassages('lighthouse keeper')[0]).toMatchObject({ articleId: 'quiet', paragraph: 0 });
  });

  test('a paragraph that says the question words in one sentence outranks one that scatters them', () => {
    // The same words, as often, in paragraphs of the same length: only where they stand differs.
    const filler = 'Officials gave no further detail about the timetable for the coming weeks';
    const scattered = article('scattered', 'Port news', [`Fog came early. ${filler}. ${filler}. And the ferry was delayed.`]);
    const together = article('together', 'Port news', [`${filler}. ${filler}. Fog came early and the ferry was delayed.`]);
    const index = new ArticleIndex([scattered, together]);
    expect(index.searchPassages('fog delayed ferry').map((h) => h.articleId)).toEqual(['together', 'scattered']);
  });

  test('many near-copies of one paragraph do not crowd out the one that answers', () => {
    // The copies score higher in the compact postings (shorter, the words twice) but scatter the
    // words over sentences; the answer says them in one. One hit asked: the postings hand over 8.
    const copies = Array.from({ length: 40 }, (_, i) =>
      article(`copy-${i}`, `Copy ${i}`, [`Grain prices rose. Ships waited at the port. Grain was loaded. Prices fell by ${i}.`]),
    );
    const answer = article('answer', 'Answer', [
      'A long day in the city. Officials met in the morning and again in the evening, and talks went on late. ' +
        'Grain ships left the port when prices rose. Traders were relieved and said so at length.',
    ]);
    const others = Array.from({ length: 100 }, (_, i) => article(`other-${i}`, `Other ${i}`, [`The council met on day ${i} and spoke of roads.`]));
    const index = new ArticleIndex([...copies, ...others, answer]);
    expect(index.searchPassages('grain ships port prices', { limit: 1 })[0]?.articleId).toBe('answer');
  });

  test('a scoped search of one article ranks its paragraphs like the collection-wide search', () => {
    const index = new ArticleIndex([harbour, election]);
    const scoped = index.searchPassages('fishermen quay', { articleIds: new Set(['harbour']) });
    expect(scoped.map((h) => h.paragraph)).toEqual([1]);
    expect(index.searchPassages('fishermen quay')[0]).toMatchObject({ articleId: 'harbour', paragraph: 1 });
  });

  test('a search can be scoped to some articles', () => {
    const index = new ArticleIndex([harbour, election]);
    expect(index.searchPassages('harbour mayor', { articleIds: new Set(['election']) }).map((h) => h.articleId)).toEqual(['election']);
  });

  test('property: after any sequence of adds and removes, the index agrees with a plain map', () => {
    const pool = [harbour, election, article('ferry', 'Ferry delayed', ['The ferry was delayed by fog.'])];
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.boolean(), fc.integer({ min: 0, max: pool.length - 1 })), { maxLength: 20 }), (operations) => {
        const index = new ArticleIndex();
        const model = new Map<string, Article>();
        for (const [add, i] of operations) {
          const a = pool[i]!;
          if (add) {
            index.add(a);
            model.set(a.id, a);
          } else {
            expect(index.remove(a.id)).toBe(model.delete(a.id));
          }
        }
        expect(index.size).toBe(model.size);
        for (const a of pool) {
          const found = index.searchPassages(a.title).some((h) => h.articleId === a.id);
          expect(found).toBe(model.has(a.id));
        }
      }),
      { numRuns: 100 },
    );
  });
});
