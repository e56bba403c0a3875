/**
 * A job delivery for tests of the job machinery itself (callbacks, crashes, deadlines): it keeps the outbox as a
 * platform's would (each step recorded once) and lists the jobs that got a reply. The platforms' own deliveries are
 * tested in the Slack and Discord end-to-end tests.
 */
import type { JobRunner } from '../../src/jobs/job-runner.ts';

/** Registers the `test` platform on `runner`; the returned list holds a job's id once per reply it got. */
export function recordReplies(runner: JobRunner): string[] {
  const replies: string[] = [];
  runner.register('test', {
    surface: (job, outbox) => ({
      status: async () => {
        if (!outbox.get('status')) await outbox.record('status', 'S');
      },
      deliver: async () => {
        if (!outbox.get('reply:0')) {
          replies.push(job.id);
          await outbox.record('reply:0', 'R');
        }
        return { inThread: true };
      },
    }),
  });
  return replies;
}
