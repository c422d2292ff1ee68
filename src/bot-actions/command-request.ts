import type { SummaryLength } from '../answer/types.ts';
import { UserFacingError } from './user-facing-error.ts';

/**
 * A slash command with its options read: what the Discord commands and the
 * console parser both produce, and {@link runCommand} answers.
 */
export type CommandRequest =
  | { command: 'article latest'; length?: SummaryLength | undefined }
  | { command: 'article show'; title: string; length?: SummaryLength | undefined }
  | { command: 'article list'; page?: number | undefined }
  | { command: 'ask'; question: string; article?: string | undefined }
  | { command: 'source'; article?: string | undefined }
  | { command: 'reload' }
  | { command: 'help' };

export const SUMMARY_LENGTHS: readonly SummaryLength[] = ['short', 'default', 'long'];

/** Questions longer than this are refused (Discord's option is capped at it too). */
export const MAX_QUESTION_LENGTH = 200;

/** Reads a `length:` option. @throws UserFacingError for anything but short, default or long. */
export function parseSummaryLength(value: string | null | undefined): SummaryLength | undefined {
  if (value === null || value === undefined || value.trim() === '') return undefined;
  const length = SUMMARY_LENGTHS.find((l) => l === value.trim().toLowerCase());
  if (!length) throw new UserFacingError(`length must be short, default or long (got "${value.trim()}").`);
  return length;
}

/** Reads a `page:` option. @throws UserFacingError unless it is a whole number from 1. */
export function parsePage(value: string | number | null | undefined): number | undefined {
  if (value === null || value === undefined || (typeof value === 'string' && value.trim() === '')) return undefined;
  const page = typeof value === 'number' ? value : /^\d+$/u.test(value.trim()) ? Number(value.trim()) : Number.NaN;
  if (!Number.isInteger(page) || page < 1) throw new UserFacingError(`page must be a whole number from 1 (got "${String(value).trim()}").`);
  return page;
}

/**
 * A question as asked, with spacing tidied.
 * @throws UserFacingError when it is empty or longer than {@link MAX_QUESTION_LENGTH}.
 */
export function checkQuestion(question: string): string {
  const tidy = question.replace(/\s+/gu, ' ').trim();
  if (tidy === '') throw new UserFacingError('Your question is empty. Ask something like: /ask question: who was targeted');
  if (tidy.length > MAX_QUESTION_LENGTH) {
    throw new UserFacingError(`Your question is ${tidy.length} characters long; the limit is ${MAX_QUESTION_LENGTH}. Ask a shorter question.`);
  }
  return tidy;
}
