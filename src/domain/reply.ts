/**
 * What a command answers. Commands decide, adapters translate: only adapters know Block Kit, embeds or ANSI.
 */
import type { Recap } from './recap.ts';
import type { Transcript } from './transcript.ts';

export interface RecapReply {
  kind: 'recap';
  /** What was recapped, as a person would name it: a file name, a link's last segment, `assemblyai:…`. */
  source: string;
  /** A link to the media itself, when it has a public one (adapters link chapter times to it). */
  mediaUrl?: string;
  language?: string;
  durationMs?: number;
  speakers?: number;
  recap: Recap;
  /** Present when the user asked for the transcript part. */
  transcript?: Transcript;
  /** Things the user should know about the result (e.g. "no timestamps in a plain text file"). */
  notes?: string[];
}

export interface SearchReply {
  kind: 'search';
  source: string;
  query: string;
  matches: { startMs?: number; speaker?: string; text: string }[];
}

export interface TextReply {
  kind: 'text';
  text: string;
  /**
   * Holds a secret (a channel's webhook URL): only for the sender's eyes. Surfaces that cannot answer privately
   * (a Discord mention) must not show it.
   */
  private?: true;
}

export interface ErrorReply {
  kind: 'error';
  /** What was wrong. */
  message: string;
  /** What to do about it. */
  hint?: string;
  /** The usage line of the command, for grammar errors. */
  usage?: string;
  /** Grammar and configuration mistakes are the sender's business only, where the platform allows. */
  ephemeral: boolean;
  /** The error code, for exit statuses and logs. */
  code: string;
  /** It may pass by itself (a provider's 5xx or 429, a timeout): a stored job tries again before saying so. */
  retryable?: true;
}

export type Reply = RecapReply | SearchReply | TextReply | ErrorReply;
