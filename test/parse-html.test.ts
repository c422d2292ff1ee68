import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { ArticleDraft } from '../src/article.ts';
import { parseHtmlDraft } from '../src/parse/parse-html.ts';
import { PARSE_ERROR_KINDS } from '../src/parse/parse-outcome.ts';
import { isValidIsoDate } from '../src/text/iso-date.ts';

function readFixture(name: string): string {
  return readFileSync(new URL(`./fixtures/html/${name}`, import.meta.url), 'utf8');
}

const fixtureDrafts = new Map<string, ArticleDraft>();

/** Each fixture is parsed once, inside the first test that needs it, so a failure is reported by that test. */
function parseFixture(name: string): ArticleDraft {
  const draft = fixtureDrafts.get(name) ?? parseDraft(readFixture(name));
  fixtureDrafts.set(name, draft);
  return draft;
}

function parseDraft(html: string): ArticleDraft {
  const result = parseHtmlDraft(html);
  if ('kind' in result) throw new Error(`expected an article draft, got ${result.kind}: ${result.message}`);
  return result;
}

/** A small page around a body long enough for Readability to take as a story. */
function buildPage({ head = '', body = '', story = STORY }: { head?: string; body?: string; story?: string }): string {
  return `<!doctype html><html><head><meta charset="utf-8">${head}</head><body>${body}<article>${story}</article></body></html>`;
}

const STORY = [
  'The regional water board approved new summer restrictions on Monday, limiting garden watering to two evenings a week from the start of June.',
  'Reservoir levels stand at 61 per cent of capacity, the lowest for the time of year since records began in 1976, according to figures published by the board.',
  'Farmers with abstraction licences are not affected by the new rules, although the board said it would review those licences if the dry weather continues into July.',
]
  .map((p) => `<p>${p}</p>`)
  .join('');

type MetaField = 'title' | 'date' | 'source' | 'author' | 'url';

const fixtureMetadata: Array<{ file: string; expected: Pick<ArticleDraft, MetaField> }> = [
  {
    file: 'og-jsonld-news-article.html',
    expected: {
      title: 'Council approves $48m seawall for Eastport waterfront',
      date: '2024-03-05',
      source: 'The Harbour Gazette',
      author: 'Maria Delgado',
      url: 'https://www.harbourgazette.com/news/2024/03/05/council-approves-eastport-seawall/',
    },
  },
  {
    file: 'jsonld-graph-only.html',
    expected: {
      title: 'Aldwater’s rural broadband grant reaches its first 3,000 homes',
      date: '2023-11-17',
      source: 'Valley Tech Review',
      author: 'Priya Natarajan',
      url: 'https://valleytechreview.co.uk/2023/11/17/rural-broadband-grant-first-homes/',
    },
  },
  {
    file: 'jsonld-array-dc-date.html',
    expected: {
      title: 'Drought relief package extended to dairy farmers',
      date: '2022-09-14',
      source: 'Western Plains Herald',
      author: 'Tom Whitfield, Anika Rao',
      url: 'https://www.westernplainsherald.example/rural/drought-relief-dairy',
    },
  },
  {
    file: 'no-date-opinion.html',
    expected: {
      title: 'Why our slow-streets pilot deserves a second year',
      date: null,
      source: null,
      author: 'Sam Okafor',
      url: undefined,
    },
  },
  {
    file: 'malformed-jsonld.html',
    expected: {
      title: 'Harbour dredging to resume after seal pups move on',
      date: '2024-02-28',
      source: 'Coastline Courier',
      author: 'Lena Fischer',
      url: 'https://coastlinecourier.example/news/harbour-dredging-resumes',
    },
  },
];

describe('parseHtmlDraft: metadata of saved news pages', () => {
  for (const { file, expected } of fixtureMetadata) {
    for (const field of ['title', 'date', 'source', 'author', 'url'] as const) {
      test(`${file}: ${field} is ${JSON.stringify(expected[field]) ?? 'absent'}`, () => {
        expect(parseFixture(file)[field]).toBe(expected[field]);
      });
    }
  }
});

