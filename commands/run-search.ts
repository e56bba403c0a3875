/**
 * Runs `/recap search <ref> <words…>` locally: the moments where the words are said, best matches first
 * (the whole phrase, then all the words, then any), shown in time order.
 */
import type { SearchReply } from '../src/domain/reply.ts';
import type { Utterance } from '../src/domain/transcript.ts';
import type { CommandDeps } from './deps.ts';
import type { SearchInvocation } from './invocation.ts';

export const MAX_SEARCH_MATCHES = 20;

/** Lower case without accents, so "reunion" finds "reunión". */
function fold(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase();
}

export function searchUtterances(utterances: readonly Utterance[], words: readonly string[]): Utterance[] {
  const phrase = fold(words.join(' '));
  const terms = words.map(fold).filter(Boolean);
  const scored: { u: Utterance; score: number; index: number }[] = [];
  utterances.forEach((u, index) => {
    const text = fold(u.text);
    let score = 0;
    if (text.includes(phrase)) score = 3;
    else if (terms.every((t) => text.includes(t))) score = 2;
    else if (terms.some((t) => t.length > 2 && text.includes(t))) score = 1;
    if (score > 0) scored.push({ u, score, index });
  });
  const best = Math.max(0, ...scored.map((s) => s.score));
  return scored
    .filter((s) => s.score === best)
    .slice(0, MAX_SEARCH_MATCHES)
    .sort((a, b) => a.index - b.index)
    .map((s) => s.u);
}

export async function runSearch(invocation: SearchInvocation, deps: CommandDeps): Promise<SearchReply> {
  const query = invocation.words.join(' ');
  const remote = invocation.provider === 'local' ? undefined : await deps.providerSearch?.(invocation.ref, invocation.words, deps.signal);
  if (remote) {
    const matches = remote.matches.map((m) => ({ startMs: m.startMs, ...(m.speaker ? { speaker: m.speaker } : {}), text: m.text }));
    return { kind: 'search', source: remote.source, query, matches };
  }
  const resolved = await deps.resolve(invocation.ref, {
    want: ['transcript'],
    ...(invocation.provider ? { provider: invocation.provider } : {}),
    ...(invocation.lang ? { lang: invocation.lang } : {}),
    ...(deps.signal ? { signal: deps.signal } : {}),
    ...(deps.onStage ? { onStage: deps.onStage } : {}),
  });
  const { transcript } = resolved;
  const matches = searchUtterances(transcript?.utterances ?? [], invocation.words).map((u) => ({
    ...(transcript?.timed ? { startMs: u.startMs } : {}),
    ...(u.speaker ? { speaker: u.speaker } : {}),
    text: u.text,
  }));
  return { kind: 'search', source: resolved.source, query, matches };
}
