/**
 * Checklist 7.1 cases not covered by slack.test.ts (S-1, S-9, S-14…S-17, S-23, S-24) and L-2 for Slack: the real
 * Bolt app behind Recap's own server, signed with the production signer, the Web API served by the fake Slack on
 * 127.0.0.1. Every log line of the run (LOG_LEVEL debug) is captured and checked for secrets at the end.
 */
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { createServer, request, type IncomingMessage, type Server } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootRecap, type RunningRecap } from '../../src/boot.ts';
import { loadConfig } from '../../src/config.ts';
import { createLogger } from '../../src/log.ts';
import { startSlackFake, type SlackFake } from '../fakes/slack.ts';
import { slackSender, until } from '../support/slack-requests.ts';
import { ROOT } from '../support/spawn-recap.ts';

const SECRET = 'checklist-signing-secret-0123456789';
const BOT_TOKEN = 'xoxb-checklist-0000-recap';
const VTT = readFileSync(resolve(ROOT, 'test/fixtures/e2e/standup.vtt'), 'utf8');

/** Every log line Recap (and Bolt, and the WebClient, through Recap's logger) wrote during this file. */
const lines: string[] = [];
let slack: SlackFake;
let recap: RunningRecap;
let base: string;
let port: number;
let counter = 0;
const sender = slackSender(SECRET, () => base, 'EvCheck');
const { signedHeaders, sendEvent } = sender;
const sendCommand = (text: string, channel: string, responseUrl = slack.responseUrl(`cmd-check-${++counter}`)) => sender.sendCommand(text, channel, responseUrl);

beforeAll(async () => {
  slack = await startSlackFake({ botToken: BOT_TOKEN, teamId: 'T1', botUserId: 'UBOT', botId: 'BBOT' });
  const config = loadConfig({
    PORT: '0',
    LOG_LEVEL: 'debug',
    SLACK_BOT_TOKEN: BOT_TOKEN,
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_API_URL: slack.apiUrl,
    PUBLIC_URL: 'https://recap.example.com',
  });
  recap = await bootRecap(config, {
    // As main.ts builds it (known secrets censored), but writing into `lines`.
    log: createLogger({ level: config.logLevel, secrets: [config.slack?.signingSecret, config.slack?.botToken], write: (line) => lines.push(line) }),
    memory: true,
    hostname: '127.0.0.1',
    overrides: { fetchOptions: { addressPolicy: (address) => address === '127.0.0.1', allowedPort: () => true } },
  });
  port = recap.server.port;
  base = `http://127.0.0.1:${port}`;
});
afterAll(async () => {
  await recap?.stop();
  await slack?.close();
});





const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const postsTo = (channel: string) => slack.calls('chat.postMessage').filter((args) => args.channel === channel);
const isRecap = (blocks: unknown) => /Summary/.test(JSON.stringify(blocks));

