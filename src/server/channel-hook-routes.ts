/**
 * `POST /hooks/<provider>/channel/<token>`: callbacks from a team's own pipeline, pointed at a channel's webhook
 * (`/recap subscribe webhook`). Checks in order: the provider is one this Recap reads (else 404), the token is the
 * channel's current one (else 404: unknown and rotated tokens look the same), AssemblyAI's auth header matches
 * (else 401, which also stops AssemblyAI's retries), the body names a job (else 400). Then the recording's recap
 * job is stored once (channel-hook-jobs.ts) and the answer is 200 at once, before any provider call: AssemblyAI
 * wants a 2xx within 10 s. A callback saying the job failed still makes a job, so the channel sees the failure once.
 * Memories.ai and Pictory do not sign callbacks: for them the URL's token is the only proof.
 * https://www.assemblyai.com/docs/deployment/webhooks
 */
import { Hono, type Context } from 'hono';
import { CALLBACK_AUTH_HEADER } from '../jobs/callbacks.ts';
import type { Logger } from '../log.ts';
import { readChannelHookBody } from '../subscriptions/channel-hook-body.ts';
import { startChannelHookJob, type ChannelHookJobsOptions } from '../subscriptions/channel-hook-jobs.ts';
import { channelHookAuthMatches, type ChannelHookProvider, type ChannelHookStore } from '../subscriptions/channel-hook-store.ts';
import { readBodyText } from './read-body.ts';

/** Callback bodies are a few ids and a status. */
const MAX_BODY_BYTES = 64 * 1024;

export interface ChannelHookRoutesOptions extends ChannelHookJobsOptions {
  store: ChannelHookStore;
  /** The configured providers among AssemblyAI, Memories.ai and Pictory: the only ones whose jobs Recap can read. */
  providers: readonly ChannelHookProvider[];
  log: Logger;
}

export function channelHookRoutes(options: ChannelHookRoutesOptions): Hono {
  const routes = new Hono();
  const { log } = options;
  routes.post('/hooks/:provider/channel/:token', async (c) => {
    try {
      return await handle(c);
    } catch (error) {
      // Logged here rather than by the app's error handler, which names the path: the path holds the secret token.
      log.error('channel webhook callback failed; the provider will retry', { error, provider: c.req.param('provider').slice(0, 20) });
      return c.text('Internal error.', 500);
    }
  });

  async function handle(c: Context): Promise<Response> {
    const body = await readBodyText(c.req.raw, MAX_BODY_BYTES);
    if (body === undefined) return c.text('Request body too large.', 413);
    const provider = options.providers.find((p) => p === c.req.param('provider'));
    const hook = provider ? await options.store.byToken(c.req.param('token') ?? '') : undefined;
    if (!provider || !hook) {
      log.info('channel webhook callback for no known webhook', { provider: (c.req.param('provider') ?? '').slice(0, 20) });
      return c.text('No such webhook.', 404);
    }
    if (provider === 'assemblyai' && !channelHookAuthMatches(hook, c.req.header(CALLBACK_AUTH_HEADER))) {
      log.warn('channel webhook callback with a wrong auth header refused', { provider, channel: hook.channelKey });
      return c.text('Unauthorized.', 401);
    }
    const parsed = readChannelHookBody(provider, body);
    if (!parsed.ok) {
      log.info('channel webhook callback without a job', { provider, channel: hook.channelKey, reason: parsed.reason });
      return c.text(parsed.reason, 400);
    }
    const { id, created } = await startChannelHookJob(options, hook, provider, parsed.id, parsed.ref);
    if (created) log.info('channel webhook recap started', { job: id, channel: hook.channelKey, provider, providerJob: parsed.id, status: parsed.status });
    return c.json({ ok: true });
  }
  return routes;
}
