/**
 * What a chat platform gives the job runner: for one stored job, a surface that shows its status and delivers its
 * reply, each step recorded in the job's outbox so that a resumed job continues where it stopped.
 */
import type { Reply } from '../domain/reply.ts';
import type { JobStage } from '../domain/job-status.ts';
import type { Logger } from '../log.ts';
import type { JobRecord } from './job-record.ts';

/** The job's record of what it posted: step name → the platform's message (or thread) id. */
export interface Outbox {
  get(step: string): string | undefined;
  /** Saves the step in the stored job before anything else happens. */
  record(step: string, id: string): Promise<void>;
  /**
   * A stable key for the step (25 characters, the same after a restart): platforms that deduplicate by key (Discord's
   * `nonce` with `enforce_nonce`) close the gap between a post and its record in the outbox.
   */
  key(step: string): string;
}

export interface StatusDetail {
  message?: string;
  hint?: string;
  /** The reply went below rather than into a thread (DMs, HTTP-only Discord). */
  below?: boolean;
  /** The job's id, shown while it waits (for `/recap status`). */
  job?: string;
}

export interface DeliverySurface {
  /** Posts the status message the first time (outbox step `status`), edits it after. */
  status(stage: JobStage, source: string, detail?: StatusDetail): Promise<void>;
  /** Posts the reply, skipping steps already in the outbox; says whether it went into a thread. */
  deliver(reply: Exclude<Reply, { kind: 'error' }>, source: string): Promise<{ inThread: boolean }>;
}

export interface Delivery {
  surface(job: JobRecord, outbox: Outbox, log: Logger): DeliverySurface;
  /**
   * The job's work threw: 'give-up' when trying again cannot help (the channel is gone, a permission is missing;
   * the delivery logs where, for an admin), 'retry' otherwise.
   */
  failed?(job: JobRecord, error: unknown, log: Logger): 'retry' | 'give-up';
  /** Runs the job's work in the platform's context (Slack: the workspace's token for file downloads). */
  around?<T>(job: JobRecord, work: () => Promise<T>): Promise<T>;
}
