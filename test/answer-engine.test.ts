import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, test } from 'vitest';
import { sentenceText, type Article } from '../src/article.ts';
import { createAnswerEngine, type AnswerEngine } from '../src/answer/create-answer-engine.ts';
import type { Citation } from '../src/answer/types.ts';
import { loadArticles } from '../src/load-articles.ts';
import { makeArticle } from './helpers/make-article.ts';
import { parseArticleFile } from '../src/parse/parse-article-file.ts';
import { sentencesOf } from '../src/sentences.ts';

const reference = (() => {
  const outcome = parseArticleFile(readFileSync(join(import.meta.dirname, 'fixtures/articles/reference.txt')), 'reference.txt');
  if (!outcome.ok) throw new Error(outcome.error.message);
  return outcome.articles[0]!;
})();

const article = (id: string, title: string, date: string, paragraphs: string[]) => makeArticle(id, title, paragraphs, date, `${id}.json`);

const harbour = article('harbour', 'Harbour reopens after storm', '2021-03-02', [
  'The harbour at Port Ellis reopened on Tuesday after three weeks of repairs to the sea wall.',
  'Engineer Ana Ruiz said the repairs cost 3.5 million euros.',
]);

/** Checks a citation against the article it names: the quote is the stored text at its offsets. */
function expectVerbatim(citation: Citation, articles: Map<string, Article>): void {
  const source = articles.get(citation.articleId)!;
  expect(source.paragraphs[citation.paragraph]!.slice(citation.start, citation.end)).toBe(citation.quote);
  expect(citation).toMatchObject({ title: source.title, source: source.source, date: source.date, file: source.file });
}

describe('answering about the reference article', () => {
  const engine = createAnswerEngine([reference, harbour]);

  test('"who was targeted" cites the sentence about the IS meeting, from Associated Press', () => {
    const answer = engine.ask('who was targeted');
    expect(answer.confidence).not.toBe('none');
    expect(answer.answer).toMatch(/IS meeting/);
    expect(answer.citations[0]?.quote).toMatch(/targeted an IS meeting held on the southern outskirts of Raqqa/);
    expect(answer.citations[0]).toMatchObject({ source: 'Associated Press', date: '2017-06-16', articleId: 'reference.txt', paragraph: 3 });
  });

  test('"how many fighters were killed" answers about 300', () => {
    const answer = engine.ask('how many fighters were killed');
    expect(answer.answer).toBe('about 300');
    expect(answer.citations[0]?.quote).toContain('about 300 other fighters');
  });

  test('"when was the air raid" answers with the date', () => {
    expect(engine.ask('when was the air raid?').answer).toBe('May 28');
  });

  test('a date answer without its year carries the date it stands for, resolved against the publication date', () => {
    expect(engine.ask('when was the air raid?').resolvedDate).toBe('2017-05-28');
    // "on Tuesday" in an article dated Tuesday 2 March 2021.
    const reopened = engine.ask('when did the harbour at Port Ellis reopen?');
    expect(reopened.answer).toBe('Tuesday');
    expect(reopened.resolvedDate).toBe('2021-03-02');
    // Not for an answer of another kind.
    expect(engine.ask('who was targeted').resolvedDate).toBeUndefined();
  });

  test('a weekday whose possessive lost its apostrophe ("Thursdays air raids") is resolved as the weekday', () => {
    const raids = createAnswerEngine([article('raids', 'Regime jets strike Hassakeh', '2016-08-19', ['Thursdays air raids on Hassakeh were the first time the regime had bombarded Kurdish positions from the air.'])]);
    const answer = raids.ask('when were the air raids on Hassakeh?');
    expect(answer.answer).toBe('Thursdays');
    expect(answer.resolvedDate).toBe('2016-08-18');
  });

  test('a date answer that says its year carries no other date', () => {
    const dated = createAnswerEngine([article('summit', 'Summit held', '2021-06-01', ['The summit was held on 12 May 2021 in Geneva.'])]);
    const answer = dated.ask('when was the summit held?');
    expect(answer.answer).toMatch(/12 May 2021/);
    expect(answer.resolvedDate).toBeUndefined();
  });

  test('questions about other articles are answered from them', () => {
    const answer = engine.ask('How much did the repairs cost?');
    expect(answer.answer).toBe('3.5 million euros');
    expect(answer.citations[0]?.articleId).toBe('harbour');
  });

  for (const question of ['What is the capital of France?', 'Who won the 2018 World Cup?', 'What is the recipe for banana bread?']) {
    test(`an unrelated question abstains: ${question}`, () => {
      const answer = engine.ask(question);
      expect(answer.answer).toBeNull();
      expect(answer.confidence).toBe('none');
    });
  }

  test('an empty or stop-word-only question abstains without citations', () => {
    expect(engine.ask('')).toMatchObject({ answer: null, confidence: 'none', citations: [] });
    expect(engine.ask('what is the')).toMatchObject({ answer: null, confidence: 'none', citations: [] });
  });
});

describe('answers from real-world quirks', () => {
  const weekend = article('weekend', 'Raid on depot', '2019-03-04', [
    'On Sunday, gunmen attacked a fuel depot near the port.',
    'On Sunday, gunmen attacked a fuel depot near the port.',
    'Police said the attackers targeted the depot guards.',
  ]);
  const engine = createAnswerEngine([reference, harbour, weekend]);

  test('a weekday is a date, never the answer to "who"', () => {
    expect(engine.ask('who attacked the depot on Sunday', { currentArticleId: 'weekend' }).answer).not.toBe('Sunday');
  });

  test('a sentence the article repeats is quoted once', () => {
    const quotes = engine.ask('gunmen attacked fuel depot', { currentArticleId: 'weekend' }).citations.map((c) => c.quote);
    expect(new Set(quotes).size).toBe(quotes.length);
  });

  test('a lower-case name no article mentions makes the engine abstain', () => {
    expect(engine.ask('what is the capital of mongolia', { currentArticleId: 'reference.txt' }).answer).toBeNull();
  });
});

