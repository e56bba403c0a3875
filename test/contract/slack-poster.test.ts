/**
 * The outbound poster with a real `@slack/web-api` WebClient against the fake Slack: checklist 7.2, SO-1…SO-8 in the
 * test names. Waits are real only where the WebClient itself waits (Retry-After: 1); pacing runs on a virtual
 * clock shared by the poster and the fake.
 */
import type { KnownBlock } from '@slack/types';
import { LogLevel, WebClient, type RetryOptions } from '@slack/web-api';
import { afterEach, describe, expect, it } from 'vitest';
import { createSlackPoster, SlackPostError, type SlackPosterOptions } from '../../adapters/slack/poster.ts';
import { slackClientOptions } from '../../adapters/slack/poster-client-options.ts';
import { createLogger } from '../../src/log.ts';
import { startSlackFake, type SlackFake, type SlackFakeOptions } from '../fakes/slack.ts';

const TOKEN = 'xoxb-test-2222-poster';
/** Recap's policy with short waits: backoff 10 ms doubling, × 1–2 jitter. */
const FAST_RETRY: RetryOptions = { retries: 3, factor: 2, minTimeout: 10, maxTimeout: 80, randomize: true };

let fake: SlackFake | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

async function start(options: SlackFakeOptions = {}): Promise<SlackFake> {
  fake = await startSlackFake({ botToken: TOKEN, ...options });
  return fake;
}

function recapClient(slack: SlackFake, extra: { rejectRateLimitedCalls?: boolean } = {}): WebClient {
  return new WebClient(TOKEN, { ...slackClientOptions(slack.apiUrl, { retryConfig: FAST_RETRY, log: createLogger({ level: 'silent' }) }), ...extra });
}

function virtualClock(start = 1_700_000_000_000) {
  let now = start;
  const sleeps: number[] = [];
  return {
    now: () => now,
    sleep: async (ms: number) => {
      sleeps.push(ms);
      now += ms;
    },
    sleeps,
  };
}

const section = (text: string): KnownBlock => ({ type: 'section', text: { type: 'mrkdwn', text } });
const message = (text: string, blocks: KnownBlock[] = [section(text)]) => ({ text, blocks });
const noPacing: SlackPosterOptions = { minIntervalMs: 0 };

describe('posting', () => {
  it('posts without unfurls or link_names, updates in place, answers privately, and uploads files into the new thread', async () => {
    const slack = await start({ postRate: false });
    const poster = createSlackPoster(recapClient(slack), noPacing);
    const { ts } = await poster.post('C1', message('⏳ Recapping standup.vtt'));
    await poster.update('C1', ts, message('✅ Done'));
    const { ts: replyTs } = await poster.post('C1', message('*Summary*'), { threadTs: ts, files: [{ filename: 'transcript.txt', title: 'Transcript', content: '[00:01] Ana: hi' }] });
    await poster.ephemeral('C1', 'U1', message('Only you can see this'), ts);

    const [post] = slack.calls('chat.postMessage');
    expect(post).toMatchObject({ channel: 'C1', unfurl_links: false, unfurl_media: false, blocks: [section('⏳ Recapping standup.vtt')] });
    expect(post).not.toHaveProperty('link_names');
    expect(slack.messages('C1')).toMatchObject([
      { ts, text: '✅ Done', blocks: [section('✅ Done')] },
      { ts: replyTs, thread_ts: ts, text: '*Summary*' },
    ]);
    expect(slack.uploads).toMatchObject([{ filename: 'transcript.txt', title: 'Transcript', content: '[00:01] Ana: hi', channel: 'C1', threadTs: ts }]);
    expect(slack.ephemerals).toMatchObject([{ channel: 'C1', user: 'U1', thread_ts: ts, text: 'Only you can see this' }]);
  });

  it('a post with files and no thread puts the files in the new message’s thread; upload() alone shares to the channel', async () => {
    const slack = await start({ postRate: false });
    const poster = createSlackPoster(recapClient(slack), noPacing);
    const { ts } = await poster.post('C1', message('Recap'), { files: [{ filename: 'recap.md', title: 'Recap', content: '# Recap\n' }] });
    await poster.upload('C2', [{ filename: 'notes.txt', title: 'Notes', content: 'notes' }]);
    expect(slack.uploads).toMatchObject([
      { filename: 'recap.md', channel: 'C1', threadTs: ts },
      { filename: 'notes.txt', channel: 'C2' },
    ]);
    expect(slack.uploads[1]).not.toHaveProperty('threadTs');
  });

  it('never prints the token in the WebClient’s own debug log', async () => {
    const slack = await start({ postRate: false });
    const lines: string[] = [];
    const log = createLogger({ level: 'debug', write: (line) => lines.push(line) });
    const web = new WebClient(TOKEN, slackClientOptions(slack.apiUrl, { retryConfig: FAST_RETRY, log }));
    await createSlackPoster(web, { ...noPacing, log }).post('C1', message('hello'));
    await web.auth.test();
    expect(lines.length).toBeGreaterThan(3);
    expect(lines.join('\n')).not.toContain(TOKEN);
  });
});

