import type { APIAllowedMentions } from 'discord.js';
import type { FakeMessage } from './types.ts';

/** What Discord applies to an interaction response or follow-up that carries no `allowed_mentions`. */
export const INTERACTION_DEFAULT_ALLOWED_MENTIONS: Readonly<APIAllowedMentions> = Object.freeze({ parse: ['users'] }) as APIAllowedMentions;

type MentionSource = Pick<FakeMessage, 'allowedMentions' | 'content'>;

/** The `allowed_mentions` Discord applies to `message`: the one sent, else the interaction default. */
export function effectiveAllowedMentions(message: Pick<FakeMessage, 'allowedMentions'>): APIAllowedMentions {
  return message.allowedMentions ?? INTERACTION_DEFAULT_ALLOWED_MENTIONS;
}

/**
 * Whether `message` could notify anyone, whatever its text: true unless its effective
 * `allowed_mentions` allows no kind of mention (`parse: []` and no `users` or `roles` lists).
 * A bot that quotes article text should never produce a message for which this is true.
 *
 * @example expect(couldPing(await run.settled())).toBe(false)
 */
export function couldPing(message: Pick<FakeMessage, 'allowedMentions'>): boolean {
  const allowed = effectiveAllowedMentions(message);
  return (allowed.parse?.length ?? 0) > 0 || (allowed.users?.length ?? 0) > 0 || (allowed.roles?.length ?? 0) > 0;
}

/** Who this message's content actually notifies (embeds never notify). */
export interface Pings {
  /** `@everyone` or `@here` would notify the whole channel. */
  everyone: boolean;
  users: string[];
  roles: string[];
}

/**
 * The notifications Discord would send for `message`'s content under its effective
 * `allowed_mentions`.
 *
 * @example pingsIn({ content: 'hi @everyone <@1>', allowedMentions: undefined }) // { everyone: false, users: ['1'], roles: [] }
 */
export function pingsIn(message: MentionSource): Pings {
  const allowed = effectiveAllowedMentions(message);
  const parse = new Set<string>(allowed.parse ?? []);
  const userIds = [...message.content.matchAll(/<@!?(\d+)>/g)].map((m) => m[1] ?? '');
  const roleIds = [...message.content.matchAll(/<@&(\d+)>/g)].map((m) => m[1] ?? '');
  const allowedUsers = new Set(allowed.users ?? []);
  const allowedRoles = new Set(allowed.roles ?? []);
  return {
    everyone: parse.has('everyone') && /@(everyone|here)\b/.test(message.content),
    users: [...new Set(userIds.filter((id) => parse.has('users') || allowedUsers.has(id)))],
    roles: [...new Set(roleIds.filter((id) => parse.has('roles') || allowedRoles.has(id)))],
  };
}