describe('sentences that refer back', () => {
  // The question's rare words ("Liber servitoris") sit in the sentence that says "His"; the person it stands for
  // is named in the sentence before, with one more of the question's words ("wrote").
  const surgeon = article('surgeon', 'Medicine in al-Andalus', '2020-01-01', [
    'The surgeon Abu al-Qasim wrote thirty books in Cordoba. His Liber servitoris explains how to prepare simple drugs. Later physicians in Salerno copied recipes from many books.',
  ]);
  const engine = createAnswerEngine([reference, harbour, surgeon]);

  test('the sentence naming what the next sentence\'s pronoun stands for answers "who"', () => {
    const answer = engine.ask('Who wrote the Liber servitoris?');
    expect(answer.citations[0]?.quote).toBe('The surgeon Abu al-Qasim wrote thirty books in Cordoba.');
  });
});

describe('a name spelt as another article spells it', () => {
  const strikes = article('strikes', 'Strikes on Raqqa', '2017-06-01', ['Air strikes on Raqqa killed 12 civilians on Monday, the Observatory said.']);
  const other = article('other', 'Raids on Homs', '2017-06-01', ['Air raids on Homs killed 30 fighters on Sunday, the ministry said.']);
  const engine = createAnswerEngine([harbour, strikes, other]);

  test('is the same name: the answer is given, from that article, as surely as when spelt as there', () => {
    const answer = engine.ask('How many civilians were killed in the air strikes on Raqa?');
    expect(answer.answer).toBe('12');
    expect(answer.citations[0]?.articleId).toBe('strikes');
    expect(answer.confidence).toBe(engine.ask('How many civilians were killed in the air strikes on Raqqa?').confidence);
  });

  test('a name only a vowel away from another in a short word is still another name', () => {
    expect(engine.ask('How many fighters were killed in the air raids on Hams?').confidence).not.toBe('high');
  });
});

describe('a name another article gives an alias of', () => {
  // One article defines the aliases (ISIS and IS for the Islamic State, Daesh for IS); the one that answers writes
  // only "Daesh".
  const glossary = article('glossary', 'Who is who', '2017-05-01', ['Fighters of the Islamic State (ISIS) held the town. The Islamic State (IS, also known as Daesh) lost it in May.']);
  const strikes = article('strikes', 'Strikes near Mayadin', '2017-06-01', ['Air strikes killed 23 Daesh fighters near Mayadin on Monday, the ministry said.']);
  const other = article('other', 'Raids on Homs', '2017-06-01', ['Air raids on Homs killed 30 rebels on Sunday, the Observatory said.']);
  const engine = createAnswerEngine([harbour, glossary, strikes, other]);

  test('is the same name: the answer is given from the article that writes the alias', () => {
    const answer = engine.ask('How many ISIS fighters were killed near Mayadin?');
    expect(answer.answer).toBe('23');
    expect(answer.citations[0]?.articleId).toBe('strikes');
    expect(answer.confidence).toBe('high');
    // Without the glossary, "ISIS" is a name no article gives.
    expect(createAnswerEngine([harbour, strikes, other]).ask('How many ISIS fighters were killed near Mayadin?').confidence).toBe('none');
  });

  test('is no other subject for the conversation\'s current article, which writes the alias', () => {
    const raqqa = article('raqqa', 'Raids on Raqqa', '2017-06-03', ['Air raids killed 40 ISIS fighters in Raqqa on Friday.']);
    const withRaqqa = createAnswerEngine([harbour, glossary, strikes, raqqa]);
    expect(withRaqqa.ask('How many ISIS fighters were killed?').answer).toBe('40');
    const answer = withRaqqa.ask('How many ISIS fighters were killed?', { currentArticleId: 'strikes' });
    expect(answer.answer).toBe('23');
    expect(answer.citations[0]?.articleId).toBe('strikes');
  });

  test('the alias of a name the question gives is no answer, unless the question asks for another name', () => {
    expect(engine.ask('Which group lost 23 fighters near Mayadin, according to reports on ISIS?').answer).not.toBe('Daesh');
    const fsa = article('fsa', 'Rebels', '2017-06-02', ['The Free Syrian Army (FSA) took the village.']);
    const withFsa = createAnswerEngine([harbour, fsa]);
    // The words asking for it are in no answer: "stand" and "known" are not asked of the text.
    expect(withFsa.ask('What does FSA stand for?').answer).toBe('Free Syrian Army');
    expect(withFsa.ask('What is the FSA also known as?').answer).toBe('Free Syrian Army');
  });
});

describe('a name written after Arabic\'s article', () => {
  const joined = article('joined', 'Strikes on Deir Ezzor', '2017-06-01', ['Air strikes killed 12 civilians in Deir Ezzor on Monday, the monitor said.']);
  const apart = article('apart', 'Shelling in Deir el-Zour', '2017-06-02', ['Shelling killed 7 soldiers in Deir el-Zour on Tuesday, the agency said.']);
  // The particle written apart somewhere: "Ezzor" is "ez" joined to "Zor" only where "ez" is a word of the articles.
  const airport = article('airport', 'Airport shelled', '2017-06-03', ['Rebels fired 5 rockets at the Deir ez-Zor airport.']);
  const engine = createAnswerEngine([harbour, joined, apart, airport]);

  test('is one name however the article joins, spells or assimilates the particle ("Deir ez-Zor", "Deir Ezzor", "Deir el-Zour")', () => {
    for (const written of ['Deir ez-Zor', 'Deir Ezzor', 'Deir al-Zor', 'Deir el-Zour']) {
      const civilians = engine.ask(`How many civilians were killed in ${written}?`);
      expect(civilians.answer, written).toBe('12');
      expect(civilians.confidence, written).not.toBe('none');
      expect(engine.ask(`How many soldiers were killed in ${written}?`).answer, written).toBe('7');
    }
  });

  test('a word only looking like a joined particle is not split ("Assad" is no "as" + "sad")', () => {
    const sad = article('sad', 'Shelling', '2017-06-03', ['Three shells hit Sad Street in the old town as residents slept.']);
    const answer = createAnswerEngine([harbour, sad]).ask('How many shells hit Assad Street?');
    expect(answer.confidence === 'high' || answer.confidence === 'medium').toBe(false);
  });
});

