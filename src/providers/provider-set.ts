/** The providers this Recap has credentials for, keyed by name. `local` is not here: it is always available. */
import type { Provider } from './provider.ts';

export type RemoteProviderName = 'assemblyai' | 'memories' | 'pictory' | 'spotme';
export type ProviderSet = Partial<Record<RemoteProviderName, Provider>>;

/** Where audio and video go when the user names no provider: the first configured in this order. */
export const MEDIA_PROVIDER_ORDER: readonly RemoteProviderName[] = ['assemblyai', 'memories', 'pictory'];
