/**
 * Stable caption links: `/captions/<token>.vtt|srt|txt`. The transcript is stored once under an unguessable token
 * (144 random bits, nothing listable) and each format is rendered when it is downloaded.
 */
import { randomBytes } from 'node:crypto';
import type { CaptionFormat } from '../domain/recap.ts';
import type { Transcript } from '../domain/transcript.ts';
import type { Store } from '../store.ts';

const KEY_PREFIX = 'captions:';
/** 18 random bytes: 144 bits, 24 base64url characters. */
const TOKEN_BYTES = 18;
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{24}$/;

export interface CaptionLink {
  format: CaptionFormat;
  url: string;
}

export class CaptionLinks {
  constructor(
    private readonly store: Store,
    /** The origin links start with; a function because the port is known only once the server listens. */
    private readonly base: () => string,
  ) {}

  /** Stores the transcript and returns a link per format it can be rendered in (TXT only when untimed). */
  async publish(transcript: Transcript): Promise<CaptionLink[]> {
    const token = randomBytes(TOKEN_BYTES).toString('base64url');
    await this.store.set(KEY_PREFIX + token, transcript);
    const formats: CaptionFormat[] = transcript.timed ? ['vtt', 'srt', 'txt'] : ['txt'];
    return formats.map((format) => ({ format, url: `${this.base()}/captions/${token}.${format}` }));
  }

  /** The stored transcript, or undefined for a token that is malformed or unknown. */
  async read(token: string): Promise<Transcript | undefined> {
    if (!TOKEN_PATTERN.test(token)) return undefined;
    return (await this.store.get<Transcript>(KEY_PREFIX + token)) ?? undefined;
  }
}
