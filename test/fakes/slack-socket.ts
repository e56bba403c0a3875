/**
 * A fake Socket Mode server (https://docs.slack.dev/apis/events-api/using-socket-mode) beside the fake Slack
 * (`slack.ts`), for driving Bolt's real SocketModeReceiver (`@slack/socket-mode`, undici WebSocket) on 127.0.0.1.
 *
 * - The fake Slack's `apps.connections.open` is made to answer with this server's URL, one single-use ticket per call
 *   (`ws://127.0.0.1:PORT/link/?ticket=N`): the fake arms answers through the harness's `inject`, so the k-th call
 *   gets ticket k. At the upgrade, the token of the call that got the ticket is checked as Slack checks it: missing →
 *   `not_authed`, an `xox…` token → `not_allowed_token_type`, anything but the app token → `invalid_auth`. A refused
 *   upgrade answers HTTP 401 and is kept in {@link SlackSocketFake.refusals} (Slack would refuse at
 *   apps.connections.open already; the fake Slack's own check is skipped by the injected answer). Faults injected
 *   afterwards for apps.connections.open come after the armed answers and do not apply.
 * - Each connection is greeted with `{"type":"hello"}` at once. Tests push envelopes to the newest open connection:
 *   {@link SlackSocketFake.pushEvent} (`events_api`), {@link SlackSocketFake.pushSlashCommand} (`slash_commands`),
 *   {@link SlackSocketFake.pushShortcut} (`interactive`, a message shortcut), {@link SlackSocketFake.push} (any
 *   envelope again, e.g. a re-delivery) and {@link SlackSocketFake.retry} (a retry: new envelope id, same event).
 * - Acknowledgements `{envelope_id, payload}` are recorded in {@link SlackSocketFake.acks} (a slash command's payload is
 *   its ephemeral answer); other messages from the client in {@link SlackSocketFake.received}.
 * - {@link SlackSocketFake.disconnect} sends `{"type":"disconnect","reason":"refresh_requested"}` (the client closes
 *   and reconnects); {@link SlackSocketFake.drop} ends the TCP connection without a close frame.
 * - `@slack/socket-mode` waits `clientPingTimeout` (5 s by default, not settable through Bolt's App) before it
 *   reconnects; wait with {@link SlackSocketFake.waitForConnection}.
 */
import type { IncomingMessage } from 'node:http';
import { randomBytes } from 'node:crypto';
import type { SlackFake } from './slack.ts';
import { parseArgs, tokenOf } from './slack/args.ts';
import { startWsServer, type WsClosed, type WsConnection } from './slack-socket/ws-server.ts';

export const SLACK_FAKE_APP_TOKEN = 'xapp-1-ARECAP-0000-fakeapptoken';

/** How many apps.connections.open answers are kept armed ahead. */
const ARMED_AHEAD = 50;

export type EnvelopeType = 'events_api' | 'slash_commands' | 'interactive';

export interface SocketEnvelope {
  envelope_id: string;
  type: EnvelopeType;
  payload: Record<string, unknown>;
  accepts_response_payload: boolean;
  retry_attempt?: number;
  retry_reason?: string;
}

export interface SocketAck {
  envelopeId: string;
  /** What the client acknowledged with (`{}` for a bare ack). */
  payload: Record<string, unknown> | undefined;
  /** The connection it came over ({@link SocketConnectionInfo.id}). */
  connection: number;
}

export interface SocketConnectionInfo {
  /** 1, 2, … in connection order. */
  id: number;
  ticket: number;
  token: string;
  /** Envelopes pushed over this connection. */
  pushed: SocketEnvelope[];
  readonly open: boolean;
  /** How it ended, once it has. */
  closedWith?: WsClosed;
  /** Resolves when the TCP connection is gone. */
  closed: Promise<WsClosed>;
}

export interface SocketRefusal {
  ticket: string;
  error: string;
}

export interface SlackSocketFakeOptions {
  appToken?: string;
}

