/**
 * Parses and runs a command, turning every failure into a reply that says what was wrong and what to do.
 * This is the one place errors become replies.
 */
import type { ErrorReply, Reply } from '../src/domain/reply.ts';
import { toRecapError } from '../src/errors.ts';
import type { CommandDeps } from './deps.ts';
import { parseCommand } from './grammar.ts';
import { helpReply } from './help.ts';
import type { Invocation } from './invocation.ts';
import type { RefContext } from './parse-ref.ts';
import { runRecap } from './run-recap.ts';
import { runSearch } from './run-search.ts';
import { runStatus } from './run-status.ts';
import { runSubscriptions } from './run-subscriptions.ts';
import { usageReply } from './usage-reply.ts';

export interface RunHooks {
  /** Called with errors that are our fault, for the log (never shown to the user as is). */
  onInternalError?: (error: unknown) => void;
}

export async function runInvocation(invocation: Invocation, deps: CommandDeps, hooks: RunHooks = {}): Promise<Reply> {
  try {
    switch (invocation.name) {
      case 'recap':
        return await runRecap(invocation, deps);
      case 'search':
        return await runSearch(invocation, deps);
      case 'help':
        return helpReply();
      case 'status':
        return await runStatus(invocation, deps);
      case 'subscribe':
      case 'unsubscribe':
      case 'subscriptions':
        return await runSubscriptions(invocation, deps);
    }
  } catch (error) {
    const recapError = toRecapError(error);
    if (recapError.code === 'internal') hooks.onInternalError?.(error);
    const reply: ErrorReply = {
      kind: 'error',
      code: recapError.code,
      message: recapError.message,
      ephemeral: recapError.code === 'not_configured',
      ...(recapError.hint ? { hint: recapError.hint } : {}),
      ...(recapError.retryable ? { retryable: true } : {}),
    };
    return reply;
  }
}

/** Parses the text after `/recap` and runs it. */
export async function runCommandText(text: string, ctx: RefContext, deps: CommandDeps, hooks: RunHooks = {}): Promise<Reply> {
  const parsed = parseCommand(text, ctx);
  if (!parsed.ok) return usageReply(parsed);
  return runInvocation(parsed.invocation, deps, hooks);
}
