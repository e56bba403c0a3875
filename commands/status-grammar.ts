/** `/recap status <job>`: where a recap job is (the id is shown in its status message). */
import type { ParseOutcome } from './invocation.ts';
import { cut } from './parse-ref.ts';

export const STATUS_USAGE = '/recap status <job>';
const JOB_ID = /^[A-Za-z0-9_-]{22}$/;

export function parseStatus(tokens: readonly string[]): ParseOutcome {
  const fail = (error: string, hint?: string): ParseOutcome => ({ ok: false, error, hint, usage: STATUS_USAGE });
  const [job, ...rest] = tokens;
  if (job === undefined) return fail('Tell me which job.', 'Its id is in the status message of the recap, after "job".');
  if (rest.length > 0) return fail('Ask about one job at a time.', 'Give only the job id.');
  const id = job.replace(/^`|`$/g, '');
  if (!JOB_ID.test(id)) return fail(`"${cut(id, 40)}" is not a job id.`, 'Job ids are 22 letters, digits, - and _, as shown in the status message.');
  return { ok: true, invocation: { name: 'status', job: id } };
}
