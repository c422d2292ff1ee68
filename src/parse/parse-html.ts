import type * as MozillaReadability from '@mozilla/readability';
import type * as Linkedom from 'linkedom';
import { lazyModule } from '../lazy-module.ts';
import type { ArticleDraft } from '../article.ts';
import { normalizeIsoDate } from '../text/iso-date.ts';
import { normalizeWhitespace } from '../text/normalize-whitespace.ts';
import { shorten } from './build-article.ts';
import type { ParseError } from './parse-outcome.ts';

// linkedom takes 0.3-0.4 s to load, and only HTML files need it, Readability too: they are loaded when
// the first one is parsed, so that a start-up with none to parse (every warm start) does not pay for them.
const linkedom = lazyModule<typeof Linkedom>('linkedom');
const readability = lazyModule<typeof MozillaReadability>('@mozilla/readability');

/**
 * The part of linkedom's DOM this parser uses. linkedom's own declarations
 * resolve to `any` without TypeScript's DOM lib, so this keeps the rest of
 * the file typed.
 */
interface DomNode {
  readonly nodeType: number;
  readonly textContent: string | null;
  readonly childNodes: ArrayLike<DomNode>;
}

interface DomElement extends DomNode {
  readonly tagName: string;
  textContent: string | null;
  getAttribute(name: string): string | null;
  getElementsByTagName(name: string): ArrayLike<DomElement>;
  appendChild(node: DomNode): DomNode;
  normalize(): void;
}

interface DomDocument extends DomNode {
  readonly documentElement: DomElement | null;
  readonly head: DomElement;
  readonly body: DomElement;
  getElementsByTagName(name: string): ArrayLike<DomElement>;
}

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

/** Elements that start a new paragraph when their text is read. */
const BLOCK_TAGS = new Set([
  'ARTICLE', 'BLOCKQUOTE', 'CAPTION', 'CENTER', 'DD', 'DETAILS', 'DIV', 'DL', 'DT', 'FIGCAPTION', 'FIGURE',
  'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'OL', 'P', 'PRE', 'SECTION', 'SUMMARY',
  'TABLE', 'TBODY', 'TD', 'TFOOT', 'TH', 'THEAD', 'TR', 'UL',
]);

/** Elements whose text is never article body. */
const SKIPPED_TAGS = new Set([
  'ADDRESS', 'ASIDE', 'BUTTON', 'FOOTER', 'FORM', 'IFRAME', 'INPUT', 'NAV', 'NOSCRIPT', 'OBJECT', 'SCRIPT',
  'SELECT', 'STYLE', 'SVG', 'TEMPLATE', 'TEXTAREA',
]);

/** Tags that belong in <head> when a page has to be reassembled. */
const HEAD_TAGS = new Set(['BASE', 'LINK', 'META', 'STYLE', 'TITLE']);

/** Class or id words of widgets readability sometimes leaves inside the article. */
const WIDGET_WORDS = new Set([
  'ad', 'ads', 'advert', 'advertisement', 'author', 'byline', 'credit', 'credits', 'dateline', 'newsletter',
  'promo', 'related', 'share', 'sharing', 'social', 'sponsor', 'sponsored',
]);

/** Widgets are short; a long element with such a class is more likely a wrapper of the story itself. */
const WIDGET_MAX_CHARS = 300;

/** Whole lines that are page furniture, not reporting. */
const BOILERPLATE_LINE =
  /^(?:advertisement|advertisements|ad|sponsored(?: content)?|paid content|read more|see also|related(?: stories| articles| coverage)?|more on this story|share(?: this)?(?: article| story| page)?|share on \w+|tweet|email|print|copy link|subscribe|skip (?:to main content|advertisement)|story continues below(?: advertisement)?|continue reading(?: below| the main story)?|scroll to continue(?: with content)?)[\s.:!›»>→-]*$/i;

/** Short lines that start like a pointer to another page ("Read more: …", "Sign up for our newsletter …"). */
const BOILERPLATE_PREFIX =
  /^(?:read more|related|see also|also read|more from|sign up for|subscribe to|follow us on|click here to)\b/i;
const BOILERPLATE_PREFIX_MAX_CHARS = 120;

/** Room after "By <author>" for a dateline such as " · 28 February 2024, 9:15am". */
const BYLINE_EXTRA_CHARS = 40;

