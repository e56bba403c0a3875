/** Parsed commands: what the grammar hands to the command runners. Pure data, no platform types. */
import type { MediaRef, ProviderName } from '../src/domain/media-ref.ts';
import type { Part } from '../src/domain/recap.ts';

export interface RecapInvocation {
  name: 'recap';
  ref: MediaRef;
  want: Part[];
  highlightsSeconds?: number;
  provider?: ProviderName;
  lang?: string;
  glossary?: string;
}

export interface SearchInvocation {
  name: 'search';
  ref: MediaRef;
  words: string[];
  provider?: ProviderName;
  lang?: string;
}

export interface HelpInvocation {
  name: 'help';
  topic?: string;
}

export interface StatusInvocation {
  name: 'status';
  /** A job id, as its status message shows it. */
  job: string;
}

/** What a channel can watch for automatic posts (SpotMe). */
export interface Watch {
  kind: 'session' | 'breakout' | 'workspace';
  id: string;
}

/**
 * Recordings made elsewhere: a secret callback URL a team's own AssemblyAI, Memories.ai or Pictory pipeline calls,
 * each recording then recapped in the channel once.
 */
export interface WebhookWatch {
  kind: 'webhook';
}

export interface SubscribeInvocation {
  name: 'subscribe';
  watch: Watch | WebhookWatch;
  lang?: string;
  glossary?: string;
}

export interface UnsubscribeInvocation {
  name: 'unsubscribe';
  watch: Watch | WebhookWatch;
}

export interface SubscriptionsInvocation {
  name: 'subscriptions';
}

export type Invocation =
  | RecapInvocation
  | SearchInvocation
  | HelpInvocation
  | StatusInvocation
  | SubscribeInvocation
  | UnsubscribeInvocation
  | SubscriptionsInvocation;

/** Commands that become jobs (a status message, then the answer in a thread). */
export type JobInvocation = RecapInvocation | SearchInvocation;

/** Commands answered at once and privately (no job, no status message). */
export type InstantInvocation = Exclude<Invocation, JobInvocation>;
export const isInstant = (invocation: Invocation): invocation is InstantInvocation => invocation.name !== 'recap' && invocation.name !== 'search';

export type ParseOutcome =
  | { ok: true; invocation: Invocation }
  | { ok: false; error: string; hint?: string; usage: string };
