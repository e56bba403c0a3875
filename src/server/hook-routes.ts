/**
 * `POST /hooks/<provider>/<job id>`: provider callbacks. The job id (128 random bits) in the path is the first
 * check; AssemblyAI also sends back the job's secret in the header Recap asked for (its custom webhook auth), and a
 * wrong or missing one gets 401 so AssemblyAI stops retrying. A callback is only a hint: it wakes the job's poll,
 * which re-reads the provider (a "completed" the provider does not confirm changes nothing: P-5). Answered at once,
 * before any provider call (P-1, P-7).
 * https://www.assemblyai.com/docs/deployment/webhooks
 */
import { timingSafeEqual } from 'node:crypto';
import { Hono } from 'hono';
import type { ProviderName } from '../domain/media-ref.ts';
import { readChannelHookBody } from '../subscriptions/channel-hook-body.ts';
import type { ChannelHookProvider } from '../subscriptions/channel-hook-store.ts';
import { CALLBACK_AUTH_HEADER } from '../jobs/callbacks.ts';
import type { JobRecord } from '../jobs/job-record.ts';
import type { JobRunner } from '../jobs/job-runner.ts';
import type { JobStore } from '../jobs/job-store.ts';
import type { Logger } from '../log.ts';
import { readBodyText } from './read-body.ts';

/** Providers that call back; SpotMe has no callbacks (its recordings are polled). */
const CALLBACK_PROVIDERS = new Set(['assemblyai', 'memories', 'pictory']);
/** Callback bodies are a few ids and a status. */
const MAX_BODY_BYTES = 64 * 1024;

export interface HookRoutesOptions {
  jobs: JobStore;
  runner: JobRunner;
  log: Logger;
}

const same = (a: string, b: string) => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

/**
 * P-15: the job died between the provider's answer to its start and saving it. The callback names that provider
 * job; it is adopted so the resumed job waits for it instead of starting (and paying for) a second one.
 */
async function adoptOrphan(options: HookRoutesOptions, job: JobRecord, provider: ProviderName, body: string): Promise<void> {
  // Only reached for CALLBACK_PROVIDERS (no job is looked up for others), which are the channel-hook providers.
  const read = readChannelHookBody(provider as ChannelHookProvider, body);
  if (!read.ok) return;
  const providerJobId = read.id;
  await options.jobs.update(job.id, (record) => {
    if (!record.providerJob) record.adopted = { provider, id: providerJobId };
  });
  options.log.info('provider job adopted from its callback', { provider, job: job.id });
}

export function hookRoutes(options: HookRoutesOptions): Hono {
  const routes = new Hono();
  routes.post('/hooks/:provider/:job', async (c) => {
    const provider = c.req.param('provider') as ProviderName;
    const id = c.req.param('job');
    const body = await readBodyText(c.req.raw, MAX_BODY_BYTES);
    if (body === undefined) return c.text('Request body too large.', 413);
    const job = CALLBACK_PROVIDERS.has(provider) ? await options.jobs.get(id) : undefined;
    // P-4, P-8: an unknown job (or provider) ends the provider's retries; nothing is read or run. A job waiting on
    // another provider is unknown here too: without this, `/hooks/pictory/<id>` woke an AssemblyAI job without the
    // auth header AssemblyAI's path requires (found by test/e2e/jobs.test.ts P-8).
    if (!job || (job.providerJob && job.providerJob.provider !== provider)) {
      options.log.info('callback for no known job', { provider });
      return c.text('No such job.', 404);
    }
    if (provider === 'assemblyai' && !same(c.req.header(CALLBACK_AUTH_HEADER) ?? '', job.callbackSecret)) {
      options.log.warn('callback with a wrong auth header refused', { provider, job: id });
      return c.text('Unauthorized.', 401);
    }
    if (job.state === 'pending' && !job.providerJob && job.submitting?.provider === provider) await adoptOrphan(options, job, provider, body);
    if (job.state === 'pending' && !options.runner.wake(id)) {
      // Not waiting here: a replica that died, or this process restarted. Take the job if its lease is free.
      void options.runner.run(id);
    }
    return c.json({ ok: true });
  });
  return routes;
}
