/**
 * The HTTP side: routes each request under /api/v10, applies injected faults and the token
 * check, parses JSON and multipart bodies, and records every request with the status answered.
 */
import { STATUS_CODES, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { parseRequestBody, readRequestBody, sendJson } from './http-body.ts';
import type { InteractionState } from './interaction-run.ts';
import { createRoutes, type RestReply, type Route } from './rest-routes.ts';
import type { FakeStore } from './store.ts';
import type { FaultSpec, InjectedFault, RecordedRequest, RequestMatch } from './types.ts';

const API_PREFIX = '/api/v10';

interface FaultState extends InjectedFault {
  remaining: number;
  hits: RecordedRequest[];
}

/** Whether a request satisfies `match` (all given conditions). */
export function matches(request: Pick<RecordedRequest, 'method' | 'path' | 'route'>, match: RequestMatch | undefined): boolean {
  if (!match) return true;
  if (match.method !== undefined && match.method.toUpperCase() !== request.method) return false;
  if (match.path === undefined) return true;
  return typeof match.path === 'string' ? match.path === request.path || match.path === request.route : match.path.test(request.path);
}

function decodePath(path: string): string {
  return path
    .split('/')
    .map((segment) => {
      try {
        return decodeURIComponent(segment);
      } catch {
        return segment;
      }
    })
    .join('/');
}

/** Answers the REST API on the shared HTTP server. */
export class RestServer {
  readonly #store: FakeStore;
  readonly #token: string;
  readonly #routes: Route[];
  readonly #faults: FaultState[] = [];

  constructor(server: Server, store: FakeStore, token: string, gatewayUrl: () => string) {
    this.#store = store;
    this.#token = token;
    this.#routes = createRoutes({ store, gatewayUrl });
    server.on('request', (req: IncomingMessage, res: ServerResponse) => {
      this.#onRequest(req, res).catch((error: unknown) => {
        sendJson(res, 500, { code: 0, message: `FakeDiscord internal error: ${String(error)}` });
      });
    });
  }

  failNext(spec: FaultSpec): InjectedFault {
    const fault: FaultState = { spec, remaining: spec.times ?? 1, hits: [] };
    this.#faults.push(fault);
    return fault;
  }

  #interactionFor(path: string): InteractionState | undefined {
    const byId = /^\/interactions\/([^/]+)\//.exec(path);
    if (byId) return this.#store.interactions.get(byId[1] ?? '');
    const byToken = /^\/webhooks\/[^/]+\/([^/]+)/.exec(path);
    return byToken ? this.#store.interactionsByToken.get(byToken[1] ?? '') : undefined;
  }

  async #onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const raw = await readRequestBody(req);
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const method = (req.method ?? 'GET').toUpperCase();
    const inApi = url.pathname.startsWith(`${API_PREFIX}/`);
    const path = decodePath(inApi ? url.pathname.slice(API_PREFIX.length) : url.pathname);
    const candidates = inApi ? this.#routes.filter((r) => r.pattern.test(path)) : [];
    const route = candidates.find((r) => r.method === method);
    const record: RecordedRequest = {
      method,
      path,
      rawPath: url.pathname,
      route: route?.template,
      query: Object.fromEntries(url.searchParams),
      authorization: req.headers.authorization,
      body: undefined,
      files: [],
      status: 0,
      response: undefined,
      at: this.#store.clock(),
      injected: false,
      interactionId: undefined,
    };
    const parsed = await parseRequestBody(raw, req.headers['content-type']);
    if (parsed.ok) {
      record.body = parsed.body;
      record.files = parsed.files;
    }
    const reply = this.#answer(record, route, candidates.length > 0, parsed.ok, inApi);
    record.status = reply.status;
    record.response = reply.body;
    this.#store.requests.push(record);
    sendJson(res, reply.status, reply.body, reply.headers);
    this.#store.feed.notify();
  }

  #answer(record: RecordedRequest, route: Route | undefined, pathKnown: boolean, bodyOk: boolean, inApi: boolean): RestReply {
    if (!inApi) return { status: 404, body: { code: 0, message: '404: Not Found' } };
    const fault = this.#faults.find((f) => f.remaining > 0 && matches(record, f.spec.match));
    if (fault) {
      fault.remaining--;
      fault.hits.push(record);
      record.injected = true;
      const state = this.#interactionFor(record.path);
      if (state) {
        record.interactionId = state.id;
        state.requests.push(record);
      }
      return this.#faultReply(fault.spec);
    }
    if (!route) {
      return pathKnown
        ? { status: 405, body: { code: 0, message: '405: Method Not Allowed' } }
        : { status: 404, body: { code: 0, message: '404: Not Found' } };
    }
    if (route.auth && record.authorization !== `Bot ${this.#token}`) {
      return { status: 401, body: { code: 0, message: '401: Unauthorized' } };
    }
    if (!bodyOk) return { status: 400, body: { code: 50109, message: 'The request body contains invalid JSON.' } };
    const params = route.pattern.exec(record.path)?.slice(1) ?? [];
    return route.handle({ method: record.method, params, query: record.query, body: record.body, files: record.files, record });
  }

  #faultReply(spec: FaultSpec): RestReply {
    if (spec.status === 429) {
      const retryAfter = spec.retryAfter ?? 0.05;
      const global = spec.global ?? false;
      return {
        status: 429,
        // Discord rounds Retry-After up to whole seconds; the fake sends the exact value so tests stay fast.
        headers: {
          'retry-after': String(retryAfter),
          'x-ratelimit-scope': global ? 'global' : 'user',
          ...(global ? { 'x-ratelimit-global': 'true' } : {}),
        },
        body: spec.body ?? { message: 'You are being rate limited.', retry_after: retryAfter, global },
      };
    }
    return { status: spec.status, body: spec.body ?? { code: 0, message: `${spec.status}: ${STATUS_CODES[spec.status] ?? 'Error'}` } };
  }
}