describe('SO-1 rate limited (429 with Retry-After)', () => {
  it('waits at least Retry-After and posts exactly once; another channel waits no longer than Retry-After', async () => {
    const slack = await start();
    const poster = createSlackPoster(recapClient(slack));
    slack.rateLimitNext('chat.postMessage', 1);
    const started = Date.now();
    const first = poster.post('C1', message('first')).then(() => Date.now() - started);
    while (slack.calls('chat.postMessage').length === 0) await new Promise((r) => setTimeout(r, 5));
    await new Promise((r) => setTimeout(r, 50));
    const otherStarted = Date.now();
    const other = await poster.post('C2', message('other')).then(() => Date.now() - otherStarted);
    const elapsed = await first;

    expect(elapsed).toBeGreaterThanOrEqual(1000);
    expect(slack.calls('chat.postMessage').filter((c) => c.channel === 'C1')).toHaveLength(2);
    expect(slack.messages('C1').map((m) => m.text)).toEqual(['first']);
    // The WebClient pauses all its calls during Retry-After: the other channel is delayed, by at most that.
    expect(other).toBeLessThan(1500);
    expect(slack.messages('C2')).toHaveLength(1);
  });

  it('with rejectRateLimitedCalls the poster waits Retry-After in that channel only, and posts once', async () => {
    const slack = await start({ postRate: false });
    const clock = virtualClock();
    const poster = createSlackPoster(recapClient(slack, { rejectRateLimitedCalls: true }), { ...clock, minIntervalMs: 0 });
    slack.rateLimitNext('chat.postMessage', 3);
    await poster.post('C1', message('after the wait'));
    expect(clock.sleeps).toEqual([3000]);
    expect(slack.calls('chat.postMessage')).toHaveLength(2);
    expect(slack.messages('C1')).toHaveLength(1);
  });
});

describe('SO-2 pacing per channel', () => {
  it('10 results to one channel at once go out about 1/s, in order, without a single 429', async () => {
    const clock = virtualClock();
    const slack = await start({ now: clock.now });
    const poster = createSlackPoster(recapClient(slack), { now: clock.now, sleep: clock.sleep });
    const posted = await Promise.all(Array.from({ length: 10 }, (_, i) => poster.post('C1', message(`result ${i}`))));
    expect(slack.limited).toBe(0);
    expect(slack.calls('chat.postMessage')).toHaveLength(10);
    const messages = slack.messages('C1');
    expect(messages.map((m) => m.text)).toEqual(Array.from({ length: 10 }, (_, i) => `result ${i}`));
    expect(messages.map((m) => m.ts)).toEqual(posted.map((p) => p.ts));
    const seconds = messages.map((m) => Number(m.ts));
    for (let i = 1; i < seconds.length; i++) expect(seconds[i]! - seconds[i - 1]!).toBeGreaterThanOrEqual(1);
    expect(clock.sleeps).toEqual(Array.from({ length: 9 }, () => 1000));
  });

  it('without pacing the same burst trips the fake’s per-channel limit', async () => {
    const clock = virtualClock();
    const slack = await start({ now: clock.now });
    const poster = createSlackPoster(recapClient(slack, { rejectRateLimitedCalls: true }), { now: clock.now, sleep: clock.sleep, minIntervalMs: 0 });
    await Promise.all(Array.from({ length: 3 }, (_, i) => poster.post('C1', message(`result ${i}`))));
    expect(slack.limited).toBeGreaterThan(0);
    expect(slack.messages('C1')).toHaveLength(3);
  });

  it('a channel waiting its turn does not hold up another channel', async () => {
    const slack = await start({ postRate: false });
    const waiting: (() => void)[] = [];
    const poster = createSlackPoster(recapClient(slack), { sleep: () => new Promise<void>((resolve) => waiting.push(resolve)) });
    const busy = Promise.all([poster.post('C1', message('one')), poster.post('C1', message('two')), poster.post('C1', message('three'))]);
    while (waiting.length === 0) await new Promise((r) => setTimeout(r, 5));
    await poster.post('C2', message('elsewhere'));
    expect(slack.messages('C2')).toHaveLength(1);
    expect(slack.messages('C1').map((m) => m.text)).toEqual(['one']);
    while (slack.messages('C1').length < 3) {
      waiting.shift()?.();
      await new Promise((r) => setTimeout(r, 5));
    }
    await busy;
    expect(slack.messages('C1').map((m) => m.text)).toEqual(['one', 'two', 'three']);
  });
});

