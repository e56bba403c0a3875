/**
 * The command registry: one entry per command. It drives parsing, the help text, and (in the chat adapters)
 * Discord's command registration and Slack's manifest. `recap` is the default: words that do not start with another
 * command's name are a recap request.
 */
import type { Invocation, ParseOutcome } from './invocation.ts';
import type { RefContext } from './parse-ref.ts';
import { parseRecap, RECAP_USAGE } from './recap-grammar.ts';
import { parseSearch, SEARCH_USAGE } from './search-grammar.ts';
import { parseStatus, STATUS_USAGE } from './status-grammar.ts';
import { parseSubscribe, parseSubscriptions, parseUnsubscribe, SUBSCRIBE_USAGE, SUBSCRIPTIONS_USAGE, UNSUBSCRIBE_USAGE } from './subscribe-grammar.ts';

export interface CommandSpec {
  name: Invocation['name'];
  /** The word that selects this command after `/recap`; undefined for the default command. */
  keyword?: string;
  usage: string;
  description: string;
  example: string;
  parse(tokens: readonly string[], ctx: RefContext): ParseOutcome;
}

export const HELP_USAGE = '/recap help';

export const COMMANDS: readonly CommandSpec[] = [
  {
    name: 'recap',
    usage: RECAP_USAGE,
    description:
      'Summary, chapters, key phrases and captions of a meeting (no parts named), or just the parts you name. highlights=90 picks 90 s of highlights.',
    example: '/recap https://example.com/standup.vtt summary highlights=90',
    parse: parseRecap,
  },
  {
    name: 'search',
    keyword: 'search',
    usage: SEARCH_USAGE,
    description: 'The moments where the words are said: time, speaker and line.',
    example: '/recap search assemblyai:5551722-f677 pricing',
    parse: parseSearch,
  },
  {
    name: 'status',
    keyword: 'status',
    usage: STATUS_USAGE,
    description: 'Where a recap job is: waiting for the provider, done or failed, and until when Recap waits.',
    example: '/recap status 3kTq8WnR0Zb1xYc2VdE4fA',
    parse: (tokens) => parseStatus(tokens),
  },
  {
    name: 'subscribe',
    keyword: 'subscribe',
    usage: SUBSCRIBE_USAGE,
    description:
      'Post a recap in this channel whenever a SpotMe session, breakout or any session of a workspace has its recording ready, or (webhook) whenever your own AssemblyAI, Memories.ai or Pictory pipeline calls the secret URL Recap gives you (channel managers and admins).',
    example: '/recap subscribe workspace:ws-123 --lang en',
    parse: (tokens) => parseSubscribe(tokens),
  },
  {
    name: 'unsubscribe',
    keyword: 'unsubscribe',
    usage: UNSUBSCRIBE_USAGE,
    description: 'Stop those automatic posts in this channel (webhook: its URL stops working).',
    example: '/recap unsubscribe workspace:ws-123',
    parse: (tokens) => parseUnsubscribe(tokens),
  },
  {
    name: 'subscriptions',
    keyword: 'subscriptions',
    usage: SUBSCRIPTIONS_USAGE,
    description: 'What this channel is subscribed to.',
    example: '/recap subscriptions',
    parse: (tokens) => parseSubscriptions(tokens),
  },
  {
    name: 'help',
    keyword: 'help',
    usage: HELP_USAGE,
    description: 'What Recap can do and how to ask.',
    example: '/recap help',
    parse: (tokens) => ({ ok: true, invocation: { name: 'help', ...(tokens[0] ? { topic: tokens[0].toLowerCase() } : {}) } }),
  },
];

/** Finds the command a word selects, if any. */
export function commandForKeyword(word: string | undefined): CommandSpec | undefined {
  if (word === undefined) return undefined;
  const lower = word.toLowerCase();
  return COMMANDS.find((c) => c.keyword === lower);
}
