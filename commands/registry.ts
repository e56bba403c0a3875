/**
 * The command registry: one entry per command. It drives parsing, the help text, and (in the chat adapters)
 * Discord's command registration and Slack's manifest. `recap` is the default: words that do not start with another
 * command's name are a recap request.
 */
import type { ParseOutcome } from './invocation.ts';
import type { RefContext } from './parse-ref.ts';
import { parseRecap, RECAP_USAGE } from './recap-grammar.ts';
import { parseSearch, SEARCH_USAGE } from './search-grammar.ts';
import { parseStatus, STATUS_USAGE } from './status-grammar.ts';

export interface CommandSpec {
  name: 'recap' | 'search' | 'help' | 'status';
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
