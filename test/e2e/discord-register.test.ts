/** `npm run discord:register` against the fake Discord: what lands where, and what a wrong token says. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDiscordFake, type DiscordFake } from '../fakes/discord.ts';
import { runScript } from '../support/spawn-recap.ts';

let discord: DiscordFake;
beforeAll(async () => {
  discord = await startDiscordFake();
});
afterAll(async () => {
  await discord?.close();
});

const env = (token: string) => ({ DISCORD_TOKEN: token, DISCORD_API_URL: discord.apiUrl });

describe('npm run discord:register', { timeout: 60_000 }, () => {
  it('registers /recap globally, finding the application id itself; a second run replaces it', async () => {
    const first = await runScript('discord-register.ts', [], env(discord.token));
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/Registered \/recap for application \d+ globally/);
    const again = await runScript('discord-register.ts', [], { ...env(discord.token), DISCORD_APPLICATION_ID: discord.applicationId });
    expect(again.code).toBe(0);
    const global = discord.commands('global');
    expect(global.map((c) => c.name)).toEqual(['recap']);
    // What Discord stored is what users will be offered: the file attachment among the options.
    expect(global[0]!.options).toContainEqual(expect.objectContaining({ name: 'file', type: 11 }));
  });

  it('registers in one server with --guild', async () => {
    const result = await runScript('discord-register.ts', ['--guild', discord.guildId], env(discord.token));
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`in server ${discord.guildId}`);
    expect(discord.commands(discord.guildId).map((c) => c.name)).toEqual(['recap']);
  });

  it('a wrong token: exit 1, says what to do, never prints the token', async () => {
    const wrong = 'MTEwMDAwMDAwMDAwMDAwMDAwMQ.wrong0.not-the-right-token-000000000000';
    const result = await runScript('discord-register.ts', [], env(wrong));
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/refused the token/);
    expect(result.stderr).toMatch(/Reset the bot token/);
    expect(result.stdout + result.stderr).not.toContain(wrong);
  });

  it('no token, or a bad --guild: exit 1 with the fix', async () => {
    const none = await runScript('discord-register.ts', [], { DISCORD_API_URL: discord.apiUrl });
    expect(none.code).toBe(1);
    expect(none.stderr).toMatch(/DISCORD_TOKEN is not set/);
    const badGuild = await runScript('discord-register.ts', ['--guild', 'general'], env(discord.token));
    expect(badGuild.code).toBe(1);
    expect(badGuild.stderr).toMatch(/--guild needs a server id/);
  });
});
