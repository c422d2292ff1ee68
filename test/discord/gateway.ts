/**
 * The gateway: HELLO, IDENTIFY (token checked, 4004 on a wrong one), READY + GUILD_CREATE,
 * heartbeat ACKs, RESUME → replay of missed dispatches + RESUMED. Plain JSON text frames.
 */
import type { IncomingMessage, Server } from 'node:http';
import { WebSocket, WebSocketServer, type RawData } from 'ws';
import type { WaitOptions } from './change-feed.ts';
import { guildCreatePayload, readyPayload } from './payloads.ts';
import type { FakeStore } from './store.ts';
import type { ReceivedFrame } from './types.ts';

const Op = { Dispatch: 0, Heartbeat: 1, Identify: 2, Resume: 6, InvalidSession: 9, Hello: 10, HeartbeatAck: 11 } as const;

/** Discord's heartbeat interval; discord.js waits a random part of it before its first beat. */
const HEARTBEAT_INTERVAL_MS = 41_250;

interface DispatchFrame {
  op: 0;
  t: string;
  s: number;
  d: unknown;
}

interface Session {
  readonly id: string;
  seq: number;
  /** Every dispatch of the session, for replay on RESUME. */
  readonly log: DispatchFrame[];
  socket: WebSocket | undefined;
  resumes: number;
}

/** What a resume replayed. */
export interface ResumeInfo {
  sessionId: string;
  /** Dispatches sent again because the client had missed them. */
  replayed: number;
}

/** A dropped connection and the client's recovery. */
export interface DroppedConnection {
  /** Resolves when the client resumed the session; rejects if it identified afresh instead. */
  resumed: Promise<ResumeInfo>;
}

export class FakeGateway {
  readonly received: ReceivedFrame[] = [];
  readonly #wss: WebSocketServer;
  readonly #sessions = new Map<string, Session>();
  #active: Session | undefined;
  #identifies = 0;
  #lastResume: ResumeInfo | undefined;
  readonly #identifyFaults: number[] = [];

  constructor(
    server: Server,
    private readonly store: FakeStore,
    private readonly token: string,
    private readonly gatewayUrl: () => string,
  ) {
    this.#wss = new WebSocketServer({ server });
    this.#wss.on('connection', (socket, req) => this.#onConnection(socket, req));
  }

  /** Number of successful IDENTIFYs so far (a client that resumes does not add one). */
  get identifies(): number {
    return this.#identifies;
  }

  /** Whether a client session is currently connected. */
  get connected(): boolean {
    return this.#active?.socket?.readyState === WebSocket.OPEN;
  }

  /** Closes the next IDENTIFY with `code` instead of answering it (e.g. 4004 as for a revoked token). */
  failNextIdentify(code: number): void {
    this.#identifyFaults.push(code);
  }

  /**
   * Sends a dispatch to the current session. While the client is disconnected the event is
   * only logged, and replayed when it resumes, as Discord does.
   */
  dispatch(t: string, d: unknown): void {
    this.#dispatchTo(this.#requireSession(), t, d);
  }

  /** Throws unless a client has identified (it may be disconnected and about to resume). */
  assertSession(): void {
    this.#requireSession();
  }

  #requireSession(): Session {
    if (!this.#active) throw new Error('FakeDiscord: no bot is connected; log a client in and await ClientReady first');
    return this.#active;
  }

  /** Closes the client's socket with a resumable close code (default 4000, "unknown error"). */
  drop(code = 4000, options?: WaitOptions): DroppedConnection {
    const session = this.#active;
    const socket = session?.socket;
    if (!session || !socket) throw new Error('FakeDiscord: no connected session to drop');
    const resumesBefore = session.resumes;
    const identifiesBefore = this.#identifies;
    socket.close(code, 'FakeDiscord: connection dropped by the test');
    const resumed = this.store.feed.waitFor(
      () => {
        if (session.resumes > resumesBefore) return this.#lastResume;
        if (this.#identifies > identifiesBefore) throw new Error(`FakeDiscord: after close code ${code} the client identified afresh instead of resuming`);
        return undefined;
      },
      () => `the client to resume after close code ${code}`,
      options,
    );
    resumed.catch(() => undefined);
    return { resumed };
  }

  close(): void {
    for (const client of this.#wss.clients) client.terminate();
    this.#wss.close();
  }

  #send(socket: WebSocket, frame: object): void {
    if (socket.readyState === WebSocket.OPEN) socket.send(JSON.stringify(frame));
  }

  #dispatchTo(session: Session, t: string, d: unknown): void {
    const frame: DispatchFrame = { op: Op.Dispatch, t, s: ++session.seq, d };
    session.log.push(frame);
    if (session.socket) this.#send(session.socket, frame);
  }

