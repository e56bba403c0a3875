import { describe, it } from 'vitest';
import { fuzzSlack } from './slack.fuzz.ts';

describe('fuzz: Slack payloads', () => {
  it('/slack/events, /slack/commands and /slack/interactions (signature, size limit, form/JSON/payload= parsing, Bolt listeners) and the slack-refs helpers: right status, never 500, no listener error, exactly one answer per request', async () => {
    await fuzzSlack(Number(process.env.FUZZ_TEST_RUNS ?? 1500));
  }, 120_000);
});
