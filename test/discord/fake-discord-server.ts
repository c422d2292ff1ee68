/**
 * A Discord-compatible server for end-to-end tests: the real discord.js Client logs in to it
 * over HTTP and WebSocket on 127.0.0.1, receives interactions from it, and answers them
 * through its REST routes, which record every request and enforce Discord's rules.
 *
 * @example
 * const discord = await startFakeDiscord({ token: 'test-token' });
 * const client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: discord.apiUrl } });
 * await client.login('test-token'); // then await Events.ClientReady
 * const run = discord.sendSlashCommand({ name: 'ask', options: { question: 'Who won?' } });
 * const reply = await run.settled();
 * expect(couldPing(reply)).toBe(false);
 * await client.destroy();
 * await discord.close();
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { APIApplicationCommand } from 'discord.js';
import type { WaitOptions } from './change-feed.ts';
import type { Clock } from './clock.ts';
import { FakeGateway, type DroppedConnection } from './gateway.ts';
import { buildCommandData, commandLabel, type AutocompleteInput, type SlashCommandInput } from './interaction-input.ts';
import { AutocompleteRun, InteractionKind, MessageRun, type InteractionState } from './interaction-run.ts';
import { apiMessage, DEFAULT_MEMBER_PERMISSIONS, interactionEnvelope, memberPayload, type FakeWorld } from './payloads.ts';
import { matches, RestServer } from './rest-server.ts';
import { FakeStore } from './store.ts';
import type { FakeMessage, FaultSpec, InjectedFault, MemberInput, ReceivedFrame, RecordedRequest, RequestMatch } from './types.ts';

export { createManualClock, type Clock, type ManualClock } from './clock.ts';
export { couldPing, effectiveAllowedMentions, INTERACTION_DEFAULT_ALLOWED_MENTIONS, pingsIn, type Pings } from './mentions.ts';
export { DEFAULT_MEMBER_PERMISSIONS, MANAGER_PERMISSIONS, type FakeWorld } from './payloads.ts';
export { DISCORD_LIMITS, embedTextLength } from './validation.ts';
export type { WaitOptions } from './change-feed.ts';
export type { DroppedConnection, ResumeInfo } from './gateway.ts';
export type { AutocompleteInput, OptionValue, RawOption, SlashCommandInput } from './interaction-input.ts';
export { AutocompleteRun, InteractionDeadlineError, InteractionRun, MessageRun, type SettleOptions } from './interaction-run.ts';
export type * from './types.ts';

/** Options of {@link startFakeDiscord}. Every id has a fixed default, so tests can hard-code none. */
export interface FakeDiscordOptions {
  /** The bot token the fake accepts (`Authorization: Bot <token>`, IDENTIFY, RESUME). */
  token: string;
  /** Clock for Discord's deadlines; pass a {@link ManualClock} to move time in tests. Default `Date.now`. */
  clock?: Clock;
  applicationId?: string;
  botUserId?: string;
  botUsername?: string;
  guildId?: string;
  guildName?: string;
  channelId?: string;
  channelName?: string;
  /** Permissions of the guild's @everyone role. */
  everyonePermissions?: string;
  /** The bot's permissions in the channel (`app_permissions`). */
  appPermissions?: string;
}

/** Which button a simulated user clicks. */
export interface ButtonClickInput {
  customId: string;
  /** The message carrying the button; default: the newest message that has a button with `customId`. */
  messageId?: string;
  member?: MemberInput;
}

/** The commands the bot registered, by scope. */
export interface RegisteredCommands {
  global: readonly APIApplicationCommand[];
  /** Commands registered for the fake's guild. */
  guild: readonly APIApplicationCommand[];
}

/** The component with `customId` anywhere in a message's components (rows, containers, section accessories). */
function findComponent(components: unknown, customId: string): Record<string, unknown> | undefined {
  if (!Array.isArray(components)) return undefined;
  for (const component of components) {
    if (typeof component !== 'object' || component === null) continue;
    const c = component as Record<string, unknown>;
    if (c.custom_id === customId) return c;
    const nested = findComponent(c.components, customId) ?? findComponent(c.accessory ? [c.accessory] : undefined, customId);
    if (nested) return nested;
  }
  return undefined;
}

/** A running fake Discord. Create it with {@link startFakeDiscord}. */
export class FakeDiscord {
  /** REST base for discord.js: `new Client({ rest: { api: discord.apiUrl } })` (no `/v10`). */
  readonly apiUrl: string;
  /** The gateway address `GET /gateway/bot` hands out. */
  readonly gatewayUrl: string;
  readonly world: Readonly<FakeWorld>;
  readonly #server: Server;
  readonly #store: FakeStore;
  readonly #gateway: FakeGateway;
  readonly #rest: RestServer;
  #closing: Promise<void> | undefined;