/** JSON-LD `@type`s that describe the article itself. */
const ARTICLE_TYPE = /(?:Article|BlogPosting|LiveBlogPosting|Report|SocialMediaPosting)$/;

/** Separators sites put between a headline and their own name in `<title>`. */
const TITLE_SEPARATORS = [' | ', ' - ', ' – ', ' — ', ' · ', ' • ', ' :: ', ' / '];

/** Real pages nest a few dozen elements deep; this leaves room and keeps Readability under a second. */
const MAX_NESTING_DEPTH = 128;

/** How far into nested JSON-LD objects to look for typed nodes. */
const JSON_LD_MAX_DEPTH = 8;

/**
 * Reads a saved news web page into an article draft: the story's paragraphs
 * (found by Mozilla Readability, with navigation, ads, share links and
 * captions left out), its photo captions apart, and its title, date, outlet,
 * author and address from the page's meta tags, JSON-LD and markup.
 * Never throws: input that holds no story gives a `no-body` error, a story
 * without any title a `no-title` error.
 *
 * @example
 * const result = parseHtmlDraft(await readFile('story.html', 'utf8'));
 * if ('kind' in result) console.warn(result.message);
 * else console.log(result.title, result.date, result.paragraphs.length);
 */
export function parseHtmlDraft(html: string): ArticleDraft | ParseError {
  try {
    return readPage(html);
  } catch (error) {
    const reason = normalizeWhitespace(error instanceof Error ? error.message : String(error));
    return { kind: 'no-body', message: `HTML page could not be read as an article (${shorten(reason, 80)})` };
  }
}

function readPage(html: string): ArticleDraft | ParseError {
  if (typeof html !== 'string' || html.trim() === '') {
    return { kind: 'no-body', message: 'HTML page is empty' };
  }
  const document = loadDocument(html);
  flattenDeepNesting(document);
  // Stray "<" characters each become a text node; hundreds of thousands of them overflow Readability's stack.
  document.body.normalize();

  // Readability strips and rearranges the document, so everything it does not
  // return is read before it runs.
  const meta = collectMetaTags(document);
  const jsonLd = collectJsonLd(document);
  const articleNode = jsonLd.nodes.find((node) => hasType(node, ARTICLE_TYPE));
  const source = pickSource(meta, jsonLd, articleNode);
  const url = pickUrl(document, meta, articleNode);
  const pageDate = pickPageDate(document, meta, jsonLd, articleNode);
  const htmlTitle = textOf(document.head.getElementsByTagName('title')[0]);
  const firstHeading = textOf(document.body.getElementsByTagName('h1')[0]);
  const storyCaptions = collectStoryCaptions(document);

  const readable = new (readability().Readability)(document, {
    keepClasses: true,
    serializer: (node) => node as DomElement,
  }).parse();
  const siteName = source ?? (cleanText(readable?.siteName) || null);
  const title = pickTitle(meta, articleNode, htmlTitle, cleanText(readable?.title), firstHeading, siteName);
  const author = pickAuthor(meta, jsonLd, articleNode, readable?.byline);

  const content = readable?.content;
  if (content === null || content === undefined) {
    return { kind: 'no-body', message: 'HTML page has no article text (Readability found no main content)' };
  }
  const blocks = collectBlocks(content);
  const captions = [...new Set([...blocks.captions, ...storyCaptions])];
  const captionSet = new Set(captions);
  const kept = blocks.paragraphs.filter(
    ({ text }) => !captionSet.has(text) && !isBoilerplate(text) && !isSameText(text, title) && !isBylineLine(text, author),
  );
  // Section fronts reduce to their headings ("Top stories", "Latest"); a story has prose under them.
  if (!kept.some((p) => !p.heading)) {
    return { kind: 'no-body', message: 'HTML page has no article text (only navigation, links, headings or page furniture)' };
  }
  const paragraphs = kept.map((p) => p.text);
  if (title === '') {
    return { kind: 'no-title', message: 'HTML page has article text but no title (no og:title, headline, <title> or <h1>)' };
  }
  const date = pageDate ?? firstDateOf(content.getElementsByTagName('time'));
  return { title, date, source: siteName, url, author, paragraphs, captions };
}

/**
 * Parses the page with linkedom. linkedom does not build the implied
 * <html>/<head>/<body> the way a browser does, so fragments and sloppy pages
 * are reassembled into that shape before Readability sees them.
 */