describe('a name the paragraph said before', () => {
  // Both sentences say "led the team in sacks". The Panthers are named before the one that answers, in its
  // paragraph's opening sentence; in the other story they come after, as a later event.
  const team = article('team', 'Season', '2016-01-01', ['The Carolina Panthers won fifteen games that year and reached the final in February. Kawann Short led the team in sacks.']);
  const other = article('other', 'Season', '2016-01-01', ['Jared Allen led the team in sacks that year. Later the Carolina Panthers signed him.']);
  const engine = createAnswerEngine([harbour, other, team]);

  test('counts for the sentence that goes on about it ("the team") without a pronoun', () => {
    const answer = engine.ask('Who led the Panthers in sacks?');
    expect(answer.citations[0]?.quote).toBe('Kawann Short led the team in sacks.');
    expect(answer.answer).toBe('Kawann Short');
  });
});

describe('a pronoun a few words into a sentence', () => {
  // "it" is the fourth word: it stands for Hartmann Steel, named in the sentence before with another date.
  const mill = article('mill', 'Steel', '2020-01-01', [
    'Hartmann Steel took its present name in 1901 and runs the largest mill of the Ruhr valley. Like most forges, it was founded in 1843 as a small forge.',
  ]);
  const engine = createAnswerEngine([harbour, mill]);

  test('stands for the name the sentence before gives ("When was Hartmann Steel founded?")', () => {
    const answer = engine.ask('When was Hartmann Steel founded?');
    expect(answer.citations[0]?.quote).toBe('Like most forges, it was founded in 1843 as a small forge.');
    expect(answer.answer).toBe('1843');
  });

  test('ties the sentence to the words of the sentence before ("In this hold" after "a hold in the launch countdown")', () => {
    const launch = article('launch', 'Launch test', '2020-01-01', [
      'A party began in the cabin. Radio problems forced a hold in the launch countdown. In this hold, a fire began in the cabin.',
    ]);
    const answer = createAnswerEngine([harbour, launch]).ask('What began in the cabin during the launch countdown?');
    expect(answer.citations[0]?.quote).toBe('In this hold, a fire began in the cabin.');
  });
});

describe('a "who" answered by a sentence that opens on "He"', () => {
  const season = article('season', 'Super Bowl 50', '2016-02-08', [
    'The Broncos won the title in a close game. Peyton Manning became the first quarterback to lead two teams to multiple Super Bowls. He is also the oldest quarterback ever to play in a Super Bowl, at age 39.',
  ]);
  const engine = createAnswerEngine([reference, harbour, season]);

  test('the person is taken from the sentence before, and the quote shows both', () => {
    const answer = engine.ask('Who is the oldest quarterback to play in a Super Bowl?');
    expect(answer.answer).toBe('Peyton Manning');
    expect(answer.citations[0]?.quote).toBe('Peyton Manning became the first quarterback to lead two teams to multiple Super Bowls. He is also the oldest quarterback ever to play in a Super Bowl, at age 39.');
  });

  test('a sentence that names the person itself is quoted alone', () => {
    const answer = engine.ask('Who won the title?');
    expect(answer.citations[0]?.quote).toBe('The Broncos won the title in a close game.');
  });

  test('"He" stands for the name the sentence before gives: a question naming him is answered by the "He" sentence', () => {
    const answer = engine.ask('How old was Peyton Manning when he played in the Super Bowl?');
    expect(answer.citations[0]?.quote).toBe('He is also the oldest quarterback ever to play in a Super Bowl, at age 39.');
    expect(answer.answer).toBe('39');
  });

  test('a quotation given a paragraph of its own takes "he" from the end of the paragraph before, quoted next', () => {
    const wire = article('wire', 'Strikes on the air base', '2016-09-17', [
      'Russian jets later intervened in support of the Syrian army, Russian General Vladimir Savchenko said.',
      '"A total of 10 strikes were carried out" starting from 1600 GMT, he said in a television briefing.',
    ]);
    const answer = createAnswerEngine([harbour, wire]).ask('who said the strikes were carried out from 1600 GMT');
    expect(answer.answer).toBe('Russian General Vladimir Savchenko');
    expect(answer.citations.slice(0, 2).map((c) => c.paragraph)).toEqual([1, 0]);
    expect(answer.citations[1]?.quote).toBe('Russian jets later intervened in support of the Syrian army, Russian General Vladimir Savchenko said.');
  });

  test('so does "he said" at the end of a sentence that names no person', () => {
    const briefing = article('briefing', 'Strikes on the air base', '2016-09-17', [
      'Russian General Vladimir Savchenko spoke to reporters on Sunday. "A total of 10 strikes were carried out" starting from 1600 GMT, he said in a television briefing.',
    ]);
    const answer = createAnswerEngine([harbour, briefing]).ask('who said the strikes were carried out from 1600 GMT');
    expect(answer.answer).toBe('Russian General Vladimir Savchenko');
    expect(answer.citations[0]?.quote).toMatch(/^Russian General Vladimir Savchenko spoke .* he said in a television briefing\.$/);
  });
});

describe('the excerpts after the first', () => {
  // The Porto sentence shares about as many of the question's words as the sentence after the answer does.
  const lisbon = article('lisbon', 'Museum reopens', '2021-03-02', [
    'The city museum reopened on Monday after a two-year renovation of its roof. Work on the roof was paid for by a lottery grant and cost 4 million euros.',
  ]);
  const porto = article('porto', 'Porto plans', '2021-03-01', ['Porto plans work on its museum roof next year.']);
  const engine = createAnswerEngine([harbour, porto, lisbon]);

  test('the sentence beside the best one comes before a close runner-up from another article', () => {
    const answer = engine.ask('When did the city museum reopen after the renovation of its roof?');
    expect(answer.answer).toBe('Monday');
    expect(answer.citations.map((c) => c.quote)).toEqual([
      'The city museum reopened on Monday after a two-year renovation of its roof.',
      'Work on the roof was paid for by a lottery grant and cost 4 million euros.',
      'Porto plans work on its museum roof next year.',
    ]);
  });
});

