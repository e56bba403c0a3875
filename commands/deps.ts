/** What command runners need from the rest of Recap, passed in so tests and surfaces can choose. */
import type { CaptionLink } from '../src/captions/caption-links.ts';
import type { MediaRef } from '../src/domain/media-ref.ts';
import type { Transcript } from '../src/domain/transcript.ts';
import type { ProviderHandle, SearchMatch } from '../src/providers/provider.ts';
import type { RouteRequest } from '../src/providers/router.ts';
import type { ResolvedSource } from '../src/sources/resolve-transcript.ts';
import type { JobRecord, ReplyTarget } from '../src/jobs/job-record.ts';
import type { SubscriptionStore } from '../src/subscriptions/subscription-store.ts';
import type { ChannelHookProvider, ChannelHookStore } from '../src/subscriptions/channel-hook-store.ts';

/** A chat channel as commands see it. */
export interface ChannelContext {
  /** `discord:<channel>`, `slack:<team>:<channel>`. */
  key: string;
  /** A job target that posts in the channel itself. */
  target: ReplyTarget;
  /** A channel manager or an admin (the platform says). */
  canManage: boolean;
  /**
   * The reply reaches the sender alone (Slack's ephemeral answers, Discord's flags 64). Absent: others may see it,
   * so nothing that holds a secret (a channel's webhook URL) is given there.
   */
  privateReplies?: boolean;
  user?: string;
}

/** What `/recap subscribe webhook` needs: where the secrets live, the public address, and who may call. */
export interface ChannelHookDeps {
  store: ChannelHookStore;
  /** PUBLIC_URL: without it there is no address to give out. */
  publicUrl?: string;
  /** The configured providers among AssemblyAI, Memories.ai and Pictory (Recap re-reads their jobs with its own key). */
  providers: readonly ChannelHookProvider[];
}

export interface CommandDeps {
  /** Reads, fetches or asks a provider for the transcript (and the provider's own parts) of a reference. */
  resolve(ref: MediaRef, request: RouteRequest): Promise<ResolvedSource>;
  /** Provider-side search (AssemblyAI's word search); undefined when the reference's provider has none. */
  providerSearch?(ref: MediaRef, words: readonly string[], signal?: AbortSignal): Promise<{ source: string; matches: SearchMatch[] } | undefined>;
  /**
   * Publishes stable caption links; absent where no server runs (the one-shot CLI). With the provider's handle,
   * SRT and VTT come from the provider while it has the transcript.
   */
  captions?: { publish(transcript: Transcript, handle?: ProviderHandle): Promise<CaptionLink[]> };
  /**
   * Publishes a stable media link that redirects to a fresh provider URL (SpotMe's expire after 6 hours);
   * undefined when the handle's provider gives no media URLs. Absent where no server runs.
   */
  media?: { publish(handle: ProviderHandle): Promise<string | undefined> };
  /** A stored job, for `/recap status` (where a server runs). */
  jobStatus?(id: string): Promise<JobRecord | undefined>;
  /** The channel a chat command came from (subscriptions): where automatic posts go and whether the sender may change them. */
  channel?: ChannelContext;
  subscriptions?: SubscriptionStore;
  /** The SpotMe workspace automatic posts watch, when SpotMe is configured. */
  spotmeWorkspace?: string;
  /** Channel webhooks (`/recap subscribe webhook`), where a server runs. */
  channelHooks?: ChannelHookDeps;
  /** Progress of provider jobs, for status messages. */
  onStage?: RouteRequest['onStage'];
  signal?: AbortSignal;
}
