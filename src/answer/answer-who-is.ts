import { sentenceText, type Article, type Sentence } from '../article.ts';
import type { ArticleIndex, PassageHit } from '../search/article-index.ts';
import { isDemonym } from '../facts/find-mentions.ts';
import { COUNTRY_ACRONYMS, lexiconIs, NAME_PARTICLES } from '../facts/lexicon.ts';
import { paragraphSentences } from '../sentences.ts';
import { isPageFurniture } from '../summary/is-boilerplate.ts';
import { toTerm, toTerms } from '../text/terms.ts';
import { nameClassAt } from './find-answer-spans.ts';
import { tagTokens } from './tag-tokens.ts';
import { citeSentence } from './cite-sentence.ts';
import { openingSentences } from './opening-sentences.ts';
import { newsStart } from '../facts/news-start.ts';
import { describedNames, describeNameAt, findName, isAcronym, locateNameAt, nameWords, samePortfolio, sameRole, WHICH_HOLDER, type AskedRole, type NameDescription } from './describe-name.ts';
import type { Answer, Citation, Confidence } from './types.ts';

/** How many of the passages that best match the name are read for what they say it is. */
const PASSAGES_READ = 40;

/** How many sentences must agree on a description's head word ("envoy", "group") for a high-confidence answer. */
const AGREEING_FOR_HIGH = 2;

/** A description found beside one mention of the name, in its sentence (`text`). */
interface Described {
  article: Article;
  sentence: Sentence;
  text: string;
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
  return answerFromDescriptions(index, question, name, maxExcerpts, describeNameAt, articleIds);
}

/**
 * Answers "where is Douma?" (see askedPlace) with where the articles say it is, read from the words after its name
 * (see locateNameAt): "in the rebel-held Eastern Ghouta region", "25 kilometres west of Aleppo". The place most
 * sentences locate it by wins, as for "who is X?" (see answerWhoIs); null when no sentence locates it (the caller
 * searches as for any question: "the town of Douma" may be placed in a sentence that does not say its name first).
 * Abstaining then instead was measured: F1 on the "where is" set read 0.751 -> 0.557, the search's answers being
 * mostly right.
 */
export function answerWhereIs(index: ArticleIndex, question: string, name: string, maxExcerpts: number, articleIds?: ReadonlySet<string>): Answer | null {
  const answer = answerFromDescriptions(index, question, name, maxExcerpts, locateNameAt, articleIds);
  return answer === null || answer.confidence === 'none' ? null : answer;
}

// How many sentences of an article's opening may tell what happened in a place (see answerWhatHappened).
const OPENING_SENTENCES = 3;

/**
 * Answers "what happened in Khan Sheikhoun?" (see askedEventPlace) with the opening sentence of the article that
 * names the place in its first sentences, those naming it in their title and earliest first, then those that best
 * match it: news tells what happened first, and a phrase of a
 * sentence naming the place ("Syria Staffa de Mistura", medium, before) says nothing of it. Other articles' openings
 * naming it follow as excerpts. Medium: several events may have happened there. When no story opens on it, the first
 * sentence of the best-matching passages that names it, low; null when none does (the caller searches as for any
 * question).
 */
export function answerWhatHappened(index: ArticleIndex, question: string, name: string, maxExcerpts: number, articleIds?: ReadonlySet<string>): Answer | null {
  const found = searchName(index, name, articleIds);
  if (found === null) return null;
  const { forms, hits } = found;
  const openings: Array<{ article: Article; sentence: Sentence; text: string; rank: number }> = [];
  const read = new Set<string>();
  for (const hit of hits) {
    const article = index.get(hit.articleId);
    if (!article || read.has(article.id)) continue;
    read.add(article.id);
    // A story about the place names it in its title, and first: "Syrian regime steps up aerial assault on Douma" tells
    // what happened in Douma, a story that names it in its third sentence something that happened besides.
    const titled = findName(article.title, forms).length > 0 ? 0 : OPENING_SENTENCES;
    for (const [position, sentence] of openingSentences(article, OPENING_SENTENCES).entries()) {
      const text = sentenceText(article, sentence);
      if (findName(text, forms).length === 0) continue;
      // A story copied into two files opens the same way: once is what it says.
      if (!openings.some((other) => other.text === text)) openings.push({ article, sentence, text, rank: titled + position });
      break;
    }
  }
  // Stable: the best-matching passage first among stories ranked alike.
  openings.sort((a, b) => a.rank - b.rank);
  // No story opens on it: what the best-matching passages say of it, low (something that happened there, maybe not
  // the news).
  const mentions = openings.length > 0 ? [] : [...sentencesOnce(index, hits)].filter(({ text }) => findName(text, forms).length > 0);
  const told = openings.length > 0 ? openings : mentions;
  const first = told[0];
  if (first === undefined) return null;
  return {
    question,
    answer: first.text.slice(Math.max(0, newsStart(first.text))),
    confidence: openings.length > 0 ? 'medium' : 'low',
    citations: told.slice(0, maxExcerpts).map(({ article, sentence }) => citeSentence(article, sentence)),
  };
}