describe('conversation context', () => {
  const strikes = article('other-strike', 'Coalition strike hits convoy', '2017-07-01', [
    'A coalition airstrike targeted a convoy of fuel trucks near Deir el-Zour, officials said.',
  ]);
  const engine = createAnswerEngine([reference, strikes, harbour]);

  test('a question naming no other subject is answered from the current article first', () => {
    expect(engine.ask('who was targeted', { currentArticleId: 'other-strike' }).citations[0]?.articleId).toBe('other-strike');
    expect(engine.ask('who was targeted', { currentArticleId: 'reference.txt' }).citations[0]?.articleId).toBe('reference.txt');
  });

  test('a question naming another subject searches the whole collection', () => {
    const answer = engine.ask('When did the harbour at Port Ellis reopen?', { currentArticleId: 'reference.txt' });
    expect(answer.citations[0]?.articleId).toBe('harbour');
  });

  test('a question naming nothing that the current article does not answer abstains there: another story is not this one', () => {
    // The harbour article says what the repairs cost; the reference article, current, does not.
    const answer = engine.ask('How much did the repairs cost?', { currentArticleId: 'reference.txt' });
    expect(answer.answer).toBeNull();
    expect(answer.onlyIn).toEqual({ articleId: 'reference.txt', title: reference.title });
    for (const citation of answer.citations) expect(citation.articleId).toBe('reference.txt');
    expect(engine.ask('How much did the repairs cost?').answer).toBe('3.5 million euros');
  });

  test('"when did it happen?" asks about the current article\'s event, which its opening tells', () => {
    const answer = engine.ask('when did it happen?', { currentArticleId: 'harbour' });
    expect(answer.answer).toMatch(/Tuesday/);
    // No word of the question checks the opening: never high.
    expect(['low', 'medium']).toContain(answer.confidence);
    expect(answer.citations[0]?.quote).toMatch(/^The harbour at Port Ellis reopened on Tuesday/);
    expect(engine.ask('when did it happen?').answer).toBeNull();
  });

  test('a question naming what the current article mentions that no article answers abstains for the whole collection', () => {
    const answer = engine.ask('Which football club did Ana Ruiz support?', { currentArticleId: 'harbour' });
    expect(answer.answer).toBeNull();
    // All the articles were searched: the abstention does not name the current one.
    expect(answer.onlyIn).toBeUndefined();
  });

  test('a name typed in lower case is another subject', () => {
    const answer = engine.ask('when did the harbour at port ellis reopen?', { currentArticleId: 'reference.txt' });
    expect(answer.citations[0]?.articleId).toBe('harbour');
    expect(answer.onlyIn).toBeUndefined();
  });

  test('an explicit article scopes the search to it', () => {
    const answer = engine.ask('who was targeted', { articleId: 'harbour' });
    for (const citation of answer.citations) expect(citation.articleId).toBe('harbour');
  });
});

describe('every citation is verbatim', () => {
  let articles: Article[];
  let engine: AnswerEngine;
  beforeAll(async () => {
    articles = (await loadArticles(join(import.meta.dirname, '..', 'articles'))).articles;
    engine = createAnswerEngine(articles);
  });

  test('"when did it happen?" about an article whose opening holds no plain date ("the tenth day in a row") is a pointer', () => {
    const answer = engine.ask('when did it happen?', { currentArticleId: 'fa-kes/1915433669-syrian-regime-steps-up-aerial-assault-on-douma.txt' });
    expect(answer.citations[0]?.quote).toMatch(/tenth day in a row/);
    expect(['low', 'none']).toContain(answer.confidence);
  });

  test('property: for questions made of any article words, each quote equals the stored text at its offsets', () => {
    const byId = new Map(articles.map((a) => [a.id, a]));
    const sentences = articles.flatMap((a) => sentencesOf(a).map((s) => sentenceText(a, s)));
    const question = fc
      .tuple(fc.constantFrom('who', 'what', 'when', 'where', 'how many', 'why'), fc.constantFrom(...sentences), fc.array(fc.nat(), { minLength: 1, maxLength: 4 }))
      .map(([wh, sentence, picks]) => {
        const words = sentence.split(/\s+/);
        return `${wh} ${picks.map((p) => words[p % words.length]).join(' ')}?`;
      });
    fc.assert(
      fc.property(question, (q) => {
        const answer = engine.ask(q);
        expect(answer.citations.length).toBeLessThanOrEqual(3);
        for (const citation of answer.citations) expectVerbatim(citation, byId);
        if (answer.answer !== null) expect(answer.confidence).not.toBe('none');
      }),
      { numRuns: 150 },
    );
  });
});

describe('words of one root that stemming leaves apart', () => {
  // "decided" and "decision" stem apart ("decid", "decis"); the sentence saying "decision" is the one asked about.
  const council = article('council', 'Council vote', '2022-05-01', [
    'The harbour fees were discussed on Monday. The decision on the fees came on Friday. Residents protested outside the hall.',
  ]);
  const engine = createAnswerEngine([harbour, council]);

  test('"when did they decide" finds the sentence about the decision', () => {
    expect(engine.ask('When did they decide on the harbour fees?', { articleId: 'council' }).citations[0]?.quote).toBe('The decision on the fees came on Friday.');
  });

  test('a word with a prefix or a word before it ("rainforest") finds the word alone ("forest")', () => {
    const trees = article('trees', 'Trees', '2022-05-01', ['Grass covers the land in Peru. The forest covers the land in Brazil.']);
    const treeEngine = createAnswerEngine([harbour, trees]);
    expect(treeEngine.ask('Which land does the rainforest cover?', { articleId: 'trees' }).citations[0]?.quote).toBe('The forest covers the land in Brazil.');
  });
});