  #onConnection(socket: WebSocket, req: IncomingMessage): void {
    const query = new URL(req.url ?? '/', 'ws://fake').searchParams;
    if (query.get('v') !== '10') {
      socket.close(4012, 'Invalid API version');
      return;
    }
    if ((query.get('encoding') ?? 'json') !== 'json' || query.has('compress')) {
      // The fake speaks uncompressed JSON only.
      socket.close(4002, 'Error while decoding payload.');
      return;
    }
    let session: Session | undefined;
    this.#send(socket, { op: Op.Hello, d: { heartbeat_interval: HEARTBEAT_INTERVAL_MS, _trace: ['fake-discord'] }, s: null, t: null });
    socket.on('message', (raw: RawData, isBinary: boolean) => {
      let frame: { op?: unknown; d?: unknown };
      try {
        if (isBinary) throw new Error('binary frame');
        frame = JSON.parse(raw.toString()) as { op?: unknown; d?: unknown };
      } catch {
        socket.close(4002, 'Error while decoding payload.');
        return;
      }
      const op = typeof frame.op === 'number' ? frame.op : -1;
      const d = (typeof frame.d === 'object' && frame.d !== null ? frame.d : {}) as Record<string, unknown>;
      this.received.push({ op, d: frame.d, at: this.store.clock() });
      switch (op) {
        case Op.Heartbeat:
          this.#send(socket, { op: Op.HeartbeatAck, d: null, s: null, t: null });
          break;
        case Op.Identify:
          session = this.#identify(socket, session, d);
          break;
        case Op.Resume:
          session = this.#resume(socket, session, d);
          break;
        case 3: // presence update
        case 4: // voice state update
        case 8: // request guild members
          if (!session) socket.close(4003, 'Not authenticated.');
          break;
        default:
          socket.close(4001, 'Unknown opcode.');
      }
      this.store.feed.notify();
    });
    socket.on('close', () => {
      if (session?.socket === socket) session.socket = undefined;
      this.store.feed.notify();
    });
  }

  #identify(socket: WebSocket, current: Session | undefined, d: Record<string, unknown>): Session | undefined {
    if (current) {
      socket.close(4005, 'Already authenticated.');
      return current;
    }
    const fault = this.#identifyFaults.shift();
    if (fault !== undefined) {
      socket.close(fault, 'FakeDiscord: injected identify failure');
      return undefined;
    }
    if (d.token !== this.token) {
      socket.close(4004, 'Authentication failed.');
      return undefined;
    }
    if (typeof d.intents !== 'number') {
      socket.close(4013, 'Invalid intent(s).');
      return undefined;
    }
    const session: Session = { id: `fake-session-${this.store.snowflake()}`, seq: 0, log: [], socket, resumes: 0 };
    this.#sessions.set(session.id, session);
    this.#active = session;
    this.#identifies++;
    const { world } = this.store;
    this.#dispatchTo(session, 'READY', readyPayload(world, session.id, this.gatewayUrl()));
    this.#dispatchTo(session, 'GUILD_CREATE', guildCreatePayload(world, this.store.clock()));
    return session;
  }

  #resume(socket: WebSocket, current: Session | undefined, d: Record<string, unknown>): Session | undefined {
    if (current) {
      socket.close(4005, 'Already authenticated.');
      return current;
    }
    if (d.token !== this.token) {
      socket.close(4004, 'Authentication failed.');
      return undefined;
    }
    const session = this.#sessions.get(String(d.session_id));
    if (!session || typeof d.seq !== 'number') {
      // Not resumable: the client must identify again.
      this.#send(socket, { op: Op.InvalidSession, d: false, s: null, t: null });
      return undefined;
    }
    session.socket?.terminate();
    session.socket = socket;
    const missed = session.log.filter((frame) => frame.s > (d.seq as number));
    for (const frame of missed) this.#send(socket, frame);
    this.#dispatchTo(session, 'RESUMED', { _trace: ['fake-discord'] });
    this.#lastResume = { sessionId: session.id, replayed: missed.length };
    session.resumes++;
    return session;
  }
}