/**
 * The passages that best match a name, as asked or by an alias the articles give it, with the name's forms (folded
 * words, to find it in a sentence); null when the name has no words to search.
 */
function searchName(index: ArticleIndex, name: string, articleIds?: ReadonlySet<string>): { forms: string[][]; hits: PassageHit[] } | null {
  const aliases = index.aliasesOf(name);
  const forms = [name, ...aliases].map((form) => nameWords(form)).filter((form) => form.length > 0);
  const terms = toTerms(name);
  if (terms.length === 0 || forms.length === 0) return null;
  const hits = index.searchPassages(
    { terms, otherForms: aliases.length > 0 ? [{ terms, forms: aliases.map((alias) => toTerms(alias)).filter((form) => form.length > 0) }] : [] },
    { limit: PASSAGES_READ, ...(articleIds ? { articleIds } : {}) },
  );
  return { forms, hits };
}

/**
 * What the passages that best match a name say of it, read by `describe` beside each of its mentions (its forms:
 * as asked, and the aliases the articles give it): the description most sentences agree on; an abstention pointing
 * at the mentions when none says anything; null when no passage names it.
 */
function answerFromDescriptions(
  index: ArticleIndex,
  question: string,
  name: string,
  maxExcerpts: number,
  describe: (sentence: string, nameStart: number, nameEnd: number) => NameDescription[],
  articleIds?: ReadonlySet<string>,
): Answer | null {
  const found = searchName(index, name, articleIds);
  if (found === null) return null;
  const { forms, hits } = found;
  const naming: Array<{ article: Article; sentence: Sentence }> = [];
  const described: Described[] = [];
  for (const { article, sentence, text } of sentencesOnce(index, hits)) {
    const places = findName(text, forms);
    if (places.length === 0) continue;
    naming.push({ article, sentence });
    for (const place of places) for (const description of describe(text, place.start, place.end)) described.push({ article, sentence, text, description });
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
  const quoted = new Set([chosen.text]);
  for (const item of described) {
    if (citations.length >= maxExcerpts) break;
    const wording = item.description.text.toLowerCase();
    if (wordings.has(wording) || quoted.has(item.text)) continue;
    wordings.add(wording);
    quoted.add(item.text);
    citations.push(citeSentence(item.article, item.sentence));
  }
  return citations;
}

/**
 * Answers "who is the UN envoy for Syria?" / "who heads the Observatory?" (see askedRole) with the name the articles
 * give that title or description: a name some sentence describes with the role's head word (or one naming the same
 * role: "director" for "head"), not as its former holder, with one of the role's names ("UN" of "UN envoy"), in a
 * sentence holding all of them and at least half its other words, those said in the description itself first. High
 * when two sentences agree on the name or one says all the role's words, else medium; null when no sentence gives
 * the role a name (the caller answers as for any question).
 */
export function answerWhoHolds(index: ArticleIndex, question: string, role: AskedRole, maxExcerpts: number, articleIds?: ReadonlySet<string>): Answer | null {
  const terms = toTerms([role.head, ...role.words].join(' '));
  // "The president of Turkey" is written "Turkish President …": the country's nationality is searched as the country.
  const otherForms = role.names.flatMap((name) => {
    const forms = nationalitiesOf(name, (word) => toTerms(word).every((term) => index.knows(term))).map((form) => toTerms(form));
    return forms.length > 0 ? [{ terms: toTerms(name), forms }] : [];
  });
  const hits = index.searchPassages({ terms, otherForms }, { limit: PASSAGES_READ, ...(articleIds ? { articleIds } : {}) });
  const holders = new Map<string, Holder>();
  for (const { article, sentence, text } of sentencesOnce(index, hits)) {
    const sentenceWords = new Set(nameWords(text));
    if (share(role.words, sentenceWords) < 0.5 || !role.names.every((name) => namesIn(name, sentenceWords))) continue;
    for (const described of describedNames(text)) {
      // A holder is a person: not a place or an acronym ("Syria", "UNs" of "the UNs envoy to Syria").
      if (isAcronym(described.name.replace(/s$/, '')) || lexiconIs(described.name.toLowerCase(), 'place')) continue;
      const written = nameWords(described.name).join(' ');
      // "Bashar al-Assads" (FA-KES dropped the apostrophe of "al-Assad's") is Bashar al-Assad.
      const key = written.replace(/([^aeiousy])s$/, '$1');
      for (const description of described.descriptions) {
        const descriptionWords = new Set(nameWords(description.text));
        // "Johnson, the former mayor of London" holds no role now; "Jaish al-Islam spokesman" is not Al-Nusra's.
        if (!sameRole(role.head, description.head) || [...descriptionWords].some((word) => WHICH_HOLDER.has(word))) continue;
        if (!givesRole(role, descriptionWords)) continue;
        const inDescription = share(role.words, descriptionWords);
        const holder = holders.get(key) ?? { name: described.name, sentences: [], best: 0 };
        // Named as the key, not in the possessive, when a sentence writes it so.
        if (written === key) holder.name = described.name;
        if (!holder.sentences.some((s) => s.text === text)) holder.sentences.push({ article, sentence, text });
        holder.best = Math.max(holder.best, inDescription);
        holders.set(key, holder);
      }
    }
  }
  const ranked = [...holders.values()].sort((a, b) => Number(b.best >= 0.5) - Number(a.best >= 0.5) || b.sentences.length - a.sentences.length || b.best - a.best);
  const chosen = ranked[0];
  if (chosen === undefined) return null;
  // High when two sentences agree, or one gives the role in all its words ("Chair of the IPCC Hoesung Lee").
  const confidence: Confidence = (chosen.best >= 0.5 && chosen.sentences.length >= AGREEING_FOR_HIGH) || (chosen.best === 1 && role.words.length > 0) ? 'high' : 'medium';
  // Its sentences first, then those naming others in the role, best first.
  const citations = [...chosen.sentences, ...ranked.slice(1).flatMap((other) => other.sentences)]
    .filter((item, i, all) => all.findIndex((other) => other.text === item.text) === i)
    .slice(0, maxExcerpts)
    .map(({ article, sentence }) => citeSentence(article, sentence));
  return { question, answer: chosen.name, confidence, citations };
}

/**
 * How a searched answer to a role question stands to the role, as its own sentence says. "holds": a description
 * gives it the role with the role's names and portfolio, or nothing says otherwise. "other": a description gives
 * it another ministry or another country's or body's role ("Russian Foreign Minister Sergei Lavrov" for "the Syrian
 * foreign minister"); or, for a role of someone named, the answer names no one ("conflicting assertions Wednesday",
 * a group, a place), is what the role is of ("Leader of the [Islamic Revolution]"), holds an office of state
 * ("the president of Egypt") without its title, or stands in a sentence that never says the role, not even by a
 * verb ("the Franks led by …" says a leader; "Syria accuses Saudi Arabia Turkey and Qatar of funding …" says no
 * commander of Saudi Arabia). "unsure": a description gives it the role without saying whose ("President Bashar
 * al-Assad backed by Russia Iran …" for "who is the president of Iran?"; "his vice-Chair Ismail El Gizouli").
 * `headForms` are the search terms that say the role's head besides its own (WordNet's synonyms and derived forms:
 * "lead" for "leader").
 */
export function roleFit(answer: Answer, role: AskedRole, headForms: readonly string[] = []): 'holds' | 'unsure' | 'other' {
  const quote = answer.citations[0]?.quote;
  if (answer.answer === null || quote === undefined) return 'holds';
  const start = quote.indexOf(answer.answer);
  if (start < 0) return 'holds';
  const end = start + answer.answer.length;
  // The answer may hold its own title ("Russian President Vladimir Putin"): the names it overlaps are described.
  const descriptions = [...describeNameAt(quote, start, end), ...describedNames(quote).filter((name) => name.start < end && name.end > start).flatMap((name) => name.descriptions)]
    .filter((description) => sameRole(role.head, description.head));
  const own = descriptions
    .filter((description) => !/\b(?:his|her|its|their)\s+$/i.test(quote.slice(0, description.start)))
    .map((description) => ({ text: description.text, words: new Set(nameWords(description.text)) }));
  if (own.some(({ words }) => givesRole(role, words))) return 'holds';
  if (own.some(({ text, words }) => !samePortfolio(role.words, words) || namesAnother(text, role))) return 'other';
  if (own.length > 0) return 'unsure';
  if (role.names.length === 0) return descriptions.length > 0 ? 'unsure' : 'holds';
  // A role's holder is someone named: no phrase ("conflicting assertions Wednesday"), group or place ("Syrian
  // Observatory for Human Rights" for "who is the leader of Turkey?").
  if (!namesSomeone(answer.answer, quote, start, end) || isRolesObject(quote, start, role)) return 'other';
  if (descriptions.length > 0) return 'unsure';
  if (OFFICES.has(role.head)) return 'other';
  return saysRole(quote, role, headForms) ? 'holds' : 'other';
}

/**
 * Can the answer at [start, end) of its sentence name a person: a name (capitalised words), not a group's or place's
 * ("Syrian Observatory for Human Rights", "the US"), nor something else WordNet knows ("World War II")?
 */
function namesSomeone(answer: string, quote: string, start: number, end: number): boolean {
  const words = nameWords(answer).filter((word) => word !== 'the');
  if (!/\p{Lu}/u.test(answer) || (words.length === 1 && COUNTRY_ACRONYMS.has(words[0]!))) return false;
  // Names, and lists of them: a word in lower case is a particle ("de", "al-Golani") or "and" ("Russia claims" is none).
  const lowerCase = answer.split(/[\s,]+/).filter((word) => /^\p{Ll}/u.test(word));
  if (lowerCase.some((word) => !NAME_PARTICLES.has(word) && word !== 'and' && !/^\p{Ll}+-\p{Lu}/u.test(word))) return false;
  return !['org', 'place', 'other'].includes(nameClassAt(quote, start, end) ?? 'person');
}

/** Is the answer what the role is of ("Leader of the [Islamic Revolution]", "a leader of the [Tahrir al-Sham] militant group")? */
function isRolesObject(quote: string, start: number, role: AskedRole): boolean {
  const before = /(\p{L}+)\s+(?:of|for)\s+(?:the\s+)?$/u.exec(quote.slice(0, start));
  return before !== null && sameRole(role.head, before[1]!.toLowerCase().replace(/s$/, ''));
}

/**
 * Does a description name a country, people or body the role does not ("Russian Foreign Minister" for "the Syrian
 * foreign minister")? Words of a compound ("Britain-based") describe where a body sits, not whose it is.
 */
function namesAnother(description: string, role: AskedRole): boolean {
  return description.split(/\s+/).some((word) => {
    if (word.includes('-') || !/^\p{Lu}/u.test(word)) return false;
    const lower = word.toLowerCase().replace(/['’]?s$/, '');
    const named = isDemonym({ text: word, lower: word.toLowerCase() }) || isAcronym(word.replace(/['’]?s$/, '')) || lexiconIs(lower, 'place');
    return named && !role.names.some((name) => namesIn(name, new Set([lower, word.toLowerCase()])));
  });
}

/** Does a sentence say a role's head, another word for it ("director" for "head") or a form of it ("led" for "leader")? */
function saysRole(quote: string, role: AskedRole, headForms: readonly string[]): boolean {
  const forms = new Set([toTerm(role.head), ...headForms]);
  // Hyphens kept: "vice-chair" is a title of its own.
  const words = quote.toLowerCase().split(/[^\p{L}\p{N}-]+/u);
  if (words.some((word) => sameRole(role.head, word) || sameRole(role.head, word.replace(/s$/, '')))) return true;
  return tagTokens(quote).some((token) => forms.has(token.term) || forms.has(token.lemma));
}

// Offices of a state or its government, which the news gives their holders as titles ("Egyptian President …"); a
// group's leader, envoy or spokesman is as often written "who leads", "sent by", "said … for the group".
const OFFICES: ReadonlySet<string> = new Set(['president', 'minister', 'premier', 'chancellor', 'king', 'queen', 'emir', 'sultan', 'ambassador', 'secretary', 'governor', 'mayor', 'senator']);

/** Do a description's words give the role asked: one of its names, when it has any, and its portfolio (see samePortfolio)? */
function givesRole(role: AskedRole, descriptionWords: ReadonlySet<string>): boolean {
  return (role.names.length === 0 || role.names.some((name) => namesIn(name, descriptionWords))) && samePortfolio(role.words, descriptionWords);
}

/**
 * The sentences of the passages found, each text once (a story copied into two files says the same twice: once is
 * what it says), page furniture left out.
 */
function* sentencesOnce(index: ArticleIndex, hits: readonly PassageHit[]): Generator<{ article: Article; sentence: Sentence; text: string }> {
  const seen = new Set<string>();
  for (const hit of hits) {
    const article = index.get(hit.articleId);
    if (!article) continue;
    for (const sentence of paragraphSentences(article, hit.paragraph)) {
      const text = sentenceText(article, sentence);
      if (seen.has(text) || isPageFurniture(text)) continue;
      seen.add(text);
      yield { article, sentence, text };
    }
  }
}

/** A name given a role, with the sentences giving it and the best share of the role's words its description says. */
interface Holder {
  name: string;
  sentences: Array<{ article: Article; sentence: Sentence; text: string }>;
  best: number;
}

/**
 * Does a text's words say a name, or the word made from it ("Syrian" for Syria, "Russian" for Russia), or a
 * nationality sharing its first four letters ("Turkish" for Turkey, "British" for Britain)?
 */
function namesIn(name: string, words: ReadonlySet<string>): boolean {
  if (words.has(name)) return true;
  if (name.length < 4) return false;
  return [...words].some((word) => (word.startsWith(name) && word.length - name.length <= 3) || (word.slice(0, 4) === name.slice(0, 4) && isNationality(word)));
}

/** Is a folded word a nationality's, as it would be written capitalised ("turkish")? See isDemonym. */
function isNationality(word: string): boolean {
  return isDemonym({ lower: word, text: word[0]!.toUpperCase() + word.slice(1) });
}

// What a nationality adds to its country's name, whole or cut short: Russia-n, Iran-ian, Iraq-i, Turk(ey)-ish,
// Leban(on)-ese, German(y).
const NATIONALITY_SUFFIXES = ['', 'n', 'an', 'ian', 'ish', 'i', 'ese'];

/**
 * The nationalities made from a country's folded name ("turkey" → "turkish"): the forms isDemonym takes that the
 * articles write (`written`: isDemonym takes any "-ian", "-ish" or "-ese" word, "Aleppoian" too).
 */
export function nationalitiesOf(name: string, written: (word: string) => boolean): string[] {
  const found = new Set<string>();
  for (let cut = 0; cut <= 3 && name.length - cut >= 4; cut++) {
    for (const suffix of NATIONALITY_SUFFIXES) {
      const word = name.slice(0, name.length - cut) + suffix;
      if (word !== name && isNationality(word) && written(word)) found.add(word);
    }
  }
  return [...found];
}

/** The share of `words` found in `among`, or the words made from them (1 when there are none to find). */
function share(words: readonly string[], among: ReadonlySet<string>): number {
  return words.length === 0 ? 1 : words.filter((word) => namesIn(word, among)).length / words.length;
}
