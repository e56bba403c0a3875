/** Providers Recap can route a reference to. `local` is the embedded analyzer. */
export const PROVIDERS = ['assemblyai', 'memories', 'pictory', 'spotme', 'local'] as const;
export type ProviderName = (typeof PROVIDERS)[number];

/** Where the media or transcript of a recap comes from. */
export type MediaRef =
  | { kind: 'url'; url: string }
  | { kind: 'file'; path: string }
  | { kind: 'upload'; platform: 'slack' | 'discord'; fileId: string; url: string; name?: string }
  | { kind: 'provider'; provider: ProviderName; id: string; variant?: 'session' | 'breakout' | 'public' };
