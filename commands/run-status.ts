/** Runs `/recap status <job>`: what the job is, where it stands, and what happens next. */
import type { TextReply } from '../src/domain/reply.ts';
import { RecapError } from '../src/errors.ts';
import type { JobRecord } from '../src/jobs/job-record.ts';
import { providerLabel } from '../src/sources/provider-required.ts';
import type { CommandDeps } from './deps.ts';
import type { StatusInvocation } from './invocation.ts';
import { refLabel } from './ref-label.ts';

const ago = (ms: number): string => {
  const minutes = Math.round(ms / 60_000);
  if (minutes < 1) return 'just now';
  if (minutes < 120) return `${minutes} min ago`;
  return `${Math.round(minutes / 60)} h ago`;
};

const within = (ms: number): string => (ms <= 60_000 ? 'within a minute' : ms < 2 * 3600_000 ? `in ${Math.round(ms / 60_000)} min` : `in ${Math.round(ms / 3600_000)} h`);

export function describeJob(job: JobRecord, now: number): string {
  const what = `${job.invocation.name === 'search' ? 'Searching' : 'Recapping'} ${refLabel(job.invocation.ref)}`;
  const lines = [`Job ${job.id}: ${what}, asked ${ago(now - job.createdAt)}.`];
  const provider = job.providerJob ? `${providerLabel(job.providerJob.provider)} job ${job.providerJob.id}` : undefined;
  if (job.state === 'done') lines.push('Done: the recap is in its thread.');
  else if (job.state === 'failed') lines.push(`Failed: ${job.error?.message ?? 'it could not be finished'}${job.error?.hint ? ` ${job.error.hint}` : ''}`);
  else {
    lines.push(`In progress${job.stage ? ` — ${job.stage}` : ''}${provider ? ` (${provider})` : ''}.`);
    lines.push(`Recap waits for it until ${new Date(job.deadlineAt).toISOString().slice(0, 16).replace('T', ' ')} UTC (${within(job.deadlineAt - now)}), then says so in the thread.`);
  }
  return lines.join('\n');
}

export async function runStatus(invocation: StatusInvocation, deps: CommandDeps): Promise<TextReply> {
  if (!deps.jobStatus) throw new RecapError('unsupported', 'Jobs live in the Recap server.', { hint: 'Ask /recap status in Slack or Discord, where the job was started.' });
  const job = await deps.jobStatus(invocation.job);
  if (!job) throw new RecapError('not_found', `No job ${invocation.job}.`, { hint: 'Check the id in the status message; finished jobs are kept for a week.' });
  return { kind: 'text', text: describeJob(job, Date.now()) };
}
