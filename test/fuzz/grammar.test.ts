import { describe, it } from 'vitest';
import { fuzzGrammar } from './grammar.fuzz.ts';

describe('fuzz: command grammar', () => {
  it('parseCommand, tokenize, parseRef and every command parser: no throw, no hang, clear errors, valid invocations, specs parse back exactly', async () => {
    await fuzzGrammar(Number(process.env.FUZZ_TEST_RUNS ?? 2000));
  }, 60_000);
});
