import { Lexer, type Token, type Tokens } from 'marked';
import type * as Yaml from 'yaml';
import type { ArticleDraft } from '../article.ts';
import { normalizeIsoDate } from '../text/iso-date.ts';
import { normalizeWhitespace } from '../text/normalize-whitespace.ts';
import { shorten } from './build-article.ts';
import type { ParseError } from './parse-outcome.ts';
import { separateCaptions } from './separate-captions.ts';
import { lazyModule } from '../lazy-module.ts';

// Only front matter needs it (about 50 ms to load).
const yaml = lazyModule<typeof Yaml>('yaml');

const FRONT_MATTER = /^(?:\ufeff)?---[ \t]*\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/;

/**
 * Parses Markdown with optional YAML front matter (`title`, `date`, `source`,
 * `url`, `author`). Without a front-matter title, the first heading is the
 * title. Inline formatting is reduced to its text; an image's alt text is a
 * caption; code blocks and raw HTML are not body text.
 */
export function parseMarkdownDraft(text: string): { draft: ArticleDraft; warnings: string[] } | ParseError {
  const warnings: string[] = [];
  let meta: Record<string, unknown> = {};
  let body = text;
  const frontMatter = FRONT_MATTER.exec(text);
  if (frontMatter) {
    body = text.slice(frontMatter[0].length);
    try {
      const parsed: unknown = yaml().parse(frontMatter[1]!);
      if (parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed)) meta = parsed as Record<string, unknown>;
      else if (parsed !== null) warnings.push('front matter is not a set of key: value fields; ignored');
    } catch (error) {
      warnings.push(`front matter is not valid YAML (${firstLine(error)}); ignored`);
    }
  }

  const blocks: string[] = [];
  const captions: string[] = [];
  let headingTitle: string | null = null;
  const visit = (tokens: readonly Token[]) => {
    for (const token of tokens) {
      switch (token.type) {
        case 'heading': {
          const heading = inlineText(token as Tokens.Heading, captions);
          if (headingTitle === null && blocks.length === 0 && typeof meta.title !== 'string') headingTitle = heading;
          else blocks.push(heading);
          break;
        }
        case 'paragraph':
        case 'text':
          blocks.push(inlineText(token as Tokens.Paragraph, captions));
          break;
        case 'blockquote':
          visit((token as Tokens.Blockquote).tokens);
          break;
        case 'list':
          for (const item of (token as Tokens.List).items) visit(item.tokens);
          break;
        default:
          // code, html, hr, tables and spaces are not article prose.
          break;
      }
    }
  };
  visit(new Lexer().lex(body));

  const title = stringField(meta, 'title') ?? headingTitle;
  if (title === null) return { kind: 'no-title', message: 'has no title (no `title:` in front matter and no heading)' };

  let date: string | null = null;
  if (meta.date !== undefined && meta.date !== null) {
    date = normalizeIsoDate(meta.date);
    if (date === null) warnings.push(`date "${shorten(String(meta.date))}" is not a real YYYY-MM-DD date; left unknown`);
  }
  const separated = separateCaptions(blocks.map(normalizeWhitespace).filter((b) => b !== ''));
  return {
    draft: {
      title,
      date,
      source: stringField(meta, 'source') ?? separated.attributedSource,
      url: stringField(meta, 'url') ?? undefined,
      author: stringField(meta, 'author') ?? undefined,
      paragraphs: separated.paragraphs,
      captions: [...captions, ...separated.captions],
    },
    warnings,
  };
}

/** The plain text of a block's inline tokens; image alt texts are collected as captions. */
function inlineText(token: { tokens?: Token[]; text: string }, captions: string[]): string {
  if (!token.tokens) return token.text;
  return token.tokens
    .map((inline): string => {
      switch (inline.type) {
        case 'image': {
          const alt = normalizeWhitespace((inline as Tokens.Image).text || (inline as Tokens.Image).title || '');
          if (alt !== '') captions.push(alt);
          return '';
        }
        case 'br':
          return ' ';
        case 'html':
          return '';
        case 'escape':
        case 'codespan':
          return inline.text;
        default:
          return 'tokens' in inline && Array.isArray(inline.tokens)
            ? inlineText(inline as { tokens: Token[]; text: string }, captions)
            : decodeEntities('text' in inline && typeof inline.text === 'string' ? inline.text : inline.raw);
      }
    })
    .join('');
}

// marked escapes these in text tokens; the stored text must be what a reader sees.
function decodeEntities(text: string): string {
  return text
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

function stringField(meta: Record<string, unknown>, key: string): string | null {
  const value = meta[key];
  if (typeof value === 'string' || typeof value === 'number') {
    const text = normalizeWhitespace(String(value));
    return text === '' ? null : text;
  }
  return null;
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? 'unknown error';
}