function loadDocument(html: string): DomDocument {
  const parsed = linkedom().parseHTML(html).document as DomDocument;
  if (hasStandardShape(parsed)) return parsed;

  const document = linkedom().parseHTML('<!doctype html><html><head></head><body></body></html>').document as DomDocument;
  const { head, body } = document;
  // Iterative, because a page can open thousands of stray <html> or <body> tags.
  const pending: Array<{ node: DomNode; inHead: boolean }> = [];
  const queue = (nodes: ArrayLike<DomNode>, inHead: boolean): void => {
    for (const node of Array.from(nodes).reverse()) pending.push({ node, inHead });
  };
  queue(parsed.childNodes, false);
  for (let item = pending.pop(); item !== undefined; item = pending.pop()) {
    const { node, inHead } = item;
    if (node.nodeType === ELEMENT_NODE) {
      const tag = (node as DomElement).tagName.toUpperCase();
      if (tag === 'HTML' || tag === 'HEAD' || tag === 'BODY') queue(node.childNodes, tag === 'HEAD');
      else (inHead || HEAD_TAGS.has(tag) ? head : body).appendChild(node);
    } else if (node.nodeType === TEXT_NODE) {
      body.appendChild(node);
    }
  }
  return document;
}

/**
 * Readability's run time grows much faster than linearly with nesting depth
 * (1,000 nested lists take minutes), so anything nested deeper than
 * {@link MAX_NESTING_DEPTH} is replaced by its plain text.
 */
function flattenDeepNesting(document: DomDocument): void {
  const stack: Array<{ el: DomElement; depth: number }> = elementChildren(document).map((el) => ({ el, depth: 1 }));
  for (let item = stack.pop(); item !== undefined; item = stack.pop()) {
    const { el, depth } = item;
    if (depth >= MAX_NESTING_DEPTH) {
      el.textContent = el.textContent ?? '';
      continue;
    }
    for (const child of elementChildren(el)) stack.push({ el: child, depth: depth + 1 });
  }
}

function hasStandardShape(document: DomDocument): boolean {
  const root = document.documentElement;
  if (root === null || root.tagName.toUpperCase() !== 'HTML') return false;
  const topLevel = elementChildren(document);
  const sections = elementChildren(root).map((el) => el.tagName.toUpperCase());
  return topLevel.length === 1 && sections.length === 2 && sections[0] === 'HEAD' && sections[1] === 'BODY';
}

function elementChildren(node: DomNode): DomElement[] {
  return Array.from(node.childNodes).filter((child): child is DomElement => child.nodeType === ELEMENT_NODE);
}


/** Meta tag contents keyed by lower-cased `property`, `name` and `itemprop`. */
type MetaTags = Map<string, string[]>;

function collectMetaTags(document: DomDocument): MetaTags {
  const tags: MetaTags = new Map();
  for (const el of Array.from(document.getElementsByTagName('meta'))) {
    const content = cleanText(el.getAttribute('content'));
    if (content === '') continue;
    const keys = ['property', 'name', 'itemprop'].flatMap((attr) => (el.getAttribute(attr) ?? '').toLowerCase().split(/\s+/));
    for (const key of keys) {
      if (key === '') continue;
      const values = tags.get(key) ?? [];
      values.push(content);
      tags.set(key, values);
    }
  }
  return tags;
}

function firstMeta(meta: MetaTags, ...keys: string[]): string {
  for (const key of keys) {
    const value = meta.get(key)?.[0];
    if (value !== undefined) return value;
  }
  return '';
}

type JsonObject = Record<string, unknown>;

/** The typed objects of a page's JSON-LD, in reading order, and those with an `@id` for resolving references. */
interface JsonLd {
  nodes: JsonObject[];
  byId: Map<string, JsonObject>;
}

function collectJsonLd(document: DomDocument): JsonLd {
  const roots: unknown[] = [];
  for (const script of Array.from(document.getElementsByTagName('script'))) {
    const type = (script.getAttribute('type') ?? '').trim().toLowerCase();
    if (!type.startsWith('application/ld+json')) continue;
    const parsed = parseJsonLoosely(script.textContent ?? '');
    if (parsed !== undefined) roots.push(parsed);
  }

  // Breadth first, so the page's own article comes before articles nested in
  // lists of related stories.
  const nodes: JsonObject[] = [];
  let level: Array<unknown> = roots;
  for (let depth = 0; depth < JSON_LD_MAX_DEPTH && level.length > 0; depth++) {
    const next: unknown[] = [];
    for (const value of level) {
      if (Array.isArray(value)) {
        next.push(...value);
      } else if (isJsonObject(value)) {
        if ('@type' in value) nodes.push(value);
        next.push(...Object.values(value).filter((v) => typeof v === 'object' && v !== null));
      }
    }
    level = next;
  }
  const byId = new Map<string, JsonObject>();
  for (const node of nodes) {
    const id = node['@id'];
    if (typeof id === 'string' && !byId.has(id)) byId.set(id, node);
  }
  return { nodes, byId };
}

