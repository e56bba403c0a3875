/**
 * Recap's Discord gateway connection: a discord.js client (https://discord.js.org) used for its connection
 * handling (heartbeats, zombie detection, RESUME, re-identify backoff, REST rate limits) while Recap reads the raw
 * MESSAGE_CREATE and INTERACTION_CREATE dispatches itself, so it needs no cache and no privileged intent.
 *
 * Two things discord.js leaves to the application:
 * - Session persistence (D-14): the gateway session (id, sequence, resume URL) is kept in the store, so a restarted
 *   process RESUMEs (Discord replays what it missed; claims drop what was already handled) instead of spending an
 *   IDENTIFY from the daily budget. A planned stop closes with a resumable code for the same reason.
 * - One connection across replicas (D-15): with Redis, a lease (`SET NX PX`, renewed) decides which replica holds
 *   the gateway; the others wait and take over, resuming the same session, when the holder stops renewing.
 * https://discord.com/developers/docs/events/gateway#resuming
 */
import { Client, Events, GatewayIntentBits, SimpleShardingStrategy, type SessionInfo, type REST } from 'discord.js';
import type { Locks } from '../../src/jobs/locks.ts';
import { lockOwner } from '../../src/jobs/locks.ts';
import type { Logger } from '../../src/log.ts';
import type { Store } from '../../src/store.ts';
import { createDiscordRest } from './rest-poster.ts';

/** Dispatches Recap acts on. */
export type RecapDispatch = 'MESSAGE_CREATE' | 'INTERACTION_CREATE';
const HANDLED = new Set<string>(['MESSAGE_CREATE', 'INTERACTION_CREATE']);
/** Close code for a planned disconnect that keeps the session resumable (anything but 1000/1001). */
const RESUMABLE_CLOSE = 4200;
const SESSION_KEY = 'discord:gateway-session';
const LEASE_KEY = 'discord:gateway';
/** The sequence number changes with every event; storing it at most this often is enough (claims catch replays). */
const SEQUENCE_SAVE_MS = 500;

export interface DiscordGatewayOptions {
  token: string;
  /** REST base (DISCORD_API_URL); the gateway URL comes from its GET /gateway/bot. */
  apiUrl?: string;
  store: Store;
  log: Logger;
  onDispatch(type: RecapDispatch, data: unknown): void;
  /** With Redis: only the lease holder connects. Absent: this process always connects. */
  locks?: Locks;
  /** Lease lifetime; renewed every third of it. Default 30 s. */
  leaseTtlMs?: number;
}

export interface DiscordGateway {
  /** The REST client the gateway's client uses (one rate-limit state for everything Recap sends). */
  rest: REST;
  /** The bot's user id, from READY or GET /users/@me. */
  botUserId(): Promise<string>;
  /** Connects now (no lease), or starts waiting for the lease in the background. */
  start(): Promise<void>;
  /** True while this process holds the gateway. */
  connected(): boolean;
  /** Disconnects (resumably) and gives up the lease. */
  stop(): Promise<void>;
}

