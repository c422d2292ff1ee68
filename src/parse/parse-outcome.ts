import type { Article } from '../article.ts';

/** Why a file (or one record of it) could not become an article. */
export const PARSE_ERROR_KINDS = [
  'empty',
  'binary',
  'too-large',
  'unreadable',
  'no-title',
  'no-body',
  'malformed-json',
  'wrong-shape',
  'invalid',
  'duplicate',
] as const;
export type ParseErrorKind = (typeof PARSE_ERROR_KINDS)[number];

/** A typed, one-line reason why input was rejected. Parsers return it; they never throw. */
export interface ParseError {
  kind: ParseErrorKind;
  message: string;
}

/**
 * The result of parsing one file: the articles it holds (a JSON array or
 * JSONL file may hold many) with warnings about what was dropped or
 * doubted, or the reason the whole file was rejected.
 */
export type ParseOutcome =
  | { ok: true; articles: Article[]; warnings: string[] }
  | { ok: false; error: ParseError };

/** Builds a rejected outcome. */
export function rejected(kind: ParseErrorKind, message: string): ParseOutcome {
  return { ok: false, error: { kind, message } };
}