/** Parses a JSON-LD block, tolerating the comment wrappers and raw line breaks pages put in them. */
function parseJsonLoosely(text: string): unknown {
  const unwrapped = text
    .trim()
    .replace(/^(?:<!--|\/\/\s*<!\[CDATA\[|\/\*\s*<!\[CDATA\[\s*\*\/)/, '')
    .replace(/(?:-->|\/\/\s*\]\]>|\/\*\s*\]\]>\s*\*\/)$/, '');
  for (const candidate of [unwrapped, unwrapped.replace(/[\u0000-\u001f]+/g, ' ')]) {
    try {
      return JSON.parse(candidate) as unknown;
    } catch {
      // Malformed JSON-LD is common and says nothing about the article; try the next reading, then ignore it.
    }
  }
  return undefined;
}

function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function hasType(node: JsonObject, pattern: RegExp): boolean {
  const type = node['@type'];
  const types = Array.isArray(type) ? type : [type];
  return types.some((t) => typeof t === 'string' && pattern.test(t));
}

/** Follows an `{"@id": …}` reference to the full node when the page defines it. */
function resolveNode(value: unknown, jsonLd: JsonLd): JsonObject | undefined {
  if (!isJsonObject(value)) return undefined;
  const id = value['@id'];
  if (typeof id === 'string' && !('name' in value)) return jsonLd.byId.get(id) ?? value;
  return value;
}

function jsonText(value: unknown): string {
  return typeof value === 'string' ? cleanText(decodeEntities(value)) : '';
}

/** Names of a JSON-LD `author` or `publisher`: a string, an object with a name, a reference, or a list of these. */
function jsonLdNames(value: unknown, jsonLd: JsonLd): string[] {
  if (Array.isArray(value)) return value.flatMap((item) => jsonLdNames(item, jsonLd));
  if (typeof value === 'string') return [jsonText(value)];
  const node = resolveNode(value, jsonLd);
  return node === undefined ? [] : [jsonText(node['name'])];
}

function pickSource(meta: MetaTags, jsonLd: JsonLd, articleNode: JsonObject | undefined): string | null {
  const fromJsonLd = () => {
    const publisher = articleNode?.['publisher'] ?? jsonLd.nodes.find((n) => n['publisher'] !== undefined)?.['publisher'];
    return jsonLdNames(publisher, jsonLd).find((name) => name !== '') ?? '';
  };
  return firstNonEmpty([() => firstMeta(meta, 'og:site_name'), fromJsonLd]) || null;
}

function pickTitle(
  meta: MetaTags,
  articleNode: JsonObject | undefined,
  htmlTitle: string,
  readabilityTitle: string,
  firstHeading: string,
  siteName: string | null,
): string {
  // og:title comes first because JSON-LD headlines are often cut to 110 characters for search engines.
  const title = firstNonEmpty([
    () => firstMeta(meta, 'og:title'),
    () => jsonText(articleNode?.['headline']),
    () => firstMeta(meta, 'twitter:title'),
    () => htmlTitle,
    () => readabilityTitle,
    () => firstHeading,
  ]);
  return siteName === null ? title : stripSiteName(title, siteName);
}

/** Drops a " | Site Name" suffix (or "Site Name | " prefix) when it names the page's own outlet. */
function stripSiteName(title: string, siteName: string): string {
  const site = siteName.toLowerCase();
  const lower = title.toLowerCase();
  for (const separator of TITLE_SEPARATORS) {
    if (lower.endsWith(`${separator}${site}`) && title.length > separator.length + site.length) {
      return title.slice(0, title.length - separator.length - site.length).trim();
    }
    if (lower.startsWith(`${site}${separator}`) && title.length > separator.length + site.length) {
      return title.slice(site.length + separator.length).trim();
    }
  }
  return title;
}

