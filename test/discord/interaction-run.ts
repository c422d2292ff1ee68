import type { ChangeFeed, Deferred, WaitOptions } from './change-feed.ts';
import type { Acknowledgement, AutocompleteChoice, FakeMessage, RecordedRequest } from './types.ts';

/** Interaction types as Discord numbers them. */
export const InteractionKind = { Command: 2, Component: 3, Autocomplete: 4 } as const;

/** Discord's deadline for the first response to an interaction. */
export const FIRST_RESPONSE_MS = 3_000;
/** How long an interaction's webhook token accepts follow-ups and edits. */
export const INTERACTION_TOKEN_MS = 15 * 60 * 1_000;

/** The fake's record of one dispatched interaction (internal; tests read it through a run). */
export interface InteractionState {
  readonly id: string;
  readonly token: string;
  readonly type: number;
  /** How the interaction reads in messages: `/ask latest`, `button "more"`, `autocomplete /ask`. */
  readonly label: string;
  readonly createdAt: number;
  readonly userId: string;
  /** For a component interaction: the message the component is on. */
  readonly sourceMessageId: string | undefined;
  ack: Acknowledgement | undefined;
  originalMessageId: string | undefined;
  followUpIds: string[];
  /** `@original` was edited or deleted after the acknowledgement. */
  changedAfterAck: boolean;
  choices: AutocompleteChoice[] | undefined;
  modal: unknown;
  requests: RecordedRequest[];
  firstResponse: Deferred<Acknowledgement>;
  /** Set when the 3 s deadline was missed; `firstResponse` rejected with it. */
  deadlineError: InteractionDeadlineError | undefined;
}

/** Thrown (as a rejection of `firstResponse` and `settled`) when the 3 s deadline was missed. */
export class InteractionDeadlineError extends Error {
  constructor(
    readonly interactionId: string,
    readonly label: string,
    readonly elapsedMs: number,
    readonly answered: boolean,
  ) {
    super(
      answered
        ? `FakeDiscord: ${label} was answered after ${elapsedMs} ms, past Discord's ${FIRST_RESPONSE_MS} ms deadline (the bot got 10062 Unknown interaction)`
        : `FakeDiscord: ${label} was not answered within Discord's ${FIRST_RESPONSE_MS} ms deadline`,
    );
    this.name = 'InteractionDeadlineError';
  }
}

/** What a run needs from the server. */
export interface RunHost {
  readonly feed: ChangeFeed;
  message(id: string): FakeMessage | undefined;
}

function errorCode(request: RecordedRequest): number | undefined {
  const body = request.response;
  return typeof body === 'object' && body !== null && typeof (body as { code?: unknown }).code === 'number'
    ? (body as { code: number }).code
    : undefined;
}

/** The state of one interaction the fake sent, and ways to await what the bot does with it. */
export class InteractionRun {
  constructor(
    protected readonly state: InteractionState,
    protected readonly host: RunHost,
  ) {}

  get id(): string {
    return this.state.id;
  }

  get token(): string {
    return this.state.token;
  }

  /**
   * Resolves when the bot acknowledges in time; rejects with {@link InteractionDeadlineError}
   * when it answers after 3 s, or when the clock passes 3 s without an answer.
   */
  get firstResponse(): Promise<Acknowledgement> {
    return this.state.firstResponse.promise;
  }

  /** The acknowledgement, once there is one in time. */
  get acknowledgement(): Acknowledgement | undefined {
    return this.state.ack;
  }

  /** The REST requests the bot made for this interaction (callback, edits, follow-ups), in order. */
  get requests(): readonly RecordedRequest[] {
    return this.state.requests;
  }

  /** Requests for this interaction that the fake answered with an error (status ≥ 400). */
  get errors(): readonly RecordedRequest[] {
    return this.state.requests.filter((r) => r.status >= 400);
  }

  /** Discord error codes of {@link errors}, e.g. `[40060]`. */
  get errorCodes(): number[] {
    return this.errors.map((r) => errorCode(r) ?? r.status);
  }

  /** Resolves with the first error answer for this interaction (with `code`, the first with that Discord code). */
  waitForError(code?: number, options?: WaitOptions): Promise<RecordedRequest> {
    return this.waitFor(
      () => this.errors.find((r) => code === undefined || errorCode(r) === code),
      `an error${code === undefined ? '' : ` with code ${code}`}`,
      options,
    );
  }

