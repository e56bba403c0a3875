/**
 * The contract every provider implements. A provider turns a reference into a provider job, reports the job's
 * progress when polled, and maps the finished job to Recap's types. The router (`router.ts`) picks the provider,
 * waits for the job (by polling now; by callback too when PUBLIC_URL is set) and fills whatever the provider does
 * not produce with the local analyzer. Everything in a {@link ProviderJob} is plain JSON so a job can be stored and
 * resumed after a restart.
 */
import type { ProviderName } from '../domain/media-ref.ts';
import type { Analysis, Part } from '../domain/recap.ts';
import type { Transcript } from '../domain/transcript.ts';

/** What the provider should work on. */
export type ProviderInput =
  /** An id the provider already knows: an AssemblyAI transcript, a Memories.ai video (`VI…`/`PI-…`), a Pictory job, a SpotMe session or breakout. */
  | { kind: 'existing'; id: string; variant?: 'session' | 'breakout' | 'public' }
  /** A public media link (already checked with the safe URL checker by the router: U-20). */
  | { kind: 'media-url'; url: string }
  /** Media to upload: a file-backed Blob (`fs.openAsBlob`) so uploads stream in constant memory. */
  | { kind: 'media-file'; blob: Blob; filename: string; contentType?: string };

export interface ProviderRequest {
  /** The parts the user asked for; ask the provider only for what is needed. */
  want: readonly Part[];
  /** Language code when the user gave one (`--lang`); otherwise the provider detects it. */
  lang?: string;
  /** SpotMe glossary id (`--glossary`). */
  glossary?: string;
  /** Target highlight length in seconds (Pictory's highlight_duration). */
  highlightsSeconds?: number;
  /**
   * Where the provider should call back when done, when Recap has a PUBLIC_URL; absent means poll.
   * `authHeader` is the name and value AssemblyAI must send back (custom webhook auth).
   */
  callback?: { url: string; authHeader?: { name: string; value: string } };
  signal?: AbortSignal;
}

/** A started provider job: plain JSON, stored with Recap's own job. */
export interface ProviderJob {
  provider: ProviderName;
  /** The provider's id for the work (transcript id, videoNo, Pictory job id, SpotMe job id). */
  id: string;
  /** Provider-specific state needed to continue (e.g. Pictory's transcription job id behind a highlights job). */
  state?: Record<string, string | number | boolean | undefined>;
}

/** Where a job stands. `stage` drives the status message users see. */
export type ProviderPoll =
  | { status: 'pending'; stage: 'queued' | 'transcribing' | 'analyzing'; job: ProviderJob; retryAfterMs?: number }
  | { status: 'done'; result: ProviderResult }
  | { status: 'failed'; message: string; hint?: string };

/** A finished job in Recap's types. Times are integer ms. */
export interface ProviderResult {
  /** Timed text: AssemblyAI sentences, Memories.ai speech segments, Pictory sentences, SpotMe VTT. */
  transcript?: Transcript;
  /** Only what the provider produced itself; the router fills the rest locally. */
  analysis: Analysis;
  language?: string;
  /** A public link to the media, when there is one that does not expire. */
  mediaUrl?: string;
  /** How replies name it, e.g. `assemblyai:5551722-f677…` or the session's title. */
  source?: string;
  /** Where the provider keeps its own copy, for stable links that ask it again later (its captions, fresh media URLs). */
  handle?: ProviderHandle;
}

/**
 * A plain-JSON pointer to a finished result in the provider's own store: an AssemblyAI transcript id, a SpotMe
 * session or breakout. It is stored with Recap's caption and media links, so it must stay small and serializable.
 */
export interface ProviderHandle {
  provider: ProviderName;
  id: string;
  /** SpotMe: whether `id` is a live session or a video breakout. */
  variant?: 'session' | 'breakout';
}

/** A media URL the provider hands out now, and when it stops working (epoch ms) if it expires. */
export interface ProviderMedia {
  url: string;
  expiresAt?: number;
}

/** A moment found by {@link Provider.search}. */
export interface SearchMatch {
  startMs: number;
  endMs?: number;
  speaker?: string;
  text: string;
}

export interface Provider {
  readonly name: ProviderName;
  /** The parts the provider produces natively (for the language it reports). */
  readonly produces: readonly Part[];
  /** Whether it takes media links / uploads, not only its own ids. */
  readonly accepts: { mediaUrl: boolean; mediaFile: boolean };
  /** How often the router polls its jobs (Pictory asks for ≥ 10 s between polls). */
  readonly pacing: PollPacing;
  /** Starts (or, for existing ids, finds) the provider job. Non-idempotent POSTs are sent once. */
  start(input: ProviderInput, request: ProviderRequest): Promise<ProviderJob>;
  /**
   * The provider job for an id its callback reported, when the answer to {@link Provider.start} was lost in a crash
   * (P-15). No request is made: the next poll reads it. Only providers that call back have it.
   */
  adopt?(id: string): ProviderJob;
  /**
   * Looks for a job started since `since` (epoch ms) for this very request (its callback URL names Recap's job),
   * whose start's answer was lost in a crash (P-15). Undefined when there is none, or no way to tell.
   */
  reconcile?(since: number, request: ProviderRequest): Promise<ProviderJob | undefined>;
  /** Reads the job's state once; on completion fetches and maps everything the request wants. */
  poll(job: ProviderJob, request: ProviderRequest): Promise<ProviderPoll>;
  /** Provider-side search, where the provider has one (AssemblyAI word search). */
  search?(job: ProviderJob, words: readonly string[], signal?: AbortSignal): Promise<SearchMatch[]>;
  /**
   * The provider's own captions of a finished result, where it renders them (AssemblyAI:
   * `GET /v2/transcript/{id}/srt|vtt?chars_per_caption=N`,
   * https://www.assemblyai.com/docs/api-reference/transcripts/get-subtitles). Undefined when the provider no longer
   * has the result; throws when it fails, and the caller falls back to Recap's stored transcript.
   */
  captions?(handle: ProviderHandle, format: 'srt' | 'vtt', charsPerCaption: number | undefined, signal?: AbortSignal): Promise<string | undefined>;
  /**
   * A current URL of the result's media, where the provider's media links expire (SpotMe: `mp4_url` from the
   * recordings read, valid 6 hours; SpotMe publishes no endpoint reference, see providers.md "SpotMe" and
   * `spotme/paths.ts`). Undefined when the provider no longer has the recording or it has no media file; throws
   * when the provider fails.
   */
  media?(handle: ProviderHandle, signal?: AbortSignal): Promise<ProviderMedia | undefined>;
}

/** Suggested poll pacing, per provider (Pictory asks for ≥ 10 s between polls). */
export interface PollPacing {
  initialMs: number;
  maxMs: number;
}
