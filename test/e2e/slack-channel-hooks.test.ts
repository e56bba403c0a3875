/**
 * `/recap subscribe webhook` in Slack (issue 7): only workspace admins get the channel's secret URL, and only in
 * answers Slack shows to them alone (the slash command's ephemeral response, chat.postEphemeral for a mention); an
 * AssemblyAI transcript a team's own pipeline creates with that URL is then recapped in the channel once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootRecap, type RunningRecap } from '../../src/boot.ts';
import { loadConfig } from '../../src/config.ts';
import { CALLBACK_AUTH_HEADER } from '../../src/jobs/callbacks.ts';
import { createLogger } from '../../src/log.ts';
import { startAssemblyAiFake, type AssemblyAiFake } from '../fakes/assemblyai.ts';
import { startSlackFake, type SlackFake } from '../fakes/slack.ts';
import { settle, slackSender, until } from '../support/slack-requests.ts';
import { freePort } from '../support/free-port.ts';

const SECRET = 'test-signing-secret-channel-hooks';
const BOT_TOKEN = 'xoxb-test-channel-hooks';
const CHANNEL = 'C-hooks';
let slack: SlackFake;
let aai: AssemblyAiFake;
let recap: RunningRecap;
let base: string;
let n = 0;
const sender = slackSender(SECRET, () => base, 'EvHooks');
/** The slash command's acknowledgement: Slack shows it as Recap answers it (ephemeral or in the channel). */
const command = async (text: string) => (await (await sender.sendCommand(text, CHANNEL, slack.responseUrl(`hooks-${++n}`))).json()) as { response_type?: string; text?: string };

beforeAll(async () => {
  slack = await startSlackFake({ botToken: BOT_TOKEN, teamId: 'T1', botUserId: 'UBOT', botId: 'BBOT' });
  aai = await startAssemblyAiFake({ stepMs: 150 });
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  const config = loadConfig({
    PORT: String(port),
    PUBLIC_URL: base,
    SLACK_BOT_TOKEN: BOT_TOKEN,
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_API_URL: slack.apiUrl,
    ASSEMBLYAI_API_KEY: aai.apiKey,
    ASSEMBLYAI_BASE_URL: aai.url,
  });
  recap = await bootRecap(config, {
    log: createLogger({ level: 'silent' }),
    memory: true,
    hostname: '127.0.0.1',
    slackPoster: { minIntervalMs: 0 },
    overrides: { providerOverrides: { pacing: { initialMs: 50, maxMs: 200 } } },
  });
});
afterAll(async () => {
  await recap?.stop();
  await aai?.close();
  await slack?.close();
});

/** The AssemblyAI URL and header value an answer holds (Block Kit JSON included). */
function secretsIn(answer: unknown) {
  const text = JSON.stringify(answer);
  const url = new RegExp(`${base.replace(/[.:/]/g, '\\$&')}/hooks/assemblyai/channel/([A-Za-z0-9_-]{24})`).exec(text);
  const header = /webhook_auth_header_value: ([A-Za-z0-9_-]{24})/.exec(text)?.[1];
  if (!url || !header) throw new Error(`no webhook secrets in ${text}`);
  return { url: url[0], token: url[1]!, header };
}
/** Whether any message posted in the channel for all to read holds the text. */
const inChannel = (secret: string) => slack.calls('chat.postMessage').some((a) => JSON.stringify(a).includes(secret)) || slack.messages(CHANNEL).some((m) => JSON.stringify(m).includes(secret));
const post = (url: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

describe('/recap subscribe webhook in Slack', () => {
  it('a member who is not an admin is refused privately; an admin gets the secrets in an ephemeral answer only', async () => {
    slack.setUser('U1', { is_admin: false });
    const refused = await command('subscribe webhook');
    expect(refused.response_type).toBe('ephemeral');
    expect(JSON.stringify(refused)).toMatch(/Only channel managers and admins/);
    expect(JSON.stringify(refused)).not.toContain('/hooks/');

    slack.setUser('U1', { is_admin: true });
    const answer = await command('subscribe webhook');
    expect(answer.response_type).toBe('ephemeral');
    const { token, header } = secretsIn(answer);
    expect(JSON.stringify(answer)).toContain(`webhook_auth_header_name: ${CALLBACK_AUTH_HEADER}`);
    expect(inChannel(token)).toBe(false);
    expect(inChannel(header)).toBe(false);
    expect(JSON.stringify(await command('subscriptions'))).toMatch(/webhook: recordings your own pipeline sends \(AssemblyAI\)/);
  });

  it('an admin\'s @mention is answered with chat.postEphemeral to them alone, with new secrets; a transcript sent to the new URL is recapped once', { timeout: 30_000 }, async () => {
    const before = secretsIn(await command('subscribe webhook'));
    await sender.sendEvent({ type: 'app_mention', user: 'U1', channel: CHANNEL, ts: '1700030000.000100', text: '<@UBOT> subscribe webhook' });
    const ephemeral = await until(() => slack.ephemerals.find((e) => e.channel === CHANNEL && e.user === 'U1' && JSON.stringify(e).includes('/hooks/assemblyai/channel/')), 'the private answer');
    const { url, token, header } = secretsIn(ephemeral);
    expect(token).not.toBe(before.token);
    expect(JSON.stringify(ephemeral)).toMatch(/old URLs and header value no longer work/);
    expect(inChannel(token)).toBe(false);
    // Rotated: the previous URL is gone.
    expect((await post(before.url, { transcript_id: 'x', status: 'completed' }, { [CALLBACK_AUTH_HEADER]: before.header })).status).toBe(404);

    const created = await post(
      `${aai.url}/v2/transcript`,
      { audio_url: 'https://media.example.com/weekly-sync.mp3', webhook_url: url, webhook_auth_header_name: CALLBACK_AUTH_HEADER, webhook_auth_header_value: header },
      { authorization: aai.apiKey },
    );
    const id = ((await created.json()) as { id: string }).id;
    await until(() => aai.webhooks.find((w) => w.transcriptId === id && w.responseStatus === 200), 'the callback accepted');
    await Promise.all([1, 2, 3].map(() => post(url, { transcript_id: id, status: 'completed' }, { [CALLBACK_AUTH_HEADER]: header })));
    const recapPost = await until(() => slack.messages(CHANNEL).find((m) => m.thread_ts && /Summary/.test(JSON.stringify(m.blocks))), 'the recap', 20_000);
    const status = slack.messages(CHANNEL).find((m) => m.ts === recapPost.thread_ts);
    expect(status?.text).toContain(id);
    await settle(1000);
    expect(slack.messages(CHANNEL).filter((m) => !m.thread_ts)).toHaveLength(1);
    expect(slack.messages(CHANNEL).filter((m) => m.thread_ts && /Summary/.test(JSON.stringify(m.blocks)))).toHaveLength(1);

    expect(JSON.stringify(await command('unsubscribe webhook'))).toMatch(/no longer works/);
    expect((await post(url, { transcript_id: id, status: 'completed' }, { [CALLBACK_AUTH_HEADER]: header })).status).toBe(404);
  });
});
