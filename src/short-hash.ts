import { createHash } from 'node:crypto';

/**
 * A short, stable, URL-safe digest of `text` (10 characters of base64url,
 * 60 bits): small enough for Discord's 100-character button ids, and with
 * collisions negligible among a bot's articles and questions.
 *
 * @example shortHash('who was targeted') // 'pJ3x…' (always the same for the same text)
 */
export function shortHash(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('base64url').slice(0, 10);
}
