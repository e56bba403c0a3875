/**
 * Builds a client for every provider that has credentials in the configuration. Tests pass overrides (tiny
 * retry delays, fast pacing, a safe-fetcher policy that reaches their 127.0.0.1 fakes).
 */
import type { Config } from '../config.ts';
import type { HttpClientOptions } from '../http/http-client-types.ts';
import type { SafeFetchOptions } from '../http/safe-fetch.ts';
import type { UrlCheckOptions } from '../http/url-check.ts';
import { createAssemblyAiProvider } from './assemblyai/provider.ts';
import { createMemoriesProvider } from './memories/provider.ts';
import { createPictoryProvider } from './pictory/provider.ts';
import type { PollPacing } from './provider.ts';
import type { ProviderSet } from './provider-set.ts';
import { createSpotMeProvider } from './spotme/provider.ts';

export interface ProviderOverrides {
  client?: Partial<HttpClientOptions>;
  pacing?: PollPacing;
  /** For links providers hand back on other hosts (SpotMe's CDN). */
  download?: Partial<SafeFetchOptions>;
  /** For media links handed to providers (the default refuses private addresses: U-20). */
  urlCheck?: UrlCheckOptions;
  /** Pictory's minimum time between polls of one job (default 10 s). */
  pictoryPollIntervalMs?: number;
}

export function createProviders(config: Config, overrides: ProviderOverrides = {}): ProviderSet {
  const { assemblyai, memories, pictory, spotme } = config.providers;
  const common = {
    ...(overrides.client ? { client: overrides.client } : {}),
    ...(overrides.pacing ? { pacing: overrides.pacing } : {}),
  };
  const urlCheck = overrides.urlCheck ? { urlCheck: overrides.urlCheck } : {};
  const set: ProviderSet = {};
  if (assemblyai) set.assemblyai = createAssemblyAiProvider({ credentials: assemblyai, ...common, ...urlCheck });
  if (memories) set.memories = createMemoriesProvider({ credentials: memories, ...common, ...urlCheck });
  if (pictory) {
    set.pictory = createPictoryProvider({
      credentials: pictory,
      ...common,
      ...urlCheck,
      ...(overrides.pictoryPollIntervalMs !== undefined ? { pollBudget: { minIntervalMs: overrides.pictoryPollIntervalMs } } : {}),
    });
  }
  if (spotme) {
    set.spotme = createSpotMeProvider({
      credentials: spotme,
      ...common,
      ...(overrides.download ? { download: overrides.download } : {}),
    });
  }
  return set;
}
