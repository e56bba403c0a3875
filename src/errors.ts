/**
 * One error tree for Recap. Every error a user can meet carries a `code`, a message that says what was wrong,
 * and a `hint` that says what to do. Adapters turn these into replies; the CLI into stderr lines and an exit code.
 */
export type ErrorCode =
  | 'bad_command'
  | 'bad_input'
  | 'not_found'
  | 'not_configured'
  | 'unsafe_url'
  | 'too_large'
  | 'timeout'
  | 'fetch_failed'
  | 'unsupported'
  | 'forbidden'
  | 'provider_error'
  | 'internal';

export interface RecapErrorOptions {
  /** What the user can do about it, one sentence. */
  hint?: string;
  /** True when trying again later may succeed. */
  retryable?: boolean;
  cause?: unknown;
}

export class RecapError extends Error {
  readonly code: ErrorCode;
  readonly hint: string | undefined;
  readonly retryable: boolean;

  constructor(code: ErrorCode, message: string, options: RecapErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'RecapError';
    this.code = code;
    this.hint = options.hint;
    this.retryable = options.retryable ?? false;
  }
}

/** Wraps anything thrown into a RecapError, keeping unknown errors' details out of user-facing text. */
export function toRecapError(error: unknown): RecapError {
  if (error instanceof RecapError) return error;
  return new RecapError('internal', 'Something went wrong on our side while preparing the recap.', {
    hint: 'Try again; if it keeps failing, tell whoever runs Recap (the details are in its log).',
    cause: error,
  });
}
