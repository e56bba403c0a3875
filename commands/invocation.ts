/** Parsed commands: what the grammar hands to the command runners. Pure data, no platform types. */
import type { MediaRef, ProviderName } from '../src/domain/media-ref.ts';
import type { Part } from '../src/domain/recap.ts';

export interface RecapInvocation {
  name: 'recap';
  ref: MediaRef;
  want: Part[];
  highlightsSeconds?: number;
  provider?: ProviderName;
  lang?: string;
  glossary?: string;
}

export interface SearchInvocation {
  name: 'search';
  ref: MediaRef;
  words: string[];
  provider?: ProviderName;
  lang?: string;
}

export interface HelpInvocation {
  name: 'help';
  topic?: string;
}

export type Invocation = RecapInvocation | SearchInvocation | HelpInvocation;

export type ParseOutcome =
  | { ok: true; invocation: Invocation }
  | { ok: false; error: string; hint?: string; usage: string };
