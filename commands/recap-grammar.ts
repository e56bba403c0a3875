/**
 * `/recap <ref> [summary] [chapters] [phrases] [highlights[=SECONDS]] [captions] [transcript]
 *  [--provider NAME] [--lang CODE] [--glossary ID]`
 */
import { DEFAULT_PARTS, PARTS, type Part } from '../src/domain/recap.ts';
import type { ParseOutcome } from './invocation.ts';
import { splitOptions, parseSeconds, MIN_HIGHLIGHTS_SECONDS, MAX_HIGHLIGHTS_SECONDS } from './options.ts';
import { clip, parseRef, REF_FORMS, type RefContext } from './parse-ref.ts';

export const RECAP_USAGE =
  '/recap <link or id> [summary] [chapters] [phrases] [highlights[=SECONDS]] [captions] [transcript] [--provider NAME] [--lang CODE] [--glossary ID]';

/** Other words people naturally use for the parts. */
const PART_ALIASES: Record<string, Part> = {
  summary: 'summary',
  summaries: 'summary',
  chapters: 'chapters',
  chapter: 'chapters',
  phrases: 'phrases',
  keyphrases: 'phrases',
  'key-phrases': 'phrases',
  highlights: 'highlights',
  highlight: 'highlights',
  captions: 'captions',
  caption: 'captions',
  subtitles: 'captions',
  transcript: 'transcript',
};

/**
 * The part a word names. Own keys only: `PART_ALIASES['constructor']` (or `__proto__`, `toString`) is inherited from
 * Object.prototype, which the fuzzer found turning `/recap <link> constructor` into a recap of no parts at all.
 */
const partAlias = (word: string): Part | undefined => (Object.hasOwn(PART_ALIASES, word) ? PART_ALIASES[word] : undefined);

export function parseRecap(tokens: readonly string[], ctx: RefContext): ParseOutcome {
  const fail = (error: string, hint?: string): ParseOutcome => ({ ok: false, error, hint, usage: RECAP_USAGE });
  const split = splitOptions(tokens, ['provider', 'lang', 'glossary', 'highlights']);
  if (!split.ok) return fail(split.error, split.hint);
  const { options, words } = split;
  if (words.length === 0 && !ctx.attachment) return fail('Tell me what to recap.', `Give ${REF_FORMS}, or attach a file.`);

  // With a file attached, the words may be parts only ("@Recap summary" on an uploaded VTT).
  const attachmentFirst = ctx.attachment !== undefined && (words.length === 0 || partAlias(splitPartWord(words[0]!)[0].toLowerCase()) !== undefined);
  const [first, ...restWords] = words;
  const rest = attachmentFirst ? words : restWords;
  const ref: ReturnType<typeof parseRef> = attachmentFirst ? { ok: true, ref: ctx.attachment! } : parseRef(first!, ctx);
  if (!ref.ok) return fail(ref.error, ref.hint);

  const want = new Set<Part>();
  let highlightsSeconds = options.highlightsSeconds;
  for (const word of rest) {
    const [name, value] = splitPartWord(word);
    const part = partAlias(name.toLowerCase());
    if (!part) {
      const other = parseRef(word, ctx);
      if (other.ok) return fail('Recap one thing at a time.', `Send a separate /recap for "${clip(word, 40)}".`);
      return fail(`"${clip(word, 40)}" is not a part of a recap.`, `Parts: ${PARTS.join(', ')} (highlights=SECONDS sets the length).`);
    }
    if (value !== undefined) {
      if (part !== 'highlights') return fail(`"${clip(word, 40)}": only highlights takes a value.`, 'Write highlights=90 for 90 seconds of highlights.');
      const seconds = parseSeconds(value);
      if (seconds === undefined) {
        return fail(`"${clip(word, 40)}" is not a highlight length.`, `Give seconds from ${MIN_HIGHLIGHTS_SECONDS} to ${MAX_HIGHLIGHTS_SECONDS}, e.g. highlights=90.`);
      }
      highlightsSeconds = seconds;
    }
    want.add(part);
  }
  if (options.highlightsSeconds !== undefined) want.add('highlights');
  const parts = want.size > 0 ? PARTS.filter((p) => want.has(p)) : [...DEFAULT_PARTS];
  return {
    ok: true,
    invocation: {
      name: 'recap',
      ref: ref.ref,
      want: parts,
      ...(highlightsSeconds !== undefined ? { highlightsSeconds } : {}),
      ...(options.provider ? { provider: options.provider } : {}),
      ...(options.lang ? { lang: options.lang } : {}),
      ...(options.glossary ? { glossary: options.glossary } : {}),
    },
  };
}

function splitPartWord(word: string): [string, string | undefined] {
  const eq = word.indexOf('=');
  return eq === -1 ? [word, undefined] : [word.slice(0, eq), word.slice(eq + 1)];
}
