/**
 * Many workspaces: Recap installed through OAuth (/slack/install → Slack → /slack/oauth_redirect), installations in
 * keyv, each event answered with its workspace's bot token. The fake Slack answers oauth.v2.access and records the
 * token every Web API call carried. Checklist IDs S-* / SO-* in the test names.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KeyvInstallationStore } from '../../adapters/slack/installation-store.ts';
import { signSlackRequest } from '../../adapters/slack/signature.ts';
import { bootRecap, type RunningRecap } from '../../src/boot.ts';
import { loadConfig } from '../../src/config.ts';
import { createLogger } from '../../src/log.ts';
import { startSlackFake, type SlackFake } from '../fakes/slack.ts';
import { ROOT } from '../support/spawn-recap.ts';
import { settle, until } from '../support/slack-requests.ts';

const SECRET = 'test-signing-secret-0123456789';
const INSTALLED_TOKEN = 'xoxb-installed-T2-0000';
const CLIENT_ID = '1111.2222';
const CLIENT_SECRET = 'client-secret-0123456789';
const VTT = readFileSync(resolve(ROOT, 'test/fixtures/e2e/standup.vtt'), 'utf8');

let slack: SlackFake;
let recap: RunningRecap;
let base: string;
let installations: KeyvInstallationStore;
let eventCounter = 0;
const logLines: string[] = [];

beforeAll(async () => {
  // The fake plays workspace T2: it accepts only the token its oauth.v2.access hands out.
  slack = await startSlackFake({ botToken: INSTALLED_TOKEN, teamId: 'T2', botUserId: 'UBOT', botId: 'BBOT', clientId: CLIENT_ID, clientSecret: CLIENT_SECRET });
  const config = loadConfig({
    PORT: '0',
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_CLIENT_ID: CLIENT_ID,
    SLACK_CLIENT_SECRET: CLIENT_SECRET,
    SLACK_STATE_SECRET: 'state-secret-0123456789abcdef',
    SLACK_API_URL: slack.apiUrl,
    PUBLIC_URL: 'https://recap.example.com',
  });
  recap = await bootRecap(config, {
    log: createLogger({ level: 'info', write: (line) => logLines.push(line) }),
    memory: true,
    hostname: '127.0.0.1',
    overrides: { fetchOptions: { addressPolicy: (address) => address === '127.0.0.1', allowedPort: () => true } },
  });
  base = `http://127.0.0.1:${recap.server.port}`;
  installations = new KeyvInstallationStore(recap.storeHandle.store);
});
afterAll(async () => {
  await recap?.stop();
  await slack?.close();
});

async function startInstall(): Promise<{ state: string; cookie: string; location: URL }> {
  const response = await fetch(`${base}/slack/install`, { redirect: 'manual' });
  expect(response.status).toBe(302);
  const location = new URL(response.headers.get('location')!);
  const state = location.searchParams.get('state')!;
  const cookie = response.headers.getSetCookie().find((c) => c.startsWith('slack-app-oauth-state='))!.split(';')[0]!;
  return { state, cookie, location };
}

async function redirect(query: Record<string, string>, cookie?: string) {
  const response = await fetch(`${base}/slack/oauth_redirect?${new URLSearchParams(query)}`, { redirect: 'manual', headers: cookie ? { cookie } : {} });
  return { status: response.status, text: await response.text(), headers: response.headers };
}

async function install(teamId = 'T2') {
  const { state, cookie } = await startInstall();
  return redirect({ code: slack.oauthCode({ teamId }), state }, cookie);
}

async function sendEvent(teamId: string, event: Record<string, unknown>) {
  const body = JSON.stringify({ type: 'event_callback', team_id: teamId, api_app_id: 'ARECAP', event_id: `EvO${++eventCounter}`, event_time: 1, event });
  const timestamp = Math.floor(Date.now() / 1000);
  return fetch(`${base}/slack/events`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-slack-request-timestamp': String(timestamp), 'x-slack-signature': signSlackRequest(SECRET, timestamp, body) },
    body,
  });
}

const find = (teamId: string) => installations.find({ teamId });


describe('Slack OAuth install', () => {
  it('S-25 an event from a workspace that never installed Recap gets 200, one log line and no Web API call', async () => {
    const before = slack.requests.length;
    const response = await sendEvent('T9', { type: 'app_mention', user: 'U1', channel: 'C9', ts: '1700000000.000100', text: '<@UBOT> help' });
    expect(response.status).toBe(200);
    await settle();
    expect(slack.requests.length).toBe(before);
    expect(logLines.filter((l) => l.includes('without an installation') && l.includes('T9'))).toHaveLength(1);
  });

  it('/slack/install redirects to Slack with the bot scopes, the client id, the redirect URL and a one-time state', async () => {
    const { state, cookie, location } = await startInstall();
    expect(location.origin + location.pathname).toBe('https://slack.com/oauth/v2/authorize');
    expect(location.searchParams.get('client_id')).toBe(CLIENT_ID);
    expect(location.searchParams.get('scope')).toContain('app_mentions:read');
    expect(location.searchParams.get('redirect_uri')).toBe('https://recap.example.com/slack/oauth_redirect');
    expect(state).toMatch(/^[\w-]+\.[\w-]+$/);
    expect(cookie).toBe(`slack-app-oauth-state=${state}`);
  });

  it('/slack/oauth_redirect exchanges the code on SLACK_API_URL, stores the installation; a mention is answered with its token', async () => {
    const result = await install();
    expect(result.status).toBe(200);
    expect(result.text).toContain('Recap is installed');
    expect(result.headers.get('cache-control')).toBe('no-store');
    const exchange = slack.calls('oauth.v2.access');
    expect(exchange).toHaveLength(1);
    expect(exchange[0]!.client_id).toBe(CLIENT_ID);
    expect(exchange[0]!.redirect_uri).toBe('https://recap.example.com/slack/oauth_redirect');
    const installation = await find('T2');
    expect(installation?.bot?.token).toBe(INSTALLED_TOKEN);
    expect(installation?.bot?.userId).toBe('UBOT');
    expect(installation?.bot?.id).toBe('BBOT');

    // The file download and every post use the installed token (the fake refuses anything else).
    const channel = 'C-oauth';
    const file = { id: 'F1', name: 'standup.vtt', url_private_download: slack.fileUrl('standup.vtt', VTT) };
    const response = await sendEvent('T2', { type: 'app_mention', user: 'U1', channel, ts: '1700000100.000100', text: '<@UBOT> summary', files: [file] });
    expect(response.status).toBe(200);
    await until(() => slack.messages(channel).find((m) => /Summary/.test(JSON.stringify(m.blocks))), 'the recap');
    const posts = slack.calls('POST', /^\/api\/chat\./);
    expect(posts.length).toBeGreaterThan(0);
    for (const post of posts) expect(post.headers.authorization).toBe(`Bearer ${INSTALLED_TOKEN}`);
    const download = slack.calls('GET', /^\/files-pri\//).at(-1)!;
    expect(download.headers.authorization).toBe(`Bearer ${INSTALLED_TOKEN}`);
  });

  it('refuses a replayed, a forged, a cookie-less or a missing state with a clear page and installs nothing', async () => {
    const { state, cookie } = await startInstall();
    const code = slack.oauthCode({ teamId: 'T3' });
    const noCookie = await redirect({ code, state });
    expect(noCookie.status).toBe(400);
    expect(noCookie.text).toContain('This installation link cannot be used');

    const forged = await redirect({ code, state: `${state.split('.')[0]}.${'A'.repeat(43)}` }, `slack-app-oauth-state=${state.split('.')[0]}.${'A'.repeat(43)}`);
    expect(forged.status).toBe(400);
    expect(forged.text).toContain('This installation link cannot be used');

    const missing = await redirect({ code });
    expect(missing.status).toBe(400);

    const before = slack.calls('oauth.v2.access').length;
    expect((await redirect({ code, state }, cookie)).status).toBe(200);
    const replay = await redirect({ code: slack.oauthCode({ teamId: 'T4' }), state }, cookie);
    expect(replay.status).toBe(400);
    expect(replay.text).toContain('already used');
    expect(slack.calls('oauth.v2.access').length).toBe(before + 1);
    expect(await find('T3')).toBeDefined();
    expect(await find('T4')).toBeUndefined();
  });

  it('shows Slack\'s refusal of a bad code and a cancelled install as pages, storing nothing', async () => {
    const { state, cookie } = await startInstall();
    const refused = await redirect({ code: 'code-never-issued', state }, cookie);
    expect(refused.status).toBe(502);
    expect(refused.text).toContain('invalid_code');
    const cancelled = await redirect({ error: 'access_denied', state: 'x' });
    expect(cancelled.status).toBe(400);
    expect(cancelled.text).toContain('Installation cancelled');
  });

  it('SO-5 app_uninstalled and tokens_revoked delete the installation; later events are ignored', async () => {
    expect((await install()).status).toBe(200);
    expect(await find('T2')).toBeDefined();
    expect((await sendEvent('T2', { type: 'app_uninstalled' })).status).toBe(200);
    await settle();
    expect(await find('T2')).toBeUndefined();

    const before = slack.requests.length;
    expect((await sendEvent('T2', { type: 'app_mention', user: 'U1', channel: 'C1', ts: '1700000200.000100', text: '<@UBOT> help' })).status).toBe(200);
    await settle();
    expect(slack.requests.length).toBe(before);

    expect((await install()).status).toBe(200);
    expect((await sendEvent('T2', { type: 'tokens_revoked', tokens: { oauth: ['UINSTALLER'] } })).status).toBe(200);
    await settle();
    expect(await find('T2')).toBeDefined();
    expect((await sendEvent('T2', { type: 'tokens_revoked', tokens: { bot: ['UBOT'] } })).status).toBe(200);
    await settle();
    expect(await find('T2')).toBeUndefined();
  });
});
