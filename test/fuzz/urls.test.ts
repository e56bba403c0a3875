import { describe, it } from 'vitest';
import { fuzzUrls } from './urls.fuzz.ts';

describe('fuzz: safe fetcher URL checks', () => {
  it('checkUserUrl on IPv4/IPv6/IDN/userinfo/port/percent-encoded links, guardedLookup answers, redirect chains and describeUrlForLog: RecapError or a public http(s) URL, cross-checked against the IANA special-purpose registries', async () => {
    await fuzzUrls(Number(process.env.FUZZ_TEST_RUNS ?? 2000));
  }, 120_000);
});
