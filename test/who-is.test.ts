import { describe, expect, test } from 'vitest';
import { nationalitiesOf } from '../src/answer/answer-who-is.ts';
import { createAnswerEngine } from '../src/answer/create-answer-engine.ts';
import { askedEventPlace, askedName, askedPlace, askedRole, describedNames, describeNameAt, findName, locateNameAt, nameWords, samePortfolio } from '../src/answer/describe-name.ts';
import { makeArticle } from './helpers/make-article.ts';

/** What the sentence says the name is, as the descriptions' texts. */
function describe_(name: string, sentence: string): string[] {
  return findName(sentence, [nameWords(name)]).flatMap(({ start, end }) => describeNameAt(sentence, start, end).map((d) => d.text));
}

describe('askedName', () => {
  const noLowerCaseNames = () => false;

  test('reads the name a "who is" / "what is" question asks about', () => {
    expect(askedName('who is Rami Abdel Rahman?', noLowerCaseNames)).toBe('Rami Abdel Rahman');
    expect(askedName('what is the Syrian Observatory for Human Rights?', noLowerCaseNames)).toBe('Syrian Observatory for Human Rights');
    expect(askedName("who's de Mistura", noLowerCaseNames)).toBe('de Mistura');
    expect(askedName('who were the White Helmets?', noLowerCaseNames)).toBe('White Helmets');
    expect(askedName('who is President Assad?', noLowerCaseNames)).toBe('Assad');
  });

  test('takes a word typed in lower case for a name only when told it is one', () => {
    expect(askedName('who is rami abdel rahman', noLowerCaseNames)).toBeNull();
    expect(askedName('who is rami abdel rahman', () => true)).toBe('rami abdel rahman');
  });

  test('leaves questions that ask for a name, or name nothing', () => {
    for (const question of ['who is the UN envoy?', 'who was killed?', 'what is the death toll?', 'Who is the General Manager for the Broncos?', 'Who was Count of Melfi', 'who is General Manager?', 'who is the Homs governor?', 'who is the UN Special Envoy for the Syria Crisis?']) {
      expect(askedName(question, () => false), question).toBeNull();
    }
  });
});

describe('findName', () => {
  test('finds a name whatever its case and hyphens, past a middle initial', () => {
    expect(findName('Observatory director Rami Abdel Rahman said', [nameWords('rami abdel rahman')])).toEqual([{ start: 21, end: 38 }]);
    expect(findName('President Bashar al-Assad met him', [nameWords('Bashar al Assad')])).toHaveLength(1);
    expect(findName('Elijah J. Magnier wrote', [nameWords('Elijah Magnier')])).toHaveLength(1);
  });

  test('does not take a verb for a short name ("is" for IS)', () => {
    expect(findName('The town is highly valued.', [nameWords('IS')])).toEqual([]);
    expect(findName('IS fighters attacked.', [nameWords('IS')])).toHaveLength(1);
  });
});