function pickAuthor(
  meta: MetaTags,
  jsonLd: JsonLd,
  articleNode: JsonObject | undefined,
  byline: string | null | undefined,
): string | undefined {
  const candidates: Array<() => string[]> = [
    () => meta.get('author') ?? [],
    () => meta.get('article:author') ?? [],
    () => jsonLdNames(articleNode?.['author'], jsonLd),
    () => (byline === null || byline === undefined ? [] : [byline]),
  ];
  for (const candidate of candidates) {
    const names = [...new Set(candidate().map(cleanAuthor).filter((name) => name !== ''))];
    if (names.length > 0) return names.join(', ');
  }
  return undefined;
}

function cleanAuthor(value: string): string {
  const name = cleanText(value)
    .replace(/^by[:\s]+/i, '')
    .replace(/[\s,;|·•-]+$/, '');
  // article:author and JSON-LD author are often profile addresses, which name nobody.
  return /^(?:https?:\/\/|www\.)/i.test(name) ? '' : name;
}

function pickPageDate(
  document: DomDocument,
  meta: MetaTags,
  jsonLd: JsonLd,
  articleNode: JsonObject | undefined,
): string | null {
  const candidates: Array<() => unknown> = [
    () => firstMeta(meta, 'article:published_time'),
    () => articleNode?.['datePublished'],
    () => jsonLd.nodes.find((n) => typeof n['datePublished'] === 'string')?.['datePublished'],
    () => firstMeta(meta, 'date', 'pubdate', 'dc.date.issued', 'dcterms.issued', 'datepublished'),
    () => firstDateOf(document.body.getElementsByTagName('article')[0]?.getElementsByTagName('time') ?? []),
  ];
  for (const candidate of candidates) {
    const date = normalizeIsoDate(candidate());
    if (date !== null) return date;
  }
  return null;
}

function firstDateOf(times: ArrayLike<DomElement>): string | null {
  for (const time of Array.from(times)) {
    const date = normalizeIsoDate(time.getAttribute('datetime'));
    if (date !== null) return date;
  }
  return null;
}

function pickUrl(document: DomDocument, meta: MetaTags, articleNode: JsonObject | undefined): string | undefined {
  const canonical = Array.from(document.getElementsByTagName('link'))
    .filter((link) => (link.getAttribute('rel') ?? '').toLowerCase().split(/\s+/).includes('canonical'))
    .map((link) => link.getAttribute('href') ?? '');
  const jsonLdUrl = articleNode?.['url'];
  const candidates = [...canonical, firstMeta(meta, 'og:url'), typeof jsonLdUrl === 'string' ? jsonLdUrl : ''];
  return candidates.map((c) => c.trim()).find(isAbsoluteHttpUrl);
}

