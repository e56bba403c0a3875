/**
 * The gateway side of the fake Discord: a WebSocket server (the repo's own RFC 6455 server, `../slack-socket/ws-server.ts`,
 * since `ws` is not installed) speaking Discord's gateway v10 in JSON, without compression. See `../discord.ts`.
 */
import { randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { startWsServer, type WsConnection, type WsServer } from '../slack-socket/ws-server.ts';
import type { DiscordWorld } from './world.ts';

export const INTENTS = {
  guilds: 1 << 0,
  guildMembers: 1 << 1,
  guildPresences: 1 << 8,
  guildMessages: 1 << 9,
  directMessages: 1 << 12,
  messageContent: 1 << 15,
} as const;
export const PRIVILEGED_INTENTS = INTENTS.guildMembers | INTENTS.guildPresences | INTENTS.messageContent;

export const OP = { dispatch: 0, heartbeat: 1, identify: 2, presence: 3, voiceState: 4, resume: 6, reconnect: 7, requestMembers: 8, invalidSession: 9, hello: 10, heartbeatAck: 11 } as const;

/** Close codes after which Discord will not resume the session. */
const SESSION_ENDING_CLOSES = new Set([4004, 4007, 4009, 4010, 4011, 4012, 4013, 4014]);

export interface DispatchRecord {
  sessionId: string;
  s: number;
  t: string;
  d: unknown;
  /** Sent at once; otherwise kept for a RESUME (the session had no open, identified connection). */
  sent: boolean;
  at: number;
}

export interface IdentifyRecord {
  connection: number;
  intents: unknown;
  shard?: unknown;
  properties?: unknown;
  accepted: boolean;
  /** The close code it was refused with (4004 wrong token, 4013 invalid intents, 4014 disallowed intents, 4005 twice). */
  refusedWith?: number;
  at: number;
}

export interface ReceivedPayload {
  connection: number;
  op: number;
  d: unknown;
  at: number;
}

interface Session {
  id: string;
  seq: number;
  intents: number;
  events: { s: number; t: string; d: unknown }[];
  resumable: boolean;
  conn?: Conn;
}

interface Conn {
  id: number;
  ws: WsConnection;
  query: Record<string, string>;
  session?: Session;
  withholdAcks: boolean;
  heartbeats: number;
  lastHeartbeatSeq: number | null;
  serverClose?: number;
  closedWith?: { code?: number; byServer: boolean };
}

export interface GatewayConnectionInfo {
  /** 1, 2, … in connection order. */
  id: number;
  /** The query string (`v`, `encoding`). */
  query: Record<string, string>;
  sessionId?: string;
  readonly open: boolean;
  heartbeats: number;
  lastHeartbeatSeq: number | null;
  /** How it ended: the close code (absent: dropped without a close frame) and who closed it. */
  closedWith?: { code?: number; byServer: boolean };
}

export interface GatewaySessionInfo {
  id: string;
  /** The last sequence number dispatched in it. */
  seq: number;
  intents: number;
  resumable: boolean;
  connected: boolean;
}

export interface GatewayTarget {
  /** Only the connection of this session (default: every open connection). */
  sessionId?: string;
}

export interface GatewayOptions {
  heartbeatIntervalMs: number;
  /** Privileged intents the application has been granted; asking for others closes with 4014. */
  privilegedIntents: number;
  sessionStartLimit: number;
}

export class DiscordGateway {
  readonly sessions = new Map<string, Session>();
  readonly conns: Conn[] = [];
  readonly identifies: IdentifyRecord[] = [];
  readonly dispatches: DispatchRecord[] = [];
  readonly received: ReceivedPayload[] = [];
  identifyCount = 0;
  resumeCount = 0;
  failedResumeCount = 0;
  private replayFrom: number | undefined;
  private server!: WsServer;

  constructor(
    private readonly world: DiscordWorld,
    private readonly options: GatewayOptions,
  ) {}

  async start(port = 0): Promise<void> {
    this.server = await startWsServer(
      {
        refuse: (request: IncomingMessage) => {
          const query = new URL(request.url ?? '/', 'ws://fake').searchParams;
          if (query.has('compress')) return { status: 400, text: 'The fake gateway does not compress: connect without compress=zlib-stream (no zlib-sync).' };
          return undefined;
        },
        onConnection: (ws) => this.onConnection(ws),
        onText: (ws, text) => {
          const conn = this.conns.find((c) => c.ws === ws);
          if (conn) this.onText(conn, text);
        },
      },
      port,
    );
  }

  get url(): string {
    return this.server.url;
  }

  sessionStartLimit(): { total: number; remaining: number; reset_after: number; max_concurrency: number } {
    const total = this.options.sessionStartLimit;
    return { total, remaining: Math.max(0, total - this.identifyCount), reset_after: 14_400_000, max_concurrency: 1 };
  }

  connections(): GatewayConnectionInfo[] {
    return this.conns.map((conn) => ({
      id: conn.id,
      query: conn.query,
      ...(conn.session ? { sessionId: conn.session.id } : {}),
      get open() {
        return conn.ws.open;
      },
      heartbeats: conn.heartbeats,
      lastHeartbeatSeq: conn.lastHeartbeatSeq,
      ...(conn.closedWith ? { closedWith: conn.closedWith } : {}),
    }));
  }

  sessionList(): GatewaySessionInfo[] {
    return [...this.sessions.values()].map((s) => ({ id: s.id, seq: s.seq, intents: s.intents, resumable: s.resumable, connected: Boolean(s.conn?.ws.open) }));
  }

  // ---- sending

  private send(conn: Conn, payload: { op: number; d: unknown; s?: number | null; t?: string | null }): void {
    if (conn.ws.open) conn.ws.sendText(JSON.stringify({ op: payload.op, d: payload.d, s: payload.s ?? null, t: payload.t ?? null }));
  }

  private dispatchTo(session: Session, t: string, d: unknown): DispatchRecord {
    session.seq += 1;
    const s = session.seq;
    session.events.push({ s, t, d });
    const conn = session.conn;
    const sent = Boolean(conn?.ws.open);
    if (conn && sent) this.send(conn, { op: OP.dispatch, t, s, d });
    const record = { sessionId: session.id, s, t, d, sent, at: Date.now() };
    this.dispatches.push(record);
    return record;
  }

  /** Dispatches to every session Discord still keeps (connected, or disconnected but resumable); `build` may skip one. */
  dispatch(t: string, build: (session: { intents: number }) => unknown): DispatchRecord[] {
    const records: DispatchRecord[] = [];
    for (const session of this.sessions.values()) {
      if (!session.resumable) continue;
      const d = build(session);
      if (d !== undefined) records.push(this.dispatchTo(session, t, d));
    }
    return records;
  }

  // ---- receiving

  private onConnection(ws: WsConnection): void {
    const query = Object.fromEntries(new URL(ws.request.url ?? '/', 'ws://fake').searchParams);
    const conn: Conn = { id: this.conns.length + 1, ws, query, withholdAcks: false, heartbeats: 0, lastHeartbeatSeq: null };
    this.conns.push(conn);
    void ws.closed.then(({ code }) => {
      const byServer = conn.serverClose !== undefined;
      conn.closedWith = { ...(code !== undefined ? { code: byServer ? conn.serverClose : code } : {}), byServer };
      const session = conn.session;
      if (!session || session.conn !== conn) return;
      session.conn = undefined;
      // A client closing with 1000/1001 ends its session (Discord's rule); other codes and dropped links keep it.
      if (!byServer && (code === 1000 || code === 1001)) session.resumable = false;
    });
    if (query.v !== '10') {
      void this.closeConn(conn, 4012, 'Invalid API version.');
      return;
    }
    if (query.encoding !== undefined && query.encoding !== 'json') {
      void this.closeConn(conn, 4002, 'Error while decoding payload.');
      return;
    }
    this.send(conn, { op: OP.hello, d: { heartbeat_interval: this.options.heartbeatIntervalMs, _trace: ['["fake-discord-gateway",{"micros":0}]'] } });
  }

  private closeConn(conn: Conn, code: number, reason = ''): Promise<unknown> {
    conn.serverClose = code;
    if (conn.session && SESSION_ENDING_CLOSES.has(code)) conn.session.resumable = false;
    return conn.ws.close(code, reason);
  }

  private onText(conn: Conn, text: string): void {
    let payload: { op?: unknown; d?: unknown };
    try {
      payload = JSON.parse(text) as { op?: unknown; d?: unknown };
    } catch {
      void this.closeConn(conn, 4002, 'Error while decoding payload.');
      return;
    }
    const op = typeof payload.op === 'number' ? payload.op : -1;
    this.received.push({ connection: conn.id, op, d: op === OP.identify || op === OP.resume ? redactToken(payload.d) : payload.d, at: Date.now() });
    switch (op) {
      case OP.heartbeat:
        conn.heartbeats += 1;
        conn.lastHeartbeatSeq = typeof payload.d === 'number' ? payload.d : null;
        if (!conn.withholdAcks) this.send(conn, { op: OP.heartbeatAck, d: null });
        return;
      case OP.identify:
        this.identify(conn, payload.d);
        return;
      case OP.resume:
        this.resume(conn, payload.d);
        return;
      case OP.presence:
      case OP.voiceState:
      case OP.requestMembers:
        if (!conn.session) void this.closeConn(conn, 4003, 'Not authenticated.');
        return;
      default:
        void this.closeConn(conn, 4001, 'Unknown opcode.');
    }
  }

  private identify(conn: Conn, raw: unknown): void {
    const d = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
    this.identifyCount += 1;
    const record: IdentifyRecord = {
      connection: conn.id,
      intents: d.intents,
      ...(d.shard !== undefined ? { shard: d.shard } : {}),
      ...(d.properties !== undefined ? { properties: d.properties } : {}),
      accepted: false,
      at: Date.now(),
    };
    this.identifies.push(record);
    const refuse = (code: number, reason: string) => {
      record.refusedWith = code;
      void this.closeConn(conn, code, reason);
    };
    if (conn.session) return refuse(4005, 'Already authenticated.');
    if (d.token !== this.world.identity.token) return refuse(4004, 'Authentication failed.');
    const intents = d.intents;
    if (typeof intents !== 'number' || !Number.isInteger(intents) || intents < 0) return refuse(4013, 'Invalid intent(s).');
    if (intents & PRIVILEGED_INTENTS & ~this.options.privilegedIntents) return refuse(4014, 'Disallowed intent(s).');
    record.accepted = true;
    const session: Session = { id: randomBytes(16).toString('hex'), seq: 0, intents, events: [], resumable: true, conn };
    this.sessions.set(session.id, session);
    conn.session = session;
    const { identity } = this.world;
    this.dispatchTo(session, 'READY', {
      v: 10,
      user: { ...this.world.botUser, verified: true, mfa_enabled: false, flags: 0, email: null },
      session_id: session.id,
      session_type: 'normal',
      resume_gateway_url: this.url,
      ...(d.shard !== undefined ? { shard: d.shard } : {}),
      application: { id: identity.applicationId, flags: 0 },
      guilds: [{ id: identity.guildId, unavailable: true }],
      private_channels: [],
      relationships: [],
      presences: [],
      guild_join_requests: [],
      user_settings: {},
      geo_ordered_rtc_regions: [],
      _trace: ['["fake-discord-gateway",{"micros":0}]'],
    });
    if (intents & INTENTS.guilds) this.dispatchTo(session, 'GUILD_CREATE', this.world.guildCreate());
  }

  private resume(conn: Conn, raw: unknown): void {
    const d = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
    if (conn.session) {
      void this.closeConn(conn, 4005, 'Already authenticated.');
      return;
    }
    if (d.token !== this.world.identity.token) {
      void this.closeConn(conn, 4004, 'Authentication failed.');
      return;
    }
    const session = typeof d.session_id === 'string' ? this.sessions.get(d.session_id) : undefined;
    const seq = typeof d.seq === 'number' ? d.seq : 0;
    if (!session || !session.resumable || seq > session.seq) {
      this.failedResumeCount += 1;
      this.send(conn, { op: OP.invalidSession, d: false });
      return;
    }
    this.resumeCount += 1;
    const old = session.conn;
    if (old && old !== conn) {
      // Discord drops the older connection of a resumed session.
      old.session = undefined;
      old.ws.destroy();
    }
    conn.session = session;
    session.conn = conn;
    const from = this.replayFrom !== undefined ? Math.min(this.replayFrom, seq + 1) : seq + 1;
    this.replayFrom = undefined;
    for (const event of session.events) {
      // READY and RESUMED belong to their connection; everything else missed (or asked for) is replayed.
      if (event.s >= from && event.t !== 'READY' && event.t !== 'RESUMED') this.send(conn, { op: OP.dispatch, t: event.t, s: event.s, d: event.d });
    }
    this.dispatchTo(session, 'RESUMED', { _trace: ['["fake-discord-gateway",{"micros":0}]'] });
  }

  // ---- controls

  private targets(target: GatewayTarget = {}): Conn[] {
    return this.conns.filter((c) => c.ws.open && (target.sessionId === undefined || c.session?.id === target.sessionId));
  }

  async closeWith(code: number, target: GatewayTarget & { reason?: string } = {}): Promise<void> {
    await Promise.all(this.targets(target).map((conn) => this.closeConn(conn, code, target.reason ?? '')));
  }

  drop(target: GatewayTarget = {}): void {
    for (const conn of this.targets(target)) conn.ws.destroy();
  }

  sendReconnect(target: GatewayTarget = {}): void {
    for (const conn of this.targets(target)) this.send(conn, { op: OP.reconnect, d: null });
  }

  sendInvalidSession(resumable: boolean, target: GatewayTarget = {}): void {
    for (const conn of this.targets(target)) {
      if (!resumable && conn.session) conn.session.resumable = false;
      this.send(conn, { op: OP.invalidSession, d: resumable });
    }
  }

  withholdHeartbeatAcks(withhold: boolean, target: GatewayTarget = {}): void {
    for (const conn of this.targets(target)) conn.withholdAcks = withhold;
  }

  replayOnNextResume(fromSeq: number): void {
    this.replayFrom = fromSeq;
  }

  invalidateSessions(): void {
    for (const session of this.sessions.values()) session.resumable = false;
  }

  async close(): Promise<void> {
    for (const conn of this.conns) conn.ws.destroy();
    await this.server.close();
  }
}

function redactToken(d: unknown): unknown {
  return typeof d === 'object' && d !== null && 'token' in d ? { ...(d as Record<string, unknown>), token: '[redacted]' } : d;
}
