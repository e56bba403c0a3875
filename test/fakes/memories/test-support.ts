/**
 * What the Memories.ai contract tests share: the real client and provider pointed at a {@link MemoriesFake} with
 * test-sized delays and a fast rate budget (except where a test proves the 1/s budget), a wait through the
 * router's own poller, and the count of requests a flow cost.
 */
import { randomUUID } from 'node:crypto';
import type { HttpClientOptions } from '../../../src/http/http-client-types.ts';
import { createHttpClient } from '../../../src/http/http-client.ts';
import { createMemoriesClient, memoriesHttpOptions, type MemoriesClient } from '../../../src/providers/memories/client.ts';
import { createMemoriesProvider, type MemoriesProviderOptions } from '../../../src/providers/memories/provider.ts';
import type { ProviderJob, ProviderRequest, ProviderResult } from '../../../src/providers/provider.ts';
import { waitForJob } from '../../../src/providers/wait-for-job.ts';
import type { MemoriesFake } from '../memories.ts';

/** Tiny retry delays, a fast budget, a short deadline, and a breaker that never opens during a fault-heavy suite. */
export const FAST_CLIENT: Partial<HttpClientOptions> = {
  retry: { baseDelayMs: 5, maxDelayMs: 50 },
  rate: { perSecond: 1000, burst: 1000 },
  timeoutMs: 2000,
  breaker: { failureThreshold: 1000, cooldownMs: 10 },
};

/** A rate bucket of its own: buckets are shared per key across the process, as in production. */
export function freshRateKey(): string {
  return `memories-test-${randomUUID()}`;
}

function merged(client: Partial<HttpClientOptions> | undefined): Partial<HttpClientOptions> {
  return { ...FAST_CLIENT, ...client, rate: { ...FAST_CLIENT.rate!, rateKey: freshRateKey(), ...client?.rate } };
}

export function clientFor(fake: MemoriesFake, extra: { client?: Partial<HttpClientOptions>; apiKey?: string } = {}): MemoriesClient {
  const http = createHttpClient(memoriesHttpOptions({ apiKey: extra.apiKey ?? fake.apiKey, baseUrl: fake.baseUrl }, merged(extra.client)));
  return createMemoriesClient(http, { summaryTimeoutMs: extra.client?.timeoutMs ?? FAST_CLIENT.timeoutMs! });
}

export function providerFor(fake: MemoriesFake, extra: Partial<Omit<MemoriesProviderOptions, 'credentials'>> & { apiKey?: string } = {}) {
  const { apiKey, client, ...rest } = extra;
  return createMemoriesProvider({
    credentials: { apiKey: apiKey ?? fake.apiKey, baseUrl: fake.baseUrl },
    client: merged(client),
    pacing: { initialMs: 20, maxMs: 60 },
    ...rest,
  });
}

/** Polls like the router does until the job is done (or failed: then it throws). */
export function waitDone(provider: ReturnType<typeof providerFor>, job: ProviderJob, request: ProviderRequest): Promise<ProviderResult> {
  return waitForJob(provider, job, request, { deadlineAt: Date.now() + 10_000 });
}

/** The requests a flow cost, by kind, counted from the fake's log. */
export function costOf(fake: MemoriesFake, since = 0) {
  const requests = fake.requests.slice(since);
  const count = (path: string) => requests.filter((r) => r.path === `/serve/api/v1/${path}`).length;
  return {
    uploads: count('upload_url') + count('upload'),
    audio: count('get_audio_transcription'),
    video: count('get_video_transcription'),
    summaries: count('generate_summary'),
    total: requests.length,
  };
}
