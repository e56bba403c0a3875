/**
 * The real SpotMe client and provider, pointed at a {@link SpotMeFake} with test-sized delays. Each fake gets its
 * own token unless a test shares one on purpose, so every test starts with a full rate bucket (buckets are shared
 * per token across the whole process, exactly as in production).
 */
import { randomUUID } from 'node:crypto';
import type { HttpClientOptions } from '../../../src/http/http-client-types.ts';
import type { SafeFetchOptions } from '../../../src/http/safe-fetch.ts';
import { createSpotMeClient, type SpotMeClient } from '../../../src/providers/spotme/client.ts';
import { createSpotMeProvider } from '../../../src/providers/spotme/provider.ts';
import type { SpotMeFake } from '../spotme.ts';

/** Tiny retry delays and a short deadline, so fault tests take milliseconds. */
export const FAST_CLIENT: Partial<HttpClientOptions> = { retry: { baseDelayMs: 5, maxDelayMs: 50 }, timeoutMs: 2000 };

/** The address policy that lets the safe fetcher reach a 127.0.0.1 "CDN" (production allows public addresses only). */
export const LOOPBACK_DOWNLOADS: Partial<SafeFetchOptions> = { addressPolicy: (address) => address === '127.0.0.1' };

/** A unique token for one fake, so its client draws from a fresh rate bucket. */
export function freshToken(): string {
  return `spotme-test-${randomUUID()}`;
}

export function clientFor(
  fake: SpotMeFake,
  overrides: { client?: Partial<HttpClientOptions>; download?: Partial<SafeFetchOptions>; token?: string; workspaceId?: string | null } = {},
): SpotMeClient {
  const workspaceId = overrides.workspaceId === undefined ? fake.workspaceId : overrides.workspaceId;
  return createSpotMeClient({
    token: overrides.token ?? fake.token,
    baseUrl: fake.baseUrl,
    ...(workspaceId === null ? {} : { workspaceId }),
    client: { ...FAST_CLIENT, ...overrides.client },
    ...(overrides.download ? { download: overrides.download } : {}),
  });
}

export function providerFor(fake: SpotMeFake, overrides: { client?: Partial<HttpClientOptions>; download?: Partial<SafeFetchOptions> } = {}) {
  return createSpotMeProvider({
    credentials: { apiKey: fake.token, baseUrl: fake.baseUrl, workspaceId: fake.workspaceId },
    client: { ...FAST_CLIENT, ...overrides.client },
    ...(overrides.download ? { download: overrides.download } : {}),
    pacing: { initialMs: 20, maxMs: 60 },
  });
}
