import { describe, expect, it } from 'vitest';
import { SlackPostError, toSlackPostError } from '../../../adapters/slack/poster-errors.ts';
import { OUTCOME_UNKNOWN, outcomeAwareFetch, RECAP_RETRY_CONFIG, slackClientOptions } from '../../../adapters/slack/poster-client-options.ts';
import { RecapError } from '../../../src/errors.ts';

const platform = (error: string, extra: Record<string, unknown> = {}) => ({ code: 'slack_webapi_platform_error', data: { ok: false, error, ...extra } });

describe('SlackPostError (SO-5)', () => {
  it('is a RecapError carrying Slack’s code, whether to retry, and what to do', () => {
    const e = toSlackPostError(platform('not_in_channel'), 'chat.postMessage') as SlackPostError;
    expect(e).toBeInstanceOf(RecapError);
    expect(e).toMatchObject({ slackError: 'not_in_channel', retryable: false, code: 'not_configured', installationInactive: false });
    expect(e.hint).toMatch(/\/invite @Recap/);
    const scope = toSlackPostError(platform('missing_scope', { needed: 'files:write' }), 'files.uploadV2') as SlackPostError;
    expect(scope.message).toContain('files:write');
    expect(toSlackPostError(platform('token_revoked'), 'chat.update')).toMatchObject({ installationInactive: true, retryable: false });
  });

  it('marks transient failures retryable and leaves unknown errors alone', () => {
    expect(toSlackPostError(platform('internal_error'), 'chat.postMessage')).toMatchObject({ retryable: true, hint: 'Try again in a minute.' });
    expect(toSlackPostError({ code: 'slack_webapi_http_error', statusCode: 503 }, 'chat.postMessage')).toMatchObject({ slackError: 'http_503', retryable: true });
    expect(toSlackPostError({ code: 'slack_webapi_rate_limited_error', retryAfter: 3 }, 'chat.postMessage')).toMatchObject({ slackError: 'ratelimited', retryable: true });
    expect(toSlackPostError({ code: 'slack_webapi_request_error' }, 'chat.postMessage')).toMatchObject({ slackError: 'request_failed', retryable: true });
    const bug = new TypeError('x is undefined');
    expect(toSlackPostError(bug, 'chat.postMessage')).toBe(bug);
  });
});

describe('slackClientOptions', () => {
  it('sets the API URL with its trailing slash, retries with backoff and jitter, waits out 429s, bounds requests', () => {
    const options = slackClientOptions('http://127.0.0.1:1234/api');
    expect(options.slackApiUrl).toBe('http://127.0.0.1:1234/api/');
    expect(options.retryConfig).toEqual(RECAP_RETRY_CONFIG);
    expect(RECAP_RETRY_CONFIG).toMatchObject({ randomize: true, factor: 2 });
    expect(RECAP_RETRY_CONFIG.retries).toBeGreaterThanOrEqual(1);
    expect(options).toMatchObject({ rejectRateLimitedCalls: false, allowAbsoluteUrls: false, timeout: 30_000 });
    expect(slackClientOptions()).not.toHaveProperty('slackApiUrl');
    expect(slackClientOptions()).not.toBe(slackClientOptions());
  });

  it('reports a lost answer on chat.postMessage as an unknown outcome instead of an error the client would retry', async () => {
    const lost = Object.assign(new TypeError('fetch failed'), { cause: Object.assign(new Error('other side closed'), { code: 'UND_ERR_SOCKET' }) });
    const wrapped = outcomeAwareFetch(async () => Promise.reject(lost));
    const answer = await wrapped('http://127.0.0.1:1/api/chat.postMessage', { method: 'POST' });
    expect(await answer.json()).toMatchObject({ ok: false, error: OUTCOME_UNKNOWN });
    await expect(wrapped('http://127.0.0.1:1/api/chat.update', { method: 'POST' })).rejects.toBe(lost);
  });

  it('lets the client retry errors that happened before the request left', async () => {
    const refused = Object.assign(new TypeError('fetch failed'), { cause: Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }) });
    const wrapped = outcomeAwareFetch(async () => Promise.reject(refused));
    await expect(wrapped('http://127.0.0.1:1/api/chat.postMessage', { method: 'POST' })).rejects.toBe(refused);
  });
});

describe('Slack client logging', () => {
  it('keeps request bodies and results (meeting text) out of debug logs', async () => {
    const { boltLogger } = await import('../../../adapters/slack/bolt-logger.ts');
    const { createLogger } = await import('../../../src/log.ts');
    const lines: string[] = [];
    const logger = boltLogger(createLogger({ level: 'debug', write: (line) => lines.push(line) }));
    logger.debug('http request body: {"text":"the board discussed the layoffs"}');
    logger.debug('http request result: {"ok":true,"message":{"text":"the board discussed the layoffs"}}');
    logger.debug("apiCall('chat.postMessage') start");
    expect(lines).toHaveLength(3);
    expect(lines.join('\n')).not.toContain('layoffs');
    expect(lines[2]).toContain('chat.postMessage');
  });
});