describe('SO-3 blocks refused', () => {
  const blocks = [{ type: 'header', text: { type: 'plain_text', text: 'Recap of standup.vtt' } } as KnownBlock, section('*Summary*\nWe shipped <https://x.example/pr|the release>.')];

  for (const error of ['msg_blocks_too_long', 'invalid_blocks']) {
    it(`${error}: posts the text alone once, with the blocks as recap.md in the same thread`, async () => {
      const slack = await start({ postRate: false });
      const poster = createSlackPoster(recapClient(slack), noPacing);
      slack.failNext('chat.postMessage', error);
      const { ts } = await poster.post('C1', { text: 'Recap of standup.vtt', blocks }, { threadTs: '1700000000.000100' });
      const calls = slack.calls('chat.postMessage');
      expect(calls).toHaveLength(2);
      expect(calls[1]).not.toHaveProperty('blocks');
      expect(slack.messages('C1')).toMatchObject([{ ts, text: 'Recap of standup.vtt', thread_ts: '1700000000.000100' }]);
      expect(slack.messages('C1')[0]).not.toHaveProperty('blocks');
      expect(slack.uploads).toHaveLength(1);
      expect(slack.uploads[0]).toMatchObject({ filename: 'recap.md', channel: 'C1', threadTs: '1700000000.000100' });
      expect(slack.uploads[0]!.content).toBe('# Recap of standup.vtt\n\n**Summary**\nWe shipped [the release](https://x.example/pr).\n');
    });
  }

  it('a message the fake itself finds too long falls back too, and the file lands in the new message’s thread', async () => {
    const slack = await start({ postRate: false });
    const poster = createSlackPoster(recapClient(slack), noPacing);
    const long = Array.from({ length: 5 }, (_, i) => section(`${i} ${'words '.repeat(480)}`));
    const { ts } = await poster.post('C1', { text: 'Recap', blocks: long }, { files: [{ filename: 'transcript.txt', title: 'Transcript', content: 'lines' }] });
    expect(slack.uploads.map((u) => [u.filename, u.threadTs])).toEqual([
      ['recap.md', ts],
      ['transcript.txt', ts],
    ]);
  });

  it('never loops: when the text-only post fails too, it throws after two calls', async () => {
    const slack = await start({ postRate: false });
    const poster = createSlackPoster(recapClient(slack), noPacing);
    slack.failNext('chat.postMessage', 'invalid_blocks', 5);
    await expect(poster.post('C1', { text: 'Recap', blocks })).rejects.toMatchObject({ slackError: 'invalid_blocks', retryable: false });
    expect(slack.calls('chat.postMessage')).toHaveLength(2);
    expect(slack.uploads).toHaveLength(0);
  });

  it('an update whose blocks are refused is made with the text alone', async () => {
    const slack = await start({ postRate: false });
    const poster = createSlackPoster(recapClient(slack), noPacing);
    const { ts } = await poster.post('C1', message('⏳ queued'));
    slack.failNext('chat.update', 'invalid_blocks');
    await poster.update('C1', ts, { text: '✅ done', blocks });
    expect(slack.calls('chat.update')).toHaveLength(2);
    expect(slack.messages('C1')).toMatchObject([{ ts, text: '✅ done', blocks: [] }]);
  });
});

