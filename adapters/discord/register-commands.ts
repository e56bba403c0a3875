/**
 * Registers `/recap` with Discord: globally (every server the bot is in; Discord may take a while to show it) or
 * in one guild (at once). A bulk overwrite (PUT), so running it again replaces rather than duplicates.
 * https://discord.com/developers/docs/interactions/application-commands#bulk-overwrite-global-application-commands
 */
import { Routes } from 'discord.js';
import { recapCommandDefinition } from './command-definition.ts';
import { createDiscordRest } from './rest-poster.ts';

export interface RegisterOptions {
  token: string;
  /** DISCORD_APPLICATION_ID; asked from Discord (GET /applications/@me) when absent. */
  applicationId?: string;
  apiUrl?: string;
  /** One server only. */
  guildId?: string;
}

export interface Registered {
  applicationId: string;
  scope: 'global' | { guild: string };
  commands: string[];
}

export async function registerCommands(options: RegisterOptions): Promise<Registered> {
  const rest = createDiscordRest({ token: options.token, ...(options.apiUrl ? { apiUrl: options.apiUrl } : {}) });
  const applicationId = options.applicationId ?? ((await rest.get(Routes.currentApplication())) as { id: string }).id;
  const route = options.guildId ? Routes.applicationGuildCommands(applicationId, options.guildId) : Routes.applicationCommands(applicationId);
  const registered = (await rest.put(route, { body: [recapCommandDefinition()] })) as { name: string }[];
  return { applicationId, scope: options.guildId ? { guild: options.guildId } : 'global', commands: registered.map((c) => c.name) };
}
