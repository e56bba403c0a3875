/**
 * Automatic posts (issue 7): a Discord channel subscribes to a fake SpotMe workspace; each session that finishes is
 * recapped in the channel exactly once, also across a restart; only channel managers may change subscriptions.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootRecap, type RunningRecap } from '../../src/boot.ts';
import { loadConfig } from '../../src/config.ts';
import { createLogger } from '../../src/log.ts';
import { startDiscordFake, type DiscordFake } from '../fakes/discord.ts';
import { startSpotMeFake, type SpotMeFake } from '../fakes/spotme.ts';
import { settle, until } from '../support/slack-requests.ts';

let discord: DiscordFake;
let spotme: SpotMeFake;
let dataDir: string;
let recap: RunningRecap;

const boot = async () => {
  const config = loadConfig({
    PORT: '0',
    DATA_DIR: dataDir,
    DISCORD_TOKEN: discord.token,
    DISCORD_API_URL: discord.apiUrl,
    SPOTME_API_TOKEN: spotme.token,
    SPOTME_BASE_URL: spotme.baseUrl,
    SPOTME_WORKSPACE_ID: spotme.workspaceId,
  });
  return bootRecap(config, {
    log: createLogger({ level: process.env.TEST_LOG ? 'debug' : 'silent' }),
    hostname: '127.0.0.1',
    spotmePollMs: 300,
    overrides: { fetchOptions: { addressPolicy: (a) => a === '127.0.0.1', allowedPort: () => true }, providerOverrides: { pacing: { initialMs: 50, maxMs: 200 }, download: { addressPolicy: (a) => a === '127.0.0.1', allowedPort: () => true } } },
  });
};

beforeAll(async () => {
  discord = await startDiscordFake();
  spotme = await startSpotMeFake({ stepMs: 100 });
  dataDir = mkdtempSync(join(tmpdir(), 'recap-subscriptions-'));
  recap = await boot();
  await discord.waitFor(() => discord.identifyCount >= 1, 10_000);
});
afterAll(async () => {
  await recap?.stop();
  await spotme?.close();
  await discord?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const channel = () => discord.channelIds[0]!;
/** `/recap <words>` from a member with these permissions (a bitfield string). */
async function command(words: string, permissions: string) {
  const interaction = discord.sendInteractionCreate({ data: { name: 'recap', options: [{ name: 'ref', type: 3, value: words }] }, member: { permissions } });
  const response = await until(() => discord.interactionResponses.find((r) => r.interactionId === interaction.id), 'the answer');
  return String((response.data as { content?: string } | undefined)?.content ?? '');
}
/** The recap messages of a session, by its title or id (SpotMe names it by its title when it has one). */
const recapsOf = (title: string, id: string) =>
  discord.botMessages().filter((m) =>
    m.embeds.some((e) => {
      const heading = String((e as { title?: string }).title ?? '');
      return heading.startsWith('Recap of ') && (heading.includes(title) || heading.includes(id));
    }),
  );

describe('/recap subscribe', () => {
  it('members who do not manage the channel cannot subscribe it', async () => {
    const answer = await command(`subscribe workspace:${spotme.workspaceId}`, '0');
    expect(answer).toMatch(/Only channel managers and admins/);
    expect(await command('subscriptions', '0')).toMatch(/no automatic recaps/);
  });

  it('P-19 a manager subscribes the channel to the workspace: each session that ends is recapped in the channel once although every poll lists it again, also after a restart', { timeout: 60_000 }, async () => {
    // Manage Channels (1 << 4).
    expect(await command(`subscribe workspace:${spotme.workspaceId} --lang en`, '16')).toMatch(/will get a recap of every session/);
    expect(await command(`subscribe workspace:${spotme.workspaceId}`, '16')).toMatch(/already subscribed/);
    expect(await command('subscriptions', '0')).toContain(`workspace:${spotme.workspaceId} (--lang en)`);

    spotme.addSession('keynote-1', { vod: false, title: 'Opening keynote' });
    await settle(800);
    expect(recapsOf('Opening keynote', 'keynote-1')).toHaveLength(0);
    spotme.finish('keynote-1');
    const posted = await until(() => recapsOf('Opening keynote', 'keynote-1')[0], 'the automatic recap', 20_000);
    // The status message is in the channel; the recap in the thread started from it.
    const thread = discord.threads.find((t) => t.id === posted.channel_id);
    expect(thread?.parent_id).toBe(channel());

    await recap.stop();
    recap = await boot();
    spotme.addSession('keynote-2', { vod: true, ended: true, title: 'Closing keynote' });
    await until(() => recapsOf('Closing keynote', 'keynote-2')[0], 'the next session recapped after the restart', 20_000);
    await settle(1500);
    expect(recapsOf('Opening keynote', 'keynote-1')).toHaveLength(1);
    expect(recapsOf('Closing keynote', 'keynote-2')).toHaveLength(1);
  });

  it('unsubscribe stops the posts', { timeout: 30_000 }, async () => {
    expect(await command(`unsubscribe workspace:${spotme.workspaceId}`, '16')).toMatch(/no longer gets recaps/);
    spotme.addSession('keynote-3', { vod: true, ended: true, title: 'Late session' });
    await settle(1500);
    expect(recapsOf('Late session', 'keynote-3')).toHaveLength(0);
    expect(await command('subscriptions', '0')).toMatch(/no automatic recaps/);
  });
});
