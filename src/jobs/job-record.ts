/**
 * A job: one request for a recap (or search), stored before any provider is called, so that it survives restarts
 * and crashes and any replica can finish it. Everything in it is plain JSON.
 */
import { randomBytes } from 'node:crypto';
import type { JobInvocation } from '../../commands/invocation.ts';
import type { Stage } from '../providers/wait-for-job.ts';
import type { ProviderName } from '../domain/media-ref.ts';
import type { ProviderJob } from '../providers/provider.ts';

/** Where the answer goes: the platform's own fields, read back by that platform's delivery (see job-runner.ts). */
export interface ReplyTarget {
  /** Which delivery (job-runner.ts `register`) posts the answer; the other fields are that platform's, plain JSON. */
  platform: string;
}

export type JobState = 'pending' | 'done' | 'failed';

export interface JobRecord {
  /** 128 random bits (base64url): the job's name in the store, in `/recap status`, and in callback URLs. */
  id: string;
  createdAt: number;
  /** When waiting for a provider gives up, with a message to the user. */
  deadlineAt: number;
  invocation: JobInvocation;
  target: ReplyTarget;
  state: JobState;
  /** The provider's stage, for `/recap status`. */
  stage?: Stage;
  /** The provider job, saved the moment it exists: a restart waits for it instead of starting another. */
  providerJob?: ProviderJob;
  /**
   * Set just before a provider job is started (P-15). A job found with this and no `providerJob` died between the
   * provider's answer and saving it: that provider job may exist, and only its callback can name it.
   */
  submitting?: { provider: ProviderName; at: number };
  /** The provider job such a callback named (P-15): waited for instead of starting another. */
  adopted?: { provider: ProviderName; id: string };
  /**
   * The outbox: what has been posted, step by step (`status`, `thread`, `reply:0`, …) with the platform's message
   * id, so a restart neither posts a step twice nor forgets one.
   */
  posted: Record<string, string>;
  /** What a provider must send back in its callback's auth header (AssemblyAI), 128 random bits. */
  callbackSecret: string;
  /** Runs that ended in an error (see job-runner.ts `failed`). */
  attempts?: number;
  /** For a failed job: what the user was told. */
  error?: { message: string; hint?: string };
  updatedAt: number;
}

/** 16 random bytes: 128 bits, 22 base64url characters. */
export function newJobId(): string {
  return randomBytes(16).toString('base64url');
}

export const JOB_ID_PATTERN = /^[A-Za-z0-9_-]{22}$/;
