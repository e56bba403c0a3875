/**
 * SRT and VTT from the provider that made the transcript, for caption links whose record carries its handle
 * (AssemblyAI renders its own captions from word timings, and honours `chars_per_caption`). Anything but a caption
 * file gives undefined: the provider is not configured here, no longer has the transcript, fails, or is slow. The
 * caller then renders the stored transcript, so a link never breaks because of the provider.
 */
import type { Logger } from '../log.ts';
import type { ProviderHandle } from '../providers/provider.ts';
import type { ProviderSet } from '../providers/provider-set.ts';

/** A person is waiting on the download: past this, the stored copy is the better answer. */
export const PROVIDER_CAPTIONS_DEADLINE_MS = 8000;

export interface ProviderCaptionsDeps {
  providers: ProviderSet;
  log?: Logger;
  deadlineMs?: number;
}

/** The provider's own captions of `handle`, or undefined when Recap should render its stored copy. */
export async function providerCaptions(
  handle: ProviderHandle,
  format: 'srt' | 'vtt',
  charsPerCaption: number | undefined,
  deps: ProviderCaptionsDeps,
): Promise<string | undefined> {
  const provider = handle.provider === 'local' ? undefined : deps.providers[handle.provider];
  if (!provider?.captions) return undefined;
  try {
    return await provider.captions(handle, format, charsPerCaption, AbortSignal.timeout(deps.deadlineMs ?? PROVIDER_CAPTIONS_DEADLINE_MS));
  } catch (error) {
    // No link token here: the handle's provider and the error (method, path, status) say enough.
    deps.log?.warn('provider captions failed; serving the stored transcript', { provider: handle.provider, error });
    return undefined;
  }
}
