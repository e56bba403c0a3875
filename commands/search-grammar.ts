/** `/recap search <ref> <words…> [--provider NAME] [--lang CODE]` */
import type { ParseOutcome } from './invocation.ts';
import { splitOptions } from './options.ts';
import { parseRef, REF_FORMS, type RefContext } from './parse-ref.ts';

export const SEARCH_USAGE = '/recap search <link or id> <words…>';

export function parseSearch(tokens: readonly string[], ctx: RefContext): ParseOutcome {
  const fail = (error: string, hint?: string): ParseOutcome => ({ ok: false, error, hint, usage: SEARCH_USAGE });
  const split = splitOptions(tokens, ['provider', 'lang']);
  if (!split.ok) return fail(split.error, split.hint);
  const [first, ...given] = split.words;
  // Quotes make empty words (`""`, `" "`); searching for nothing would match every line, so they are no words.
  const words = given.filter((word) => word.trim() !== '');
  if (first === undefined) return fail('Tell me where to search.', `Give ${REF_FORMS}, then the words to find.`);
  const ref = parseRef(first, ctx);
  if (!ref.ok) return fail(ref.error, ref.hint);
  if (words.length === 0) return fail('Tell me what to search for.', 'Add the words to find after the link or id.');
  const tooLong = words.join(' ').length > 200;
  if (tooLong) return fail('The search words are too long.', 'Search for a few words at a time (200 characters at most).');
  return {
    ok: true,
    invocation: {
      name: 'search',
      ref: ref.ref,
      words,
      ...(split.options.provider ? { provider: split.options.provider } : {}),
      ...(split.options.lang ? { lang: split.options.lang } : {}),
    },
  };
}
