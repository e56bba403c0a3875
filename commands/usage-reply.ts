/** A parse failure as the reply every surface shows: what was wrong, what to do, and the usage line; private. */
import type { ErrorReply } from '../src/domain/reply.ts';
import type { ParseOutcome } from './invocation.ts';

export function usageReply(outcome: Extract<ParseOutcome, { ok: false }>): ErrorReply {
  return { kind: 'error', code: 'bad_command', message: outcome.error, ...(outcome.hint ? { hint: outcome.hint } : {}), usage: outcome.usage, ephemeral: true };
}
