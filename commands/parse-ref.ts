/**
 * Recognises every reference form of the command grammar: links, local paths (shell and CLI only) and the
 * provider ids `assemblyai:…`, `memories:…`/`VI…`/`PI-…`, `pictory:…`, `session:…` and `breakout:…` (SpotMe).
 */
import type { MediaRef } from '../src/domain/media-ref.ts';

export type RefOutcome = { ok: true; ref: MediaRef } | { ok: false; error: string; hint: string };

export interface RefContext {
  /** Local paths are only meaningful where Recap runs on the user's machine (shell, CLI). */
  allowFiles: boolean;
  /** A file attached to the chat message: the reference when the words name none. */
  attachment?: MediaRef;
}

const ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;

const PREFIXES: Record<string, (id: string) => MediaRef> = {
  assemblyai: (id) => ({ kind: 'provider', provider: 'assemblyai', id }),
  memories: (id) => ({ kind: 'provider', provider: 'memories', id, ...(id.startsWith('PI-') ? { variant: 'public' as const } : {}) }),
  pictory: (id) => ({ kind: 'provider', provider: 'pictory', id }),
  session: (id) => ({ kind: 'provider', provider: 'spotme', id, variant: 'session' }),
  breakout: (id) => ({ kind: 'provider', provider: 'spotme', id, variant: 'breakout' }),
};

export const REF_FORMS =
  'a https:// link, assemblyai:<id>, memories:<videoNo> (or VI…/PI-…), pictory:<jobId>, session:<id>, breakout:<id>';

/** Looks like something a person meant as a local file. */
function looksLikePath(word: string): boolean {
  return /^(\.{1,2}[\\/]|[\\/]|~[\\/]|[A-Za-z]:[\\/])/.test(word) || /[\\/]/.test(word) || /\.[A-Za-z0-9]{1,5}$/.test(word);
}

/** Parses one word as a media reference. Never throws. */
export function parseRef(word: string, ctx: RefContext): RefOutcome {
  const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):/.exec(word)?.[1]?.toLowerCase();
  if (scheme === 'http' || scheme === 'https') {
    if (!URL.canParse(word)) {
      return { ok: false, error: `"${clip(word)}" is not a valid link.`, hint: 'Copy the whole link, starting with https://.' };
    }
    return { ok: true, ref: { kind: 'url', url: word } };
  }
  // Own keys only: `constructor` is "in" every object, and `constructor:abc` became Object('abc') (a String object,
  // not a MediaRef) until the fuzzer found it.
  if (scheme && Object.hasOwn(PREFIXES, scheme)) {
    const id = word.slice(scheme.length + 1);
    if (!ID.test(id)) {
      return {
        ok: false,
        error: `"${clip(word)}" has no valid id after "${scheme}:".`,
        hint: `Write it as ${scheme}:<id>, letters, digits, dots, dashes and underscores only.`,
      };
    }
    const make = PREFIXES[scheme];
    if (make) return { ok: true, ref: make(id) };
  }
  if (/^VI[A-Za-z0-9_-]{4,}$/.test(word) || /^PI-[A-Za-z0-9_-]{2,}$/.test(word)) {
    return { ok: true, ref: PREFIXES.memories!(word) };
  }
  if (scheme && scheme.length > 1 && !/^[A-Za-z]:[\\/]/.test(word)) {
    return {
      ok: false,
      error: `"${clip(word)}" uses "${clip(scheme, 30)}:", which Recap does not fetch.`,
      hint: `Use ${REF_FORMS}.`,
    };
  }
  if (looksLikePath(word)) {
    if (ctx.allowFiles) return { ok: true, ref: { kind: 'file', path: word } };
    return {
      ok: false,
      error: `"${clip(word)}" looks like a file on your computer, which Recap cannot reach from here.`,
      hint: 'Attach the file to your message, or share a public link to it.',
    };
  }
  return { ok: false, error: `"${clip(word)}" is not a link or an id Recap knows.`, hint: `Use ${REF_FORMS}.` };
}

/** Keeps echoed user input short in replies. */
export function clip(text: string, max = 80): string {
  return text.length > max ? `${cut(text, max - 1)}…` : text;
}

/**
 * The first `max` UTF-16 units of `text`, one fewer when that would split an emoji (or any astral character): half
 * of a surrogate pair is not text, and Slack and Discord show it as garbage (found by the fuzzer, test/fuzz).
 */
export function cut(text: string, max: number): string {
  const end = max > 0 && max < text.length && /[\ud800-\udbff]/.test(text.charAt(max - 1)) ? max - 1 : max;
  return text.slice(0, end);
}
