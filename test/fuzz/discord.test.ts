import { describe, it } from 'vitest';
import { fuzzDiscord } from './discord.fuzz.ts';

describe('fuzz: Discord payloads', () => {
  it('POST /discord/interactions (Ed25519, size limit, JSON), handleInteraction, handleMessage and the discord-refs readers: right status, never a throw, nobody pinged, exactly one answer per /recap or mention', async () => {
    await fuzzDiscord(Number(process.env.FUZZ_TEST_RUNS ?? 2000));
  }, 120_000);
});
