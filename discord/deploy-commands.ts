import { REST, Routes } from 'discord.js';
import type { CommandModule } from './types.ts';
import { commandDefinitions } from './command-registry.ts';

/** Options of {@link deployCommands}. */
export interface DeployOptions {
  token: string;
  clientId: string;
  /** Register for this server only (instant); otherwise globally (may take up to an hour to show). */
  guildId?: string | null;
  /** REST base without /v10; default Discord's. */
  apiUrl?: string | null;
  commands: ReadonlyMap<string, CommandModule>;
}

/**
 * Registers the commands with Discord, replacing those registered before in
 * the same scope. Resolves with the names registered and where.
 */
export async function deployCommands(options: DeployOptions): Promise<{ scope: 'guild' | 'global'; names: string[] }> {
  const rest = new REST({ version: '10', ...(options.apiUrl ? { api: options.apiUrl } : {}) }).setToken(options.token);
  const body = commandDefinitions(options.commands);
  const route = options.guildId ? Routes.applicationGuildCommands(options.clientId, options.guildId) : Routes.applicationCommands(options.clientId);
  const registered = (await rest.put(route, { body })) as { name: string }[];
  return { scope: options.guildId ? 'guild' : 'global', names: registered.map((c) => c.name) };
}