export interface SlackSocketFake {
  appToken: string;
  /** `ws://127.0.0.1:PORT`. */
  url: string;
  /** apps.connections.open calls so far (armed answers are handed out in this order). */
  opens(): number;
  /** Every accepted connection, oldest first. */
  connections: SocketConnectionInfo[];
  /** The newest connection if it is still open. */
  current(): SocketConnectionInfo | undefined;
  /** Resolves with connection `id` (default: the next one) once it is open and greeted. */
  waitForConnection(id?: number, timeoutMs?: number): Promise<SocketConnectionInfo>;
  refusals: SocketRefusal[];
  pushEvent(event: Record<string, unknown>, options?: { eventId?: string; teamId?: string; envelopeId?: string }): SocketEnvelope;
  /** A slash command with Slack's fields (all strings); `command` defaults to `/recap`, `text` to ''. */
  pushSlashCommand(fields?: Record<string, string>): SocketEnvelope;
  /** A message shortcut (`message_action`, callback_id `recap_this` unless given), merged over defaults. */
  pushShortcut(payload?: Record<string, unknown>): SocketEnvelope;
  /** Sends an envelope as it is (the same envelope again is a re-delivery). */
  push(envelope: SocketEnvelope): SocketEnvelope;
  /** Slack's retry of an unacknowledged envelope: a new envelope id, the same payload, `retry_attempt` + 1. */
  retry(envelope: SocketEnvelope, reason?: string): SocketEnvelope;
  acks: SocketAck[];
  acksFor(envelopeId: string): SocketAck[];
  waitForAck(envelopeId: string, timeoutMs?: number): Promise<SocketAck>;
  /** Non-ack messages from the client. */
  received: unknown[];
  /** `{"type":"disconnect","reason":…}` to the current connection. */
  disconnect(reason?: 'refresh_requested' | 'warning' | 'link_disabled'): void;
  /** Ends the current connection's TCP connection without a close frame. */
  drop(): void;
  close(): Promise<void>;
}