  /** @internal use {@link startFakeDiscord} */
  constructor(server: Server, store: FakeStore, token: string) {
    const { port } = server.address() as AddressInfo;
    this.apiUrl = `http://127.0.0.1:${port}/api`;
    this.gatewayUrl = `ws://127.0.0.1:${port}`;
    this.#server = server;
    this.#store = store;
    this.world = Object.freeze({ ...store.world });
    this.#gateway = new FakeGateway(server, store, token, () => this.gatewayUrl);
    this.#rest = new RestServer(server, store, token, () => this.gatewayUrl);
  }

  get applicationId(): string {
    return this.world.applicationId;
  }

  get guildId(): string {
    return this.world.guildId;
  }

  get channelId(): string {
    return this.world.channelId;
  }

  get botUserId(): string {
    return this.world.botUserId;
  }

  /** The fake's clock. */
  get clock(): Clock {
    return this.#store.clock;
  }

  /** Every REST request so far, in arrival order, with the status the fake answered. */
  get requests(): readonly RecordedRequest[] {
    return this.#store.requests;
  }

  /** Every message the bot created, in creation order, in its latest state (deleted ones flagged). */
  get messages(): readonly FakeMessage[] {
    return [...this.#store.messages.values()];
  }

  /** The commands registered through PUT/POST `/applications/{app}/commands` and its guild form. */
  get registeredCommands(): RegisteredCommands {
    return { global: this.#store.globalCommands, guild: this.#store.guildCommands.get(this.world.guildId) ?? [] };
  }

  /** Gateway frames the client sent (IDENTIFY, RESUME, heartbeats…). */
  get receivedFrames(): readonly ReceivedFrame[] {
    return this.#gateway.received;
  }

  /** Successful IDENTIFYs so far; a resume does not count. */
  get identifies(): number {
    return this.#gateway.identifies;
  }

  /** Whether a client is connected to the gateway right now. */
  get connected(): boolean {
    return this.#gateway.connected;
  }

  /** A message by id. */
  message(id: string): FakeMessage | undefined {
    return this.#store.message(id);
  }

  /**
   * Sends a chat-input command as a guild member would. Options are checked against the
   * registered command when there is one. The member defaults to an ordinary user without
   * Manage Server ({@link DEFAULT_MEMBER_PERMISSIONS}).
   *
   * @example discord.sendSlashCommand({ name: 'ask', options: { question: 'Who won?' }, member: { permissions: '0' } })
   */
  sendSlashCommand(input: SlashCommandInput): MessageRun {
    const state = this.#dispatchCommand(input, InteractionKind.Command, commandLabel(input));
    return new MessageRun(state, this.#store);
  }

  /** Sends an autocomplete interaction (type 4) with `focused` marking the option being typed. */
  sendAutocomplete(input: AutocompleteInput): AutocompleteRun {
    const state = this.#dispatchCommand(input, InteractionKind.Autocomplete, `autocomplete ${commandLabel(input)} (${input.focused})`, input.focused);
    return new AutocompleteRun(state, this.#store);
  }

  /** Clicks a button on a message the bot sent (type 3 interaction with the message attached). */
  clickButton(input: ButtonClickInput): MessageRun {
    this.#gateway.assertSession();
    const store = this.#store;
    const candidates = input.messageId !== undefined ? [store.message(input.messageId)] : [...store.messages.values()].reverse();
    const message = candidates.find((m) => m && !m.deleted && findComponent(m.components, input.customId));
    if (!message) {
      throw new Error(`FakeDiscord: no ${input.messageId ? `message ${input.messageId} with a` : 'message has a'} component with custom_id "${input.customId}"`);
    }
    const component = findComponent(message.components, input.customId)!;
    if (component.type !== 2) throw new Error(`FakeDiscord: "${input.customId}" is a component of type ${String(component.type)}, not a button`);
    if (component.disabled === true) throw new Error(`FakeDiscord: button "${input.customId}" is disabled; a user cannot click it`);
    const member = memberPayload(input.member, store.clock());
    const state = store.addInteraction({
      type: InteractionKind.Component,
      label: `button "${input.customId}"`,
      userId: member.user.id,
      sourceMessageId: message.id,
    });
    const origin = store.interactions.get(message.interactionId);
    const messageJson = apiMessage(this.world, message, { id: message.interactionId, type: origin?.type ?? 2, userId: origin?.userId ?? member.user.id });
    this.#dispatchInteraction(state, { custom_id: input.customId, component_type: 2 }, input.member, { message: messageJson });
    return new MessageRun(state, store);
  }

  /**
   * Answers the next REST request(s) matching `spec.match` with an error instead of the route:
   * `failNext({ status: 500 })`, or `failNext({ status: 429, retryAfter: 0.05 })` with
   * `Retry-After`. Faults apply in the order given.
   *
   * @example discord.failNext({ status: 500, match: { path: '/interactions/:id/:token/callback' } })
   */
  failNext(spec: FaultSpec): InjectedFault {
    return this.#rest.failNext(spec);
  }

  /** Closes the next IDENTIFY with `code` (default 4004, authentication failed) instead of answering it. */
  failNextIdentify(code = 4004): void {
    this.#gateway.failNextIdentify(code);
  }

  /**
   * Closes the client's gateway socket with a resumable close code (default 4000). Interactions
   * sent before `resumed` resolves are replayed to the client when it resumes.
   */
  dropConnection(options: { code?: number } & WaitOptions = {}): DroppedConnection {
    return this.#gateway.drop(options.code, options);
  }

  /** Resolves with the next REST request matching `match` that the fake answers from now on. */
  waitForRequest(match: RequestMatch, options?: WaitOptions): Promise<RecordedRequest> {
    const from = this.#store.requests.length;
    return this.waitFor(() => this.#store.requests.slice(from).find((r) => matches(r, match)), `a request matching ${JSON.stringify({ ...match, path: String(match.path) })}`, options);
  }

  /** Resolves with the first non-undefined result of `check`, re-evaluated whenever the fake's state changes. */
  waitFor<T>(check: () => T | undefined, what: string, options?: WaitOptions): Promise<T> {
    return this.#store.feed.waitFor(check, () => what, options);
  }

  /** Stops the server: closes every socket and keep-alive connection. Call after `client.destroy()`. */
  close(): Promise<void> {
    this.#closing ??= new Promise<void>((resolve, reject) => {
      this.#gateway.close();
      this.#store.close();
      this.#server.close((error) => (error ? reject(error) : resolve()));
      // undici keeps connections alive; without this close() would wait for them to time out.
      this.#server.closeAllConnections();
    });
    return this.#closing;
  }

  #findCommand(name: string): APIApplicationCommand | undefined {
    const isChatInput = (c: APIApplicationCommand): boolean => c.name === name && (c.type ?? 1) === 1;
    return this.registeredCommands.guild.find(isChatInput) ?? this.registeredCommands.global.find(isChatInput);
  }

  #dispatchCommand(input: SlashCommandInput, type: number, label: string, focused?: string): InteractionState {
    this.#gateway.assertSession();
    const registered = this.#findCommand(input.name);
    const data = buildCommandData(input, registered, registered?.id ?? this.#store.snowflake(), focused);
    const member = memberPayload(input.member, this.#store.clock());
    const state = this.#store.addInteraction({ type, label, userId: member.user.id, sourceMessageId: undefined });
    this.#dispatchInteraction(state, data, input.member);
    return state;
  }

  #dispatchInteraction(state: InteractionState, data: unknown, member: MemberInput | undefined, extra: object = {}): void {
    const payload = interactionEnvelope(this.world, { id: state.id, token: state.token, type: state.type, data, member, now: this.#store.clock() });
    this.#gateway.dispatch('INTERACTION_CREATE', { ...payload, ...extra });
    this.#store.feed.notify();
  }
}

/**
 * Starts a fake Discord on 127.0.0.1 on a free port.
 *
 * @example const discord = await startFakeDiscord({ token: 'test-token', clock: createManualClock() });
 */
export async function startFakeDiscord(options: FakeDiscordOptions): Promise<FakeDiscord> {
  if (!options.token) throw new Error('FakeDiscord: a token is required');
  const applicationId = options.applicationId ?? '100000000000000001';
  const world: FakeWorld = {
    applicationId,
    botUserId: options.botUserId ?? applicationId,
    botUsername: options.botUsername ?? 'news-desk',
    guildId: options.guildId ?? '200000000000000001',
    guildName: options.guildName ?? 'Newsroom',
    channelId: options.channelId ?? '200000000000000002',
    channelName: options.channelName ?? 'news',
    everyonePermissions: options.everyonePermissions ?? DEFAULT_MEMBER_PERMISSIONS,
    appPermissions: options.appPermissions ?? DEFAULT_MEMBER_PERMISSIONS,
  };
  const store = new FakeStore(world, options.clock ?? Date.now);
  const server = createServer({ keepAliveTimeout: 5_000 });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  return new FakeDiscord(server, store, options.token);
}