describe('describeNameAt', () => {
  test('reads a title or description before the name', () => {
    expect(describe_('Staffan de Mistura', 'On April 15 UN Special Envoy for Syria Staffan de Mistura said talks would resume.')).toEqual(['UN Special Envoy for Syria']);
    expect(describe_('Abdel Rahman', 'said Observatory director Rami Abdel Rahman.')).toEqual(['Observatory director']);
    expect(describe_('Rami Abdel Rahman', 'in rebel-held areas the head of the Britain-based monitoring group Rami Abdel Rahman told AFP.')).toEqual(['head of the Britain-based monitoring group']);
    expect(describe_('Steffen Seibert', 'German government spokesman Steffen Seibert said the hardships were great.')).toEqual(['German government spokesman']);
    expect(describe_('Manbij', 'They advanced on the northern Syrian city of Manbij on Monday.')).toEqual(['northern Syrian city']);
  });

  test('leaves out a date before the title, an honorific after it and an organisation\'s name around the name', () => {
    expect(describe_('Hassan Abboud', 'In September Ahrar al-Shams leader Hassan Abboud was killed.')).toEqual(['Ahrar al-Shams leader']);
    expect(describe_('Wael al-Halqi', 'Prime Minister Dr. Wael al-Halqi condemned the blasts.')).toEqual(['Prime Minister']);
    expect(describe_('Fode Seck', 'A letter went to the President of the UN Security Council Fode Seck on Monday.')).toEqual(['President of the UN Security Council']);
  });

  test('reads a description set after the name, with or without its commas', () => {
    expect(describe_('Jaish al-Islam', 'Jaish al-Islam, the main rebel group in Eastern Ghouta, rejected the offer.')).toEqual(['main rebel group in Eastern Ghouta']);
    expect(describe_('Rami Abdel Rahman', '"Al-Nusra captured Base 46" said Rami Abdel Rahman director of the Britain-based Observatory.')).toEqual(['director of the Britain-based Observatory']);
    expect(describe_('SOHR', 'The SOHR is a Britain-based monitoring group.')).toEqual(['Britain-based monitoring group']);
  });

  test('does not take another name, a compound or what the name belongs to for its description', () => {
    for (const [name, sentence] of [
      ['ISIS', 'ISIS leader Abu Bakr al-Baghdadi was reported dead.'],
      ['ISIS', 'ISIS fighters attacked the town.'],
      ['Jabhat al-Nusra', 'Groups such as Jabhat al-Nusra (Nusra Front) are outlawed.'],
      ['ISIL', 'Militants of the so-called ISIL crucified five men.'],
      ['ISIL', 'Strikes hit the stronghold of the Takfiri group ISIL on Monday.'],
      ['YPG', 'Forces dominated by PKK terrorist organizations Syrian offshoot PYDs armed wing YPG took the town.'],
      ['Aleppo', 'The leader of Aleppo rebels said the siege would end.'],
    ] as const) {
      const found = describe_(name, sentence);
      expect(found.every((text) => !/leader|fighter|Nusra Front|militants|stronghold|armed wing/.test(text)), `${name}: ${found.join('; ')}`).toBe(true);
    }
    expect(describe_('ISIL', 'Strikes hit the stronghold of the Takfiri group ISIL on Monday.')).toEqual(['Takfiri group']);
  });

  test('gives a person\'s own title, not the title of someone the name belongs to', () => {
    expect(describe_('Bashar Assad', 'The father of Syrian President Bashar Assad was born in Qardaha.')).toEqual(['Syrian President']);
    expect(describe_('Staffan de Mistura', 'UN envoy meets southern rebels UN Special Envoy for the Syria Crisis Staffan de Mistura met rebel leaders.')).toEqual(['UN Special Envoy for the Syria Crisis']);
  });
});

const article = (id: string, paragraphs: string[]) => makeArticle(id, `Report ${id}`, paragraphs, '2016-05-01', `${id}.json`);

describe('"who is X?" answered by the engine', () => {
  const articles = [
    article('a', ['At least 20 people were killed in Aleppo on Sunday, said Rami Abdel Rahman, director of the Britain-based Observatory.', 'Karim Haddad visited the market.']),
    article('b', ['Observatory director Rami Abdel Rahman said the toll would rise.', 'UN envoy Staffan de Mistura called for calm.']),
    article('c', ['The talks were led by Staffan de Mistura, a veteran Swedish-Italian diplomat.']),
  ];
  const engine = createAnswerEngine(articles);

  test('answers with the description most sentences agree on, as written, high when two agree', () => {
    const answer = engine.ask('who is Rami Abdel Rahman?');
    expect(answer.confidence).toBe('high');
    expect(['director of the Britain-based Observatory', 'Observatory director']).toContain(answer.answer);
    expect(answer.citations[0]!.quote).toContain(answer.answer!);
    expect(answer.citations.map((c) => c.articleId).sort()).toEqual(['a', 'b']);
  });

  test('is medium when one sentence says it, and takes a name typed in lower case', () => {
    const answer = engine.ask('who is staffan de mistura');
    expect(answer.confidence).toBe('medium');
    expect(['UN envoy', 'veteran Swedish-Italian diplomat']).toContain(answer.answer);
  });

  test('answers from the conversation\'s article first, when it says what the name is', () => {
    expect(engine.ask('who is Staffan de Mistura?', { currentArticleId: 'c' }).answer).toBe('veteran Swedish-Italian diplomat');
    expect(engine.ask('who is Staffan de Mistura?', { currentArticleId: 'b' }).answer).toBe('UN envoy');
  });

  test('abstains, pointing at where the name is written, when no article says who it is', () => {
    const answer = engine.ask('who is Karim Haddad?');
    expect(answer).toMatchObject({ answer: null, confidence: 'none' });
    expect(answer.citations[0]!.quote).toBe('Karim Haddad visited the market.');
  });

  test('abstains when no article names it', () => {
    expect(engine.ask('who is Angela Merkel?')).toMatchObject({ answer: null, confidence: 'none' });
  });
});

