/**
 * The REST routes a discord.js bot calls (prefix /api/v10), answered the way Discord answers,
 * including its errors: 10062, 40060, 50027, 10015, 10008, 50006 and 50035.
 */
import type { APIApplicationCommand } from 'discord.js';
import { FIRST_RESPONSE_MS, INTERACTION_TOKEN_MS, InteractionKind, type InteractionState } from './interaction-run.ts';
import { apiMessage } from './payloads.ts';
import { hasVisibleContent, type FakeStore } from './store.ts';
import type { FakeMessage, RecordedRequest, UploadedFile } from './types.ts';
import { checkAutocompleteChoices, checkCommand, checkCommandList, checkMessageBody, type DiscordErrorBody } from './validation.ts';

export interface RestRequest {
  method: string;
  params: string[];
  query: Record<string, string>;
  body: unknown;
  files: UploadedFile[];
  record: RecordedRequest;
}

export interface RestReply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface Route {
  method: string;
  template: string;
  pattern: RegExp;
  /** Needs `Authorization: Bot <token>`. */
  auth: boolean;
  handle: (req: RestRequest) => RestReply;
}

/** What the routes need besides the store. */
export interface RestContext {
  store: FakeStore;
  gatewayUrl: () => string;
}

function fail(status: number, code: number, message: string): RestReply {
  return { status, body: { code, message } };
}

function invalid(body: DiscordErrorBody): RestReply {
  return { status: 400, body };
}

const unknownWebhook = (): RestReply => fail(404, 10015, 'Unknown Webhook');
const unknownMessage = (): RestReply => fail(404, 10008, 'Unknown Message');
const missingAccess = (): RestReply => fail(403, 50001, 'Missing Access');

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Links a request to its interaction, so the run lists it. */
function attach(req: RestRequest, state: InteractionState): void {
  req.record.interactionId = state.id;
  state.requests.push(req.record);
}

function toMessage(ctx: RestContext, state: InteractionState, message: FakeMessage): unknown {
  return apiMessage(ctx.store.world, message, { id: state.id, type: state.type, userId: state.userId });
}

/** Callback types Discord accepts for each interaction type. */
const ALLOWED_CALLBACKS: Record<number, readonly number[]> = {
  [InteractionKind.Command]: [4, 5, 9],
  [InteractionKind.Component]: [4, 5, 6, 7, 9],
  [InteractionKind.Autocomplete]: [8],
};

function interactionCallback(ctx: RestContext, req: RestRequest): RestReply {
  const { store } = ctx;
  const [id, token] = req.params;
  const state = store.interactions.get(id ?? '');
  if (!state || state.token !== token) return fail(404, 10062, 'Unknown interaction');
  attach(req, state);
  if (state.ack) return fail(400, 40060, 'Interaction has already been acknowledged.');
  if (store.clock() - state.createdAt > FIRST_RESPONSE_MS) {
    store.missDeadline(state, true);
    return fail(404, 10062, 'Unknown interaction');
  }
  const body = isRecord(req.body) ? req.body : {};
  const type = body.type;
  const allowed = ALLOWED_CALLBACKS[state.type] ?? [];
  if (typeof type !== 'number' || !allowed.includes(type)) {
    return invalid({
      code: 50035,
      message: 'Invalid Form Body',
      errors: { type: { _errors: [{ code: 'BASE_TYPE_CHOICES', message: `Value must be one of {${allowed.join(', ')}}.` }] } },
    });
  }
  const data = body.data;
  let resourceMessage: FakeMessage | undefined;
  switch (type) {
    case 4: {
      const draft = store.draft(data, req.files);
      const error = checkMessageBody(data, { path: ['data'], resultHasContent: hasVisibleContent(draft) });
      if (error) return invalid(error);
      store.acknowledge(state, type);
      resourceMessage = store.createMessage(state, 'response', draft);
      state.originalMessageId = resourceMessage.id;
      break;
    }
    case 5: {
      const flags = isRecord(data) && typeof data.flags === 'number' ? data.flags & 64 : 0;
      store.acknowledge(state, type);
      resourceMessage = store.createMessage(state, 'response', store.draft({ flags }, []), { loading: true });
      state.originalMessageId = resourceMessage.id;
      break;
    }
    case 6: {
      store.acknowledge(state, type);
      state.originalMessageId = state.sourceMessageId;
      break;
    }
    case 7: {
      const source = store.message(state.sourceMessageId ?? '');
      if (!source || source.deleted) return unknownMessage();
      const draft = store.draft(data, req.files, source);
      const error = checkMessageBody(data, { path: ['data'], resultHasContent: hasVisibleContent(draft) });
      if (error) return invalid(error);
      store.acknowledge(state, type);
      store.commitEdit(source, draft);
      state.originalMessageId = source.id;
      resourceMessage = source;
      break;
    }
    case 8: {
      const error = checkAutocompleteChoices(data);
      if (error) return invalid(error);
      store.acknowledge(state, type);
      state.choices = (data as { choices: NonNullable<InteractionState['choices']> }).choices;
      break;
    }
    default: {
      store.acknowledge(state, type);
      state.modal = data;
    }
  }
  if (req.query.with_response !== 'true') return { status: 204 };
  return {
    status: 200,
    body: {
      interaction: {
        id: state.id,
        type: state.type,
        response_message_id: resourceMessage?.id,
        response_message_loading: resourceMessage?.loading,
        response_message_ephemeral: resourceMessage?.ephemeral,
      },
      resource: { type, ...(resourceMessage ? { message: toMessage(ctx, state, resourceMessage) } : {}) },
    },
  };
}

