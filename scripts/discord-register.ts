/**
 * `npm run discord:register [-- --guild <server id>]`: registers `/recap` with Discord, from DISCORD_TOKEN
 * (and DISCORD_APPLICATION_ID, DISCORD_API_URL when set). One or two lines on stderr and exit 1 on any problem;
 * the token is never printed.
 */
import { registerCommands } from '../adapters/discord/register-commands.ts';
import { discordErrorCode } from '../adapters/discord/rest-poster.ts';
import { ConfigError, loadConfig } from '../src/config.ts';

function fail(message: string, hint?: string): never {
  process.stderr.write(`✗ ${message}\n${hint ? `  ${hint}\n` : ''}`);
  process.exit(1);
}

const args = process.argv.slice(2);
const guildAt = args.indexOf('--guild');
const guildId = guildAt >= 0 ? args[guildAt + 1] : undefined;
if (guildAt >= 0 && !/^\d{15,25}$/.test(guildId ?? '')) fail('--guild needs a server id.', 'Right-click the server with Developer Mode on, "Copy Server ID".');
const unknown = args.filter((a, i) => a !== '--guild' && i !== guildAt + 1);
if (unknown.length) fail(`Unknown argument "${unknown[0]}".`, 'Usage: npm run discord:register [-- --guild <server id>]');

let config;
try {
  config = loadConfig(process.env);
} catch (error) {
  if (error instanceof ConfigError) fail(error.message);
  throw error;
}
const discord = config.discord;
if (!discord?.token) fail('DISCORD_TOKEN is not set.', 'Copy the bot token from "Bot" in the Discord developer portal into DISCORD_TOKEN, then run this again.');

try {
  const done = await registerCommands({
    token: discord.token,
    ...(discord.applicationId ? { applicationId: discord.applicationId } : {}),
    ...(discord.apiUrl ? { apiUrl: discord.apiUrl } : {}),
    ...(guildId ? { guildId } : {}),
  });
  const where = done.scope === 'global' ? 'globally (new commands can take up to an hour to show everywhere)' : `in server ${done.scope.guild}`;
  process.stdout.write(`✓ Registered ${done.commands.map((c) => `/${c}`).join(', ')} for application ${done.applicationId} ${where}.\n`);
} catch (error) {
  const status = (error as { status?: number }).status;
  if (status === 401) fail('Discord refused the token (401).', 'Reset the bot token under "Bot" in the developer portal and set DISCORD_TOKEN again.');
  if (status === 403 || discordErrorCode(error) === 50001) fail('Discord refused access to that server (403).', 'Invite the bot to the server with the applications.commands scope first.');
  fail(`Registering failed: ${error instanceof Error ? error.message : String(error)}`, 'Check DISCORD_APPLICATION_ID and the network, then run this again.');
}
