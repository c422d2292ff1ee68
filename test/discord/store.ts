import type { APIApplicationCommand } from 'discord.js';
import { ChangeFeed, createDeferred } from './change-feed.ts';
import { createSnowflakes, isManualClock, type Clock } from './clock.ts';
import { FIRST_RESPONSE_MS, InteractionDeadlineError, type InteractionState } from './interaction-run.ts';
import type { FakeWorld } from './payloads.ts';
import type { Acknowledgement, FakeAttachment, FakeMessage, MessageVersion, RecordedRequest, UploadedFile } from './types.ts';

/** Message flags a bot may set when it creates a message: suppress embeds, ephemeral, silent, components v2. */
const CREATABLE_FLAGS = 4 | 64 | 4096 | 32768;
const EPHEMERAL = 64;
const SUPPRESS_EMBEDS = 4;
/** The "Bot is thinking…" flag of a deferred response. */
const LOADING = 128;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The next state of a message, computed before it is validated and committed. */
export interface MessageDraft {
  content: string;
  embeds: FakeMessage['embeds'];
  components: FakeMessage['components'];
  flags: number;
  allowedMentions: FakeMessage['allowedMentions'];
  attachments: FakeAttachment[];
}

/** Whether a message in this state shows anything (Discord refuses empty messages with 50006). */
export function hasVisibleContent(draft: MessageDraft): boolean {
  return draft.content !== '' || draft.embeds.length > 0 || draft.components.length > 0 || draft.attachments.length > 0;
}

/** The fake's state: interactions, messages, commands and recorded requests. */
export class FakeStore {
  readonly feed = new ChangeFeed();
  readonly snowflake: () => string;
  readonly messages = new Map<string, FakeMessage>();
  readonly interactions = new Map<string, InteractionState>();
  readonly interactionsByToken = new Map<string, InteractionState>();
  readonly globalCommands: APIApplicationCommand[] = [];
  readonly guildCommands = new Map<string, APIApplicationCommand[]>();
  readonly requests: RecordedRequest[] = [];
  readonly #timers = new Set<NodeJS.Timeout>();
  readonly #unsubscribeClock: (() => void) | undefined;

