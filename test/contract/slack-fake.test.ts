/**
 * The fake Slack itself, driven by the real `@slack/web-api` WebClient where a client is involved: auth, parsed call
 * arguments, messages and ts, its own per-channel limit, Block Kit limits, uploadV2, url_private downloads,
 * response_urls (S-15), OAuth and Socket Mode's connections.open.
 */
import { WebClient } from '@slack/web-api';
import { afterEach, describe, expect, it } from 'vitest';
import { startSlackFake, type SlackFake } from '../fakes/slack.ts';

const TOKEN = 'xoxb-test-1111-fake';
let fake: SlackFake | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

async function start(options: Parameters<typeof startSlackFake>[0] = {}): Promise<SlackFake> {
  fake = await startSlackFake({ botToken: TOKEN, teamId: 'T1', botUserId: 'UBOT', botId: 'BBOT', ...options });
  return fake;
}

const client = (slack: SlackFake, token = TOKEN) => new WebClient(token, { slackApiUrl: slack.apiUrl, retryConfig: { retries: 0 } });

function form(fields: Record<string, string>): RequestInit {
  return { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields).toString() };
}

describe('fake Slack: auth', () => {
  it('auth.test answers who the bot is for its token, by header or form field, and refuses anything else', async () => {
    const slack = await start();
    expect(await client(slack).auth.test()).toMatchObject({ ok: true, user_id: 'UBOT', bot_id: 'BBOT', team_id: 'T1' });
    await expect(client(slack, 'xoxb-wrong').auth.test()).rejects.toMatchObject({ code: 'slack_webapi_platform_error', data: { error: 'invalid_auth' } });
    const byField = await fetch(`${slack.apiUrl}auth.test`, form({ token: TOKEN }));
    expect(await byField.json()).toMatchObject({ ok: true, user_id: 'UBOT' });
    const none = await fetch(`${slack.apiUrl}auth.test`, form({}));
    expect(await none.json()).toEqual({ ok: false, error: 'not_authed' });
    slack.revokeToken();
    await expect(client(slack).auth.test()).rejects.toMatchObject({ data: { error: 'token_revoked' } });
  });
});

