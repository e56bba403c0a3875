/** The parts of a recap a user can ask for, as named in the command grammar. */
export const PARTS = ['summary', 'chapters', 'phrases', 'highlights', 'captions', 'transcript'] as const;
export type Part = (typeof PARTS)[number];

/** What `/recap <ref>` gives when no part is named. */
export const DEFAULT_PARTS: readonly Part[] = ['summary', 'chapters', 'phrases', 'captions'];

/** Default total highlight length: Pictory's `highlight_duration` meaning, in seconds. */
export const DEFAULT_HIGHLIGHTS_SECONDS = 60;

export type CaptionFormat = 'vtt' | 'srt' | 'txt';
export const CAPTION_FORMATS: readonly CaptionFormat[] = ['vtt', 'srt', 'txt'];

export interface TimeSpan {
  startMs: number;
  endMs: number;
}

export interface Chapter {
  /** Absent when the transcript has no times. */
  startMs?: number;
  endMs?: number;
  title: string;
  summary?: string;
}

export interface KeyPhrase {
  text: string;
  count: number;
  /** Salience between 0 and 1, highest first. */
  rank: number;
  /** Every place the phrase is said; empty for untimed transcripts. */
  timestamps: TimeSpan[];
}

export interface Highlight extends TimeSpan {
  text: string;
}

/** What the local analyzer (or a provider) produces, before caption links are attached. */
export interface Analysis {
  summary?: { text: string };
  chapters?: Chapter[];
  keyPhrases?: KeyPhrase[];
  highlights?: Highlight[];
}

/** A complete recap as adapters render it. Caption links are always Recap's own stable links. */
export interface Recap extends Analysis {
  captions?: { format: CaptionFormat; url: string }[];
}
