import { describe, expect, test } from 'vitest';
import { analyzeQuestion, holdsTerm } from '../src/answer/analyze-question.ts';
import { lemmaTerms } from '../src/answer/tag-tokens.ts';
import { toTerms } from '../src/text/terms.ts';

describe('where the question words stand relative to the answer', () => {
  test('an object question puts its words before the answer ("Lady Gaga sang [answer]")', () => {
    const { sides } = analyzeQuestion('What did Lady Gaga sing?');
    expect(sides['gaga']).toBe('before');
    expect(sides['sing']).toBe('before');
  });

  test('a subject question puts its words after the answer ("[answer] sang the anthem")', () => {
    const { sides } = analyzeQuestion('Who sang the national anthem?');
    expect(sides['anthem']).toBe('after');
  });

  test('"has" with no verb after it is the verb itself ("[answer] has the biggest population")', () => {
    expect(analyzeQuestion('Which Florida city has the biggest population?').sides['popul']).toBe('after');
    expect(analyzeQuestion('What has Lady Gaga sung?').sides['gaga']).toBe('before');
  });

  test('a question word left in place splits the words around it', () => {
    const { sides } = analyzeQuestion('Complexity theory classifies problems based on what attribute in practice?');
    expect(sides['classifi']).toBe('before');
    expect(sides['practic']).toBe('after');
  });

  test('a copular question and a fronted clause leave the sides open', () => {
    expect(analyzeQuestion('Who is the general manager of the team?').sides).toEqual({});
    expect(analyzeQuestion('During the playoff games, who did not throw?').sides).toEqual({});
  });
});

describe('dictionary forms', () => {
  test('"oldest" in a sentence meets "old" in a question, and "led" meets "lead"', () => {
    const old = analyzeQuestion('Who is the old quarterback?');
    const sentence = 'He is the oldest quarterback ever to play.';
    expect(holdsTerm(old, 'old', new Set(toTerms(sentence)), lemmaTerms(sentence))).toBe(true);
    const led = analyzeQuestion('Who led the team in sacks?');
    const other = 'Short will lead the team.';
    expect(holdsTerm(led, 'led', new Set(toTerms(other)), lemmaTerms(other))).toBe(true);
  });

  test('names keep their identity: "Manning" is not "man"', () => {
    const analysis = analyzeQuestion('How old was Manning?');
    const sentence = 'The man was old.';
    expect(analysis.lemmas['manning']).toBeUndefined();
    expect(holdsTerm(analysis, 'manning', new Set(toTerms(sentence)), lemmaTerms(sentence))).toBe(false);
  });
});

describe('the noun asked about', () => {
  test('a noun for what a person is or does asks for a person ("what actress", "which poet")', () => {
    expect(analyzeQuestion('What actress did the translation?').expects).toBe('person');
    expect(analyzeQuestion('Which poet wrote the hymn?').expects).toBe('person');
    expect(analyzeQuestion('What machine did the translation?').expects).toBe('thing');
  });

  test('a noun WordNet first knows as a kind of person asks for a person ("which famous Indian", "what defender")', () => {
    expect(analyzeQuestion('Which famous Indian practiced civil disobedience?').expects).toBe('person');
    expect(analyzeQuestion('What Panther defender was called for holding?').expects).toBe('person');
    // A noun WordNet knows with the word before it is read whole: a carrier is a person, an aircraft carrier a ship.
    expect(analyzeQuestion('Which aircraft carrier did Russia use?').expects).toBe('thing');
    // "source" is a person only in its fifth sense (an informant).
    expect(analyzeQuestion('Which source gave the figure?').expects).toBe('thing');
  });

  test('one describing word may stand before the noun of "what was the N" ("the estimated population", "the final score")', () => {
    expect(analyzeQuestion('What was the estimated population of Pons Aelius?').expects).toBe('number');
    expect(analyzeQuestion('What was the final score of the game?').expects).toBe('number');
    expect(analyzeQuestion('Which is the largest city without a highway?').expects).toBe('place');
  });

  test('a neighbourhood, a suburb or an airbase asked for is a place', () => {
    expect(analyzeQuestion('In which Damascus neighbourhood did the blast hit the bus?').expects).toBe('place');
    expect(analyzeQuestion('At which airbase were the troops held?').expects).toBe('place');
  });

  test('"how many" counts the noun before the auxiliary, though the tagger takes it for a verb', () => {
    expect(analyzeQuestion('How many forced fumbles did Thomas Davis have?').focus).toBe('fumble');
  });

  test('the noun asked about is the head of its phrase, past describing words and hyphens between its nouns', () => {
    expect(analyzeQuestion('How many ISIS military vehicles were smashed near Palmyra?').focus).toBe('vehicle');
    expect(analyzeQuestion('Which al-Qaida affiliate fought ISIL in Deir el-Zour?').focus).toBe('affiliate');
    expect(analyzeQuestion('Which UN humanitarian envoy said the bombing was a crime?')).toMatchObject({ focus: 'envoy', expects: 'person' });
  });

  test('a compass word before the noun asked about describes it, though the tagger takes it for an adverb', () => {
    expect(analyzeQuestion('In which south Hama town was a civilian killed?')).toMatchObject({ focus: 'town', expects: 'place' });
  });

  test('a nationality before the noun only describes it ("what German general")', () => {
    expect(analyzeQuestion('What German general was of Huguenot ancestry?').focus).toBe('general');
    expect(analyzeQuestion('What Syrian town was captured?').focus).toBe('town');
  });

  test('"what was the population of …" asks for a number, though "population" is no focus for the answer to hold', () => {
    const analysis = analyzeQuestion('What was the population of the city in 2010?');
    expect(analysis.expects).toBe('number');
    expect(analysis.focus).toBeNull();
    expect(analyzeQuestion('What is the goal of the protest?').expects).toBe('thing');
  });
});

