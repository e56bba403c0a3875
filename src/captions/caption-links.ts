/**
 * Stable caption links: `/captions/<token>.vtt|srt|txt`. The transcript is stored once under an unguessable token
 * (144 random bits, nothing listable) and each format is rendered when it is downloaded. With it goes the
 * provider's handle, when there is one, so SRT and VTT can come from the provider's own renderer (AssemblyAI)
 * while it still has the transcript; the stored copy is what keeps the link working after that.
 */
import type { CaptionFormat } from '../domain/recap.ts';
import type { Transcript } from '../domain/transcript.ts';
import type { ProviderHandle } from '../providers/provider.ts';
import type { Store } from '../store.ts';
import { isLinkToken, newLinkToken } from './link-token.ts';

const KEY_PREFIX = 'captions:';

export interface CaptionLink {
  format: CaptionFormat;
  url: string;
}

/** What a caption token stands for. */
export interface CaptionRecord {
  transcript: Transcript;
  handle?: ProviderHandle;
}

export class CaptionLinks {
  constructor(
    private readonly store: Store,
    /** The origin links start with; a function because the port is known only once the server listens. */
    private readonly base: () => string,
  ) {}

  /** Stores the transcript (and the provider's handle) and returns a link per format it can be rendered in (TXT only when untimed). */
  async publish(transcript: Transcript, handle?: ProviderHandle): Promise<CaptionLink[]> {
    const token = newLinkToken();
    const record: CaptionRecord = { transcript, ...(handle ? { handle } : {}) };
    await this.store.set(KEY_PREFIX + token, record);
    const formats: CaptionFormat[] = transcript.timed ? ['vtt', 'srt', 'txt'] : ['txt'];
    return formats.map((format) => ({ format, url: `${this.base()}/captions/${token}.${format}` }));
  }

  /** The stored record, or undefined for a token that is malformed or unknown. */
  async read(token: string): Promise<CaptionRecord | undefined> {
    if (!isLinkToken(token)) return undefined;
    const stored = await this.store.get<CaptionRecord | Transcript>(KEY_PREFIX + token);
    if (!stored) return undefined;
    // Links published before handles existed stored the bare transcript; they must keep working.
    return 'transcript' in stored ? stored : { transcript: stored };
  }
}