describe('Slack events', () => {
  it('S-1 a valid signed event_callback gets 200 and runs exactly one job', async () => {
    const channel = 'C-s1';
    const url = slack.fileUrl('s1/standup.vtt', VTT);
    const { response, text } = await sendEvent({
      type: 'app_mention',
      user: 'U1',
      channel,
      ts: '1700010000.000100',
      text: '<@UBOT> summary',
      files: [{ id: 'FS1', name: 'standup.vtt', url_private_download: url }],
    });
    expect(response.status).toBe(200);
    expect(text).toBe('');
    await until(() => slack.messages(channel).find((m) => isRecap(m.blocks)), 'the recap');
    await until(() => /✅/.test(slack.messages(channel)[0]?.text ?? '') || undefined, 'the finished status');
    await sleep(300);
    // One job: one status message, one recap, one download of the file.
    expect(slack.messages(channel)).toHaveLength(2);
    expect(postsTo(channel)).toHaveLength(2);
    expect(slack.calls('GET', new RegExp(`/s1/standup\\.vtt$`))).toHaveLength(1);
  });

  it('S-9 a retry (X-Slack-Retry-Num 1, http_timeout) sent while the first delivery is processing: both 200, one recap', async () => {
    const channel = 'C-s9';
    const url = slack.fileUrl('s9/standup.vtt', VTT);
    const event = { type: 'app_mention', user: 'U1', channel, ts: '1700010900.000100', text: '<@UBOT> summary', files: [{ id: 'FS9', name: 'standup.vtt', url_private_download: url }] };
    const eventId = `EvS9-${Date.now()}`;
    const retryHeaders = (n: number) => ({ 'x-slack-retry-num': String(n), 'x-slack-retry-reason': 'http_timeout' });
    const [first, retry] = await Promise.all([sendEvent(event, { eventId }), sendEvent(event, { eventId, headers: retryHeaders(1) })]);
    expect(first.response.status).toBe(200);
    expect(retry.response.status).toBe(200);
    // And a second retry while the recap is still being made.
    const processing = slack.messages(channel).every((m) => !isRecap(m.blocks));
    const retry2 = await sendEvent(event, { eventId, headers: retryHeaders(2) });
    expect(retry2.response.status).toBe(200);
    await until(() => slack.messages(channel).find((m) => isRecap(m.blocks)), 'the recap');
    await sleep(1500);
    expect(processing).toBe(true);
    expect(slack.messages(channel).filter((m) => isRecap(m.blocks))).toHaveLength(1);
    expect(slack.messages(channel)).toHaveLength(2);
    expect(slack.calls('GET', /\/s9\/standup\.vtt$/)).toHaveLength(1);
  });

  it('S-24 a listener that throws after the ack: 200 once, the error logged with the event id, the process keeps serving', async () => {
    const channel = 'C-s24';
    const before = lines.length;
    // The store fails (disk I/O error) while the mention listener claims the message, after Bolt acknowledged.
    const store = recap.storeHandle.store;
    const realGet = store.get.bind(store);
    store.get = (async (key: string) => {
      if (String(key).includes('1700012400.000100')) throw new Error('SQLITE_IOERR: disk I/O error');
      return realGet(key);
    }) as typeof store.get;
    const { response, text, eventId } = await sendEvent({ type: 'app_mention', user: 'U1', channel, ts: '1700012400.000100', text: '<@UBOT> summary', files: 'F-not-a-list' });
    store.get = realGet as typeof store.get;
    expect(response.status).toBe(200);
    expect(text).toBe('');
    const failure = await until(() => lines.slice(before).find((l) => l.includes(eventId) && /"level":"error"/.test(l)), 'the error log line');
    expect(failure).toMatch(/slack listener failed/);
    expect(failure).toMatch(/disk I\/O error/);
    // The stack logged points at Recap's code, not only at Bolt's wrapper.
    expect(failure).toMatch(/src\/jobs\/claims\.ts|adapters\/slack\/slack-app\.ts/);
    await sleep(300);
    expect(lines.slice(before).filter((l) => l.includes(eventId) && /"level":"error"/.test(l))).toHaveLength(1);
    expect(postsTo(channel)).toHaveLength(0);
    // Still serving, and the same channel still works.
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    const again = await sendEvent({ type: 'app_mention', user: 'U1', channel, ts: '1700012401.000100', text: '<@UBOT> what?' });
    expect(again.response.status).toBe(200);
    await until(() => slack.ephemerals.find((e) => e.channel === channel), 'the usage answer');
  });
});

