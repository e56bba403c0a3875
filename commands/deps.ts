/** What command runners need from the rest of Recap, passed in so tests and surfaces can choose. */
import type { CaptionLink } from '../src/captions/caption-links.ts';
import type { MediaRef } from '../src/domain/media-ref.ts';
import type { Transcript } from '../src/domain/transcript.ts';
import type { SearchMatch } from '../src/providers/provider.ts';
import type { RouteRequest } from '../src/providers/router.ts';
import type { ResolvedSource } from '../src/sources/resolve-transcript.ts';
import type { JobRecord } from '../src/jobs/job-record.ts';

export interface CommandDeps {
  /** Reads, fetches or asks a provider for the transcript (and the provider's own parts) of a reference. */
  resolve(ref: MediaRef, request: RouteRequest): Promise<ResolvedSource>;
  /** Provider-side search (AssemblyAI's word search); undefined when the reference's provider has none. */
  providerSearch?(ref: MediaRef, words: readonly string[], signal?: AbortSignal): Promise<{ source: string; matches: SearchMatch[] } | undefined>;
  /** Publishes stable caption links; absent where no server runs (the one-shot CLI). */
  captions?: { publish(transcript: Transcript): Promise<CaptionLink[]> };
  /** A stored job, for `/recap status` (where a server runs). */
  jobStatus?(id: string): Promise<JobRecord | undefined>;
  /** Progress of provider jobs, for status messages. */
  onStage?: RouteRequest['onStage'];
  signal?: AbortSignal;
}