/** Finds the interaction behind a webhook route, or Discord's answer when there is none (any more). */
function webhookInteraction(ctx: RestContext, req: RestRequest): InteractionState | RestReply {
  const [app, token] = req.params;
  const state = ctx.store.interactionsByToken.get(token ?? '');
  if (app !== ctx.store.world.applicationId || !state) return unknownWebhook();
  attach(req, state);
  // The webhook exists only once the interaction was acknowledged.
  if (!state.ack) return unknownWebhook();
  if (ctx.store.clock() - state.createdAt > INTERACTION_TOKEN_MS) return fail(401, 50027, 'Invalid Webhook Token');
  return state;
}

function followUp(ctx: RestContext, req: RestRequest): RestReply {
  const state = webhookInteraction(ctx, req);
  if (!('token' in state)) return state;
  const { store } = ctx;
  const original = store.message(state.originalMessageId ?? '');
  // Discord quirk: the first follow-up after a deferred reply replaces the "thinking" message.
  const replaces = state.ack?.type === 5 && original !== undefined && original.loading && !original.deleted;
  const draft = store.draft(req.body, req.files, replaces ? original : undefined);
  const error = checkMessageBody(req.body, { path: [], resultHasContent: hasVisibleContent(draft) });
  if (error) return invalid(error);
  let message: FakeMessage;
  if (replaces) {
    store.commitEdit(original, draft);
    state.changedAfterAck = true;
    message = original;
  } else {
    message = store.createMessage(state, 'follow-up', draft);
    state.followUpIds.push(message.id);
  }
  return req.query.wait === 'true' ? { status: 200, body: toMessage(ctx, state, message) } : { status: 204 };
}

function webhookMessage(ctx: RestContext, req: RestRequest): RestReply {
  const state = webhookInteraction(ctx, req);
  if (!('token' in state)) return state;
  const { store } = ctx;
  const requested = req.params[2];
  const isOriginal = requested === '@original' || requested === state.originalMessageId;
  const id = requested === '@original' ? state.originalMessageId : requested;
  const message = store.message(id ?? '');
  if (!message || message.deleted || (!isOriginal && !state.followUpIds.includes(message.id))) return unknownMessage();
  switch (req.method) {
    case 'GET':
      return { status: 200, body: toMessage(ctx, state, message) };
    case 'DELETE':
      message.deleted = true;
      if (isOriginal) state.changedAfterAck = true;
      return { status: 204 };
    default: {
      const draft = store.draft(req.body, req.files, message);
      const error = checkMessageBody(req.body, { path: [], resultHasContent: hasVisibleContent(draft) });
      if (error) return invalid(error);
      store.commitEdit(message, draft);
      if (isOriginal) state.changedAfterAck = true;
      return { status: 200, body: toMessage(ctx, state, message) };
    }
  }
}

/** The command list of a scope: global (`guildId` undefined) or one guild. */
function commandScope(ctx: RestContext, req: RestRequest, guildId: string | undefined): APIApplicationCommand[] | RestReply {
  const { store } = ctx;
  if (req.params[0] !== store.world.applicationId) return missingAccess();
  if (guildId === undefined) return store.globalCommands;
  if (guildId !== store.world.guildId) return missingAccess();
  let list = store.guildCommands.get(guildId);
  if (!list) store.guildCommands.set(guildId, (list = []));
  return list;
}