describe('Slack slash command', () => {
  it('S-14 a command whose work takes ~10 s is acknowledged before the work ends; the recap posts later', { timeout: 30_000 }, async () => {
    // A 127.0.0.1 server that trickles the VTT in 10 pieces, one a second.
    const slow = { requested: 0, lastByteAt: 0 };
    const pieces = 10;
    const size = Math.ceil(VTT.length / pieces);
    const server: Server = createServer((req, res) => {
      slow.requested += 1;
      res.writeHead(200, { 'content-type': 'text/vtt' });
      let i = 0;
      const timer = setInterval(() => {
        res.write(VTT.slice(i * size, (i + 1) * size));
        i += 1;
        if (i === pieces) {
          clearInterval(timer);
          res.end(() => (slow.lastByteAt = Date.now()));
        }
      }, 1000);
      res.write('');
      req.on('close', () => clearInterval(timer));
    });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    try {
      const channel = 'C-s14';
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/meetings/standup.vtt`;
      const sentAt = Date.now();
      const response = await sendCommand(`${url} summary`, channel);
      const ackAt = Date.now();
      expect(response.status).toBe(200);
      expect(await response.text()).toBe('');
      await until(() => slack.messages(channel).find((m) => m.thread_ts && isRecap(m.blocks)), 'the recap', 25_000);
      const recapSeenAt = Date.now();
      expect(slow.requested).toBe(1);
      expect(slow.lastByteAt).toBeGreaterThan(0);
      // The acknowledgement came back before the slow server had sent its last byte (about 10 s after the command)…
      expect(ackAt).toBeLessThan(slow.lastByteAt);
      expect(slow.lastByteAt - sentAt).toBeGreaterThan(8000);
      // …and the recap only after it.
      expect(recapSeenAt).toBeGreaterThanOrEqual(slow.lastByteAt);
      expect(slack.messages(channel)).toHaveLength(2);
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });

  it('S-15 not a member of the channel: the answer goes privately through response_url; an expired response_url is logged once, no loop', async () => {
    const channel = 'C-s15';
    slack.setChannel(channel, { isMember: false });
    const url = slack.fileUrl('public/s15.vtt', VTT, { public: true });

    const fresh = `s15-fresh-${Date.now()}`;
    const first = await sendCommand(`${url} summary`, channel, slack.responseUrl(fresh));
    expect(first.status).toBe(200);
    const fallback = await until(() => slack.responses(fresh)[0], 'the private answer');
    expect(fallback.body).toMatchObject({ response_type: 'ephemeral' });
    expect((fallback.body as { text: string }).text).toMatch(/Invite @Recap/);
    expect(postsTo(channel)).toHaveLength(1);

    const expired = `s15-expired-${Date.now()}`;
    const expiredUrl = slack.responseUrl(expired);
    slack.expireResponseUrl(expired);
    const before = lines.length;
    const second = await sendCommand(`${url} summary`, channel, expiredUrl);
    expect(second.status).toBe(200);
    const logged = await until(() => lines.slice(before).find((l) => /"level":"error"/.test(l) && /response_url/.test(l)), 'the error log line');
    expect(logged).toMatch(/404/);
    await sleep(2500);
    // One status attempt and one response_url attempt: no retry loop, nothing delivered, still serving.
    expect(postsTo(channel)).toHaveLength(2);
    expect(slack.calls('POST', `/response/${expired}`)).toHaveLength(1);
    expect(slack.responses(expired)).toHaveLength(0);
    expect(lines.slice(before).filter((l) => /"level":"error"/.test(l))).toHaveLength(1);
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
  });
});

/** A raw request with `node:http`: headers go out at once; `write` then decides what (if anything) of the body follows. */
function rawPost(path: string, headers: Record<string, string>, write: (req: ReturnType<typeof request>) => void) {
  return new Promise<{ status: number; text: string }>((resolvePromise, reject) => {
    const req = request({ host: '127.0.0.1', port, method: 'POST', path, headers, agent: false }, (res: IncomingMessage) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => {
        resolvePromise({ status: res.statusCode ?? 0, text });
        req.destroy();
      });
    });
    req.on('error', reject);
    write(req);
  });
}

describe('Slack request size', () => {
  it('S-16 a 10 MB Content-Length gets 413 before a byte of the body is sent', async () => {
    const before = process.memoryUsage().rss;
    const answer = await rawPost('/slack/events', { 'content-type': 'application/json', 'content-length': String(10 * 1024 * 1024) }, (req) => req.flushHeaders());
    expect(answer.status).toBe(413);
    expect(process.memoryUsage().rss - before).toBeLessThan(5 * 1024 * 1024);
  });

  it('S-17 a chunked body without Content-Length gets 411', async () => {
    const answer = await rawPost('/slack/events', { 'content-type': 'application/json', 'transfer-encoding': 'chunked' }, (req) => {
      req.write('{"type":"url_verification",');
    });
    expect(answer.status).toBe(411);
  });
});

describe('Slow clients', () => {
  it('S-23 a client sending its headers one byte a second is cut off by headersTimeout; a normal request meanwhile succeeds', { timeout: 20_000 }, async () => {
    const socket = connect(port, '127.0.0.1');
    await once(socket, 'connect');
    const startedAt = Date.now();
    let received = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => (received += chunk));
    socket.on('error', () => undefined);
    const closed = new Promise<number>((done) => socket.once('close', () => done(Date.now())));
    const head = `POST /slack/events HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ${'a'.repeat(100)}`;
    let i = 0;
    const timer = setInterval(() => {
      if (!socket.destroyed && i < head.length) socket.write(head[i++]!);
    }, 1000);
    socket.write(head[i++]!);
    try {
      await sleep(1500);
      const body = JSON.stringify({ type: 'url_verification', challenge: 'meanwhile' });
      const normalStart = Date.now();
      const normal = await fetch(`${base}/slack/events`, { method: 'POST', headers: signedHeaders(body, 'application/json'), body });
      expect(normal.status).toBe(200);
      expect(await normal.json()).toEqual({ challenge: 'meanwhile' });
      expect(Date.now() - normalStart).toBeLessThan(1000);
      const closedAt = await Promise.race([closed, sleep(15_000).then(() => 0)]);
      expect(closedAt, 'the slow connection is still open after 15 s').toBeGreaterThan(0);
      // headersTimeout (5 s) plus the server's check interval (1 s), plus slack.
      expect(closedAt - startedAt).toBeLessThan(8000);
      expect(received).toMatch(/^HTTP\/1\.1 408/);
    } finally {
      clearInterval(timer);
      socket.destroy();
    }
  });
});

describe('L-2 logs', () => {
  it('no log line of this run carries the signing secret, the bot token or a response_url', () => {
    expect(lines.length).toBeGreaterThan(20);
    // The run really was at debug level (Bolt's and the WebClient's lines included).
    expect(lines.some((l) => /"level":"debug"/.test(l))).toBe(true);
    const leaks = lines.filter(
      (l) => l.includes(SECRET) || l.includes(BOT_TOKEN) || /xoxb-/.test(l) || l.includes('/response/') || /response_url=/.test(l),
    );
    expect(leaks).toEqual([]);
  });
});