describe('askedRole', () => {
  test('reads the role a question asks the holder of: its head word and its other words', () => {
    expect(askedRole('who is the UN envoy for Syria?')).toEqual({ head: 'envoy', words: ['un', 'syria'], names: ['un', 'syria'] });
    expect(askedRole('who is the Homs governor?')).toEqual({ head: 'governor', words: ['homs'], names: ['homs'] });
    expect(askedRole('Who is the General Manager for the Broncos?')).toEqual({ head: 'manager', words: ['general', 'broncos'], names: ['broncos'] });
    expect(askedRole('who heads the Observatory?')).toEqual({ head: 'head', words: ['observatory'], names: ['observatory'] });
    // When the role was held is no word of it.
    expect(askedRole('who was the mayor of Raqqa before the war')).toEqual({ head: 'mayor', words: ['raqqa'], names: ['raqqa'] });
  });

  test('leaves a role another holder has, an event and a clause', () => {
    for (const question of ['who was the first chair of the IPCC?', 'who is the former envoy?', 'who led the attack?', 'who was the rescuer who died?', 'who was killed?', 'who is Rami Abdel Rahman?']) {
      expect(askedRole(question), question).toBeNull();
    }
  });
});

describe('describedNames', () => {
  const described = (sentence: string) => describedNames(sentence).map((d) => [d.name, d.descriptions.map((x) => x.text)]);

  test('reads each name of a sentence with its title, not a title\'s capitals or a nationality for the name', () => {
    expect(described('UN envoy meets rebels UN Special Envoy for the Syria Crisis Staffan de Mistura met them.')).toEqual([['Staffan de Mistura', ['UN Special Envoy for the Syria Crisis']]]);
    expect(described('Secretary of State John Kerry and Russian Foreign Minister Sergei Lavrov met.')).toEqual([
      ['John Kerry', ['Secretary of State']],
      ['Sergei Lavrov', ['Russian Foreign Minister']],
    ]);
    expect(described('United Nations Secretary-General Ban Ki-moon is appalled.')).toEqual([['Ban Ki-moon', ['United Nations Secretary-General']]]);
    expect(described('The UN Under-Secretary-General for Humanitarian Affairs Stephen OBrien said so.')).toEqual([['Stephen OBrien', ['UN Under-Secretary-General for Humanitarian Affairs']]]);
    expect(described('He met the British ambassador to the UN Matthew Rycroft.').map(([name]) => name)).toEqual(['Matthew Rycroft']);
  });
});

describe('"who is the UN envoy?" answered by the engine', () => {
  const articles = [
    article('r1', ['UN envoy Staffan de Mistura called for calm on Monday.', 'Observatory director Rami Abdel Rahman said 20 people died.']),
    article('r2', ['The talks were chaired by UN envoy Staffan de Mistura in Geneva.', 'Rami Abdel Rahman, head of the Observatory, gave the toll.']),
    article('r3', ['Residents said the envoy of the rebels, a local sheikh, left the town.']),
  ];
  const engine = createAnswerEngine(articles);

  test('answers with the name the articles give the role, high when two sentences agree', () => {
    expect(engine.ask('who is the UN envoy?')).toMatchObject({ answer: 'Staffan de Mistura', confidence: 'high' });
    const head = engine.ask('who heads the Observatory?');
    expect(head.answer).toBe('Rami Abdel Rahman');
    expect(head.citations[0]!.quote).toContain('Rami Abdel Rahman');
  });
});

