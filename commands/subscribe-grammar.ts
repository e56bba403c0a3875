/**
 * Automatic posts: `/recap subscribe <session:ID|breakout:ID|workspace:ID> [--lang CODE] [--glossary ID]`,
 * `/recap subscribe webhook [--lang CODE]`, `/recap unsubscribe <same>`, `/recap subscriptions`. SpotMe
 * ("Backstage") sessions and breakouts are recapped in the channel once their recording is ready; `webhook` gives
 * the channel a secret callback URL for recordings a team's own pipeline sends to AssemblyAI, Memories.ai or Pictory.
 */
import type { ParseOutcome, Watch, WebhookWatch } from './invocation.ts';
import { splitOptions } from './options.ts';
import { cut } from './parse-ref.ts';

export const SUBSCRIBE_USAGE = '/recap subscribe <session:ID | breakout:ID | workspace:ID | webhook> [--lang CODE] [--glossary ID]';
export const UNSUBSCRIBE_USAGE = '/recap unsubscribe <session:ID | breakout:ID | workspace:ID | webhook>';
export const SUBSCRIPTIONS_USAGE = '/recap subscriptions';

const WATCH = /^(session|breakout|workspace):([A-Za-z0-9_.-]{1,100})$/;

function parseWatch(word: string | undefined, usage: string): { ok: true; watch: Watch | WebhookWatch } | Extract<ParseOutcome, { ok: false }> {
  if (word === undefined) return { ok: false, error: 'Tell me what to watch.', hint: 'Give session:<id>, breakout:<id> or workspace:<id> (SpotMe ids, from Backstage), or webhook.', usage };
  if (word.toLowerCase() === 'webhook') return { ok: true, watch: { kind: 'webhook' } };
  const match = WATCH.exec(word);
  if (!match) return { ok: false, error: `"${cut(word, 40)}" is not something Recap can watch.`, hint: 'Give session:<id>, breakout:<id>, workspace:<id> or webhook.', usage };
  return { ok: true, watch: { kind: match[1] as Watch['kind'], id: match[2]! } };
}

export function parseSubscribe(tokens: readonly string[]): ParseOutcome {
  const split = splitOptions(tokens, ['lang', 'glossary']);
  if (!split.ok) return { ok: false, error: split.error, ...(split.hint ? { hint: split.hint } : {}), usage: SUBSCRIBE_USAGE };
  const [first, ...rest] = split.words;
  const parsed = parseWatch(first, SUBSCRIBE_USAGE);
  if (!parsed.ok) return parsed;
  if (rest.length) return { ok: false, error: 'Subscribe to one thing at a time.', hint: `Send another /recap subscribe for "${cut(rest[0]!, 40)}".`, usage: SUBSCRIBE_USAGE };
  // Glossaries are SpotMe's; a recording made elsewhere was transcribed with whatever its pipeline chose.
  if (parsed.watch.kind === 'webhook' && split.options.glossary) return { ok: false, error: '--glossary is for SpotMe sessions.', hint: 'Send /recap subscribe webhook, with --lang CODE if you like.', usage: SUBSCRIBE_USAGE };
  return {
    ok: true,
    invocation: {
      name: 'subscribe',
      watch: parsed.watch,
      ...(split.options.lang ? { lang: split.options.lang } : {}),
      ...(split.options.glossary ? { glossary: split.options.glossary } : {}),
    },
  };
}

export function parseUnsubscribe(tokens: readonly string[]): ParseOutcome {
  const parsed = parseWatch(tokens[0], UNSUBSCRIBE_USAGE);
  if (!parsed.ok) return parsed;
  return { ok: true, invocation: { name: 'unsubscribe', watch: parsed.watch } };
}

export function parseSubscriptions(tokens: readonly string[]): ParseOutcome {
  if (tokens.length) return { ok: false, error: '/recap subscriptions takes no words.', hint: 'It lists what this channel is subscribed to.', usage: SUBSCRIPTIONS_USAGE };
  return { ok: true, invocation: { name: 'subscriptions' } };
}
