/**
 * A transcript as Recap sees it, whatever it came from (a caption file, a provider, plain text).
 * All times are integer milliseconds.
 */

/** One stretch of speech: a caption cue, a provider sentence or a line of plain text. */
export interface Utterance {
  /** Start in ms from the beginning of the media. 0 for untimed transcripts (see {@link Transcript.timed}). */
  startMs: number;
  /** End in ms. Equal to startMs for untimed transcripts. */
  endMs: number;
  /** Speaker name or label as the source gave it, when it gave one. */
  speaker?: string;
  /** The spoken words, markup removed, whitespace folded. Never empty. */
  text: string;
}

export interface Transcript {
  /** False for plain text without timestamps: nothing downstream may invent times for it. */
  timed: boolean;
  /** BCP 47 primary language code (`en`, `es`, `ja`…) when known or detected. */
  language?: string;
  /** Media length in ms when known (last cue end otherwise). */
  durationMs?: number;
  utterances: Utterance[];
}