const fixtureBodies: Array<{ file: string; firstParagraph: string; lastParagraph: string; captions: string[]; notInBody: string[] }> = [
  {
    file: 'og-jsonld-news-article.html',
    firstParagraph: 'EASTPORT — City council voted 7-2 on Tuesday night',
    lastParagraph: 'City engineers will return to council in June',
    captions: [
      'Waves break over the Eastport promenade during a February storm',
      'A staff rendering shows the planned seawall',
    ],
    notInBody: [
      'Obituaries', 'Subscribe for $1', 'Skip to main content', 'Advertisement', 'Share on Facebook', 'Copy link',
      'gtag', 'dataLayer', 'ads.example-network.com', 'Storm floods Front Street businesses', 'Read more',
      'Sign up for our free newsletter', 'School board delays vote', 'Privacy Policy', 'All rights reserved', 'By Maria Delgado',
    ],
  },
  {
    file: 'jsonld-graph-only.html',
    firstParagraph: 'The first 3,000 homes in the Aldwater valley',
    lastParagraph: 'Fernline’s regional director, Hannah Cole',
    captions: ['An engineer splices fibre at a roadside cabinet near Lower Hallow'],
    notInBody: [
      'Advertise with us', 'Technology news for the Aldwater valley', 'Share this', 'LinkedIn',
      'Fernline wins Aldwater fibre contract', 'Still waiting in Upper Hallow', 'Recent Posts', 'Proudly powered by WordPress', '_paq',
    ],
  },
  {
    file: 'jsonld-array-dc-date.html',
    firstParagraph: 'Dairy farmers in the western plains',
    lastParagraph: 'Applications will open on October 3',
    captions: ['Dairy cattle at a property near Marrabool'],
    notInBody: ['Classifieds', 'Print', 'Email', 'Plains Media Pty Ltd', 'Tom Whitfield and Anika Rao'],
  },
  {
    file: 'no-date-opinion.html',
    firstParagraph: 'Sam Okafor is a transport planner',
    lastParagraph: 'Have a view?',
    captions: ['Planters close Alder Street to through traffic'],
    notInBody: ['Support our journalism', 'Tweet', 'Most read', 'Bridge closure extended', 'Advertisement', 'non-profit community publication', 'cdn.counter.example', 'By Sam Okafor'],
  },
  {
    file: 'malformed-jsonld.html',
    firstParagraph: 'Dredging of the inner harbour will resume next week',
    lastParagraph: 'The authority said it would do so',
    captions: ['Grey seals and pups on the sandbank'],
    notInBody: ["What's On", 'We use cookies', 'Accept all', 'Advertisement', 'Story continues below', 'Registered in England', 'By Lena Fischer'],
  },
];

describe('parseHtmlDraft: body text of saved news pages', () => {
  for (const { file, firstParagraph, lastParagraph, captions, notInBody } of fixtureBodies) {
    const bodyOf = () => parseFixture(file).paragraphs.join('\n');

    test(`${file}: body starts "${firstParagraph}…"`, () => {
      expect(parseFixture(file).paragraphs[0]).toMatch(new RegExp(`^${escapeRegExp(firstParagraph)}`));
    });
    test(`${file}: body ends "${lastParagraph}…"`, () => {
      expect(parseFixture(file).paragraphs.at(-1)).toMatch(new RegExp(`^${escapeRegExp(lastParagraph)}`));
    });
    test(`${file}: the title is not repeated as a paragraph`, () => {
      const draft = parseFixture(file);
      expect(draft.paragraphs).not.toContain(draft.title);
    });
    for (const caption of captions) {
      test(`${file}: caption "${caption}…" is in captions, not in paragraphs`, () => {
        expect(parseFixture(file).captions.some((c) => c.startsWith(caption))).toBe(true);
        expect(bodyOf()).not.toContain(caption);
      });
    }
    for (const junk of notInBody) {
      test(`${file}: "${junk}" is not in paragraphs`, () => {
        expect(bodyOf()).not.toContain(junk);
      });
    }
  }

  test('og-jsonld-news-article.html: subheadings are kept in reading order', () => {
    const { paragraphs } = parseFixture('og-jsonld-news-article.html');
    const heading = paragraphs.indexOf('Opposition over cost');
    expect(heading).toBeGreaterThan(0);
    expect(paragraphs[heading + 1]).toMatch(/^The two councillors who voted against the plan/);
  });

  test('paragraphs and captions have collapsed whitespace and no empties', () => {
    for (const { file } of fixtureBodies) {
      const draft = parseFixture(file);
      for (const text of [...draft.paragraphs, ...draft.captions]) {
        expect(text).toBe(text.replace(/\s+/g, ' ').trim());
        expect(text).not.toBe('');
      }
    }
  });
});

