/**
 * The real Bolt app behind Recap's own server: signed requests to /slack/*, the Web API served by a fake Slack
 * on 127.0.0.1 that records every call. Checklist IDs S-* in the test names.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signSlackRequest } from '../../adapters/slack/signature.ts';
import { bootRecap, type RunningRecap } from '../../src/boot.ts';
import { loadConfig } from '../../src/config.ts';
import { createLogger } from '../../src/log.ts';
import { startSlackFake, type SlackFake } from '../fakes/slack.ts';
import { settle, slackSender, until } from '../support/slack-requests.ts';
import { ROOT } from '../support/spawn-recap.ts';

const SECRET = 'test-signing-secret-0123456789';
const BOT_TOKEN = 'xoxb-test-0000-recap';
const VTT = readFileSync(resolve(ROOT, 'test/fixtures/e2e/standup.vtt'), 'utf8');

let slack: SlackFake;
let recap: RunningRecap;
let base: string;
let eventCounter = 0;
const sender = slackSender(SECRET, () => base);
const { signedHeaders, sendEvent } = sender;
const sendCommand = (text: string, channel = 'C1') => sender.sendCommand(text, channel, slack.responseUrl(`cmd-${++eventCounter}`));

beforeAll(async () => {
  slack = await startSlackFake({ botToken: BOT_TOKEN, teamId: 'T1', botUserId: 'UBOT', botId: 'BBOT' });
  const config = loadConfig({ PORT: '0', SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: slack.apiUrl, PUBLIC_URL: 'https://recap.example.com' });
  recap = await bootRecap(config, {
    log: createLogger({ level: 'silent' }),
    memory: true,
    hostname: '127.0.0.1',
    overrides: { fetchOptions: { addressPolicy: (address) => address === '127.0.0.1', allowedPort: () => true } },
  });
  base = `http://127.0.0.1:${recap.server.port}`;
});
afterAll(async () => {
  await recap?.stop();
  await slack?.close();
});






describe('Slack mentions', () => {
  it('S-8 a mention with an attached VTT gives one status message and one threaded recap; the same delivery again (a retry or a replay) gives nothing more', async () => {
    const channel = 'C-mention';
    const file = { id: 'F1', name: 'standup.vtt', url_private_download: slack.fileUrl('standup.vtt', VTT) };
    const event = { type: 'app_mention', user: 'U1', channel, ts: '1700000100.000100', text: '<@UBOT> summary chapters captions', files: [file] };
    const first = await sendEvent(event);
    expect(first.response.status).toBe(200);
    const recapMessage = await until(() => slack.messages(channel).find((m) => m.thread_ts === '1700000100.000100' && /Summary/.test(JSON.stringify(m.blocks))), 'the recap');
    const retry = await sendEvent(event, { eventId: first.eventId, headers: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' } });
    expect(retry.response.status).toBe(200);
    await settle();
    const messages = slack.messages(channel);
    expect(messages).toHaveLength(2);
    const status = messages.find((m) => m !== recapMessage)!;
    expect(status.thread_ts).toBe('1700000100.000100');
    expect(status.text).toMatch(/standup\.vtt/);
    const blocks = JSON.stringify(recapMessage.blocks);
    expect(blocks).toContain('https://recap.example.com/captions/');
    expect(blocks).toMatch(/payment service|release/i);
  });

  it('S-2 a bad signature gets 401 and no Web API call', async () => {
    const before = slack.requests.length;
    const body = JSON.stringify({ type: 'event_callback', team_id: 'T1', event_id: 'EvBad', event: { type: 'app_mention', channel: 'C9', user: 'U1', ts: '1.1', text: 'hi' } });
    for (const signature of [signSlackRequest('wrong-secret', Math.floor(Date.now() / 1000), body), 'v0=' + '0'.repeat(64), 'v1=abc', '']) {
      const response = await fetch(`${base}/slack/events`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-slack-request-timestamp': String(Math.floor(Date.now() / 1000)), 'x-slack-signature': signature },
        body,
      });
      expect(response.status).toBe(401);
      expect(await response.text()).not.toContain('event_callback');
    }
    await settle();
    expect(slack.requests.length).toBe(before);
  });

  it('S-4 refuses timestamps 301 s in the past and in the future', async () => {
    for (const skew of [-301, 301]) {
      const body = JSON.stringify({ type: 'url_verification', challenge: 'c' });
      const response = await fetch(`${base}/slack/events`, { method: 'POST', headers: signedHeaders(body, 'application/json', Math.floor(Date.now() / 1000) + skew), body });
      expect(response.status).toBe(401);
    }
  });

  it('S-7 refuses a body re-serialised after signing', async () => {
    const body = JSON.stringify({ type: 'url_verification', challenge: 'c' });
    const response = await fetch(`${base}/slack/events`, { method: 'POST', headers: signedHeaders(body, 'application/json'), body: JSON.stringify(JSON.parse(body), null, 2) });
    expect(response.status).toBe(401);
  });

  it('S-10 S-11 answers url_verification only when signed', async () => {
    const body = JSON.stringify({ type: 'url_verification', challenge: 'challenge-123' });
    const ok = await fetch(`${base}/slack/events`, { method: 'POST', headers: signedHeaders(body, 'application/json'), body });
    expect(await ok.json()).toEqual({ challenge: 'challenge-123' });
    const unsigned = await fetch(`${base}/slack/events`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    expect(unsigned.status).toBe(401);
    expect(await unsigned.text()).not.toContain('challenge-123');
  });

  it('S-12 S-13 answers ssl_check=1 unsigned without dispatching; other ssl_check values need a signature', async () => {
    const ok = await fetch(`${base}/slack/commands`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'ssl_check=1&token=x' });
    expect(ok.status).toBe(200);
    expect(await ok.text()).toBe('');
    for (const body of ['ssl_check=0', 'ssl_check=true', 'ssl_check=']) {
      const refused = await fetch(`${base}/slack/commands`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body });
      expect(refused.status).toBe(401);
    }
    const json = await fetch(`${base}/slack/events`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"ssl_check":"1"}' });
    expect(json.status).toBe(401);
  });

  it('S-5 S-6 S-18 S-19 S-20 S-26 answer malformed and odd requests without a 500', async () => {
    const body = JSON.stringify({ type: 'url_verification', challenge: 'c' });
    const noTimestamp = await fetch(`${base}/slack/events`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-slack-signature': signSlackRequest(SECRET, 1, body) }, body });
    expect(noTimestamp.status).toBe(401);
    const words = await fetch(`${base}/slack/events`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-slack-request-timestamp': 'now', 'x-slack-signature': 'v0=x' }, body });
    expect(words.status).toBe(401);
    const short = await fetch(`${base}/slack/events`, { method: 'POST', headers: { ...signedHeaders(body, 'application/json'), 'x-slack-signature': 'v0=abc' }, body });
    expect(short.status).toBe(401);
    const malformed = '{"type": "event_callback",';
    expect((await fetch(`${base}/slack/events`, { method: 'POST', headers: signedHeaders(malformed, 'application/json'), body: malformed })).status).toBe(400);
    const wrongShape = '[1,2,3]';
    expect((await fetch(`${base}/slack/events`, { method: 'POST', headers: signedHeaders(wrongShape, 'application/json'), body: wrongShape })).status).toBe(400);
    const unknown = await sendEvent({ type: 'reaction_added', user: 'U1', item: {} });
    expect(unknown.response.status).toBe(200);
    const limited = JSON.stringify({ type: 'app_rate_limited', team_id: 'T1', minute_rate_limited: 1, api_app_id: 'A1' });
    expect((await fetch(`${base}/slack/events`, { method: 'POST', headers: signedHeaders(limited, 'application/json'), body: limited })).status).toBe(200);
  });

  it('S-21 ignores its own messages and S-22 handles a message delivered as app_mention and message once', async () => {
    const channel = 'D-direct';
    await sendEvent({ type: 'message', channel_type: 'im', channel, user: 'UBOT', bot_id: 'BBOT', ts: '1700000200.000100', text: 'Recap of standup.vtt' });
    const file = { id: 'F2', name: 'standup.vtt', url_private_download: slack.fileUrl('standup2.vtt', VTT) };
    const message = { user: 'U1', channel, ts: '1700000300.000100', text: '<@UBOT> summary', files: [file] };
    await Promise.all([sendEvent({ type: 'app_mention', ...message }), sendEvent({ type: 'message', channel_type: 'im', ...message })]);
    await until(() => slack.messages(channel).some((m) => /Summary/.test(JSON.stringify(m.blocks))), 'the recap');
    await settle();
    expect(slack.messages(channel)).toHaveLength(2);
  });

  it('answers a mention without anything to recap privately, with what to do', async () => {
    await sendEvent({ type: 'app_mention', user: 'U7', channel: 'C-help', ts: '1700000400.000100', text: '<@UBOT> yesterday please' });
    const ephemeral = await until(() => slack.ephemerals.find((e) => e.channel === 'C-help'), 'the ephemeral answer');
    expect(ephemeral.user).toBe('U7');
    expect(JSON.stringify(ephemeral)).toMatch(/not a link or an id/);
    expect(slack.messages('C-help')).toHaveLength(0);
  });
});

describe('Slack slash command', () => {
  it('S-14 acknowledges at once and posts the status message, then the recap in its thread', async () => {
    const url = slack.fileUrl('public/standup.vtt', VTT, { public: true });
    const response = await sendCommand(`${url} summary phrases`, 'C-slash');
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('');
    const recapMessage = await until(() => slack.messages('C-slash').find((m) => m.thread_ts && /Key phrases/i.test(JSON.stringify(m.blocks))), 'the recap');
    const status = slack.messages('C-slash').find((m) => m.ts === recapMessage.thread_ts)!;
    await until(() => /✅/.test(slack.messages('C-slash').find((m) => m.ts === status.ts)!.text) || undefined, 'the finished status');
  });

  it('answers a mistyped command privately with the usage line', async () => {
    const response = await sendCommand('everything please');
    expect(response.status).toBe(200);
    const body = (await response.json()) as { response_type: string; text: string };
    expect(body.response_type).toBe('ephemeral');
    expect(JSON.stringify(body)).toMatch(/not a link or an id/);
    expect(JSON.stringify(body)).toContain('/recap');
  });

  it('reports a failed recap in the status message with what to do', async () => {
    await sendCommand('assemblyai:abc123', 'C-fail');
    const failed = await until(() => slack.messages('C-fail').find((m) => /⚠️/.test(m.text)), 'the failed status');
    expect(failed.text).toMatch(/ASSEMBLYAI_API_KEY/);
  });
});