  constructor(
    readonly world: FakeWorld,
    readonly clock: Clock,
  ) {
    this.snowflake = createSnowflakes(clock);
    if (isManualClock(clock)) {
      this.#unsubscribeClock = clock.subscribe(() => {
        this.checkDeadlines();
        this.feed.notify();
      });
    }
  }

  message(id: string): FakeMessage | undefined {
    return this.messages.get(id);
  }

  /** Registers a new interaction and starts its 3 s clock. */
  addInteraction(init: Pick<InteractionState, 'type' | 'label' | 'userId' | 'sourceMessageId'>): InteractionState {
    const state: InteractionState = {
      ...init,
      id: this.snowflake(),
      token: `fake-interaction-token-${this.snowflake()}`,
      createdAt: this.clock(),
      ack: undefined,
      originalMessageId: undefined,
      followUpIds: [],
      changedAfterAck: false,
      choices: undefined,
      modal: undefined,
      requests: [],
      firstResponse: createDeferred<Acknowledgement>(),
      deadlineError: undefined,
    };
    this.interactions.set(state.id, state);
    this.interactionsByToken.set(state.token, state);
    if (!isManualClock(this.clock)) this.#armDeadlineTimer(state, FIRST_RESPONSE_MS + 1);
    return state;
  }

  // With a real-time clock, a timer notices an interaction nobody answered.
  #armDeadlineTimer(state: InteractionState, delayMs: number): void {
    const timer = setTimeout(() => {
      this.#timers.delete(timer);
      this.checkDeadlines();
      this.feed.notify();
      if (!state.ack && !state.deadlineError) {
        const remaining = state.createdAt + FIRST_RESPONSE_MS + 1 - this.clock();
        this.#armDeadlineTimer(state, Math.max(remaining, 50));
      }
    }, delayMs);
    timer.unref();
    this.#timers.add(timer);
  }

  /** Fails every unanswered interaction whose 3 s have passed. */
  checkDeadlines(): void {
    const now = this.clock();
    for (const state of this.interactions.values()) {
      if (!state.ack && !state.deadlineError && now - state.createdAt > FIRST_RESPONSE_MS) {
        this.missDeadline(state, false);
      }
    }
  }

  /**
   * Records a missed 3 s deadline. `firstResponse` rejects with the first error; a late answer
   * after that still replaces the error that `settled()` reports, which then says it came late.
   */
  missDeadline(state: InteractionState, answered: boolean): void {
    if (state.ack || (state.deadlineError && (state.deadlineError.answered || !answered))) return;
    state.deadlineError = new InteractionDeadlineError(state.id, state.label, this.clock() - state.createdAt, answered);
    state.firstResponse.reject(state.deadlineError);
  }

  acknowledge(state: InteractionState, type: number): Acknowledgement {
    const at = this.clock();
    const ack: Acknowledgement = { type, at, elapsedMs: at - state.createdAt };
    state.ack = ack;
    state.firstResponse.resolve(ack);
    return ack;
  }

  /** What a message would look like after `body` (a create or an edit) is applied. */
  draft(body: unknown, files: readonly UploadedFile[], base?: FakeMessage): MessageDraft {
    const b = isRecord(body) ? body : {};
    const has = (key: string): boolean => key in b;
    const keptAttachments = !base
      ? []
      : has('attachments') && Array.isArray(b.attachments)
        ? base.attachments.filter((a) =>
            (b.attachments as unknown[]).some((kept) => isRecord(kept) && String(kept.id) === a.id),
          )
        : base.attachments;
    const newAttachments = files.map((file) => ({
      id: this.snowflake(),
      filename: file.filename,
      contentType: file.contentType,
      size: file.data.length,
      data: file.data,
    }));
    const requestedFlags = typeof b.flags === 'number' ? b.flags : 0;
    return {
      content: has('content') || !base ? (typeof b.content === 'string' ? b.content : '') : base.content,
      embeds: has('embeds') || !base ? (Array.isArray(b.embeds) ? (b.embeds as FakeMessage['embeds']) : []) : base.embeds,
      components:
        has('components') || !base ? (Array.isArray(b.components) ? (b.components as FakeMessage['components']) : []) : base.components,
      // Only "suppress embeds" can change on an edit; ephemerality is fixed at creation.
      flags: base
        ? has('flags')
          ? (base.flags & ~SUPPRESS_EMBEDS & ~LOADING) | (requestedFlags & SUPPRESS_EMBEDS)
          : base.flags & ~LOADING
        : requestedFlags & CREATABLE_FLAGS,
      allowedMentions: has('allowed_mentions') && isRecord(b.allowed_mentions)
        ? (b.allowed_mentions as FakeMessage['allowedMentions'])
        : base?.allowedMentions,
      attachments: [...keptAttachments, ...newAttachments],
    };
  }

  createMessage(
    state: InteractionState,
    kind: FakeMessage['kind'],
    draft: MessageDraft,
    options: { loading?: boolean } = {},
  ): FakeMessage {
    const message: FakeMessage = {
      id: this.snowflake(),
      channelId: this.world.channelId,
      interactionId: state.id,
      kind,
      ...draft,
      flags: draft.flags | (options.loading ? LOADING : 0),
      ephemeral: (draft.flags & EPHEMERAL) !== 0,
      loading: options.loading ?? false,
      deleted: false,
      createdAt: this.clock(),
      editedAt: null,
      history: [],
    };
    this.messages.set(message.id, message);
    return message;
  }

  /** Applies a validated draft to `message`, keeping the old version in its history. */
  commitEdit(message: FakeMessage, draft: MessageDraft): void {
    const previous: MessageVersion = {
      content: message.content,
      embeds: message.embeds,
      components: message.components,
      flags: message.flags,
      at: message.editedAt ?? message.createdAt,
    };
    message.history.push(previous);
    Object.assign(message, draft);
    message.flags = draft.flags | (message.ephemeral ? EPHEMERAL : 0);
    message.loading = false;
    message.editedAt = this.clock();
  }

  close(): void {
    this.#unsubscribeClock?.();
    for (const timer of this.#timers) clearTimeout(timer);
    this.#timers.clear();
    this.feed.close(new Error('FakeDiscord: the server was closed'));
  }
}
