/** Every fuzz target, in the order the bench runs them (bench/fuzz/run.ts). */
import type { FuzzProperty } from './harness.ts';
import { fuzzDiscord } from './discord.fuzz.ts';
import { fuzzGrammar } from './grammar.fuzz.ts';
import { fuzzSlack } from './slack.fuzz.ts';
import { fuzzTranscripts } from './transcripts.fuzz.ts';
import { fuzzUrls } from './urls.fuzz.ts';

export interface FuzzTarget {
  name: string;
  property: FuzzProperty;
}

export const FUZZ_TARGETS: readonly FuzzTarget[] = [
  { name: 'grammar', property: fuzzGrammar },
  { name: 'transcripts', property: fuzzTranscripts },
  { name: 'slack', property: fuzzSlack },
  { name: 'discord', property: fuzzDiscord },
  { name: 'urls', property: fuzzUrls },
];
