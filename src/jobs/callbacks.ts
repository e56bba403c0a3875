/**
 * Where a job's provider calls back: `PUBLIC_URL/hooks/<provider>/<job id>`, and for AssemblyAI the job's secret
 * in a custom header it sends back (https://www.assemblyai.com/docs/deployment/webhooks#authenticate-webhook-deliveries).
 * SpotMe has no callbacks: its jobs are polled.
 */
import type { ProviderName } from '../domain/media-ref.ts';
import type { ProviderRequest } from '../providers/provider.ts';
import type { JobRecord } from './job-record.ts';

/** The header AssemblyAI echoes back (`webhook_auth_header_name`). */
export const CALLBACK_AUTH_HEADER = 'X-Recap-Callback-Auth';

export function providerCallback(publicUrl: string, job: JobRecord, provider: ProviderName): ProviderRequest['callback'] {
  if (provider === 'spotme' || provider === 'local') return undefined;
  const url = `${publicUrl}/hooks/${provider}/${job.id}`;
  return provider === 'assemblyai' ? { url, authHeader: { name: CALLBACK_AUTH_HEADER, value: job.callbackSecret } } : { url };
}
