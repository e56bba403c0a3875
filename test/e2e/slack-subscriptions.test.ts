/**
 * Automatic posts in Slack: only workspace admins and owners (users.info) may subscribe a channel; a finished SpotMe
 * session is then recapped in the channel (status message, recap in its thread) once.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootRecap, type RunningRecap } from '../../src/boot.ts';
import { loadConfig } from '../../src/config.ts';
import { createLogger } from '../../src/log.ts';
import { startSlackFake, type SlackFake } from '../fakes/slack.ts';
import { startSpotMeFake, type SpotMeFake } from '../fakes/spotme.ts';
import { settle, slackSender, until } from '../support/slack-requests.ts';

const SECRET = 'test-signing-secret-subscriptions';
const BOT_TOKEN = 'xoxb-test-subscriptions';
let slack: SlackFake;
let spotme: SpotMeFake;
let recap: RunningRecap;
let dataDir: string;
let base: string;
let n = 0;
const sender = slackSender(SECRET, () => base);
const command = async (text: string) => {
  const response = await sender.sendCommand(text, 'C-subs', slack.responseUrl(`subs-${++n}`));
  return JSON.stringify(await response.json());
};

beforeAll(async () => {
  slack = await startSlackFake({ botToken: BOT_TOKEN, teamId: 'T1', botUserId: 'UBOT', botId: 'BBOT' });
  spotme = await startSpotMeFake({ stepMs: 100 });
  dataDir = mkdtempSync(join(tmpdir(), 'recap-slack-subs-'));
  const config = loadConfig({
    PORT: '0',
    DATA_DIR: dataDir,
    SLACK_BOT_TOKEN: BOT_TOKEN,
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_API_URL: slack.apiUrl,
    SPOTME_API_TOKEN: spotme.token,
    SPOTME_BASE_URL: spotme.baseUrl,
    SPOTME_WORKSPACE_ID: spotme.workspaceId,
  });
  recap = await bootRecap(config, {
    log: createLogger({ level: 'silent' }),
    hostname: '127.0.0.1',
    spotmePollMs: 300,
    slackPoster: { minIntervalMs: 0 },
    overrides: { providerOverrides: { pacing: { initialMs: 50, maxMs: 200 }, download: { addressPolicy: (a) => a === '127.0.0.1', allowedPort: () => true } } },
  });
  base = `http://127.0.0.1:${recap.server.port}`;
});
afterAll(async () => {
  await recap?.stop();
  await spotme?.close();
  await slack?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('/recap subscribe in Slack', () => {
  it('a member who is not an admin is refused privately; an admin subscribes; a finished session is recapped once', { timeout: 30_000 }, async () => {
    slack.setUser('U1', { is_admin: false });
    expect(await command(`subscribe workspace:${spotme.workspaceId}`)).toMatch(/Only channel managers and admins/);
    slack.setUser('U1', { is_admin: true });
    expect(await command(`subscribe workspace:${spotme.workspaceId}`)).toMatch(/will get a recap of every session/);
    expect(await command('subscriptions')).toContain(`workspace:${spotme.workspaceId}`);

    spotme.addSession('town-hall', { vod: true, ended: true, title: 'Town hall' });
    const recapPost = await until(() => slack.messages('C-subs').find((m) => m.thread_ts && /Summary/.test(JSON.stringify(m.blocks))), 'the automatic recap', 20_000);
    const status = slack.messages('C-subs').find((m) => m.ts === recapPost.thread_ts);
    expect(status?.text).toMatch(/town-hall|Town hall/);
    await settle(1500);
    expect(slack.messages('C-subs').filter((m) => m.thread_ts && /Summary/.test(JSON.stringify(m.blocks)))).toHaveLength(1);
  });
});
