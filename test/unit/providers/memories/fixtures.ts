/** Loads the Memories.ai JSON fixtures (answers shaped like the seed's documented examples) and reads their `data`. */
import { readFileSync } from 'node:fs';
import { envelopeOf, memoriesSummarySchema, memoriesTranscriptionSchema } from '../../../../src/providers/memories/schemas.ts';

const DIR = new URL('../../../fixtures/providers/memories/', import.meta.url);

export function fixture(name: string): unknown {
  return JSON.parse(readFileSync(new URL(`${name}.json`, DIR), 'utf8'));
}

/** A transcription fixture's `data`, as the client returns it. */
export const transcriptionData = (name: string) => envelopeOf(memoriesTranscriptionSchema).parse(fixture(name));

/** A summary fixture's `data`, as the client returns it. */
export const summaryData = (name: string) => envelopeOf(memoriesSummarySchema).parse(fixture(name));
