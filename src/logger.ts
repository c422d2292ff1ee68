import { pino } from 'pino';
import type { LogLevel } from './config.ts';

/** What the core needs of a logger; pino's satisfies it. */
export interface Logger {
  fatal(object: object, message?: string): void;
  error(object: object, message?: string): void;
  warn(object: object, message?: string): void;
  info(object: object, message?: string): void;
  debug(object: object, message?: string): void;
  child(bindings: Record<string, unknown>): Logger;
}

/**
 * A pino logger writing JSON lines to standard error (console and local
 * modes, where standard output carries the replies) or standard output (bot).
 *
 * @example createLogger({ level: 'info', to: 'stderr' }).info({ articles: 424 }, 'articles loaded')
 */
export function createLogger(options: { level: LogLevel; to: 'stdout' | 'stderr'; name?: string }): Logger {
  return pino({ level: options.level, name: options.name ?? 'news-desk-bot' }, pino.destination({ fd: options.to === 'stderr' ? 2 : 1, sync: true }));
}