function toCommand(ctx: RestContext, input: Record<string, unknown>, existing: APIApplicationCommand | undefined, guildId: string | undefined): APIApplicationCommand {
  const { store } = ctx;
  return {
    ...input,
    id: existing?.id ?? store.snowflake(),
    application_id: store.world.applicationId,
    version: store.snowflake(),
    type: (input.type as number | undefined) ?? 1,
    name: input.name,
    description: (input.description as string | undefined) ?? '',
    options: input.options ?? [],
    default_member_permissions: input.default_member_permissions ?? null,
    nsfw: input.nsfw ?? false,
    ...(guildId ? { guild_id: guildId } : {}),
  } as APIApplicationCommand;
}

function sameCommand(a: { name?: unknown; type?: unknown }, b: { name?: unknown; type?: unknown }): boolean {
  return a.name === b.name && (a.type ?? 1) === (b.type ?? 1);
}

function commandsRoute(ctx: RestContext, req: RestRequest, guildId: string | undefined): RestReply {
  const scope = commandScope(ctx, req, guildId);
  if (!Array.isArray(scope)) return scope;
  if (req.method === 'GET') return { status: 200, body: scope };
  if (req.method === 'PUT') {
    const error = checkCommandList(req.body);
    if (error) return invalid(error);
    // Discord keeps the id of a command that is overwritten under the same name.
    const next = (req.body as Record<string, unknown>[]).map((c) => toCommand(ctx, c, scope.find((e) => sameCommand(e, c)), guildId));
    scope.splice(0, scope.length, ...next);
    return { status: 200, body: scope };
  }
  const error = checkCommand(req.body);
  if (error) return invalid(error);
  const input = req.body as Record<string, unknown>;
  const index = scope.findIndex((e) => sameCommand(e, input));
  const command = toCommand(ctx, input, scope[index], guildId);
  if (index >= 0) scope[index] = command;
  else scope.push(command);
  return { status: index >= 0 ? 200 : 201, body: command };
}

function deleteCommand(ctx: RestContext, req: RestRequest, guildId: string | undefined): RestReply {
  const scope = commandScope(ctx, req, guildId);
  if (!Array.isArray(scope)) return scope;
  const index = scope.findIndex((c) => c.id === req.params.at(-1));
  if (index < 0) return fail(404, 10063, 'Unknown application command');
  scope.splice(index, 1);
  return { status: 204 };
}

function route(method: string, template: string, auth: boolean, handle: Route['handle']): Route {
  const source = template
    .split('/')
    .map((part) => (part.startsWith(':') ? '([^/]+)' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('/');
  return { method, template, pattern: new RegExp(`^${source}$`), auth, handle };
}

/** Every route the fake answers. */
export function createRoutes(ctx: RestContext): Route[] {
  const gatewayBot = (): RestReply => ({
    status: 200,
    body: {
      url: ctx.gatewayUrl(),
      shards: 1,
      session_start_limit: { total: 1000, remaining: 999, reset_after: 0, max_concurrency: 1 },
    },
  });
  const guildOf = (req: RestRequest): string => req.params[1] ?? '';
  return [
    route('GET', '/gateway/bot', true, gatewayBot),
    route('GET', '/gateway', false, () => ({ status: 200, body: { url: ctx.gatewayUrl() } })),
    route('POST', '/interactions/:id/:token/callback', false, (req) => interactionCallback(ctx, req)),
    route('POST', '/webhooks/:app/:token', false, (req) => followUp(ctx, req)),
    ...['GET', 'PATCH', 'DELETE'].map((m) => route(m, '/webhooks/:app/:token/messages/:message', false, (req) => webhookMessage(ctx, req))),
    ...['GET', 'PUT', 'POST'].map((m) => route(m, '/applications/:app/commands', true, (req) => commandsRoute(ctx, req, undefined))),
    route('DELETE', '/applications/:app/commands/:command', true, (req) => deleteCommand(ctx, req, undefined)),
    ...['GET', 'PUT', 'POST'].map((m) =>
      route(m, '/applications/:app/guilds/:guild/commands', true, (req) => commandsRoute(ctx, req, guildOf(req))),
    ),
    route('DELETE', '/applications/:app/guilds/:guild/commands/:command', true, (req) => deleteCommand(ctx, req, guildOf(req))),
  ];
}
