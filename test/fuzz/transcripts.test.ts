import { describe, it } from 'vitest';
import { fuzzTranscripts } from './transcripts.fuzz.ts';

describe('fuzz: transcript readers', () => {
  it('readTranscript on VTT/SRT/TXT in every dialect and encoding, mutated files, JSON/HTML, random bytes and huge repetitive inputs: RecapError or a sound transcript, each in under a second; specs read back exactly', async () => {
    await fuzzTranscripts(Number(process.env.FUZZ_TEST_RUNS ?? 1500));
  }, 120_000);
});
