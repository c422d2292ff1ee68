import type {
  APIAllowedMentions,
  APIApplicationCommandOptionChoice,
  APIEmbed,
  APIMessageTopLevelComponent,
} from 'discord.js';

/** A file the bot uploaded (multipart `files[n]`). */
export interface FakeAttachment {
  id: string;
  filename: string;
  contentType: string;
  size: number;
  data: Buffer;
}

/** What a message looked like at one moment. */
export interface MessageVersion {
  content: string;
  embeds: APIEmbed[];
  components: APIMessageTopLevelComponent[];
  flags: number;
  at: number;
}

/**
 * A message as the user would see it in the channel: the latest version, with the
 * earlier ones in `history`. Created by an interaction response or a follow-up.
 */
export interface FakeMessage {
  readonly id: string;
  readonly channelId: string;
  /** The interaction whose response or follow-up created this message. */
  readonly interactionId: string;
  readonly kind: 'response' | 'follow-up';
  content: string;
  embeds: APIEmbed[];
  components: APIMessageTopLevelComponent[];
  /** Message flags; 64 = ephemeral (only the invoking user sees it), 4 = embeds suppressed. */
  flags: number;
  /** Only the user who ran the command sees it. */
  ephemeral: boolean;
  /** A deferred response still showing "Bot is thinking…". */
  loading: boolean;
  deleted: boolean;
  /** `allowed_mentions` exactly as the bot last sent it; `undefined` when it sent none. */
  allowedMentions: APIAllowedMentions | undefined;
  attachments: FakeAttachment[];
  /** Fake-clock time of creation and of the last edit. */
  createdAt: number;
  editedAt: number | null;
  /** Earlier versions, oldest first (a deferred response's "thinking" state included). */
  history: MessageVersion[];
}

/** A file part of a multipart request. */
export interface UploadedFile {
  field: string;
  filename: string;
  contentType: string;
  data: Buffer;
}

/** One REST request the bot made, with the answer the fake gave. */
export interface RecordedRequest {
  method: string;
  /** Path after `/api/v10`, percent-decoded: `/webhooks/APP/TOKEN/messages/@original`. */
  path: string;
  /** Path as it arrived (`%40original`). */
  rawPath: string;
  /** The matched route template, e.g. `/interactions/:id/:token/callback`; `undefined` if none matched. */
  route: string | undefined;
  query: Record<string, string>;
  authorization: string | undefined;
  /** Parsed JSON body, or the `payload_json` of a multipart body. */
  body: unknown;
  files: UploadedFile[];
  status: number;
  /** The JSON the fake answered with (`undefined` for 204). */
  response: unknown;
  /** Fake-clock time the request arrived. */
  at: number;
  /** Answered by a fault from `failNext` rather than by the route. */
  injected: boolean;
  /** The interaction this request answered, if any. */
  interactionId: string | undefined;
}

/** The first answer to an interaction (its callback). */
export interface Acknowledgement {
  /** The callback type: 4 reply, 5 deferred reply, 6 deferred update, 7 update, 8 autocomplete, 9 modal. */
  type: number;
  /** Fake-clock time of the callback. */
  at: number;
  /** Fake-clock ms between the event and the callback. */
  elapsedMs: number;
}

/** The user who "clicks" or "types": who they are and what they may do. */
export interface MemberInput {
  userId?: string;
  username?: string;
  /** Permission bits (as Discord sends them: a decimal string). Default: {@link DEFAULT_MEMBER_PERMISSIONS}. */
  permissions?: string | bigint;
  roles?: string[];
  nick?: string | null;
  locale?: string;
}

/** A choice in an autocomplete result. */
export type AutocompleteChoice = APIApplicationCommandOptionChoice;

/** How the fake answers the user's REST calls when told to fail. */
export interface FaultSpec {
  /** HTTP status to answer with, e.g. 500, 502, 429. */
  status: number;
  /** For 429: seconds to wait, sent in `Retry-After` and the body's `retry_after`. Default 0.05. */
  retryAfter?: number;
  /** For 429: a global rate limit (`X-RateLimit-Global`). */
  global?: boolean;
  /** Body to answer with instead of Discord's usual one for the status. */
  body?: unknown;
  /** Which requests it applies to (all conditions must hold); default: the next REST request of any kind. */
  match?: RequestMatch;
  /** How many matching requests to fail. Default 1. */
  times?: number;
}

/** Selects requests by method and path. */
export interface RequestMatch {
  method?: string;
  /** A string matches the decoded path or the route template exactly; a RegExp is tested on the decoded path. */
  path?: string | RegExp;
}

/** A `failNext` fault: how many times it still applies and the requests it answered. */
export interface InjectedFault {
  readonly spec: FaultSpec;
  readonly remaining: number;
  readonly hits: readonly RecordedRequest[];
}

/** A gateway frame the client sent (token left in: it is a test token). */
export interface ReceivedFrame {
  op: number;
  d: unknown;
  at: number;
}
