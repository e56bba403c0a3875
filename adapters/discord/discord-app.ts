/**
 * The Discord adapter: `/recap` and `@Recap …` over the gateway (DISCORD_TOKEN) and/or `/recap` over HTTP
 * interactions (DISCORD_PUBLIC_KEY + DISCORD_APPLICATION_ID, which work without a bot token). Requests are
 * answered at once; the work runs after, tracked so SIGTERM can drain it.
 * https://discord.com/developers/docs/interactions/receiving-and-responding
 */
import type { Hono } from 'hono';
import type { Claims } from '../../src/jobs/claims.ts';
import type { JobRunner } from '../../src/jobs/job-runner.ts';
import type { Locks } from '../../src/jobs/locks.ts';
import type { Logger } from '../../src/log.ts';
import type { Store } from '../../src/store.ts';
import type { ForegroundGate } from '../../src/jobs/foreground-first.ts';
import { createDiscordGateway, type DiscordGateway } from './gateway.ts';
import { discordDelivery } from './conversation.ts';
import { handleInteraction } from './handle-interaction.ts';
import { handleMessage } from './handle-message.ts';
import { interactionsRoute } from './interactions-route.ts';
import { createDiscordPoster, createDiscordRest, type DiscordPoster } from './rest-poster.ts';
import { discordPublicKey } from './verify-interaction.ts';

export interface DiscordAdapterOptions {
  token?: string;
  publicKey?: string;
  apiUrl?: string;
  /** Runs recaps as stored jobs; the adapter registers Discord's delivery with it. */
  runner: JobRunner;
  claims: Claims;
  store: Store;
  log: Logger;
  /** With Redis: one replica holds the gateway (a lease). */
  locks?: Locks;
  leaseTtlMs?: number;
  /** A gateway event is in flight until answered, so jobs starting meanwhile wait their turn (foreground-first.ts). */
  foreground?: ForegroundGate;
}

export interface DiscordAdapter {
  /** `/discord/interactions`, when a public key is configured. */
  routes?: Hono;
  gateway?: DiscordGateway;
  poster: DiscordPoster;
  start(): Promise<void>;
  /** Waits for in-flight recaps, then disconnects. */
  stop(): Promise<void>;
}

export function createDiscordAdapter(options: DiscordAdapterOptions): DiscordAdapter {
  const { log, claims, runner } = options;
  const inFlight = new Set<Promise<unknown>>();
  const track = (work: () => Promise<unknown>) => {
    const tracked = Promise.resolve()
      .then(work)
      .catch((error: unknown) => log.error('discord conversation failed', { error }))
      .finally(() => inFlight.delete(tracked));
    inFlight.add(tracked);
  };

  let gateway: DiscordGateway | undefined;
  if (options.token) {
    gateway = createDiscordGateway({
      token: options.token,
      ...(options.apiUrl ? { apiUrl: options.apiUrl } : {}),
      store: options.store,
      log,
      ...(options.locks ? { locks: options.locks } : {}),
      ...(options.leaseTtlMs ? { leaseTtlMs: options.leaseTtlMs } : {}),
      onDispatch: (type, data) => track(() => (type === 'MESSAGE_CREATE' ? onMessage(data) : onInteraction(data))),
    });
  }
  const rest = gateway?.rest ?? createDiscordRest({ ...(options.apiUrl ? { apiUrl: options.apiUrl } : {}) });
  const poster = createDiscordPoster({ rest, ...(options.token ? { token: options.token } : {}) });
  runner.register('discord', discordDelivery(poster));
  const context = { poster, runner, claims, log };

  // Over HTTP the server marks the request in flight; over the gateway, from the event until its answer is sent.
  const answering = <T>(work: () => Promise<T>): Promise<T> => (options.foreground ? options.foreground.during(work) : work());

  async function onMessage(data: unknown): Promise<void> {
    const work = await answering(async () => handleMessage(data, { ...context, botUserId: await gateway!.botUserId() }));
    await work?.();
  }

  async function onInteraction(data: unknown): Promise<void> {
    const outcome = await answering(async () => {
      const answer = await handleInteraction(data, context);
      const { id, token } = data as { id: string; token: string };
      await poster.respond(id, token, answer.response);
      return answer;
    });
    await outcome.work?.();
  }

  const routes = options.publicKey
    ? interactionsRoute({ ...context, publicKey: discordPublicKey(options.publicKey), track: (work) => track(work) })
    : undefined;

  return {
    ...(routes ? { routes } : {}),
    ...(gateway ? { gateway } : {}),
    poster,
    start: async () => {
      await gateway?.start();
    },
    stop: async () => {
      await Promise.allSettled([...inFlight]);
      await gateway?.stop();
    },
  };
}