const rejectedInputs: Array<{ name: string; html: string; kind: 'no-body' | 'no-title' }> = [
  { name: 'non-article-app-shell.html (empty JavaScript shell)', html: readFixture('non-article-app-shell.html'), kind: 'no-body' },
  { name: 'non-article-section-front.html (lists of headline links)', html: readFixture('non-article-section-front.html'), kind: 'no-body' },
  { name: 'an empty string', html: '', kind: 'no-body' },
  { name: 'white space only', html: ' \n\t ', kind: 'no-body' },
  { name: 'an empty <html> element', html: '<html></html>', kind: 'no-body' },
  { name: 'a page whose body is only navigation', html: buildPage({ head: '<title>Home</title>', story: '<nav><a href="/a">News</a> <a href="/b">Sport</a></nav>' }), kind: 'no-body' },
  { name: 'a story with no title anywhere', html: buildPage({}), kind: 'no-title' },
];

describe('parseHtmlDraft: pages that hold no article', () => {
  for (const { name, html, kind } of rejectedInputs) {
    test(`${name} → ${kind}`, () => {
      const result = parseHtmlDraft(html);
      expect('kind' in result && result.kind).toBe(kind);
      expect('message' in result && result.message).toMatch(/^[^\n]+$/);
    });
  }
});

