/**
 * The entry point of the command grammar, the same words on every surface. Never throws: anything a person can
 * type turns into either an invocation or a message that says what was wrong and what to type instead.
 */
import type { ParseOutcome } from './invocation.ts';
import type { RefContext } from './parse-ref.ts';
import { COMMANDS, commandForKeyword, HELP_USAGE } from './registry.ts';
import { tokenize } from './tokenize.ts';

/** Longest command text Recap reads; Slack caps slash command text near 4,000 characters anyway. */
export const MAX_COMMAND_LENGTH = 4000;

/**
 * Parses the words after `/recap` (or after the bot's mention). A leading `/recap` or `recap` is tolerated so
 * people can paste a whole command into the shell.
 */
export function parseCommand(text: string, ctx: RefContext): ParseOutcome {
  try {
    if (text.length > MAX_COMMAND_LENGTH) {
      return {
        ok: false,
        error: `That command is ${text.length} characters long; Recap reads at most ${MAX_COMMAND_LENGTH}.`,
        hint: 'Send the link or id and the parts you want, nothing more.',
        usage: HELP_USAGE,
      };
    }
    let tokens = tokenize(text.normalize('NFC'));
    if (tokens[0] && /^\/?recap$/i.test(tokens[0])) tokens = tokens.slice(1);
    const fallback = COMMANDS.find((c) => c.keyword === undefined)!;
    // A bare mention with a file attached means "recap this file"; a bare command means "what can you do?".
    if (tokens.length === 0) return ctx.attachment ? fallback.parse([], ctx) : { ok: true, invocation: { name: 'help' } };
    const keyword = commandForKeyword(tokens[0]);
    if (keyword) return keyword.parse(tokens.slice(1), ctx);
    return fallback.parse(tokens, ctx);
  } catch {
    // The parsers are written not to throw; this keeps that promise even if one of them regresses.
    return { ok: false, error: 'Recap could not read that command.', hint: 'Type /recap help for examples.', usage: HELP_USAGE };
  }
}
