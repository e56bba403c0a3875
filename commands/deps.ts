/** What command runners need from the rest of Recap, passed in so tests and surfaces can choose. */
import type { CaptionLink } from '../src/captions/caption-links.ts';
import type { MediaRef, ProviderName } from '../src/domain/media-ref.ts';
import type { Transcript } from '../src/domain/transcript.ts';
import type { ResolvedSource } from '../src/sources/resolve-transcript.ts';

export interface CommandDeps {
  /** Fetches or reads the transcript a reference points at. */
  resolve(ref: MediaRef, options: { provider?: ProviderName; signal?: AbortSignal }): Promise<ResolvedSource>;
  /** Publishes stable caption links; absent where no server runs (the one-shot CLI). */
  captions?: { publish(transcript: Transcript): Promise<CaptionLink[]> };
  signal?: AbortSignal;
}
