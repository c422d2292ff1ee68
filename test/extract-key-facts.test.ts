import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { Article } from '../src/article.ts';
import type { FactKind, KeyFact } from '../src/answer/types.ts';
import { extractKeyFacts } from '../src/facts/extract-key-facts.ts';
import { buildArticle } from '../src/parse/build-article.ts';
import { parseArticleFile } from '../src/parse/parse-article-file.ts';

function loadReference(): Article {
  const outcome = parseArticleFile(readFileSync(new URL('./fixtures/articles/reference.txt', import.meta.url)), 'reference.txt');
  if (!outcome.ok) throw new Error(`reference article did not parse: ${outcome.error.message}`);
  return outcome.articles[0]!;
}

/** A hand-written article: one paragraph per string. */
function article(paragraphs: string[], date: string | null, title = 'Test article'): Article {
  const built = buildArticle({ title, date, source: 'Test Wire', paragraphs, captions: [] }, { id: 'test.txt', file: 'test.txt', format: 'plain' });
  if (!built.ok) throw new Error(`test article did not build: ${built.error.message}`);
  return built.article;
}

const ofKind = (facts: KeyFact[], kind: FactKind): KeyFact[] => facts.filter((f) => f.kind === kind);

function expectCitationsMatch(a: Article, facts: KeyFact[]): void {
  for (const fact of facts) {
    const { paragraph, start, end, quote } = fact.citation;
    expect(a.paragraphs[paragraph]?.slice(start, end)).toBe(quote);
    expect(fact.citation.articleId).toBe(a.id);
  }
}

