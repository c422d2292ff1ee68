import { sentenceText, type Article, type Sentence } from '../article.ts';
import type { ArticleIndex } from '../search/article-index.ts';
import { paragraphSentences } from '../sentences.ts';
import { isPageFurniture } from '../summary/is-boilerplate.ts';
import { toTerms } from '../text/terms.ts';
import { citeSentence } from './cite-sentence.ts';
import { describeNameAt, findName, nameWords, type NameDescription } from './describe-name.ts';
import type { Answer, Citation, Confidence } from './types.ts';

/** How many of the passages that best match the name are read for what they say it is. */
const PASSAGES_READ = 40;

/** How many sentences must agree on a description's head word ("envoy", "group") for a high-confidence answer. */
const AGREEING_FOR_HIGH = 2;

/** A description found beside one mention of the name. */
interface Described {
  article: Article;
  sentence: Sentence;
  description: NameDescription;
}

/**
 * Answers "who is X?" / "what is X?" (see askedName) with what the articles say X is, read from the words written
 * beside the name: "UN Special Envoy for Syria" for Staffan de Mistura, "director of the Britain-based Observatory" for
 * Rami Abdel Rahman. The description whose head word most sentences agree on ("envoy") is the answer, as written
 * in its sentence, which is the first excerpt; sentences giving other descriptions follow. High confidence when
 * at least AGREEING_FOR_HIGH sentences agree, else medium. When the articles name X but never say what it is, the
 * engine abstains and points at the sentences naming it; null when no passage names it (the caller searches as
 * for any question).
 */
export function answerWhoIs(index: ArticleIndex, question: string, name: string, maxExcerpts: number, articleIds?: ReadonlySet<string>): Answer | null {
  const aliases = index.aliasesOf(name);
  const forms = [name, ...aliases].map((form) => nameWords(form)).filter((form) => form.length > 0);
  const terms = toTerms(name);
  if (terms.length === 0 || forms.length === 0) return null;
  const hits = index.searchPassages(
    { terms, otherForms: aliases.length > 0 ? [{ terms, forms: aliases.map((alias) => toTerms(alias)).filter((form) => form.length > 0) }] : [] },
    { limit: PASSAGES_READ, ...(articleIds ? { articleIds } : {}) },
  );
  const naming: Array<{ article: Article; sentence: Sentence }> = [];
  const described: Described[] = [];
  const seen = new Set<string>();
  for (const hit of hits) {
    const article = index.get(hit.articleId);
    if (!article) continue;
    for (const sentence of paragraphSentences(article, hit.paragraph)) {
      const text = sentenceText(article, sentence);
      // A story copied into two files says the same twice: once is what it says.
      if (seen.has(text) || isPageFurniture(text)) continue;
      seen.add(text);
      const places = findName(text, forms);
      if (places.length === 0) continue;
      naming.push({ article, sentence });
      for (const place of places) for (const description of describeNameAt(text, place.start, place.end)) described.push({ article, sentence, description });
    }
  }
  if (naming.length === 0) return null;
  const best = bestDescription(described);
  if (best === null) {
    return { question, answer: null, confidence: 'none', citations: naming.slice(0, maxExcerpts).map(({ article, sentence }) => citeSentence(article, sentence)) };
  }
  const confidence: Confidence = best.agreeing >= AGREEING_FOR_HIGH ? 'high' : 'medium';
  return { question, answer: best.chosen.description.text, confidence, citations: excerpts(best.chosen, described, maxExcerpts) };
}

/**
 * The description to answer with: of the head word most sentences give (ties: the first found, from the best
 * passage), the wording given most often, the longer when as often ("UN Special Envoy for Syria" over "UN envoy").
 */
function bestDescription(described: readonly Described[]): { chosen: Described; agreeing: number } | null {
  const byHead = new Map<string, Described[]>();
  for (const item of described) byHead.set(item.description.head, [...(byHead.get(item.description.head) ?? []), item]);
  let bestGroup: Described[] | undefined;
  let bestRank: [number, number] = [-1, -1];
  for (const group of byHead.values()) {
    const sentences = new Set(group.map(({ article, sentence }) => `${article.id}:${sentence.paragraph}:${sentence.start}`)).size;
    // A noun says what the named is; a "-based" word alone ("the Britain-based Observatory") only where, and answers
    // only when no noun does, however often it is written.
    const rank: [number, number] = [group[0]!.description.head.includes('-') ? 0 : 1, sentences];
    if (rank[0] > bestRank[0] || (rank[0] === bestRank[0] && rank[1] > bestRank[1])) {
      bestGroup = group;
      bestRank = rank;
    }
  }
  if (bestGroup === undefined) return null;
  const wordings = new Map<string, Described[]>();
  for (const item of bestGroup) {
    const key = item.description.text.toLowerCase();
    wordings.set(key, [...(wordings.get(key) ?? []), item]);
  }
  const ranked = [...wordings.values()].sort((a, b) => b.length - a.length || wordCount(b[0]!) - wordCount(a[0]!));
  return { chosen: ranked[0]![0]!, agreeing: bestRank[1] };
}

function wordCount(item: Described): number {
  return item.description.text.split(/\s+/).length;
}

/** The chosen description's sentence first, then one sentence for each other wording, in the order found. */
function excerpts(chosen: Described, described: readonly Described[], maxExcerpts: number): Citation[] {
  const citations = [citeSentence(chosen.article, chosen.sentence)];
  const wordings = new Set([chosen.description.text.toLowerCase()]);
  const quoted = new Set([sentenceText(chosen.article, chosen.sentence)]);
  for (const item of described) {
    if (citations.length >= maxExcerpts) break;
    const wording = item.description.text.toLowerCase();
    const text = sentenceText(item.article, item.sentence);
    if (wordings.has(wording) || quoted.has(text)) continue;
    wordings.add(wording);
    quoted.add(text);
    citations.push(citeSentence(item.article, item.sentence));
  }
  return citations;
}
