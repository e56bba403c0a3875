/** What command runners need from the rest of Recap, passed in so tests and surfaces can choose. */
import type { CaptionLink } from '../src/captions/caption-links.ts';
import type { MediaRef } from '../src/domain/media-ref.ts';
import type { Transcript } from '../src/domain/transcript.ts';
import type { SearchMatch } from '../src/providers/provider.ts';
import type { RouteRequest } from '../src/providers/router.ts';
import type { ResolvedSource } from '../src/sources/resolve-transcript.ts';
import type { JobRecord, ReplyTarget } from '../src/jobs/job-record.ts';
import type { SubscriptionStore } from '../src/subscriptions/subscription-store.ts';

/** A chat channel as commands see it. */
export interface ChannelContext {
  /** `discord:<channel>`, `slack:<team>:<channel>`. */
  key: string;
  /** A job target that posts in the channel itself. */
  target: ReplyTarget;
  /** A channel manager or an admin (the platform says). */
  canManage: boolean;
  user?: string;
}

export interface CommandDeps {
  /** Reads, fetches or asks a provider for the transcript (and the provider's own parts) of a reference. */
  resolve(ref: MediaRef, request: RouteRequest): Promise<ResolvedSource>;
  /** Provider-side search (AssemblyAI's word search); undefined when the reference's provider has none. */
  providerSearch?(ref: MediaRef, words: readonly string[], signal?: AbortSignal): Promise<{ source: string; matches: SearchMatch[] } | undefined>;
  /** Publishes stable caption links; absent where no server runs (the one-shot CLI). */
  captions?: { publish(transcript: Transcript): Promise<CaptionLink[]> };
  /** A stored job, for `/recap status` (where a server runs). */
  jobStatus?(id: string): Promise<JobRecord | undefined>;
  /** The channel a chat command came from (subscriptions): where automatic posts go and whether the sender may change them. */
  channel?: ChannelContext;
  subscriptions?: SubscriptionStore;
  /** The SpotMe workspace automatic posts watch, when SpotMe is configured. */
  spotmeWorkspace?: string;
  /** Progress of provider jobs, for status messages. */
  onStage?: RouteRequest['onStage'];
  signal?: AbortSignal;
}
