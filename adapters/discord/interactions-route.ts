/**
 * `POST /discord/interactions`: Discord's HTTP alternative to the gateway for interactions. The raw body is read
 * once (1 MiB at most), its Ed25519 signature checked (401 otherwise, as Discord's own probes expect: D-1…D-3), and
 * the initial response returned as the HTTP answer; the work runs after.
 * https://discord.com/developers/docs/interactions/overview#configuring-an-interactions-endpoint-url
 */
import { Hono } from 'hono';
import type { KeyObject } from 'node:crypto';
import { readBodyText } from '../../src/server/read-body.ts';
import type { Logger } from '../../src/log.ts';
import { handleInteraction, type InteractionContext } from './handle-interaction.ts';
import { verifyDiscordSignature } from './verify-interaction.ts';

const MAX_BODY_BYTES = 1024 * 1024;

export interface InteractionsRouteOptions extends InteractionContext {
  publicKey: KeyObject;
  log: Logger;
  /** Runs work after the response, tracked so a stop can wait for it. */
  track(work: () => Promise<void>): void;
}

export function interactionsRoute(options: InteractionsRouteOptions): Hono {
  const routes = new Hono();
  routes.post('/discord/interactions', async (c) => {
    const body = await readBodyText(c.req.raw, MAX_BODY_BYTES);
    if (body === undefined) return c.text('Request body too large.', 413);
    const valid = verifyDiscordSignature(options.publicKey, c.req.header('x-signature-ed25519'), c.req.header('x-signature-timestamp'), body);
    if (!valid) return c.text('Invalid request signature.', 401);
    let payload: unknown;
    try {
      payload = JSON.parse(body);
    } catch {
      return c.text('The body is not JSON.', 400);
    }
    const outcome = await handleInteraction(payload, options);
    if (outcome.work) {
      const work = outcome.work;
      // After the response is written: the work's first edit needs the deferral to exist.
      setImmediate(() => options.track(work));
    }
    return c.json(outcome.response);
  });
  return routes;
}