describe('fake Slack: messages', () => {
  it('records parsed call arguments and keeps messages per channel, edited in place, with unique increasing ts', async () => {
    const slack = await start({ postRate: false });
    const web = client(slack);
    const blocks = [{ type: 'section', text: { type: 'mrkdwn', text: '*Hello*' } }];
    const first = await web.chat.postMessage({ channel: 'C1', text: 'Hello', blocks, unfurl_links: false });
    const reply = await web.chat.postMessage({ channel: 'C1', text: 'In thread', thread_ts: first.ts! });
    await web.chat.postMessage({ channel: 'C2', text: 'Elsewhere' });
    await web.chat.update({ channel: 'C1', ts: first.ts!, text: 'Edited', blocks: [] });

    const call = slack.calls('chat.postMessage')[0]!;
    expect(call).toMatchObject({ channel: 'C1', text: 'Hello', blocks, unfurl_links: false });
    expect(slack.calls('POST', '/api/chat.update')).toHaveLength(1);
    const c1 = slack.messages('C1');
    expect(c1.map((m) => m.text)).toEqual(['Edited', 'In thread']);
    expect(c1[0]).toMatchObject({ ts: first.ts, blocks: [], user: 'UBOT', bot_id: 'BBOT', edited: { user: 'UBOT' } });
    expect(c1[1]).toMatchObject({ ts: reply.ts, thread_ts: first.ts });
    const all = slack.messages().map((m) => m.ts);
    expect(new Set(all).size).toBe(3);
    for (const ts of all) expect(ts).toMatch(/^\d{10}\.\d{6}$/);
    expect([...all].sort()).toEqual([first.ts, reply.ts, all[2]]);
    await expect(web.chat.update({ channel: 'C1', ts: '1.000001', text: 'x' })).rejects.toMatchObject({ data: { error: 'message_not_found' } });
  });

  it('refuses blocks as Slack does: over 50 blocks, a section over 3,000 characters, too much text in all', async () => {
    const slack = await start({ postRate: false });
    const web = client(slack);
    const section = (text: string) => ({ type: 'section' as const, text: { type: 'mrkdwn' as const, text } });
    await expect(web.chat.postMessage({ channel: 'C1', text: 'x', blocks: Array.from({ length: 51 }, () => section('a')) })).rejects.toMatchObject({
      data: { error: 'invalid_blocks' },
    });
    await expect(web.chat.postMessage({ channel: 'C1', text: 'x', blocks: [section('a'.repeat(3001))] })).rejects.toMatchObject({ data: { error: 'invalid_blocks' } });
    await expect(web.chat.postMessage({ channel: 'C1', text: 'x', blocks: Array.from({ length: 5 }, () => section('a'.repeat(2900))) })).rejects.toMatchObject({
      data: { error: 'msg_blocks_too_long' },
    });
    await expect(web.chat.postMessage({ channel: 'C1', text: 'x', blocks: Array.from({ length: 4 }, () => section('a'.repeat(2900))) })).resolves.toMatchObject({ ok: true });
    expect(slack.messages('C1')).toHaveLength(1);
  });

  it('answers channel state: not_in_channel, is_archived, channel_not_found; conversations.info and users.info', async () => {
    const slack = await start({ postRate: false });
    const web = client(slack);
    slack.setChannel('CNOT', { isMember: false });
    slack.setChannel('CARC', { isArchived: true });
    slack.setChannel('CGONE', { exists: false });
    for (const [channel, error] of [['CNOT', 'not_in_channel'], ['CARC', 'is_archived'], ['CGONE', 'channel_not_found']] as const) {
      await expect(web.chat.postMessage({ channel, text: 'x' })).rejects.toMatchObject({ data: { error } });
    }
    expect(await web.conversations.info({ channel: 'CNOT' })).toMatchObject({ channel: { id: 'CNOT', is_member: false } });
    expect(await web.users.info({ user: 'U1' })).toMatchObject({ user: { id: 'U1', team_id: 'T1' } });
    await expect(web.users.info({ user: 'nobody' })).rejects.toMatchObject({ data: { error: 'user_not_found' } });
    const link = await web.chat.getPermalink({ channel: 'C1', message_ts: '1700000000.000100' });
    expect(link.permalink).toMatch(/\/archives\/C1\/p1700000000000100$/);
    await web.chat.postEphemeral({ channel: 'C1', user: 'U1', text: 'psst', thread_ts: '1700000000.000100' });
    expect(slack.ephemerals).toMatchObject([{ channel: 'C1', user: 'U1', text: 'psst', thread_ts: '1700000000.000100' }]);
  });

  it('limits chat.postMessage to 1 per second per channel: the second in a burst gets 429 with Retry-After', async () => {
    const slack = await start();
    const post = (channel: string) => fetch(`${slack.apiUrl}chat.postMessage`, { ...form({ channel, text: 'x' }), headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: `Bearer ${TOKEN}` } });
    expect((await post('C1')).status).toBe(200);
    const limited = await post('C1');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('1');
    expect(await limited.json()).toEqual({ ok: false, error: 'ratelimited' });
    expect((await post('C2')).status).toBe(200);
    expect(slack.limited).toBe(1);
    expect(slack.messages()).toHaveLength(2);
  });

  it('failNext, rateLimitNext, failHttpNext and commitThenDrop shape the next answers', async () => {
    const slack = await start({ postRate: false });
    const web = client(slack);
    slack.failNext('chat.postMessage', 'is_archived');
    await expect(web.chat.postMessage({ channel: 'C1', text: 'x' })).rejects.toMatchObject({ data: { error: 'is_archived' } });
    slack.rateLimitNext('chat.postMessage', 7);
    const limited = await fetch(`${slack.apiUrl}chat.postMessage`, form({ token: TOKEN, channel: 'C1', text: 'x' }));
    expect([limited.status, limited.headers.get('retry-after')]).toEqual([429, '7']);
    slack.failHttpNext('chat.postMessage', 503);
    expect((await fetch(`${slack.apiUrl}chat.postMessage`, form({ token: TOKEN, channel: 'C1', text: 'x' }))).status).toBe(503);
    slack.commitThenDrop('chat.postMessage');
    await expect(fetch(`${slack.apiUrl}chat.postMessage`, form({ token: TOKEN, channel: 'C1', text: 'kept' }))).rejects.toThrow();
    expect(slack.messages('C1').map((m) => m.text)).toEqual(['kept']);
    expect(slack.calls('chat.postMessage')).toHaveLength(4);
  });
});

