/**
 * Removes credentials from text the provider client puts in errors. Providers echo things back (a bad token in
 * "invalid token abc123", a signed media URL in "could not download …?sig=…"), and those messages end up in
 * logs and chat replies, so every string from a provider passes through here first.
 */
import { scrub } from '../log.ts';

// Headers whose values are protocol noise, not secrets; scrubbing "application/json" out of a provider's
// message would only make it harder to read.
const PLAIN_HEADERS = new Set(['accept', 'accept-language', 'content-type', 'user-agent', 'content-length', 'connection']);

// Shorter values ("1", "en", "true") would shred ordinary words in messages and are not credentials anyway.
const MIN_SECRET_LENGTH = 4;

/** Scrubs one piece of text; built once per request from everything that could be secret. */
export type Scrubber = (text: string) => string;

/**
 * Collects the values to scrub: the `secrets`, and every header value except plain protocol ones. For an
 * `Authorization: Bearer abc` header both `Bearer abc` and `abc` are scrubbed, since a provider that quotes the
 * token back rarely quotes the scheme with it.
 */
export function collectSecrets(secrets: readonly string[] = [], ...headerSets: (Record<string, string> | undefined)[]): string[] {
  const values = new Set<string>();
  const add = (value: string | undefined): void => {
    const trimmed = value?.trim();
    if (trimmed && trimmed.length >= MIN_SECRET_LENGTH) values.add(trimmed);
  };
  for (const secret of secrets) add(secret);
  for (const headers of headerSets) {
    for (const [name, value] of Object.entries(headers ?? {})) {
      if (PLAIN_HEADERS.has(name.toLowerCase())) continue;
      add(value);
      for (const part of value.split(/\s+/)) add(part);
    }
  }
  // Longest first, so a secret that contains a shorter one is removed whole rather than leaving its remainder.
  return [...values].sort((a, b) => b.length - a.length);
}

/**
 * A scrubber for the given secret values. It also applies the logger's own patterns (bearer values, Slack
 * tokens, `?token=`-style query parameters), so secrets Recap was never told about are caught by shape.
 */
export function createScrubber(secrets: readonly string[]): Scrubber {
  return (text) => scrub(text, secrets);
}