const metadataRules: Array<{ name: string; head?: string; body?: string; story?: string; expected: Partial<ArticleDraft> }> = [
  {
    name: 'a " | Site" suffix naming og:site_name is cut from <title>',
    head: '<title>Water restrictions announced | Downs Echo</title><meta property="og:site_name" content="Downs Echo">',
    expected: { title: 'Water restrictions announced', source: 'Downs Echo' },
  },
  {
    name: 'a " - Site" suffix naming JSON-LD publisher is cut from og:title',
    head: '<meta property="og:title" content="Water restrictions announced - Downs Echo"><script type="application/ld+json">{"@type":"NewsArticle","publisher":{"@type":"Organization","name":"Downs Echo"}}</script>',
    expected: { title: 'Water restrictions announced', source: 'Downs Echo' },
  },
  {
    name: 'a suffix that is not the site name stays in the title',
    head: '<title>Hosepipes - what the ban means</title><meta property="og:site_name" content="Downs Echo">',
    expected: { title: 'Hosepipes - what the ban means' },
  },
  {
    name: 'og:title wins over <title>',
    head: '<title>Water board | Downs Echo</title><meta property="og:title" content="Water board approves summer limits">',
    expected: { title: 'Water board approves summer limits' },
  },
  {
    name: 'the first <h1> is the title of last resort',
    body: '<h1>Summer limits on garden watering</h1>',
    expected: { title: 'Summer limits on garden watering' },
  },
  {
    name: 'no outlet named anywhere → source null',
    head: '<title>Summer limits</title>',
    expected: { source: null },
  },
  {
    name: 'a "By " prefix is cut from meta author',
    head: '<title>T</title><meta name="author" content="By Jane Roe">',
    expected: { author: 'Jane Roe' },
  },
  {
    name: 'an article:author address is not an author',
    head: '<title>T</title><meta property="article:author" content="https://www.facebook.com/downsecho">',
    expected: { author: undefined },
  },
  {
    name: 'a JSON-LD author given as a plain string',
    head: '<title>T</title><script type="application/ld+json">{"@type":"NewsArticle","author":"Jane Roe"}</script>',
    expected: { author: 'Jane Roe' },
  },
  {
    name: 'a JSON-LD author given as an object',
    head: '<title>T</title><script type="application/ld+json">{"@type":"Article","author":{"@type":"Person","name":"Jane Roe"}}</script>',
    expected: { author: 'Jane Roe' },
  },
  {
    name: 'article:published_time comes before JSON-LD datePublished',
    head: '<title>T</title><meta property="article:published_time" content="2024-05-02T07:00:00+01:00"><script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2024-05-01"}</script>',
    expected: { date: '2024-05-02' },
  },
  {
    name: 'JSON-LD datePublished inside @graph',
    head: '<title>T</title><script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"Echo"},{"@type":"NewsArticle","datePublished":"2024-05-03T22:15:00-04:00"}]}</script>',
    expected: { date: '2024-05-03' },
  },
  {
    name: 'JSON-LD wrapped in a CDATA comment',
    head: '<title>T</title><script type="application/ld+json">//<![CDATA[\n{"@type":"NewsArticle","datePublished":"2024-05-04"}\n//]]></script>',
    expected: { date: '2024-05-04' },
  },
  {
    name: 'meta name=pubdate',
    head: '<title>T</title><meta name="pubdate" content="2024-05-05">',
    expected: { date: '2024-05-05' },
  },
  {
    name: 'meta name=DC.date.issued',
    head: '<title>T</title><meta name="DC.date.issued" content="2024-05-06T09:00:00Z">',
    expected: { date: '2024-05-06' },
  },
  {
    name: '<time datetime> inside the article',
    head: '<title>T</title>',
    story: `<p class="dateline"><time datetime="2024-05-07T12:00:00Z">7 May 2024</time></p>${STORY}`,
    expected: { date: '2024-05-07' },
  },
  {
    name: 'a <time> in the sidebar is not the article date',
    head: '<title>T</title>',
    body: '<aside><time datetime="2024-01-01">Older story</time></aside>',
    expected: { date: null },
  },
  {
    name: 'an impossible date is not used (2024-02-30)',
    head: '<title>T</title><meta property="article:published_time" content="2024-02-30T10:00:00Z">',
    expected: { date: null },
  },
  {
    name: 'a date in words is not guessed at',
    head: '<title>T</title><meta name="date" content="May 8, 2024">',
    expected: { date: null },
  },
  {
    name: 'a relative canonical link falls back to og:url',
    head: '<title>T</title><link rel="canonical" href="/news/water"><meta property="og:url" content="https://echo.example/news/water">',
    expected: { url: 'https://echo.example/news/water' },
  },
  {
    name: 'a non-http canonical link is not a url',
    head: '<title>T</title><link rel="canonical" href="javascript:void(0)">',
    expected: { url: undefined },
  },
  {
    name: 'HTML entities in a JSON-LD headline are decoded',
    head: '<script type="application/ld+json">{"@type":"NewsArticle","headline":"Board&#8217;s limits &amp; exemptions"}</script>',
    expected: { title: 'Board’s limits & exemptions' },
  },
  {
    name: 'a JSON-LD block with raw line breaks in a string is still read',
    head: '<title>T</title><script type="application/ld+json">{"@type":"NewsArticle","headline":"Water","datePublished":"2024-05-09",\n"description":"two\nlines"}</script>',
    expected: { date: '2024-05-09' },
  },
];