describe('fake Slack: files', () => {
  it('takes files.uploadV2 in three steps and records content and destination', async () => {
    const slack = await start();
    await client(slack).filesUploadV2({
      channel_id: 'C1',
      thread_ts: '1700000000.000100',
      file_uploads: [
        { content: '# Recap\n', filename: 'recap.md', title: 'Recap' },
        { content: 'transcript', filename: 'transcript.txt', title: 'Transcript' },
      ],
    });
    expect(slack.calls('files.getUploadURLExternal').map((c) => c.filename)).toEqual(['recap.md', 'transcript.txt']);
    expect(slack.calls('POST', /^\/upload\/v1\//)).toHaveLength(2);
    expect(slack.calls('files.completeUploadExternal')).toHaveLength(1);
    expect(slack.uploads).toMatchObject([
      { filename: 'recap.md', title: 'Recap', content: '# Recap\n', channel: 'C1', threadTs: '1700000000.000100' },
      { filename: 'transcript.txt', content: 'transcript', channel: 'C1' },
    ]);
  });

  it('serves url_private only with the bot token; otherwise redirects to an HTML sign-in page', async () => {
    const slack = await start();
    const url = slack.fileUrl('standup.vtt', 'WEBVTT\n');
    const ok = await fetch(url, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect([ok.status, ok.headers.get('content-type'), await ok.text()]).toEqual([200, 'text/vtt', 'WEBVTT\n']);
    for (const headers of [{}, { authorization: 'Bearer xoxb-someone-else' }] as Record<string, string>[]) {
      const refused = await fetch(url, { headers, redirect: 'manual' });
      expect(refused.status).toBe(302);
      const followed = await fetch(url, { headers });
      expect(followed.headers.get('content-type')).toMatch(/text\/html/);
      expect(await followed.text()).not.toContain('WEBVTT');
    }
    const open = slack.fileUrl('public/talk.vtt', 'WEBVTT\n', { public: true });
    expect(open).toMatch(/\/public\/talk\.vtt$/);
    expect(await (await fetch(open)).text()).toBe('WEBVTT\n');
  });
});

describe('fake Slack: response_url (S-15)', () => {
  it('records what is posted, answers used_url after 5 uses and expired_url once expired', async () => {
    const slack = await start();
    const url = slack.responseUrl('cmd-1');
    for (let i = 1; i <= 5; i++) {
      const answer = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text: `#${i}` }) });
      expect(answer.status).toBe(200);
    }
    const sixth = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"text":"#6"}' });
    expect([sixth.status, await sixth.json()]).toEqual([404, { ok: false, error: 'used_url' }]);
    expect(slack.responses('cmd-1').map((r) => (r.body as { text: string }).text)).toEqual(['#1', '#2', '#3', '#4', '#5']);

    const other = slack.responseUrl('cmd-2');
    slack.expireResponseUrl('cmd-2');
    const expired = await fetch(other, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"text":"late"}' });
    expect([expired.status, await expired.json()]).toEqual([404, { ok: false, error: 'expired_url' }]);
  });
});

describe('fake Slack: OAuth and Socket Mode', () => {
  it('oauth.v2.access exchanges a code once for the bot token', async () => {
    const slack = await start({ clientId: 'cid', clientSecret: 'csecret' });
    const web = new WebClient(undefined, { slackApiUrl: slack.apiUrl, retryConfig: { retries: 0 } });
    const code = slack.oauthCode();
    const installed = await web.oauth.v2.access({ client_id: 'cid', client_secret: 'csecret', code });
    expect(installed).toMatchObject({ ok: true, access_token: TOKEN, token_type: 'bot', team: { id: 'T1' }, bot_user_id: 'UBOT' });
    await expect(web.oauth.v2.access({ client_id: 'cid', client_secret: 'csecret', code })).rejects.toMatchObject({ data: { error: 'invalid_code' } });
    await expect(web.oauth.v2.access({ client_id: 'cid', client_secret: 'wrong', code: slack.oauthCode() })).rejects.toMatchObject({
      data: { error: 'bad_client_secret' },
    });
  });

  it('apps.connections.open gives an app-level token a ws:// URL and refuses a bot token', async () => {
    const slack = await start();
    const opened = await new WebClient('xapp-1-A1-test', { slackApiUrl: slack.apiUrl, retryConfig: { retries: 0 } }).apps.connections.open();
    expect(opened.url).toMatch(/^ws:\/\/127\.0\.0\.1:\d+\//);
    await expect(client(slack).apps.connections.open()).rejects.toMatchObject({ data: { error: 'not_allowed_token_type' } });
  });
});