  /** Resolves with the first non-undefined result of `check`, re-evaluated whenever the fake's state changes. */
  waitFor<T>(check: (run: this) => T | undefined, what: string, options?: WaitOptions): Promise<T> {
    return this.host.feed.waitFor(() => check(this), () => `${this.state.label}: ${what}; ${this.describe()}`, options);
  }

  /** A one-line account of the interaction so far, for failure messages. */
  describe(): string {
    const s = this.state;
    const ack = s.ack ? `acknowledged with type ${s.ack.type} after ${s.ack.elapsedMs} ms` : 'not acknowledged';
    const requests = s.requests.map((r) => `${r.method} ${r.route ?? r.path} → ${r.status}${errorCode(r) ? ` (${errorCode(r)})` : ''}`);
    return `${ack}; requests: ${requests.length === 0 ? 'none' : requests.join(', ')}`;
  }

  /** Throws the deadline error if the first response has failed. */
  protected throwIfFailed(): void {
    if (this.state.deadlineError) throw this.state.deadlineError;
  }
}

/** Options for {@link MessageRun.settled}. */
export interface SettleOptions extends WaitOptions {
  /** Also wait until this many follow-up messages exist. Default 0. */
  followUps?: number;
}

/** A slash command or button click: the run produces messages. */
export class MessageRun extends InteractionRun {
  /** The response message (for a button answered with update or deferUpdate: the message clicked). */
  get original(): FakeMessage | undefined {
    return this.state.originalMessageId === undefined ? undefined : this.host.message(this.state.originalMessageId);
  }

  /** Follow-up messages, oldest first. One sent while a deferred response was loading replaced it and counts as `original`. */
  get followUps(): FakeMessage[] {
    return this.state.followUpIds.map((id) => this.host.message(id)).filter((m): m is FakeMessage => m !== undefined);
  }

  /** Everything this interaction showed the user: the response, then the follow-ups. */
  get messages(): FakeMessage[] {
    const original = this.original;
    return original ? [original, ...this.followUps] : this.followUps;
  }

  /** The modal the bot opened (callback type 9), if it did. */
  get modal(): unknown {
    return this.state.modal;
  }

  /**
   * Resolves with the response message in its final visible state: a reply or update at once,
   * a deferred reply once edited (or replaced by a follow-up), a deferred update once `@original`
   * was edited; optionally also waits for `followUps` follow-up messages. Rejects on a missed 3 s
   * deadline, and after `timeoutMs` real ms with an account of what the bot did.
   *
   * @example
   * const reply = await run.settled();
   * expect(reply.embeds[0]?.title).toBe('Answer');
   */
  settled(options: SettleOptions = {}): Promise<FakeMessage> {
    const wanted = options.followUps ?? 0;
    return this.waitFor(
      () => {
        this.throwIfFailed();
        const original = this.visibleResponse();
        return original && this.followUps.length >= wanted ? original : undefined;
      },
      `the response to settle${wanted > 0 ? ` with ${wanted} follow-up(s)` : ''}`,
      options,
    );
  }

  private visibleResponse(): FakeMessage | undefined {
    const { ack } = this.state;
    if (!ack) return undefined;
    if (ack.type === 9) throw new Error(`FakeDiscord: ${this.state.label} was answered with a modal; there is no message to settle`);
    const original = this.original;
    if (!original) return undefined;
    if (original.deleted) return original;
    switch (ack.type) {
      case 5:
        return original.loading ? undefined : original;
      case 6:
        return this.state.changedAfterAck ? original : undefined;
      default:
        return original;
    }
  }
}

/** An autocomplete request: the run produces choices. */
export class AutocompleteRun extends InteractionRun {
  /** The choices the bot offered, once it answered. */
  get choices(): AutocompleteChoice[] | undefined {
    return this.state.choices;
  }

  /** Resolves with the choices the bot offered (callback type 8). */
  settled(options?: WaitOptions): Promise<AutocompleteChoice[]> {
    return this.waitFor(
      () => {
        this.throwIfFailed();
        return this.state.choices;
      },
      'autocomplete choices',
      options,
    );
  }
}