describe('names and words written otherwise than in the article', () => {
  const fillers = ['Rain fell on the hills.', 'The market opened late.', 'A new bridge was built.', 'Prices rose in March.', 'The team lost again.', 'Trains ran on time.'].map((text, i) =>
    article(`filler-${i}`, 'Filler', '2020-01-01', [text]),
  );
  const game = article('game', 'Super Bowl 50', '2016-02-08', [
    'Lady Gaga performed the national anthem at Super Bowl 50, while Marlee Matlin provided sign language translation. Fans sing along every year.',
  ]);
  const engine = createAnswerEngine([harbour, game, ...fillers]);

  test('a name written as one word ("Superbowl") is the name the article writes apart ("Super Bowl")', () => {
    expect(engine.ask('What actor did sign language for the anthem at the Superbowl?').answer).toBe('Marlee Matlin');
  });

  test('a one-word name the article gives in another form ("Americans" for "African-American") counts as found', () => {
    const boulevard = article('boulevard', 'The boulevard', '2020-01-01', [
      'The stretch of Kearney Boulevard between Fresno Street and Thorne Ave was once home to African-American families.',
    ]);
    const withBoulevard = createAnswerEngine([harbour, boulevard, ...fillers]);
    expect(withBoulevard.ask('Between which two streets along Kearney Boulevard did wealthy African-Americans once live?').answer).toBe('Fresno Street and Thorne Ave');
  });

  test('a verb no article has in that form ("sang") but in its dictionary form ("sing") is no unknown subject', () => {
    expect(engine.ask('Who sang the national anthem?').answer).toBe('Lady Gaga');
  });
});

describe('a misspelt question word', () => {
  // Both sentences hold "practised disobedience", and one paragraph holds both, so only "Ghandi" tells them apart.
  const protests = article('protests', 'Protests', '2022-05-01', ['Workers practised disobedience in Chile. Gandhi practised disobedience in India.']);
  const engine = createAnswerEngine([harbour, protests]);

  test('ranks the sentence holding the word it was likely meant for ("Ghandi" for "Gandhi") first, as a pointer only', () => {
    const answer = engine.ask('Where did Ghandi practise disobedience?');
    expect(answer.citations[0]?.quote).toBe('Gandhi practised disobedience in India.');
    // A name the article does not hold as written is not found: counting "Gandhi" as found answered more often
    // when the answer's article was removed (XQuAD: abstains 0.922 -> 0.918).
    expect(answer.answer).toBeNull();
  });
});

describe('words WordNet gives for a question word', () => {
  // The two sentences hold the same question words but one: "started" for "begin", a synonym of its first sense.
  const bridge = article('bridge', 'The bridge', '2022-05-01', ['Work on the bridge ended in 1995. Work on the bridge started in 1990.']);
  // "began" is the question's own verb (in another form): it counts for more than the synonym "started".
  const both = article('both', 'The bridge', '2022-05-01', ['Work on the bridge started in 1990. Work on the bridge began in 1991.']);
  const engine = createAnswerEngine([harbour, bridge, both]);

  test('a sentence holding a synonym of a question word ("started" for "begin") is preferred to one holding none', () => {
    const answer = engine.ask('When did work on the bridge begin?', { articleId: 'bridge' });
    expect(answer.citations[0]?.quote).toBe('Work on the bridge started in 1990.');
    expect(answer.answer).toBe('1990');
  });

  test('the question\'s own word counts for more than its synonym', () => {
    expect(engine.ask('When did work on the bridge begin?', { articleId: 'both' }).citations[0]?.quote).toBe('Work on the bridge began in 1991.');
  });
});

describe('a name given beside the noun asked about', () => {
  // The lead restates the question without the town's name; the next sentence names it as a town.
  const market = article('market', 'Market strike', '2017-11-14', [
    'Air strikes in a rebel-held town killed at least 61 people, a monitor said on Tuesday.',
    'Three air strikes hit the market in the town of Atareb on Monday.',
  ]);
  const engine = createAnswerEngine([harbour, market]);

  test('ranks the sentence naming it ("the town of Atareb" for "which town") above one holding more of the question', () => {
    const answer = engine.ask('Which town was hit by the air strikes on a market that killed 61 people?');
    expect(answer.citations[0]?.quote).toBe('Three air strikes hit the market in the town of Atareb on Monday.');
    expect(answer.answer).toBe('Atareb');
  });
});

