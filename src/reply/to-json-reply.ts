import { renderText } from '../render/render-text.ts';
import type { Reply } from './reply.ts';

/** A reply as `--json` prints it: the structured reply, with `text` (the reply as a person reads it). */
export type JsonReply = Reply & { text: string };

/**
 * The stable JSON form of a reply: `ok`, `command`, `kind`, `text`, then the
 * reply's own fields. One line of JSON per reply.
 *
 * @example JSON.stringify(toJsonReply(reply)) // '{"ok":true,"command":"ask","kind":"answer","text":"Q: …","question":…}'
 */
export function toJsonReply(reply: Reply): JsonReply {
  const { ok, command, kind, ...rest } = reply;
  return { ok, command, kind, text: renderText(reply), ...rest } as JsonReply;
}