describe('"why" answered by no reason', () => {
  test('is a pointer (low) at most', () => {
    const engine = createAnswerEngine([article('w1', ['Atareb has been hit by air strikes since 2015 when Russia intervened in the war in Syria.'])]);
    const answer = engine.ask('why did Russia intervene in Syria?');
    expect(['low', 'none']).toContain(answer.confidence);
  });
});

describe('a role given with a country\'s adjective', () => {
  test('"the president of Syria" is the "Syrian President", and a name is counted once whatever its possessive', () => {
    const engine = createAnswerEngine([
      article('p1', ['He blamed the attack on Syrian President Bashar al-Assad on Monday.']),
      article('p2', ['Forces loyal to Syria President Bashar al-Assads government advanced.', 'Syrian President Bashar al-Assad spoke on Tuesday.']),
    ]);
    expect(engine.ask('who is the president of Syria?')).toMatchObject({ answer: 'Bashar al-Assad', confidence: 'high' });
  });
});

describe('"where is X?"', () => {
  const located = (name: string, sentence: string) => findName(sentence, [nameWords(name)]).flatMap(({ start, end }) => locateNameAt(sentence, start, end).map((d) => d.text));

  test('asks about a name, a place noun after it aside', () => {
    expect(askedPlace('where is Douma?', () => false)).toBe('Douma');
    expect(askedPlace('where is the Shayrat airbase?', () => false)).toBe('Shayrat');
    for (const question of ['where is it?', 'where was the attack?', 'where is the town?']) expect(askedPlace(question, () => false), question).toBeNull();
  });

  test('reads where a sentence places the name, up to the next phrase', () => {
    expect(located('Douma', 'Shelling hit Douma in the rebel-held Eastern Ghouta region the Observatory said.')).toEqual(['in the rebel-held Eastern Ghouta region']);
    expect(located('Atareb', 'Atareb, 25 kilometres west of Aleppo, was hit.')).toEqual(['25 kilometres west of Aleppo']);
    expect(located('Khan Sheikhoun', 'The attack on Khan Sheikhoun south of Idlib killed 87.')).toEqual(['south of Idlib']);
    expect(located('Jarablus', 'The town of Jarablus on the Turkish border fell.')).toEqual(['on the Turkish border']);
    expect(located('Douma', 'Strikes hit Douma on Monday.')).toEqual([]);
  });

  test('is answered with the place most sentences locate it by, high when two agree', () => {
    const engine = createAnswerEngine([
      article('d1', ['Shelling hit Douma in Eastern Ghouta on Monday.']),
      article('d2', ['Residents of Douma in the Eastern Ghouta region fled.', 'Strikes on Douma near Damascus went on.']),
    ]);
    const answer = engine.ask('where is Douma?');
    expect(answer.confidence).toBe('high');
    expect(answer.answer).toMatch(/^in (?:the )?Eastern Ghouta/);
    expect(answer.citations[0]!.quote).toContain(answer.answer!);
  });
});

describe('a role\'s country said by a nationality of another root', () => {
  test('"the foreign minister of Britain" is the "British foreign minister"', () => {
    const engine = createAnswerEngine([article('b1', ['British foreign minister Boris Johnson called for protests on Tuesday.'])]);
    expect(engine.ask('who is the foreign minister of Britain?').answer).toBe('Boris Johnson');
  });
});

describe('nationalitiesOf', () => {
  test('makes the nationalities of a country\'s name, whole or cut short, that the articles write', () => {
    const written = (word: string) => ['turkish', 'british', 'lebanese', 'syrian', 'iraqi', 'turkeyn', 'syriai'].includes(word);
    expect(nationalitiesOf('turkey', written)).toEqual(['turkish']);
    expect(nationalitiesOf('britain', written)).toEqual(['british']);
    expect(nationalitiesOf('lebanon', written)).toEqual(['lebanese']);
    expect(nationalitiesOf('syria', written)).toEqual(['syrian']);
    expect(nationalitiesOf('iraq', written)).toEqual(['iraqi']);
    expect(nationalitiesOf('france', written)).toEqual([]);
  });
});