describe('a question naming nothing, asked in a conversation', () => {
  // A report tells its event first; later it recalls the war's toll and an earlier attack.
  const report = article('report', 'Strike on Idlib kills 18', '2017-04-08', [
    'An airstrike by Russian warplanes on Saturday killed 18 people including five children in the rebel stronghold of Urum al-Joz.',
    'The strike hit a residential area, the monitor said. Rescuers searched the rubble through the night.',
    'The town has been held by rebel groups since 2015. Residents said warplanes had circled it for hours.',
    'Earlier this week a suspected chemical attack hit the town of Khan Sheikhun, killing at least 87 civilians including 31 children.',
    'More than 320000 people have been killed in Syria since the conflict began in March 2011.',
  ]);
  const fled = article('fled', 'Clashes in Manbij', '2016-07-05', [
    'Fighting has forced 13000 residents to flee the city of Manbij, the monitor said.',
    '"Hundreds of people fled a southern district of the town where there have been fierce clashes in recent days."',
  ]);
  const engine = createAnswerEngine([harbour, report, fled]);

  test('is answered from the story\'s event, which the report tells first, not from what it recalls', () => {
    expect(engine.ask('how many people were killed?', { currentArticleId: 'report' }).answer).toBe('18');
    expect(engine.ask('how many children were killed?', { currentArticleId: 'report' }).answer).toBe('five');
  });

  test('"who was killed?" is not answered with high confidence by a name outside the verb\'s subject and object', () => {
    const quoted = article('quoted', 'Raids on Douma', '2015-02-05', [
      'Speaking to AFP, Observatory director Rami Abdel Rahman said nine of those killed had been identified by his group as civilians.',
    ]);
    const answer = createAnswerEngine([harbour, quoted]).ask('who was killed?', { currentArticleId: 'quoted' });
    expect(answer.confidence).not.toBe('high');
  });

  test('"what happened?" is answered by the story\'s opening sentence, its dateline left out', () => {
    const opened = article('opened', 'Car bomb kills 20 in Azaz', '2016-10-14', [
      'Date of publication 14 October 2016 At least 20 people were killed in a car bomb blast on Thursday at an opposition checkpoint in Azaz, local sources said. Rescuers searched the area.',
    ]);
    const answer = createAnswerEngine([harbour, opened]).ask('what happened?', { currentArticleId: 'opened' });
    expect(answer.answer).toBe('At least 20 people were killed in a car bomb blast on Thursday at an opposition checkpoint in Azaz, local sources said.');
    expect(answer.confidence).toBe('medium');
  });

  test('"when did it happen?" about an opening that gives no day abstains, with the opening as its pointer', () => {
    const undated = article('undated', 'Suicide bomber kills 16', '2016-07-05', [
      'The bomber was on a motorcycle when he attacked a crowd outside a bakery. The Islamic State group claimed responsibility for the attack.',
    ]);
    const answer = createAnswerEngine([harbour, undated]).ask('when did it happen?', { currentArticleId: 'undated' });
    expect(answer.answer).toBeNull();
    expect(answer.citations[0]?.quote).toMatch(/^The bomber was on a motorcycle/);
  });

  test('abstains where the article says it does not know ("it was unclear who had carried out the strike")', () => {
    const unclear = article('unclear', 'Air raid kills 19', '2016-10-05', [
      'An air raid hit a village held by the Islamic State group, killing 19 civilians.',
      '"Dozens more were wounded, some of them critically," the Syrian Observatory for Human Rights said, adding it was not immediately able to determine who carried out the attack.',
    ]);
    const answer = createAnswerEngine([harbour, unclear]).ask('who carried out the attack?', { currentArticleId: 'unclear' });
    expect(answer.answer).toBeNull();
    expect(answer.citations[0]?.quote).toMatch(/determine who carried out the attack/);
  });

  test('is not answered by a toll over the whole war, which a report recalls ("since the conflict began")', () => {
    const toll = article('toll', 'Raids kill 11 in Eastern Ghouta', '2017-11-28', [
      'Regime shelling on the town of Jisreen killed 11 people on Tuesday, the monitor said. Rescuers searched the rubble.',
      'More than 330000 people have been killed in Syria since the conflict began in March 2011 with anti-government protests.',
    ]);
    expect(createAnswerEngine([harbour, toll]).ask('how many people were killed?', { currentArticleId: 'toll' }).answer).toBe('11');
    const claimed = article('claimed', 'Raids kill 11 in Eastern Ghouta', '2017-11-28', [
      'Regime shelling on the town of Jisreen killed 11 people on Tuesday, the monitor said. Rescuers searched the rubble.',
      'The war has killed more than 330000 people, according to the monitor.',
    ]);
    expect(createAnswerEngine([harbour, claimed]).ask('how many people were killed?', { currentArticleId: 'claimed' }).answer).toBe('11');
  });

  test('abstains where the article says no one did it ("No group has claimed responsibility for the attack")', () => {
    const unclaimed = article('unclaimed', 'Car bomb kills 20 in Azaz', '2016-10-14', [
      'At least 20 people were killed in a car bomb blast on Thursday at an opposition checkpoint in Azaz, local sources said.',
      'No group has claimed responsibility for the attack, which a local activist believes bears the hallmarks of the Islamic State group.',
    ]);
    const answer = createAnswerEngine([harbour, unclaimed]).ask('who claimed responsibility for the attack?', { currentArticleId: 'unclaimed' });
    expect(answer.answer).toBeNull();
    expect(answer.citations[0]?.quote).toMatch(/^No group has claimed responsibility/);
    const noClaim = article('no-claim', 'Bomb kills 8 in Damascus', '2016-06-11', [
      'A bomb killed eight people near a shrine south of Damascus on Saturday. There was no immediate claim of responsibility for the attack.',
    ]);
    expect(createAnswerEngine([harbour, noClaim]).ask('who claimed the attack?', { currentArticleId: 'no-claim' }).answer).toBeNull();
  });

  test('a phrasal verb is said with its particle only: "who carried out the attack?" is not asked of "volunteers carrying assistance"', () => {
    const convoy = article('convoy', 'Air strike hits aid convoy', '2016-09-20', [
      'A day after the attack Red Crescent volunteers carrying assistance for 40000 people entered the besieged town.',
      'Activists said the attack on the convoy was carried out by Russian warplanes.',
    ]);
    const answer = createAnswerEngine([harbour, convoy]).ask('who carried out the attack?', { currentArticleId: 'convoy' });
    expect(answer.answer).toBe('Russian warplanes');
  });

  test('is not answered with high confidence from a sentence without its verb ("Hundreds of people fled")', () => {
    const answer = engine.ask('how many people were killed?', { currentArticleId: 'fled' });
    expect(answer.confidence).not.toBe('high');
  });
});

describe('a date answer without its year', () => {
  test('is resolved against the date the story\'s dateline writes, where the publication date is a later copy\'s', () => {
    const blast = article('blast', 'Seven dead in Damascus blast', '2015-02-16', [
      'AFP Sunday 1 Feb 2015 At least seven people were killed when a blast ripped through a bus in the capital on Sunday, a monitor said.',
    ]);
    const answer = createAnswerEngine([harbour, blast]).ask('when was the blast?', { currentArticleId: 'blast' });
    expect(answer.answer).toBe('Sunday');
    expect(answer.resolvedDate).toBe('2015-02-01');
  });
});