async function until<T>(read: () => T | undefined, what: string, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = read();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Starts the Socket Mode server and points `slack`'s apps.connections.open at it. Close it before `slack`. */
export async function startSlackSocketFake(slack: SlackFake, options: SlackSocketFakeOptions = {}): Promise<SlackSocketFake> {
  const appToken = options.appToken ?? SLACK_FAKE_APP_TOKEN;
  const openPath = /^\/api\/apps\.connections\.open$/;
  const connections: SocketConnectionInfo[] = [];
  const sockets = new Map<number, WsConnection>();
  const acks: SocketAck[] = [];
  const received: unknown[] = [];
  const refusals: SocketRefusal[] = [];
  const usedTickets = new Set<number>();
  const secret = randomBytes(6).toString('hex');
  let armed = 0;
  let counter = 0;
  const nextId = (prefix: string) => `${prefix}${Date.now().toString(36)}${(++counter).toString(36).padStart(4, '0')}`;

  const openCalls = () => slack.requests.filter((r) => r.method === 'POST' && openPath.test(r.path));

  /** The token of the apps.connections.open call that was handed `ticket`, and Slack's verdict on it. */
  const verdict = (ticket: number): { token: string } | { error: string } => {
    const call = openCalls()[ticket - 1];
    if (!call) return { error: 'invalid_ticket' };
    const token = tokenOf(call.headers.authorization, parseArgs(call.headers['content-type'], call.body, call.query));
    if (!token) return { error: 'not_authed' };
    if (token.startsWith('xox')) return { error: 'not_allowed_token_type' };
    if (token !== appToken) return { error: 'invalid_auth' };
    return { token };
  };

  const parseTicket = (request: IncomingMessage): number | undefined => {
    const url = new URL(request.url ?? '/', 'ws://127.0.0.1');
    if (url.pathname !== `/link/${secret}/`) return undefined;
    const ticket = Number(url.searchParams.get('ticket'));
    return Number.isInteger(ticket) && ticket > 0 ? ticket : undefined;
  };

  const server = await startWsServer({
    refuse: (request) => {
      const ticket = parseTicket(request);
      const refuse = (error: string) => {
        refusals.push({ ticket: String(ticket ?? request.url), error });
        return { status: 401, text: JSON.stringify({ ok: false, error }) };
      };
      if (ticket === undefined) return refuse('invalid_ticket');
      if (usedTickets.has(ticket)) return refuse('ticket_already_used');
      const answer = verdict(ticket);
      if ('error' in answer) return refuse(answer.error);
      return undefined;
    },
    onConnection: (ws) => {
      const ticket = parseTicket(ws.request)!;
      usedTickets.add(ticket);
      const info: SocketConnectionInfo = {
        id: connections.length + 1,
        ticket,
        token: appToken,
        pushed: [],
        get open() {
          return ws.open;
        },
        closed: ws.closed,
      };
      void ws.closed.then((how) => {
        info.closedWith = how;
      });
      connections.push(info);
      sockets.set(info.id, ws);
      arm();
      ws.sendText(
        JSON.stringify({
          type: 'hello',
          num_connections: connections.filter((c) => c.open).length,
          debug_info: { host: `applink-fake-${info.id}`, build_number: 1, approximate_connection_time: 18060 },
          connection_info: { app_id: 'ARECAP' },
        }),
      );
    },
    onText: (ws, text) => {
      const id = [...sockets].find(([, s]) => s === ws)?.[0] ?? 0;
      let message: unknown;
      try {
        message = JSON.parse(text);
      } catch {
        received.push(text);
        return;
      }
      const m = message as { envelope_id?: unknown; payload?: unknown };
      if (typeof m.envelope_id === 'string') {
        acks.push({ envelopeId: m.envelope_id, payload: m.payload as Record<string, unknown> | undefined, connection: id });
      } else received.push(message);
    },
  });

  /** Keeps ARMED_AHEAD answers queued beyond the calls made so far; the k-th call takes ticket k. */
  function arm(): void {
    while (armed < openCalls().length + ARMED_AHEAD) {
      armed += 1;
      slack.inject({
        method: 'POST',
        path: openPath,
        times: 1,
        fault: { kind: 'body', body: { ok: true, url: `${server.url}/link/${secret}/?ticket=${armed}` } },
      });
    }
  }
  arm();

  const current = () => {
    const last = connections[connections.length - 1];
    return last?.open ? last : undefined;
  };
  const send = (message: unknown) => {
    const connection = current();
    if (!connection) throw new Error('no open Socket Mode connection');
    sockets.get(connection.id)!.sendText(JSON.stringify(message));
    return connection;
  };
  const push = (envelope: SocketEnvelope) => {
    send(envelope).pushed.push(envelope);
    return envelope;
  };

  return {
    appToken,
    url: server.url,
    opens: () => openCalls().length,
    connections,
    current,
    waitForConnection: (id = connections.length + 1, timeoutMs = 10_000) =>
      until(() => {
        const connection = connections[id - 1];
        return connection?.open ? connection : undefined;
      }, `Socket Mode connection ${id}`, timeoutMs),
    refusals,
    pushEvent: (event, eventOptions = {}) => {
      const teamId = eventOptions.teamId ?? slack.teamId;
      return push({
        envelope_id: eventOptions.envelopeId ?? nextId('env-'),
        type: 'events_api',
        accepts_response_payload: false,
        retry_attempt: 0,
        retry_reason: '',
        payload: {
          token: 'verification-token-unused',
          team_id: teamId,
          context_team_id: teamId,
          api_app_id: 'ARECAP',
          event,
          type: 'event_callback',
          event_id: eventOptions.eventId ?? nextId('Ev'),
          event_time: Math.floor(Date.now() / 1000),
          authorizations: [{ enterprise_id: null, team_id: teamId, user_id: slack.botUserId, is_bot: true, is_enterprise_install: false }],
          is_ext_shared_channel: false,
          event_context: nextId('4-'),
        },
      });
    },
    pushSlashCommand: (fields = {}) =>
      push({
        envelope_id: nextId('env-'),
        type: 'slash_commands',
        accepts_response_payload: true,
        payload: {
          token: 'verification-token-unused',
          team_id: slack.teamId,
          team_domain: 'fake-team',
          channel_id: 'C1',
          channel_name: 'general',
          user_id: 'U1',
          user_name: 'ana',
          command: '/recap',
          text: '',
          api_app_id: 'ARECAP',
          is_enterprise_install: 'false',
          response_url: slack.responseUrl(nextId('socket-cmd-')),
          trigger_id: nextId('trigger-'),
          ...fields,
        },
      }),
    pushShortcut: (payload = {}) =>
      push({
        envelope_id: nextId('env-'),
        type: 'interactive',
        accepts_response_payload: false,
        payload: {
          type: 'message_action',
          token: 'verification-token-unused',
          action_ts: `${Date.now() / 1000}`,
          team: { id: slack.teamId, domain: 'fake-team' },
          user: { id: 'U1', username: 'ana', team_id: slack.teamId, name: 'ana' },
          channel: { id: 'C1', name: 'general' },
          is_enterprise_install: false,
          enterprise: null,
          callback_id: 'recap_this',
          trigger_id: nextId('trigger-'),
          response_url: slack.responseUrl(nextId('socket-shortcut-')),
          message_ts: '1700000000.000100',
          message: { type: 'message', user: 'U1', ts: '1700000000.000100', text: '' },
          ...payload,
        },
      }),
    push,
    retry: (envelope, reason = 'timeout') =>
      push({ ...envelope, envelope_id: nextId('env-'), retry_attempt: (envelope.retry_attempt ?? 0) + 1, retry_reason: reason }),
    acks,
    acksFor: (envelopeId) => acks.filter((a) => a.envelopeId === envelopeId),
    waitForAck: (envelopeId, timeoutMs = 5000) => until(() => acks.find((a) => a.envelopeId === envelopeId), `the ack of ${envelopeId}`, timeoutMs),
    received,
    disconnect: (reason = 'refresh_requested') => {
      send({ type: 'disconnect', reason, debug_info: { host: `applink-fake-${connections.length}` } });
    },
    drop: () => {
      const connection = current();
      if (!connection) throw new Error('no open Socket Mode connection');
      sockets.get(connection.id)!.destroy();
    },
    close: () => server.close(),
  };
}
