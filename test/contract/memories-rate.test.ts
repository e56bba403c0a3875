/**
 * The 1 request/s budget per Memories.ai key, proven against the fake's own limit (which answers `0429` at HTTP 200
 * when exceeded): the client's default budget never trips it; a client without the budget does at once.
 * Three real calls, so this costs about two seconds.
 */
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { createHttpClient } from '../../src/http/http-client.ts';
import { createMemoriesClient, memoriesHttpOptions } from '../../src/providers/memories/client.ts';
import { startMemoriesFake, type MemoriesFake } from '../fakes/memories.ts';

let fake: MemoriesFake | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

/** A fake with its own key, so the client's default rate bucket (keyed by the key) starts full. */
async function limitedFake(): Promise<MemoriesFake> {
  fake = await startMemoriesFake({ apiKey: `sk-rate-${randomUUID()}`, rate: { perSecond: 1, burst: 1 } });
  return fake;
}

describe('Memories.ai rate budget', () => {
  it('the default budget (1/s, no burst) spaces three calls a second apart; the fake never says 0429', async () => {
    const server = await limitedFake();
    const video = server.seed();
    // Only the rate budget is left at its default; a 0429 would fail at once instead of being retried away.
    const http = createHttpClient(memoriesHttpOptions({ apiKey: server.apiKey, baseUrl: server.baseUrl }, { retry: { attempts: 1 } }));
    const client = createMemoriesClient(http);
    const started = Date.now();
    for (let i = 0; i < 3; i++) expect((await client.audioTranscription(video.videoNo))!.segments).toHaveLength(10);
    expect(server.calls('GET', '/get_audio_transcription')).toHaveLength(3);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1900);
    expect(server.limited).toBe(0);
  });

  it('without the budget, the second call in the same second is answered 0429 (busy)', async () => {
    const server = await limitedFake();
    const video = server.seed();
    const http = createHttpClient(
      memoriesHttpOptions({ apiKey: server.apiKey, baseUrl: server.baseUrl }, { retry: { attempts: 1 }, rate: { perSecond: 1000, burst: 1000, rateKey: randomUUID() } }),
    );
    const client = createMemoriesClient(http);
    await client.audioTranscription(video.videoNo);
    const error = await client.audioTranscription(video.videoNo).catch((e: unknown) => e);
    expect(error).toMatchObject({ providerCode: '0429', status: 200, retryable: true });
    expect(server.limited).toBe(1);
  });
});