describe('"who said that?" after an answer', () => {
  const report = article('said', 'Strikes kill 23', '2017-12-14', [
    '"At least 23 civilians among them eight children were killed Wednesday," said the so-called Syrian Observatory for Human Rights.',
    'Eight children were among the dead. "Most were asleep," the group\'s director told reporters.',
    'The strikes hit a village on the eastern bank of the river.',
  ]);
  const engine = createAnswerEngine([harbour, report]);
  const quoteOf = (question: string) => engine.ask(question, { currentArticleId: 'said' }).citations[0]!;

  test('names the speaker of the passage it quoted first, after its verb as before it', () => {
    const lastQuote = quoteOf('how many children were killed?');
    const answer = engine.ask('who said that?', { currentArticleId: 'said', lastQuote });
    expect(answer.answer).toBe('Syrian Observatory for Human Rights');
    expect(answer.citations[0]).toEqual(lastQuote);
  });

  test('is the speaker\'s own phrase where a text without commas runs it into the place before ("… Raqqa a monitor said")', () => {
    const run = article('run', 'Strike kills 15 near Raqqa', '2017-04-14', [
      'At least 15 civilians including four children were killed in a suspected air strike on Saturday near the Daesh terror groups Syrian bastion Raqqa a monitor said.',
    ]);
    const runEngine = createAnswerEngine([harbour, run]);
    const lastQuote = runEngine.ask('how many children were killed?', { currentArticleId: 'run' }).citations[0]!;
    expect(runEngine.ask('who said that?', { currentArticleId: 'run', lastQuote }).answer).toBe('a monitor');
  });

  test('abstains, pointing at the quote, when it names no speaker; without a last quote it is an ordinary question', () => {
    const lastQuote = quoteOf('what did the strikes hit?');
    expect(lastQuote.quote).toMatch(/^The strikes hit a village/);
    const answer = engine.ask('who said that?', { currentArticleId: 'said', lastQuote });
    expect(answer.answer).toBeNull();
    expect(answer.citations).toEqual([lastQuote]);
    expect(engine.ask('who said that?', { currentArticleId: 'said' }).citations).not.toEqual([lastQuote]);
  });
});

describe('a count of the people asked about', () => {
  // The lead counts civilians and says children were among them; the next sentence counts the children.
  const strikes = article('strikes', 'US airstrikes kill 23 civilians', '2017-12-14', [
    'At least 23 Syrian civilians including women and children have been killed in airstrikes on Deir ezzor province, a monitor said.',
    '"At least 23 civilians among them eight children and six women were killed Wednesday before dawn by airstrikes," the monitor said.',
  ]);
  const engine = createAnswerEngine([harbour, strikes]);

  test('is the answer, from the sentence saying it, not a count of others ("eight", not "At least 23")', () => {
    const answer = engine.ask('how many children were killed?', { currentArticleId: 'strikes' });
    expect(answer.answer).toBe('eight');
    expect(answer.citations[0]?.paragraph).toBe(1);
  });

  test('a count of others is never given with high confidence', () => {
    const others = createAnswerEngine([harbour, article('only-civilians', 'Strikes', '2017-12-14', [strikes.paragraphs[0]!])]);
    const answer = others.ask('how many children were killed?', { currentArticleId: 'only-civilians' });
    expect(answer.confidence).not.toBe('high');
  });

  test('a page\'s time stamp run into the lead is not quoted with it, and the lead is', () => {
    const stamped = article('stamped', strikes.title, strikes.date!, [`Last updated at Dec 142017 ${strikes.paragraphs[0]!}`, strikes.paragraphs[1]!]);
    const answer = createAnswerEngine([harbour, stamped]).ask('how many civilians were killed in Deir ezzor province?');
    expect(answer.citations[0]?.quote).toBe('At least 23 Syrian civilians including women and children have been killed in airstrikes on Deir ezzor province, a monitor said.');
  });
});

describe('page furniture', () => {
  // A scraped page keeps its "related stories" and comment links in the text; they hold the story's words too.
  const scraped = article('scraped', 'Airstrikes kill 12 civilians in Deir ez-Zor', '2017-10-01', [
    'At least 12 civilians were killed in coalition airstrikes in the province of Deir ez-Zor. The strikes hit the city of Al Bukamal, the agency said.',
    'Related Coalition strikes hit Daesh in Deir ez-Zor city Tags Deir ez-Zor coalition strikes city Community standardsDiscussion Comment via FacebookComment via News',
  ]);
  const engine = createAnswerEngine([harbour, scraped]);

  test('is never quoted, though it holds more of the question', () => {
    const answer = engine.ask('which city did the coalition strikes hit in Deir ez-Zor');
    expect(answer.citations.length).toBeGreaterThan(0);
    for (const citation of answer.citations) expect(citation.quote).not.toMatch(/Comment via/);
    expect(answer.answer).toBe('Al Bukamal');
  });
});

describe('a question that ends on a preposition', () => {
  const tribe = article('tribe', 'Tribe resists', '2014-08-17', [
    'Fighters of the Sheitaat tribe resisted the militants for two weeks. The Sheitaat tribe, which is from Deir al-Zour province, numbers about 70,000.',
  ]);
  const jingle = article('jingle', 'A new jingle', '2015-02-01', [
    'A new four-note jingle was introduced that year, based around the network\'s "We Love TV" image campaign, creating an audio signature.',
  ]);
  const engine = createAnswerEngine([harbour, tribe, jingle]);

  test('is answered by what follows the same preposition in the sentence ("where is the tribe from")', () => {
    expect(engine.ask('Where is the Sheitaat tribe from?').answer).toMatch(/^Deir al-Zour(?: province)?$/);
  });

  test('ranks first the sentence holding the preposition after the question\'s word before it ("named after")', () => {
    const boulevard = article('boulevard', 'A boulevard', '2015-02-01', [
      'The boulevard was named the best street in the city by a national magazine in 2010, and the boulevard is lined with palms. It was named after Theo Kearney, a raisin grower who planted them.',
    ]);
    const answer = createAnswerEngine([harbour, boulevard]).ask('Who is the boulevard named after?');
    expect(answer.citations[0]?.quote).toBe('It was named after Theo Kearney, a raisin grower who planted them.');
    expect(answer.answer).toBe('Theo Kearney');
  });

  test('past a possessor: the network\'s campaign is not the network', () => {
    expect(engine.ask('What image campaign was the new jingle based around?').answer).toBe('We Love TV');
  });
});

