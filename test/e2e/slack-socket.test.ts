/**
 * The real Bolt app in Socket Mode (SLACK_APP_TOKEN, no signing secret): apps.connections.open through
 * SLACK_API_URL on the fake Slack, envelopes over the fake Socket Mode server's WebSocket, Web API calls recorded
 * by the fake Slack. `@slack/socket-mode` waits 5 s before each reconnect, so the two reconnect tests take ~10 s.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootRecap, type RunningRecap } from '../../src/boot.ts';
import { loadConfig } from '../../src/config.ts';
import { createLogger } from '../../src/log.ts';
import { startSlackSocketFake, type SlackSocketFake } from '../fakes/slack-socket.ts';
import { startSlackFake, type SlackFake } from '../fakes/slack.ts';
import { cleanEnv, ROOT } from '../support/spawn-recap.ts';
import { settle, until } from '../support/slack-requests.ts';

const BOT_TOKEN = 'xoxb-test-0000-recap';
const APP_TOKEN = 'xapp-1-A1-0000-recap-socket';
const VTT = readFileSync(resolve(ROOT, 'test/fixtures/e2e/standup.vtt'), 'utf8');

let slack: SlackFake;
let socket: SlackSocketFake;
let recap: RunningRecap | undefined;

function socketEnv(): Record<string, string> {
  return { PORT: '0', SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_APP_TOKEN: APP_TOKEN, SLACK_API_URL: slack.apiUrl, PUBLIC_URL: 'https://recap.example.com' };
}

beforeAll(async () => {
  slack = await startSlackFake({ botToken: BOT_TOKEN, teamId: 'T1', botUserId: 'UBOT', botId: 'BBOT' });
  socket = await startSlackSocketFake(slack, { appToken: APP_TOKEN });
  const config = loadConfig(socketEnv());
  expect(config.slack?.signingSecret).toBeUndefined();
  recap = await bootRecap(config, {
    log: createLogger({ level: 'silent' }),
    memory: true,
    hostname: '127.0.0.1',
    overrides: { fetchOptions: { addressPolicy: (address) => address === '127.0.0.1', allowedPort: () => true } },
  });
});
afterAll(async () => {
  await recap?.stop();
  await socket?.close();
  await slack?.close();
});


const hasSummary = (blocks: unknown) => /Summary/.test(JSON.stringify(blocks));

describe('Slack over Socket Mode', () => {
  it('connects through SLACK_API_URL with the app token, and serves no Slack routes over HTTP', async () => {
    const opens = slack.calls('POST', /^\/api\/apps\.connections\.open$/);
    expect(opens).toHaveLength(1);
    expect(opens[0]!.headers.authorization).toBe(`Bearer ${APP_TOKEN}`);
    expect(socket.connections).toHaveLength(1);
    expect(socket.current()?.id).toBe(1);
    expect(socket.refusals).toEqual([]);
    expect(slack.calls('auth.test').length).toBeGreaterThanOrEqual(1);
    const response = await fetch(`http://127.0.0.1:${recap!.server.port}/slack/events`, { method: 'POST', body: '{}' });
    expect(response.status).toBe(404);
  });

  it('a mention with an attached VTT gives one status message and one threaded recap; re-delivered envelopes give nothing more', async () => {
    const channel = 'C-socket';
    const ts = '1700000500.000100';
    const file = { id: 'F1', name: 'standup.vtt', url_private_download: slack.fileUrl('standup.vtt', VTT) };
    const envelope = socket.pushEvent({ type: 'app_mention', user: 'U1', channel, ts, text: '<@UBOT> summary chapters captions', files: [file] });
    const ack = await socket.waitForAck(envelope.envelope_id);
    expect(ack.payload).toEqual({});
    const recapMessage = await until(() => slack.messages(channel).find((m) => m.thread_ts === ts && hasSummary(m.blocks)), 'the recap');

    // Slack re-delivers unacknowledged envelopes after a reconnect: the same envelope, then a retry with a new id.
    socket.push(envelope);
    const retry = socket.retry(envelope);
    await socket.waitForAck(retry.envelope_id);
    await until(() => socket.acksFor(envelope.envelope_id).length === 2, 'the second ack');
    await settle();
    const messages = slack.messages(channel);
    expect(messages).toHaveLength(2);
    const status = messages.find((m) => m !== recapMessage)!;
    expect(status.thread_ts).toBe(ts);
    expect(status.text).toMatch(/standup\.vtt/);
    expect(JSON.stringify(recapMessage.blocks)).toContain('https://recap.example.com/captions/');
    expect(slack.ephemerals.filter((e) => e.channel === channel)).toEqual([]);
  });

  it('answers a mistyped /recap in the acknowledgement, privately', async () => {
    const envelope = socket.pushSlashCommand({ text: 'everything please', channel_id: 'C-socket-cmd' });
    const ack = await socket.waitForAck(envelope.envelope_id);
    expect(ack.payload?.response_type).toBe('ephemeral');
    expect(JSON.stringify(ack.payload)).toMatch(/not a link or an id/);
    expect(JSON.stringify(ack.payload)).toContain('/recap');
    await settle();
    expect(slack.messages('C-socket-cmd')).toHaveLength(0);
    expect(slack.responses()).toEqual([]);
  });

  it('acknowledges the "Recap this" shortcut and recaps the shared file in its thread', async () => {
    const file = { id: 'F2', name: 'standup.vtt', url_private_download: slack.fileUrl('shortcut/standup.vtt', VTT) };
    const envelope = socket.pushShortcut({
      channel: { id: 'C-socket-shortcut', name: 'standup' },
      message: { type: 'message', user: 'U2', ts: '1700000600.000100', text: 'notes', files: [file] },
    });
    expect((await socket.waitForAck(envelope.envelope_id)).payload).toEqual({});
    await until(() => slack.messages('C-socket-shortcut').find((m) => m.thread_ts === '1700000600.000100' && hasSummary(m.blocks)), 'the recap');
  });

  it('reconnects after refresh_requested (apps.connections.open again) and answers later events', async () => {
    const first = socket.current()!;
    socket.disconnect('refresh_requested');
    const closed = await first.closed;
    expect(closed).toEqual({ code: 1000, clean: true });
    const second = await socket.waitForConnection(2);
    expect(socket.opens()).toBe(2);
    expect(second.ticket).toBe(2);

    const file = { id: 'F3', name: 'standup.vtt', url_private_download: slack.fileUrl('refresh/standup.vtt', VTT) };
    const envelope = socket.pushEvent({ type: 'app_mention', user: 'U1', channel: 'C-refresh', ts: '1700000700.000100', text: '<@UBOT> summary', files: [file] });
    expect((await socket.waitForAck(envelope.envelope_id)).connection).toBe(2);
    await until(() => slack.messages('C-refresh').find((m) => hasSummary(m.blocks)), 'the recap after the reconnect');
  });

  it('reconnects after the connection drops without a close frame', async () => {
    socket.drop();
    const third = await socket.waitForConnection(3);
    expect(socket.opens()).toBe(3);
    expect(third.open).toBe(true);
    const envelope = socket.pushEvent({ type: 'app_mention', user: 'U7', channel: 'C-dropped', ts: '1700000800.000100', text: '<@UBOT> yesterday please' });
    expect((await socket.waitForAck(envelope.envelope_id)).connection).toBe(3);
    const ephemeral = await until(() => slack.ephemerals.find((e) => e.channel === 'C-dropped'), 'the ephemeral answer');
    expect(ephemeral.user).toBe('U7');
    expect(socket.refusals).toEqual([]);
  });

  it('recap.stop() closes the socket with a close handshake and does not reconnect', async () => {
    const last = socket.current()!;
    const opens = socket.opens();
    await recap!.stop();
    recap = undefined;
    expect(await last.closed).toEqual({ code: 1000, clean: true });
    await settle();
    expect(socket.opens()).toBe(opens);
  });

  it('a Socket Mode Recap process ends by itself after stop() (no dangling handles)', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', resolve(ROOT, 'test/fakes/slack-socket/recap-child.ts')], {
      cwd: ROOT,
      env: cleanEnv(socketEnv()),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) => child.once('exit', (code, signal) => done({ code, signal })));
    try {
      const before = socket.connections.length;
      await until(() => /connected/.test(out) || undefined, `the child to connect (stderr: ${err})`, 8000);
      const connection = await socket.waitForConnection(before + 1, 2000);
      child.kill('SIGTERM');
      await until(() => /stopped/.test(out) || undefined, `the child to stop (stderr: ${err})`, 3000);
      const result = await Promise.race([exited, new Promise<'running'>((r) => setTimeout(() => r('running'), 3000))]);
      expect(result, `still running 3 s after stop(); stderr: ${err}`).toEqual({ code: 0, signal: null });
      expect((await connection.closed).clean).toBe(true);
    } finally {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    }
  });
});