describe('parseHtmlDraft: metadata rules', () => {
  for (const { name, head, body, story, expected } of metadataRules) {
    test(name, () => {
      const draft = parseDraft(buildPage({ head, body, story }));
      for (const [field, value] of Object.entries(expected)) {
        expect(draft[field as keyof ArticleDraft], field).toStrictEqual(value);
      }
    });
  }

  test('a fragment without <html>, <head> or <body> is still read', () => {
    const draft = parseDraft(`<title>Water limits | Echo</title><meta property="og:site_name" content="Echo">${STORY}`);
    expect(draft.title).toBe('Water limits');
    expect(draft.paragraphs).toHaveLength(3);
  });

  test('elements nested thousands deep are read without hanging', () => {
    const draft = parseDraft(`<title>Deep</title>${'<div>'.repeat(3000)}${STORY}`);
    expect(draft.paragraphs.join(' ')).toContain('regional water board');
  });
});

const TAGS = ['html', 'head', 'body', 'title', 'meta', 'article', 'div', 'p', 'span', 'a', 'figure', 'figcaption', 'h1', 'h2', 'ul', 'li', 'nav', 'footer', 'script', 'style', 'time', 'table', 'td', 'br', 'svg'];

const htmlish = fc
  .array(
    fc.oneof(
      fc.constantFrom(...TAGS).map((t) => `<${t}>`),
      fc.constantFrom(...TAGS).map((t) => `</${t}>`),
      fc.tuple(fc.constantFrom(...TAGS), fc.constantFrom('class', 'id', 'property', 'name', 'content', 'datetime', 'rel', 'href', 'type'), fc.string({ maxLength: 20 }))
        .map(([t, a, v]) => `<${t} ${a}="${v}">`),
      fc.constantFrom(
        '<meta property="og:title" content="Headline">',
        '<meta property="article:published_time" content="2024-02-29">',
        '<script type="application/ld+json">',
        '{"@graph":[{"@type":"NewsArticle","datePublished":',
        '<time datetime="2024-13-45">',
        '<!--', '-->', '<![CDATA[', '&amp;', '&#x1F600;', '&#99999999;', '<', '>', '"', "'",
      ),
      fc.lorem({ maxCount: 30 }),
      fc.string({ maxLength: 40 }),
    ),
    { maxLength: 60 },
  )
  .map((parts) => parts.join(''));

function checkResult(html: string): void {
  const result = parseHtmlDraft(html);
  if ('kind' in result) {
    expect(PARSE_ERROR_KINDS).toContain(result.kind);
    expect(result.message).toMatch(/^[^\n]+$/);
    return;
  }
  expect(result.title.trim()).not.toBe('');
  expect(result.paragraphs.length).toBeGreaterThan(0);
  expect(result.date === null || isValidIsoDate(result.date)).toBe(true);
  for (const caption of result.captions) expect(result.paragraphs).not.toContain(caption);
}

describe('parseHtmlDraft: never throws', () => {
  test('on arbitrary strings', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 400 }), checkResult), { numRuns: 200 });
  });

  test('on arbitrary HTML-ish strings built from tags, attributes, entities and text', () => {
    fc.assert(fc.property(htmlish, checkResult), { numRuns: 300 });
  });

  test('on any story page built from generated paragraphs and a caption, reading the paragraphs back in order', () => {
    const sentence = fc
      .array(fc.constantFrom('council', 'water', 'board', 'residents', 'said', 'the', 'plan', 'summer', 'reservoir', 'farmers', 'would', 'review'), { minLength: 8, maxLength: 16 })
      .map((words) => `${words.join(' ')}, officials said.`);
    const paragraph = fc.array(sentence, { minLength: 2, maxLength: 4 }).map((s) => s.join(' '));
    fc.assert(
      fc.property(fc.array(paragraph, { minLength: 3, maxLength: 6 }), sentence, (paragraphs, caption) => {
        const story = paragraphs
          .map((p, i) => (i === 1 ? `<figure><img src="a.jpg"><figcaption>${caption}</figcaption></figure><p>${p}</p>` : `<p>${p}</p>`))
          .join('');
        const draft = parseDraft(buildPage({ head: '<title>Generated</title>', story }));
        expect(draft.paragraphs).toStrictEqual(paragraphs);
        expect(draft.captions).toContain(caption);
      }),
      { numRuns: 50 },
    );
  });
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