describe('extractKeyFacts on the reference article', () => {
  const reference = loadReference();
  const facts = extractKeyFacts(reference);
  const texts = (kind: FactKind): string[] => ofKind(facts, kind).map((f) => f.text);
  const values = (kind: FactKind): (string | undefined)[] => ofKind(facts, kind).map((f) => f.value);

  const present: { kind: FactKind; text: RegExp }[] = [
    { kind: 'who', text: /^Abu Bakr al-Baghdadi — IS leader$/ },
    { kind: 'who', text: /^Russian Defense Ministry$/ },
    { kind: 'who', text: /^Bashar Assad — Syrian President$/ },
    { kind: 'where', text: /^Raqqa — the group's de facto capital$/ },
    { kind: 'where', text: /^Syria$/ },
    { kind: 'when', text: /^May 28, 2017: the air raid that targeted an IS meeting/ },
    { kind: 'when', text: /^late May 2017: Abu Bakr al-Baghdadi was killed in a Russian strike/ },
    { kind: 'when', text: /^since September 2015: Russia has conducted a military campaign/ },
    { kind: 'number', text: /^about 300 other fighters$/ },
    { kind: 'number', text: /^about 30 mid-level militant leaders$/ },
    { kind: 'claim', text: /^Russian Defense Ministry: Abu Bakr al-Baghdadi was killed in a Russian strike in late May/ },
  ];
  for (const t of present) {
    test(`${t.kind} includes ${t.text}`, () => {
      expect(texts(t.kind).some((x) => t.text.test(x)), texts(t.kind).join('\n')).toBe(true);
    });
  }

  for (const value of ['2017-05-28', '2017-05', '2017-06-16', '2015-09']) {
    test(`when includes the value ${value}`, () => {
      expect(values('when')).toContain(value);
    });
  }

  test('the publication date (the "Friday" of the caption) is told with the lead', () => {
    const published = ofKind(facts, 'when').find((f) => f.value === '2017-06-16');
    expect(published?.text).toMatch(/^June 16, 2017 \(publication date\): Russia claims it killed/);
  });

  test('number values are normalised', () => {
    const byText = new Map(ofKind(facts, 'number').map((f) => [f.text, f.value]));
    expect(byText.get('about 300 other fighters')).toBe('300');
    expect(byText.get('about 30 mid-level militant leaders')).toBe('30');
  });

  test('years, dates and model numbers are not counted', () => {
    for (const f of ofKind(facts, 'number')) expect(f.text).not.toMatch(/Su-3|2015|May 28|2014/);
  });

  test("the Defense Ministry's claim is marked unconfirmed", () => {
    const claim = ofKind(facts, 'claim').find((f) => f.text.startsWith('Russian Defense Ministry: Abu Bakr al-Baghdadi was killed'));
    expect(claim?.unconfirmed).toBe(true);
    expect(claim?.citation.quote).toBe('The Russian Defense Ministry said Abu Bakr al-Baghdadi was killed in a Russian strike in late May along with other senior group commanders.');
  });

  test('"it said in a statement" is attributed to the ministry, and hedged by "being verified"', () => {
    const quote = ofKind(facts, 'claim').find((f) => f.citation.quote.startsWith('"According to the information'));
    expect(quote?.text).toMatch(/^Russian Defense Ministry: IS leader Abu Bakr al-Baghdadi also attended the meeting/);
    expect(quote?.unconfirmed).toBe(true);
  });

  test('facts come grouped by kind, at most five of each, every quote as stored', () => {
    const kinds = facts.map((f) => f.kind);
    expect(kinds).toEqual([...kinds].sort((a, b) => ['who', 'when', 'where', 'number', 'claim'].indexOf(a) - ['who', 'when', 'where', 'number', 'claim'].indexOf(b)));
    for (const kind of ['who', 'when', 'where', 'number', 'claim'] as const) expect(ofKind(facts, kind).length).toBeLessThanOrEqual(5);
    expectCitationsMatch(reference, facts);
  });

  test('maxPerKind limits every kind', () => {
    const one = extractKeyFacts(reference, { maxPerKind: 1 });
    for (const kind of ['who', 'when', 'where', 'number', 'claim'] as const) expect(ofKind(one, kind).length).toBeLessThanOrEqual(1);
    expect(extractKeyFacts(reference, { maxPerKind: 0 })).toEqual([]);
  });
});

describe('dates are resolved against the publication date', () => {
  // 2020-03-04 is a Wednesday.
  const cases: { date: string; sentence: string; value: string }[] = [
    { date: '2020-03-04', sentence: 'The minister resigned on Monday after weeks of protests.', value: '2020-03-02' },
    { date: '2020-03-04', sentence: 'Officials said Wednesday that the border had reopened.', value: '2020-03-04' },
    { date: '2020-03-04', sentence: 'The talks will resume on Monday in Geneva.', value: '2020-03-09' },
    { date: '2020-03-04', sentence: 'The vote is set to take place next Friday in the capital.', value: '2020-03-06' },
    { date: '2020-03-04', sentence: 'He was elected mayor of the city last year.', value: '2019' },
    { date: '2020-03-04', sentence: 'The ceasefire took effect on Jan. 5 across the north.', value: '2020-01-05' },
    { date: '2020-03-04', sentence: 'The deal was signed on December 12 by both sides.', value: '2019-12-12' },
    { date: '2020-03-04', sentence: 'Protests began in late December in the southern towns.', value: '2019-12' },
    { date: '2020-03-04', sentence: 'The company was founded in September 2015 by two brothers.', value: '2015-09' },
    { date: '2020-03-04', sentence: 'The war began in 2011 with peaceful protests.', value: '2011' },
    { date: '2020-03-04', sentence: 'Two days ago, the army withdrew from the town.', value: '2020-03-02' },
    { date: '2020-03-04', sentence: 'The bridge collapsed yesterday during the storm.', value: '2020-03-03' },
    { date: '2017-06-16', sentence: 'The ministry said Friday that the strike had killed the leader.', value: '2017-06-16' },
    { date: '2017-06-16', sentence: 'The convoy was attacked on Saturday near the border.', value: '2017-06-10' },
    { date: '2015-07-06', sentence: 'The group declared a caliphate in June last year.', value: '2014-06' },
    { date: '2016-07-22', sentence: 'The offensive began in mid-2014 and stalled in the summer of 2015.', value: '2015' },
  ];
  for (const c of cases) {
    test(`"${c.sentence}" published ${c.date} → ${c.value}`, () => {
      const a = article([c.sentence], c.date);
      const when = ofKind(extractKeyFacts(a), 'when');
      expect(when.map((f) => f.value)).toContain(c.value);
    });
  }

  test('the fact tells what happened then, without the attribution', () => {
    const a = article(['The ministry said the air raid on May 28 that targeted a meeting of commanders killed dozens.'], '2017-06-16');
    const fact = ofKind(extractKeyFacts(a), 'when').find((f) => f.value === '2017-05-28');
    expect(fact?.text).toMatch(/^May 28, 2017: the air raid that targeted a meeting of commanders/);
  });

  test('or against the date the story\'s opening dateline writes, where the publication date is a later copy\'s', () => {
    const a = article(['AFP Sunday 1 Feb 2015 At least seven people were killed when a blast ripped through a bus on Sunday, a monitor said.'], '2015-02-16');
    const values = ofKind(extractKeyFacts(a), 'when').map((f) => f.value);
    expect(values).toContain('2015-02-01');
    expect(values).not.toContain('2015-02-15');
    const stamped = article(['Last updated at Apr 092017 At least 15 civilians were killed in a strike on Saturday.'], '2017-04-14');
    const when = ofKind(extractKeyFacts(stamped), 'when');
    expect(when.map((f) => f.value)).toContain('2017-04-08');
    // The stamp, a sentence of its own, is page furniture: no fact quotes it.
    for (const fact of when) expect(fact.citation.quote).not.toMatch(/^Last updated/);
  });

  test('photo-credit boilerplate dates are skipped', () => {
    const a = article(['This file image made from video posted on a militant website Saturday, July 5, 2014, purports to show the leader. (AP Photo/Militant video, File)', 'The army said the town fell on Tuesday.'], '2017-06-16');
    const values = ofKind(extractKeyFacts(a), 'when').map((f) => f.value);
    expect(values).not.toContain('2014-07-05');
    expect(values).toContain('2017-06-13');
  });
});

describe('an article without a date', () => {
  const a = article(['The minister resigned on Monday. The ceasefire took effect on Jan. 5 in the north.', 'He was elected last year. The war began in 2011. Talks resumed in September 2015 in Geneva.'], null);
  const when = ofKind(extractKeyFacts(a), 'when');

  test('keeps relative dates as written, with no value', () => {
    expect(when.find((f) => f.text.startsWith('Monday'))?.value).toBeUndefined();
    expect(when.find((f) => f.text.startsWith('Jan. 5'))?.value).toBeUndefined();
    expect(when.find((f) => f.text.startsWith('last year'))?.value).toBeUndefined();
  });

  test('gives values only to dates written with their year', () => {
    expect(when.map((f) => f.value).filter((v) => v !== undefined).sort()).toEqual(['2011', '2015-09']);
  });

  test('never invents a year', () => {
    for (const f of when) for (const year of f.text.match(/\b(?:19|20)\d{2}\b/g) ?? []) expect(a.paragraphs.join(' ')).toContain(year);
  });
});

describe('numbers are counts or amounts with what they count', () => {
  const cases: { sentence: string; text: string | RegExp; value?: string }[] = [
    { sentence: 'More than 1,200 residents fled the town overnight.', text: 'More than 1,200 residents', value: '1200' },
    { sentence: 'The government pledged $3.5 million in emergency aid.', text: /\$3\.5 million/, value: '3500000' },
    { sentence: 'Unemployment rose to 12 percent in the region.', text: /12 percent/, value: '12' },
    { sentence: 'Turnout fell to 4.5% among young voters.', text: /4\.5%/, value: '4.5' },
    { sentence: 'At least 17 people were killed in the blast.', text: 'At least 17 people', value: '17' },
    { sentence: 'Rescuers pulled twenty-five survivors from the rubble.', text: 'twenty-five survivors', value: '25' },
    { sentence: 'Dozens of civilians were wounded in the shelling.', text: 'Dozens of civilians' },
    { sentence: 'The court rejected a demand for $280bn from the tobacco firms.', text: /\$280bn/, value: '280000000000' },
    { sentence: 'The storm left a million people without power.', text: 'a million people', value: '1000000' },
  ];
  for (const c of cases) {
    test(`"${c.sentence}" → ${String(c.text)}`, () => {
      const numbers = ofKind(extractKeyFacts(article([c.sentence], '2020-03-04')), 'number');
      const fact = numbers.find((f) => (typeof c.text === 'string' ? f.text === c.text : c.text.test(f.text)));
      expect(fact, numbers.map((f) => f.text).join(' | ')).toBeDefined();
      expect(fact?.value).toBe(c.value);
    });
  }

  const skipped = [
    'Su-34 bombers and an S-400 battery were moved to the base.',
    'The resolution was adopted in 2015 and renewed on May 28.',
    'Security Council Resolution 2254 calls for elections.',
    'The meeting started at 10:30 and ended for the 28th time without a deal.',
  ];
  for (const sentence of skipped) {
    test(`"${sentence}" has no number fact`, () => {
      expect(ofKind(extractKeyFacts(article([sentence], '2020-03-04')), 'number')).toEqual([]);
    });
  }
});

describe('claims: who says what, and whether the text hedges it', () => {
  const cases: { title?: string; paragraphs: string[]; text: RegExp; unconfirmed: boolean }[] = [
    {
      paragraphs: ['The Transport Ministry opened a new bridge in the capital.', 'The ministry said the old bridge would be closed for repairs.'],
      text: /^Transport Ministry: the old bridge would be closed for repairs/,
      unconfirmed: false,
    },
    { paragraphs: ['The rebel group claimed it shot down a government drone over the valley.'], text: /: it shot down a government drone/, unconfirmed: true },
    {
      paragraphs: ['Rebels said they captured the airport after heavy fighting.', 'The claim could not be independently verified.'],
      text: /^Rebels: they captured the airport after heavy fighting/,
      unconfirmed: true,
    },
    { paragraphs: ['According to local activists, twenty people died in the attack on the market.'], text: /^Local activists: twenty people died in the attack/, unconfirmed: false },
    { paragraphs: ['"We will not surrender the city to anyone," the commander said.'], text: /^Commander: We will not surrender the city to anyone/, unconfirmed: false },
    { paragraphs: ['The army reportedly said its troops entered the old town on Sunday.'], text: /^Army: its troops entered the old town/, unconfirmed: true },
    { paragraphs: ['A police source told Reuters that the bomber blew himself up near a bakery.'], text: /^A police source: the bomber blew himself up near a bakery/, unconfirmed: false },
    {
      // Text without commas, as in FA-KES: the speaker comes after the content.
      paragraphs: ['At least 17 people were killed in a triple bombing in central Damascus the Syrian Observatory for Human Rights said Monday.'],
      text: /^Syrian Observatory for Human Rights: At least 17 people were killed in a triple bombing/,
      unconfirmed: false,
    },
    {
      title: 'Rebels claim capture of Taftanaz airport',
      paragraphs: ['The Freedom Brigade said its fighters captured the Taftanaz airport after a long siege.'],
      text: /^Freedom Brigade: its fighters captured the Taftanaz airport/,
      unconfirmed: true,
    },
  ];
  for (const c of cases) {
    test(`${c.paragraphs.join(' ')} → ${c.text} ${c.unconfirmed ? '(unconfirmed)' : '(plain)'}`, () => {
      const claims = ofKind(extractKeyFacts(article(c.paragraphs, '2020-03-04', c.title)), 'claim');
      const claim = claims.find((f) => c.text.test(f.text));
      expect(claim, claims.map((f) => f.text).join(' | ')).toBeDefined();
      expect(claim?.unconfirmed ?? false).toBe(c.unconfirmed);
    });
  }
});

describe('who and where', () => {
  test('merges short and long forms of a name and keeps the role', () => {
    const a = article(['Opposition leader Ahmed Hassan arrived in Aleppo on Monday.', 'Hassan said the talks had failed.', 'The Syrian Observatory for Human Rights, a British-based monitoring group, said 12 people died near Idlib.'], '2020-03-04');
    const facts = extractKeyFacts(a);
    const who = ofKind(facts, 'who').map((f) => f.text);
    expect(who).toContain('Ahmed Hassan — Opposition leader');
    expect(who.filter((w) => /Hassan/.test(w))).toHaveLength(1);
    expect(who).toContain('Syrian Observatory for Human Rights — British-based monitoring group');
    expect(ofKind(facts, 'where').map((f) => f.text)).toEqual(expect.arrayContaining(['Aleppo', 'Idlib']));
    expect(ofKind(facts, 'claim').map((f) => f.text)).toContain('Ahmed Hassan: the talks had failed');
  });

  test('the first word of a name written partly in lower case is no one ("Deir ezzor")', () => {
    const a = article(['At least 23 Syrian civilians have been killed in US airstrikes on the countrys eastern Deir ezzor province says a UK-based monitoring group.'], '2017-12-14', 'US airstrikes kill 23 civilians in Syrias Deir ezzor');
    expect(ofKind(extractKeyFacts(a), 'who').map((f) => f.text)).not.toContain('Deir');
  });
});

describe('extractKeyFacts on arbitrary articles', () => {
  const fragments = fc.constantFrom(
    'The Russian Defense Ministry said',
    'Abu Bakr al-Baghdadi',
    'was killed in late May',
    'on Friday, June 16, 2017,',
    'about 300 other fighters',
    'more than 1,200 residents',
    '$3.5 million',
    '12 percent',
    'If confirmed,',
    'it said in a statement.',
    '"We will win," he said.',
    'according to activists',
    'in Raqqa, the group\'s de facto capital.',
    'Su-34',
    'since 2011',
    'last year',
    'The ministry',
    '(AP Photo/File)',
    '. ',
    ', ',
    '—',
    '“',
    'IS leaders A, B and C',
  );
  const paragraph = fc.array(fc.oneof(fragments, fc.string({ maxLength: 30 }), fc.string({ maxLength: 20, unit: 'grapheme' })), { minLength: 1, maxLength: 10 }).map((parts) => parts.join(' '));
  const draft = fc.record({
    paragraphs: fc.array(paragraph, { minLength: 1, maxLength: 5 }),
    date: fc.option(fc.constantFrom('2017-06-16', '2020-02-29', '1999-12-31', '2024-01-01'), { nil: null }),
    title: fc.oneof(fc.string({ minLength: 1, maxLength: 40 }), fragments),
  });

  test('never throws, and every citation quotes the stored text at its offsets', () => {
    fc.assert(
      fc.property(draft, fc.integer({ min: 0, max: 8 }), (d, max) => {
        const built = buildArticle({ title: d.title, date: d.date, source: null, paragraphs: d.paragraphs, captions: [] }, { id: 'a.txt', file: 'a.txt', format: 'plain' });
        if (!built.ok) return;
        const facts = extractKeyFacts(built.article, { maxPerKind: max });
        expectCitationsMatch(built.article, facts);
        for (const fact of facts) {
          expect(['who', 'when', 'where', 'number', 'claim']).toContain(fact.kind);
          expect(fact.text.trim().length).toBeGreaterThan(0);
          if (fact.kind === 'when' && fact.value !== undefined) expect(fact.value).toMatch(/^\d{4}(?:-\d{2}(?:-\d{2})?)?$/);
        }
        for (const kind of ['who', 'when', 'where', 'number', 'claim'] as const) expect(ofKind(facts, kind).length).toBeLessThanOrEqual(max);
      }),
      { numRuns: 300 },
    );
  });
});

test('digits inside Discord mentions and URLs are not numbers', () => {
  const built = buildArticle(
    {
      title: 'Volunteers clear the beach',
      date: '2021-04-10',
      source: 'Test Wire',
      paragraphs: ['Thanks to <@123456> and <@&789>, about 40 volunteers cleared the beach; photos at https://example.org/2021/beach-99.'],
      captions: [],
    },
    { id: 'beach', file: 'beach.json', format: 'json' },
  );
  if (!built.ok) throw new Error(built.error.message);
  const values = extractKeyFacts(built.article).filter((f) => f.kind === 'number').map((f) => f.value);
  expect(values).toEqual(['40']);
});

describe('a name spelled out before its acronym', () => {
  test('is one organisation, though its words hold places ("Islamic State of Iraq and the Levant (ISIL)")', () => {
    const a = article(['The so-called Islamic State of Iraq and the Levant (ISIL) militant group has executed 700 members of a tribe in eastern Syria, a monitoring group says.'], '2014-08-17');
    const who = ofKind(extractKeyFacts(a), 'who').map((f) => f.text);
    expect(who).toContain('Islamic State of Iraq and the Levant');
    expect(who).not.toContain('Levant');
    expect(ofKind(extractKeyFacts(a), 'where').map((f) => f.text)).not.toContain('Iraq');
  });
});