describe('samePortfolio', () => {
  test('a role naming a ministry is given only by a description naming the same one', () => {
    expect(samePortfolio(['defence', 'russia'], new Set(['russian', 'defense', 'minister']))).toBe(true);
    expect(samePortfolio(['defence', 'russia'], new Set(['russian', 'foreign', 'minister']))).toBe(false);
    expect(samePortfolio(['foreign'], new Set(['prime', 'minister']))).toBe(false);
    expect(samePortfolio(['russia'], new Set(['russian', 'foreign', 'minister']))).toBe(true);
  });
});

describe('a role question the articles answer for another holder', () => {
  test('a minister of another ministry or country is no answer', () => {
    const engine = createAnswerEngine([
      article('m1', ['Russian Foreign Minister Sergei Lavrov said Syrian opposition groups had used the ceasefires to rearm.']),
      article('m2', ['Russian Defence Minister Sergei Shoigu spoke of a major operation on Tuesday.']),
    ]);
    expect(engine.ask('who is the defence minister of Russia?').answer).toBe('Sergei Shoigu');
    expect(engine.ask('who is the Syrian foreign minister?').answer).toBeNull();
    // A nationality and an acronym say whose role it is, though WordNet files "Syrian" and "Isis" under people.
    expect(askedRole('who is the Syrian foreign minister?')?.names).toEqual(['syrian']);
    expect(askedRole('who is the leader of ISIS?')?.names).toEqual(['isis']);
  });

  test('is low when the sentence found calls its name the holder of the role without saying whose', () => {
    const engine = createAnswerEngine([article('i1', ['The war pits President Bashar al-Assad backed by Russia and Iran against rebels.'])]);
    const answer = engine.ask('who is the president of Iran?');
    expect(['low', 'none']).toContain(answer.confidence);
    expect(answer.citations[0]!.quote).toContain('Iran');
  });

  test('abstains when the sentence found gives no one the office, or names what the role is of', () => {
    const engine = createAnswerEngine([
      article('e1', ['The draft resolution was proposed by New Zealand, Spain and Egypt.']),
      article('k1', ['Leader of the Islamic Revolution in Iran Imam Sayyed Ali Khamenei accused the US of backing the militants.']),
    ]);
    expect(engine.ask('who is the president of Egypt?').answer).toBeNull();
    expect(engine.ask('who is the leader of Iran?').answer).not.toBe('Islamic Revolution');
  });

  test('abstains when the answer found names no one', () => {
    const engine = createAnswerEngine([article('s1', ['Russia claims it killed the leader of the Islamic State group in an airstrike on a meeting of IS leaders.'])]);
    expect(engine.ask('who is the Islamic State leader?')).toMatchObject({ answer: null, confidence: 'none' });
  });

  test('is low when only a possessive gives the answer the role ("his vice-Chair")', () => {
    const engine = createAnswerEngine([article('v1', ['Before this election, the IPCC was led by his vice-Chair Ismail El Gizouli, who was designated acting Chair.'])]);
    const answer = engine.ask('Who is the vice-chair of the IPCC?');
    expect(answer.answer).toContain('Ismail El Gizouli');
    expect(answer.confidence).toBe('low');
  });
});

describe('askedEventPlace', () => {
  test('reads the place a "what happened in" question asks about, a place noun after it aside', () => {
    expect(askedEventPlace('what happened in Khan Sheikhoun?', () => false)).toBe('Khan Sheikhoun');
    expect(askedEventPlace('What is happening at the Shayrat airbase', () => false)).toBe('Shayrat');
    expect(askedEventPlace('what happened in Aleppo on Tuesday?', () => false)).toBeNull();
    expect(askedEventPlace('what happened to the victims?', () => false)).toBeNull();
    expect(askedEventPlace('what happened in the war?', () => false)).toBeNull();
  });
});