function isAbsoluteHttpUrl(value: string): boolean {
  if (!/^https?:\/\//i.test(value)) return false;
  try {
    new URL(value);
    return true;
  } catch {
    return false;
  }
}

function firstNonEmpty(candidates: Array<() => string>): string {
  for (const candidate of candidates) {
    const value = cleanText(candidate());
    if (value !== '') return value;
  }
  return '';
}


/** Paragraph and caption texts found in an element, in reading order. */
interface Blocks {
  paragraphs: Array<{ text: string; heading: boolean }>;
  captions: string[];
}

const HEADING_TAGS = new Set(['H1', 'H2', 'H3', 'H4', 'H5', 'H6']);

/** The running text of one paragraph, with how much of it sat inside links and <time> elements. */
interface Run {
  text: string;
  linkText: string;
  timeText: string;
}

/**
 * Splits Readability's content into paragraphs: every block element (p,
 * heading, list item, quote…) starts a new one, captions and figures go to
 * captions, and widgets, link-only lines and date-only lines are dropped.
 */
function collectBlocks(root: DomElement): Blocks {
  const blocks: Blocks = { paragraphs: [], captions: [] };
  let run: Run = { text: '', linkText: '', timeText: '' };

  const flush = (heading = false): void => {
    const text = normalizeWhitespace(run.text);
    const letters = countLetters(text);
    // A line made only of links is navigation; one made only of a <time> is a dateline.
    const furniture = letters === 0 || countLetters(run.linkText) >= letters || countLetters(run.timeText) >= letters;
    if (text !== '' && !furniture) blocks.paragraphs.push({ text, heading });
    run = { text: '', linkText: '', timeText: '' };
  };

  const walk = (node: DomNode, inLink: boolean, inTime: boolean): void => {
    if (node.nodeType === TEXT_NODE) {
      const text = node.textContent ?? '';
      run.text += text;
      if (inLink) run.linkText += text;
      if (inTime) run.timeText += text;
      return;
    }
    if (node.nodeType !== ELEMENT_NODE) return;
    const el = node as DomElement;
    const tag = el.tagName.toUpperCase();
    if (SKIPPED_TAGS.has(tag)) return;
    if (tag === 'BR') {
      run.text += ' ';
      return;
    }
    if (isCaption(el) || tag === 'FIGURE') {
      flush();
      blocks.captions.push(...collectCaptions(el));
      return;
    }
    if (isWidget(el)) {
      flush();
      return;
    }
    const block = BLOCK_TAGS.has(tag);
    if (block) flush();
    for (const child of Array.from(el.childNodes)) walk(child, inLink || tag === 'A', inTime || tag === 'TIME');
    if (block) flush(HEADING_TAGS.has(tag));
  };

  walk(root, false, false);
  flush();
  return blocks;
}

/** Caption texts of a caption or figure; a figure without a marked caption counts its own text as one. */
function collectCaptions(el: DomElement): string[] {
  if (isCaption(el)) return [textOf(el)].filter((t) => t !== '');
  const found: string[] = [];
  const visit = (node: DomElement): void => {
    for (const child of elementChildren(node)) {
      if (SKIPPED_TAGS.has(child.tagName.toUpperCase())) continue;
      if (isCaption(child)) found.push(textOf(child));
      else visit(child);
    }
  };
  visit(el);
  const captions = found.filter((t) => t !== '');
  if (captions.length > 0) return captions;
  const own = textOf(el);
  return own === '' ? [] : [own];
}

/** Captions of the story's own figures, which Readability may leave out with a lead image. */
function collectStoryCaptions(document: DomDocument): string[] {
  const story = document.body.getElementsByTagName('article')[0];
  if (story === undefined) return [];
  return Array.from(story.getElementsByTagName('figure')).flatMap(collectCaptions);
}

function isCaption(el: DomElement): boolean {
  if (el.tagName.toUpperCase() === 'FIGCAPTION') return true;
  return /caption/i.test(el.getAttribute('class') ?? '');
}

function isWidget(el: DomElement): boolean {
  const words = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`.toLowerCase().split(/[^a-z]+/);
  const rel = (el.getAttribute('rel') ?? '').toLowerCase();
  const itemprop = (el.getAttribute('itemprop') ?? '').toLowerCase();
  if (rel === 'author' || itemprop === 'author') return true;
  return words.some((w) => WIDGET_WORDS.has(w)) && normalizeWhitespace(el.textContent ?? '').length <= WIDGET_MAX_CHARS;
}

function isBoilerplate(paragraph: string): boolean {
  if (BOILERPLATE_LINE.test(paragraph)) return true;
  return paragraph.length <= BOILERPLATE_PREFIX_MAX_CHARS && BOILERPLATE_PREFIX.test(paragraph);
}

/** The author's name alone, or "By <author>" followed by little more than a date. */
function isBylineLine(paragraph: string, author: string | undefined): boolean {
  if (author === undefined) return false;
  const line = paragraph.toLowerCase();
  const name = author.toLowerCase();
  return line === name || (line.startsWith(`by ${name}`) && line.length <= name.length + BYLINE_EXTRA_CHARS);
}

function isSameText(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

function countLetters(text: string): number {
  return text.replace(/[^\p{L}\p{N}]/gu, '').length;
}


function textOf(el: DomElement | undefined): string {
  return el === undefined ? '' : normalizeWhitespace(el.textContent ?? '');
}

function cleanText(value: string | null | undefined): string {
  return typeof value === 'string' ? normalizeWhitespace(value) : '';
}

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ',
  lsquo: '‘', rsquo: '’', ldquo: '“', rdquo: '”', ndash: '–', mdash: '—', hellip: '…',
};

/** JSON-LD written by CMS plugins often carries HTML entities (`&#8217;`) inside its strings. */
function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (match, entity: string) => {
    if (entity.startsWith('#')) {
      const code = entity[1] === 'x' || entity[1] === 'X' ? parseInt(entity.slice(2), 16) : parseInt(entity.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : match;
    }
    return NAMED_ENTITIES[entity.toLowerCase()] ?? match;
  });
}