export function createDiscordGateway(options: DiscordGatewayOptions): DiscordGateway {
  const { store, log, locks } = options;
  const leaseTtlMs = options.leaseTtlMs ?? 30_000;
  const owner = lockOwner();
  let client: Client | undefined;
  let stopped = false;
  let botId: string | undefined;
  let saveTimer: NodeJS.Timeout | undefined;
  let pendingSave: SessionInfo | null | undefined;
  let leaseTimer: NodeJS.Timeout | undefined;
  /** Set while closing on purpose, when discord.js clears the session it would otherwise resume. */
  let stopping = false;

  const newClient = () =>
    new Client({
      intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.DirectMessages],
      ws: { buildStrategy: (manager) => {
        // discord.js keeps the session in memory only; keep it in the store too (see the file comment).
        const memory = { retrieve: manager.options.retrieveSessionInfo, update: manager.options.updateSessionInfo };
        manager.options.retrieveSessionInfo = async (shardId) => (await memory.retrieve(shardId)) ?? ((await store.get(`${SESSION_KEY}:${shardId}`)) as SessionInfo | undefined) ?? null;
        manager.options.updateSessionInfo = async (shardId, info) => {
          await memory.update(shardId, info);
          saveSession(shardId, info);
        };
        return new SimpleShardingStrategy(manager);
      } },
    });
  // One REST client for the gateway's calls and every message Recap sends: one rate-limit state (D-8).
  const rest = createDiscordRest({ token: options.token, ...(options.apiUrl ? { apiUrl: options.apiUrl } : {}) });

  function saveSession(shardId: number, info: SessionInfo | null) {
    // A planned stop closes resumably: keep the stored session for the next holder.
    if (stopping && info === null) return;
    const write = (value: SessionInfo | null) =>
      (value ? store.set(`${SESSION_KEY}:${shardId}`, value) : store.delete(`${SESSION_KEY}:${shardId}`)).catch((error: unknown) =>
        log.warn('discord session not saved', { error }),
      );
    pendingSave = info;
    if (saveTimer) return;
    void write(info);
    pendingSave = undefined;
    saveTimer = setTimeout(() => {
      saveTimer = undefined;
      if (pendingSave !== undefined) {
        const latest = pendingSave;
        pendingSave = undefined;
        void write(latest);
      }
    }, SEQUENCE_SAVE_MS);
    saveTimer.unref();
  }
  async function connect(): Promise<void> {
    const c = newClient();
    c.rest = rest;
    client = c;
    c.on(Events.Raw, (packet: { t?: string; d?: unknown }) => {
      if (packet.t === 'READY') botId = (packet.d as { user?: { id?: string } }).user?.id ?? botId;
      else if (packet.t && HANDLED.has(packet.t)) options.onDispatch(packet.t as RecapDispatch, packet.d);
    });
    c.on(Events.Error, (error) => log.error('discord client error', { error }));
    c.on(Events.ShardDisconnect, (event) => log.warn('discord gateway closed and will not reconnect', { code: event.code }));
    await c.login(options.token);
    log.info('discord gateway connected');
  }

  async function disconnect(): Promise<void> {
    const c = client;
    client = undefined;
    if (!c) return;
    stopping = true;
    try {
      // discord.js's destroy() closes with 1000, which ends the session; close resumably first.
      const manager = (c.ws as unknown as { _ws?: { destroy(options: { code: number; reason: string }): Promise<void> } })._ws;
      await manager?.destroy({ code: RESUMABLE_CLOSE, reason: 'Recap is restarting' });
      await c.destroy();
    } finally {
      stopping = false;
    }
    if (saveTimer) {
      clearTimeout(saveTimer);
      saveTimer = undefined;
      if (pendingSave) await store.set(`${SESSION_KEY}:0`, pendingSave).catch(() => undefined);
      pendingSave = undefined;
    }
  }

  async function leaseLoop(): Promise<void> {
    if (stopped || !locks) return;
    try {
      if (client) {
        if (!(await locks.renew(LEASE_KEY, owner, leaseTtlMs))) {
          log.warn('discord gateway lease lost; disconnecting');
          await disconnect();
        }
      } else if (await locks.acquire(LEASE_KEY, owner, leaseTtlMs)) {
        log.info('discord gateway lease taken');
        await connect();
      }
    } catch (error) {
      log.error('discord gateway lease failed', { error });
    }
    if (!stopped) {
      leaseTimer = setTimeout(() => void leaseLoop(), leaseTtlMs / 3);
      leaseTimer.unref();
    }
  }

  return {
    rest,
    async botUserId() {
      botId ??= ((await rest.get('/users/@me')) as { id: string }).id;
      return botId;
    },
    async start() {
      stopped = false;
      if (locks) await leaseLoop();
      else await connect();
    },
    connected: () => client !== undefined,
    async stop() {
      stopped = true;
      if (leaseTimer) clearTimeout(leaseTimer);
      await disconnect();
      if (locks) await locks.release(LEASE_KEY, owner).catch((error: unknown) => log.warn('discord gateway lease not released', { error }));
    },
  };
}