describe('SO-5 errors that will not go away', () => {
  const cases = ['channel_not_found', 'not_in_channel', 'is_archived', 'invalid_auth', 'token_revoked', 'account_inactive', 'missing_scope'];
  for (const error of cases) {
    it(`${error}: one call, then a SlackPostError that is not retryable and says what to do`, async () => {
      const slack = await start({ postRate: false });
      const poster = createSlackPoster(recapClient(slack), noPacing);
      slack.failNext('chat.postMessage', error);
      const thrown = await poster.post('C1', message('hello')).catch((e: unknown) => e);
      expect(thrown).toBeInstanceOf(SlackPostError);
      const e = thrown as SlackPostError;
      expect(e).toMatchObject({ slackError: error, retryable: false, method: 'chat.postMessage' });
      expect(e.hint).toBeTruthy();
      expect(e.installationInactive).toBe(['invalid_auth', 'token_revoked', 'account_inactive'].includes(error));
      expect(slack.calls('chat.postMessage')).toHaveLength(1);
      expect(slack.messages()).toHaveLength(0);
    });
  }

  it('not_in_channel from the channel’s real state tells the user to invite @Recap', async () => {
    const slack = await start({ postRate: false });
    slack.setChannel('CPRIV', { isMember: false });
    const poster = createSlackPoster(recapClient(slack), noPacing);
    await expect(poster.post('CPRIV', message('hello'))).rejects.toMatchObject({ slackError: 'not_in_channel', hint: expect.stringMatching(/\/invite @Recap/) });
    slack.revokeToken();
    await expect(poster.update('C1', '1700000000.000100', message('x'))).rejects.toMatchObject({ slackError: 'token_revoked', installationInactive: true });
    expect(slack.calls('chat.update')).toHaveLength(1);
  });
});

describe('SO-6 server errors', () => {
  it('5xx then success: retried with backoff, exactly one post in the fake’s record', async () => {
    const slack = await start({ postRate: false });
    const poster = createSlackPoster(recapClient(slack), noPacing);
    slack.failHttpNext('chat.postMessage', 503, 2);
    const started = Date.now();
    await poster.post('C1', message('after two 503s'));
    expect(Date.now() - started).toBeGreaterThanOrEqual(30); // 10 ms then 20 ms at least, before jitter
    expect(slack.calls('chat.postMessage')).toHaveLength(3);
    expect(slack.messages('C1')).toHaveLength(1);
  });

  it('5xx past the retries: a retryable SlackPostError and nothing posted', async () => {
    const slack = await start({ postRate: false });
    const poster = createSlackPoster(recapClient(slack), noPacing);
    slack.failHttpNext('chat.postMessage', 500, 10);
    await expect(poster.post('C1', message('never'))).rejects.toMatchObject({ slackError: 'http_500', retryable: true });
    expect(slack.calls('chat.postMessage')).toHaveLength(FAST_RETRY.retries! + 1);
    expect(slack.messages()).toHaveLength(0);
  });
});

describe('SO-7 answer lost after Slack took the post', () => {
  it('posts once more: at most one duplicate, and the second ts is returned', async () => {
    const slack = await start({ postRate: false });
    const poster = createSlackPoster(recapClient(slack), noPacing);
    slack.commitThenDrop('chat.postMessage');
    const { ts } = await poster.post('C1', message('recap'));
    const messages = slack.messages('C1');
    expect(messages.map((m) => m.text)).toEqual(['recap', 'recap']);
    expect(ts).toBe(messages[1]!.ts);
  });

  it('when the second answer is lost too it stops: two messages at most, and a retryable error', async () => {
    const slack = await start({ postRate: false });
    const poster = createSlackPoster(recapClient(slack), noPacing);
    slack.commitThenDrop('chat.postMessage', 3);
    await expect(poster.post('C1', message('recap'))).rejects.toMatchObject({ slackError: 'recap_outcome_unknown', retryable: true });
    expect(slack.messages('C1')).toHaveLength(2);
    expect(slack.calls('chat.postMessage')).toHaveLength(2);
  });

  it('updates are idempotent: a lost answer is retried by the WebClient and nothing is duplicated', async () => {
    const slack = await start({ postRate: false });
    const poster = createSlackPoster(recapClient(slack), noPacing);
    const { ts } = await poster.post('C1', message('⏳'));
    slack.commitThenDrop('chat.update');
    await poster.update('C1', ts, message('✅'));
    expect(slack.calls('chat.update')).toHaveLength(2);
    expect(slack.messages('C1')).toMatchObject([{ ts, text: '✅' }]);
  });

  it('for reference, a bare WebClient (no outcome-aware fetch) retries the post itself: one duplicate per lost answer', async () => {
    const slack = await start({ postRate: false });
    const poster = createSlackPoster(new WebClient(TOKEN, { slackApiUrl: slack.apiUrl, retryConfig: FAST_RETRY, logLevel: LogLevel.ERROR }), noPacing);
    slack.commitThenDrop('chat.postMessage');
    await poster.post('C1', message('recap'));
    expect(slack.messages('C1')).toHaveLength(2);
  });
});