describe("the answer's role to the question's verb", () => {
  const role = (question: string) => analyzeQuestion(question).role;

  test('a verb right after the question word makes the answer its doer', () => {
    expect(role('Who sang the national anthem?')).toBe('agent');
    expect(role('What German ruler invited the settlers?')).toBe('agent');
    expect(role('What has successfully dealt with the flood?')).toBe('agent');
  });

  test('a passive after the question word, or an auxiliary, a subject and a verb, make it what was done to', () => {
    expect(role('What was destroyed in the fire?')).toBe('patient');
    expect(role('What did the engineer build?')).toBe('patient');
    expect(role('What can be done?')).toBe('patient');
  });

  test('"was" then a subject and a participle ask what the subject is said to be', () => {
    expect(role('What was the hymn known as in English?')).toBe('complement');
  });

  test('a verb inside a relative clause, a copula alone and a question word in place give no role', () => {
    expect(role('What is the last name of the player who scored the goal?')).toBeNull();
    expect(role('What is the capital of the province?')).toBeNull();
    expect(role('The hymn is known as what?')).toBeNull();
  });

  test("the question's verbs are kept as terms", () => {
    expect(analyzeQuestion('Who opened the bridge?').verbs).toEqual(['open']);
  });

  test('a name the tagger takes for a verb is no verb, and the word after "did" and the name is', () => {
    expect(analyzeQuestion('How many balls did Josh Norman intercept?').verbs).toEqual(['intercept']);
  });
});

describe('the words around a question word left in place', () => {
  test('the term before it and the first term after it', () => {
    expect(analyzeQuestion('The critic argued that poverty was a national what?').neighbours).toEqual({ before: 'nation', after: null });
    expect(analyzeQuestion('The settlers built a what of the old town?').neighbours).toEqual({ before: 'built', after: 'old' });
  });

  test('is the question word when an earlier one opens a clause of the question ("refers to how …") or is a typo', () => {
    const inPlace = analyzeQuestion('The report says how the town built a what of the old harbour?');
    expect(inPlace).toMatchObject({ type: 'what', expects: 'thing', focus: null, neighbours: { before: 'built', after: 'old' } });
    expect(analyzeQuestion('Smith and Jones where what kind of engineers?').type).toBe('what');
    // An earlier question word of the question itself stays its question word.
    expect(analyzeQuestion('Who decides how the land is used?').type).toBe('who');
    expect(analyzeQuestion('For what nation did Ribault claim what is now Jacksonville?')).toMatchObject({ type: 'what', focus: 'nation' });
  });

  test('none for a question word in front, or after a phrase set before the question', () => {
    expect(analyzeQuestion('What did the settlers build?').neighbours).toEqual({ before: null, after: null });
    expect(analyzeQuestion('At the time of the flood what was in demand?').neighbours).toEqual({ before: null, after: null });
  });
});

describe('a question asking for a speaker', () => {
  test('has a reporting verb right after its question word and noun', () => {
    for (const question of ['Who said the strike killed five people?', 'Who has said the war is over?', 'Which official reported the attack?', 'Who claimed the bombing?']) {
      expect(analyzeQuestion(question).speaker, question).toBe(true);
    }
  });

  test('not when the reporting verb belongs to another subject, or the verb reports nothing', () => {
    for (const question of ['Who sang the national anthem?', 'What did the minister say?', 'Who did Putin say would attend?', 'Which force lost six members?', 'What added to the cost?']) {
      expect(analyzeQuestion(question).speaker, question).toBe(false);
    }
  });
});

describe('a question asking for a count in other words', () => {
  test('"the number / amount / estimate of X" asks for a number and counts X, as "how many X" would', () => {
    for (const question of ['What is the number of tree species in the forest?', 'What is the estimate for the amount of tree species in the forest?']) {
      const analysis = analyzeQuestion(question);
      expect(analysis.expects, question).toBe('number');
      expect(analysis.focus, question).toBe('species');
    }
    expect(analyzeQuestion('What was the estimate?').expects).toBe('number');
  });
});
