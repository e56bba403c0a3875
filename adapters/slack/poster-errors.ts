/**
 * What the poster throws: a {@link SlackPostError} (a RecapError) with Slack's error code, whether trying again
 * later may help, and a sentence for the user. Errors from `@slack/web-api` are recognised by their `code`
 * (`slack_webapi_*`), so this works with any copy of the package.
 */
import { RecapError, type ErrorCode } from '../../src/errors.ts';

/** Errors Slack will answer again whatever the timing: never retried (SO-5). */
export const PERMANENT_SLACK_ERRORS = new Set([
  'channel_not_found',
  'not_in_channel',
  'is_archived',
  'invalid_auth',
  'not_authed',
  'token_revoked',
  'token_expired',
  'account_inactive',
  'missing_scope',
  'no_permission',
  'restricted_action',
  'user_not_in_channel',
  'msg_too_long',
  'no_text',
  'message_not_found',
  'cant_update_message',
  'invalid_arguments',
]);

/** The token no longer works: the installation should be marked inactive. */
const DEAD_TOKEN = new Set(['invalid_auth', 'not_authed', 'token_revoked', 'token_expired', 'account_inactive']);

/** Slack refused the blocks themselves: the poster falls back to text plus a file (SO-3). */
export const BLOCKS_REFUSED = new Set(['msg_blocks_too_long', 'invalid_blocks', 'invalid_blocks_format']);

interface Explanation {
  code: ErrorCode;
  message: string;
  hint: string;
}

function explain(slackError: string, needed: string | undefined): Explanation {
  switch (slackError) {
    case 'not_in_channel':
      return { code: 'not_configured', message: 'Recap is not a member of this channel, so it cannot post here.', hint: 'Invite @Recap to the channel with /invite @Recap, then try again.' };
    case 'channel_not_found':
      return { code: 'not_found', message: 'Recap cannot see this channel.', hint: 'If the channel is private, invite @Recap with /invite @Recap; otherwise check that it still exists.' };
    case 'is_archived':
      return { code: 'unsupported', message: 'This channel is archived, so Recap cannot post in it.', hint: 'Unarchive the channel or ask Recap somewhere else.' };
    case 'invalid_auth':
    case 'not_authed':
    case 'token_revoked':
    case 'token_expired':
    case 'account_inactive':
      return { code: 'not_configured', message: `Recap's Slack token no longer works (${slackError}).`, hint: 'Whoever runs Recap should reinstall the Slack app and update SLACK_BOT_TOKEN.' };
    case 'missing_scope':
      return {
        code: 'not_configured',
        message: `Recap's Slack app is missing a permission it needs${needed ? ` (${needed})` : ''}.`,
        hint: 'Whoever runs Recap should reinstall the Slack app with the scopes in manifest.json.',
      };
    case 'recap_outcome_unknown':
      return {
        code: 'provider_error',
        message: 'Recap lost its connection to Slack while posting, so the message may or may not be there.',
        hint: 'Check the channel, and try again if the message is missing.',
      };
    case 'user_not_in_channel':
      return { code: 'not_found', message: 'That person is not in this channel, so Recap cannot answer them privately here.', hint: 'Ask from a channel you are in.' };
    default:
      return PERMANENT_SLACK_ERRORS.has(slackError) || BLOCKS_REFUSED.has(slackError)
        ? { code: 'provider_error', message: `Slack refused Recap's message (${slackError}).`, hint: 'This is a bug in Recap; tell whoever runs it (the details are in its log).' }
        : { code: 'provider_error', message: `Slack did not take Recap's message (${slackError}).`, hint: 'Try again in a minute.' };
  }
}

export class SlackPostError extends RecapError {
  /** Slack's error (`not_in_channel`, `ratelimited`, …), or `http_<status>` / `request_failed` / `recap_outcome_unknown`. */
  readonly slackError: string;
  /** The Web API method that failed. */
  readonly method: string;
  /** The token is dead (revoked, invalid, deactivated workspace): mark the installation inactive. */
  readonly installationInactive: boolean;
  /** Set when the message itself was posted and only a later step (the files) failed: do not post it again. */
  postedTs: string | undefined;

  constructor(slackError: string, method: string, options: { retryable: boolean; cause?: unknown; needed?: string }) {
    const { code, message, hint } = explain(slackError, options.needed);
    super(code, message, { hint, retryable: options.retryable, ...(options.cause !== undefined ? { cause: options.cause } : {}) });
    this.name = 'SlackPostError';
    this.slackError = slackError;
    this.method = method;
    this.installationInactive = DEAD_TOKEN.has(slackError);
    this.postedTs = undefined;
  }
}

interface SlackishError {
  code?: unknown;
  data?: { error?: unknown; needed?: unknown };
  statusCode?: unknown;
  retryAfter?: unknown;
}

/** Slack's `error` of an `ok:false` answer, when `error` is one. */
export function platformError(error: unknown): string | undefined {
  const e = error as SlackishError | undefined;
  return e?.code === 'slack_webapi_platform_error' && typeof e.data?.error === 'string' ? e.data.error : undefined;
}

/** Seconds to wait, when the WebClient rejected a rate-limited call (`rejectRateLimitedCalls: true`). */
export function rateLimitedFor(error: unknown): number | undefined {
  const e = error as SlackishError | undefined;
  return e?.code === 'slack_webapi_rate_limited_error' && typeof e.retryAfter === 'number' ? e.retryAfter : undefined;
}

/** Turns what the WebClient threw into a SlackPostError; anything else (a bug) is returned as it was. */
export function toSlackPostError(error: unknown, method: string): unknown {
  if (error instanceof SlackPostError) return error;
  const e = error as SlackishError | undefined;
  switch (e?.code) {
    case 'slack_webapi_platform_error': {
      const slackError = platformError(error) ?? 'unknown_error';
      const needed = typeof e.data?.needed === 'string' ? e.data.needed : undefined;
      const retryable = !PERMANENT_SLACK_ERRORS.has(slackError) && !BLOCKS_REFUSED.has(slackError);
      return new SlackPostError(slackError, method, { retryable, cause: error, ...(needed ? { needed } : {}) });
    }
    case 'slack_webapi_rate_limited_error':
      return new SlackPostError('ratelimited', method, { retryable: true, cause: error });
    case 'slack_webapi_http_error':
      return new SlackPostError(`http_${String(e.statusCode)}`, method, { retryable: true, cause: error });
    case 'slack_webapi_request_error':
      return new SlackPostError('request_failed', method, { retryable: true, cause: error });
    default:
      return error;
  }
}