describe('confidence', () => {
  const briefing = article('briefing', 'Strikes on the air base', '2016-09-17', [
    'Reporters were called to the ministry. "A total of 10 strikes were carried out" starting from 1600 GMT, the statement read.',
  ]);
  const engine = createAnswerEngine([harbour, briefing]);

  test('is not high for an answer that is not of the kind asked for (a number for "who")', () => {
    const answer = engine.ask('who said the strikes were carried out from 1600 GMT');
    expect(answer.confidence).not.toBe('high');
  });

  test('is low at most for an answer of another kind than asked for (a place for "when")', () => {
    const mosque = article('mosque', 'Mortars hit Damascus', '2016-05-01', [
      'Gunmen injured civilians in mortar attacks close to the Umayyad Mosque and the Mezzeh neighborhood in the capital Damascus.',
    ]);
    const answer = createAnswerEngine([harbour, mosque]).ask('when was the Umayyad Mosque in Damascus built');
    expect(['low', 'none']).toContain(answer.confidence);
  });

  test('is low at most when the article does not say a name the question gives', () => {
    const london = article('london', 'Former mayor speaks', '2016-10-13', [
      'Johnson, the former mayor of London, said before the war began that outrage was growing.',
    ]);
    const raqqa = article('raqqa', 'Raqqa', '2017-10-20', ['Raqqa was held by the group for three years.']);
    const answer = createAnswerEngine([harbour, london, raqqa]).ask('who was the mayor of Raqqa before the war');
    expect(['low', 'none']).toContain(answer.confidence);
  });

  test('is low at most when neither the article nor its date says a year the question gives', () => {
    const aleppo = article('aleppo', 'Aleppo before the war', '2016-05-01', ['Aleppo had a population of 2.1 million people before the war, the census said.']);
    const aleppoEngine = createAnswerEngine([harbour, aleppo]);
    expect(aleppoEngine.ask('What was the population of Aleppo before the war in 1900?')).toMatchObject({ answer: '2.1 million people', confidence: 'low' });
    // The article's own year, from its date, is said.
    expect(aleppoEngine.ask('What was the population of Aleppo before the war in 2016?').confidence).toBe('high');
  });

  test('is low at most when the sentence does not say the question\'s verb', () => {
    const talks = article('talks', 'Talks stall', '2016-05-01', ['(TRT World and Agencies) Peace talks aimed at ending the war in Syria have deadlocked, diplomats said.']);
    const talksEngine = createAnswerEngine([harbour, talks]);
    expect(talksEngine.ask('Who wrote about the deadlocked peace talks in Syria?')).toMatchObject({ answer: 'diplomats', confidence: 'low' });
    expect(talksEngine.ask('Who said the peace talks in Syria have deadlocked?')).toMatchObject({ answer: 'diplomats', confidence: 'medium' });
  });

  test('is high for a name that answers "who" in a sentence holding the whole question', () => {
    expect(engine.ask('Who said the repairs cost 3.5 million euros?')).toMatchObject({ answer: 'Engineer Ana Ruiz', confidence: 'high' });
  });
});

describe('a question dated by month ("in the raids of 3 April 2017")', () => {
  const raids = article('raids', 'Regime raids kill civilians in Eastern Ghouta', '2017-04-03', [
    'Regime air raids on Monday killed 12 civilians in Douma and Harasta and five more in the town of Sabqa, a monitor said.',
  ]);
  const other = article('other', 'Harbour reopens', '2017-06-20', ['The harbour at Port Ellis reopened on Tuesday after three weeks of repairs.']);

  test('is answered from the article published then, though its text never says the date: as a pointer (low)', () => {
    const answer = createAnswerEngine([raids, other]).ask('which Ghouta town lost five civilians in the raids of 3 April 2017?');
    expect(answer.answer).not.toBeNull();
    expect(answer.confidence).toBe('low');
    expect(answer.citations[0]?.articleId).toBe('raids');
  });

  test('a year alone is not taken from the date: a question about something else abstains', () => {
    const cup = article('cup', 'Army retakes villages', '2014-07-13', ['The army won back two villages near Daraa on Sunday, the agency said.']);
    expect(createAnswerEngine([cup, other]).ask('who won the 2014 world cup').answer).toBeNull();
  });
});

describe('the one told something', () => {
  test('is no answer to a question about the event told', () => {
    const engine = createAnswerEngine([
      article('told', 'Market hit in Khan Sheikhoun', '2017-04-05', ['A military source told Asharq Al-Awsat that the attack targeted a popular market in the centre of Khan Sheikhoun.']),
    ]);
    const answer = engine.ask('who attacked Khan Sheikhoun?');
    expect(answer.answer ?? '').not.toContain('Asharq');
  });
});

describe('"what happened in X?"', () => {
  const engine = createAnswerEngine([
    article('douma', 'Shelling kills eight in Douma', '2016-05-01', [
      'Government shelling on the rebel-held town of Douma outside Damascus killed at least eight people on Sunday, a monitor said.',
      'Rescue workers said the toll could rise. Douma has been besieged since 2013.',
    ]),
    article('aleppo', 'Talks stall', '2016-05-02', ['Talks in Geneva stalled on Monday.', 'Residents of Douma and Aleppo said food was short.']),
  ]);

  test('is answered with the opening sentence of the article that names the place first, medium', () => {
    const answer = engine.ask('what happened in Douma?');
    expect(answer.answer).toBe('Government shelling on the rebel-held town of Douma outside Damascus killed at least eight people on Sunday, a monitor said.');
    expect(answer.confidence).toBe('medium');
    expect(answer.citations[0]!.title).toBe('Shelling kills eight in Douma');
  });

  test('prefers the story whose title names the place, and says low what a story tells of it further on', () => {
    const stories = createAnswerEngine([
      article('talks', 'Talks stall in Geneva', '2016-05-02', ['Residents of Madaya and Douma said food was short on Monday.']),
      article('siege', 'Siege of Madaya tightens', '2016-05-03', ['Aid agencies warned on Tuesday.', 'No convoy has reached Madaya, a town near Damascus, since January.']),
      article('zabadani', 'Fighting near the border', '2016-05-04', ['Shelling went on.', 'Troops advanced.', 'Rebels held the hills.', 'Nothing moved on the road.', 'Fighters left Zabadani for Idlib on Friday.']),
    ]);
    expect(stories.ask('what happened in Madaya?').answer).toBe('No convoy has reached Madaya, a town near Damascus, since January.');
    expect(stories.ask('what happened in Zabadani?')).toMatchObject({ answer: 'Fighters left Zabadani for Idlib on Friday.', confidence: 'low' });
  });

  test('leaves a question about a day to the search', () => {
    expect(engine.ask('what happened in Douma on Sunday?').answer).not.toBe('Government shelling on the rebel-held town of Douma outside Damascus killed at least eight people on Sunday, a monitor said.');
  });
});
