/**
 * The replies for references the local analyzer cannot serve alone: audio and video, and provider ids whose
 * provider is not configured. They say exactly which variable to set.
 */
import { PROVIDER_KEY_VARIABLE, type Config } from '../config.ts';
import type { ProviderName } from '../domain/media-ref.ts';
import { RecapError } from '../errors.ts';

const PROVIDER_LABEL: Record<ProviderName, string> = {
  assemblyai: 'AssemblyAI',
  memories: 'Memories.ai',
  pictory: 'Pictory',
  spotme: 'SpotMe',
  local: 'the local analyzer',
};

export function providerLabel(provider: ProviderName): string {
  return PROVIDER_LABEL[provider];
}

/** Raised for a provider reference: unconfigured → which variable; configured → not in this build. */
export function providerUnavailable(provider: Exclude<ProviderName, 'local'>, config: Config, what: string): RecapError {
  const label = PROVIDER_LABEL[provider];
  if (!config.providers[provider]) {
    return new RecapError('not_configured', `${what} needs ${label}, which is not set up on this Recap.`, {
      hint: `Ask whoever runs Recap to set ${PROVIDER_KEY_VARIABLE[provider]}${provider === 'spotme' ? ' and SPOTME_WORKSPACE_ID' : ''}.`,
    });
  }
  return new RecapError('unsupported', `${label} is configured, but this version of Recap cannot call it yet.`, {
    hint: 'Send a transcript or caption file (VTT, SRT or TXT) instead: the local analyzer recaps those.',
  });
}

/** Raised for audio or video when no speech provider can take it. */
export function speechProviderRequired(config: Config, what: string): RecapError {
  const configured = (['assemblyai', 'memories', 'pictory'] as const).filter((p) => config.providers[p]);
  if (configured.length === 0) {
    return new RecapError('not_configured', `${what} is audio or video, and no speech provider is set up to transcribe it.`, {
      hint: 'Set ASSEMBLYAI_API_KEY, MEMORIES_API_KEY or PICTORY_API_KEY, or send a transcript or caption file (VTT, SRT or TXT).',
    });
  }
  return providerUnavailable(configured[0]!, config, what);
}