describe('SO-8 files.uploadV2', () => {
  const files = [
    { filename: 'recap.md', title: 'Recap', content: '# Recap\n' },
    { filename: 'transcript.txt', title: 'Transcript', content: '[00:01] Ana: hi\n' },
  ];
  const steps = (slack: SlackFake) => [
    slack.calls('files.getUploadURLExternal').length,
    slack.calls('POST', /^\/upload\/v1\//).length,
    slack.calls('files.completeUploadExternal').length,
  ];

  it('runs getUploadURLExternal → upload → completeUploadExternal, sharing into the thread', async () => {
    const slack = await start({ postRate: false });
    await createSlackPoster(recapClient(slack), noPacing).upload('C1', files, '1700000000.000100');
    expect(steps(slack)).toEqual([2, 2, 1]);
    const order = slack.requests.map((r) => r.path.replace(/^\/upload\/v1\/.*/, 'upload').replace('/api/', ''));
    expect(order).toEqual(['files.getUploadURLExternal', 'files.getUploadURLExternal', 'upload', 'upload', 'files.completeUploadExternal']);
    expect(slack.uploads).toMatchObject(files.map((f) => ({ ...f, channel: 'C1', threadTs: '1700000000.000100' })));
  });

  it('a failed byte upload (step 2) is retried alone', async () => {
    const slack = await start({ postRate: false });
    slack.failHttpNext('upload', 500);
    await createSlackPoster(recapClient(slack), noPacing).upload('C1', files.slice(0, 1));
    expect(steps(slack)).toEqual([1, 2, 1]);
    expect(slack.uploads).toMatchObject([{ filename: 'recap.md', content: '# Recap\n' }]);
  });

  it('a dropped byte upload (step 2) is retried alone', async () => {
    const slack = await start({ postRate: false });
    slack.commitThenDrop('upload');
    await createSlackPoster(recapClient(slack), noPacing).upload('C1', files.slice(0, 1));
    expect(steps(slack)).toEqual([1, 2, 1]);
    expect(slack.uploads).toHaveLength(1);
  });

  it('a failed completeUploadExternal (step 3) is retried alone, and the file is shared once', async () => {
    const slack = await start({ postRate: false });
    slack.failHttpNext('files.completeUploadExternal', 502);
    await createSlackPoster(recapClient(slack), noPacing).upload('C1', files.slice(0, 1));
    expect(steps(slack)).toEqual([1, 1, 2]);
    expect(slack.uploads).toHaveLength(1);
  });

  it('a post whose files fail after the message went out says so: postedTs is set, the message is not re-posted', async () => {
    const slack = await start({ postRate: false });
    slack.failNext('files.completeUploadExternal', 'not_in_channel');
    const thrown = (await createSlackPoster(recapClient(slack), noPacing)
      .post('C1', message('recap'), { files: files.slice(0, 1) })
      .catch((e: unknown) => e)) as SlackPostError;
    expect(thrown).toMatchObject({ slackError: 'not_in_channel', method: 'files.uploadV2', retryable: false });
    expect(thrown.postedTs).toBe(slack.messages('C1')[0]!.ts);
    expect(slack.calls('chat.postMessage')).toHaveLength(1);
  });
});
