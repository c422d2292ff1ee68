import { UserFacingError } from '../bot-actions/user-facing-error.ts';
import type { CommandName, ErrorReply } from './reply.ts';

/** What the user reads when something went wrong that they cannot fix. Never a stack trace or a path. */
export const APOLOGY = 'Sorry, something went wrong on my side while doing that. It has been logged; please try again in a moment.';

/**
 * The reply for a failed command: a {@link UserFacingError}'s own message,
 * or the short {@link APOLOGY} for anything else (the caller logs those).
 */
export function buildErrorReply(command: CommandName, error: unknown): ErrorReply {
  if (error instanceof UserFacingError) return { ok: false, kind: 'error', command, error: { message: error.message, kind: 'user' } };
  return { ok: false, kind: 'error', command, error: { message: APOLOGY, kind: 'internal' } };
}

/** The reply when a user sends commands faster than the limit allows. */
export function buildRateLimitReply(command: CommandName, retryAfterMs: number, limitPerMinute: number): ErrorReply {
  const seconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
  return {
    ok: false,
    kind: 'error',
    command,
    error: {
      message: `You are sending commands faster than ${limitPerMinute} a minute. Try again in ${seconds} s.`,
      kind: 'rate-limit',
    },
  };
}
