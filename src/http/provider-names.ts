/**
 * How providers are named to people. Internal names (`assemblyai`, `memories`) key configuration and logs;
 * users and operators read the brand name, and an operator fixing a rejected key needs the exact environment
 * variable that holds it.
 */

// Brand spellings: "Memories.ai", not "Memories"; "SpotMe", not "Spotme".
const DISPLAY_NAMES: Record<string, string> = {
  assemblyai: 'AssemblyAI',
  memories: 'Memories.ai',
  pictory: 'Pictory',
  spotme: 'SpotMe',
};

// Variables that do not follow the `<PROVIDER>_API_KEY` pattern (SpotMe issues tokens, not keys).
const CREDENTIAL_VARIABLES: Record<string, string> = {
  spotme: 'SPOTME_API_TOKEN',
};

/** The provider's brand name for messages: `assemblyai` → `AssemblyAI`. Unknown names are capitalised. */
export function providerDisplayName(provider: string): string {
  const known = DISPLAY_NAMES[provider.toLowerCase()];
  if (known) return known;
  return provider.length > 0 ? provider[0]!.toUpperCase() + provider.slice(1) : 'The provider';
}

/**
 * The environment variable that holds the provider's credential: `ASSEMBLYAI_API_KEY`, but `SPOTME_API_TOKEN`.
 * An explicit `override` (the client's `credentialVariable` option) wins.
 */
export function credentialVariable(provider: string, override?: string): string {
  if (override) return override;
  return CREDENTIAL_VARIABLES[provider.toLowerCase()] ?? `${provider.toUpperCase().replace(/[^A-Z0-9]+/g, '_')}_API_KEY`;
}
