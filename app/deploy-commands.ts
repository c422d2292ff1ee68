/**
 * `npm run deploy-commands`: registers the slash commands of `commands/` for
 * DISCORD_GUILD_ID if set (instant), else globally (up to an hour to appear).
 * Needs DISCORD_TOKEN and DISCORD_CLIENT_ID.
 */
import dotenv from 'dotenv';
import { loadCommands } from '../discord/command-registry.ts';
import { deployCommands } from '../discord/deploy-commands.ts';
import { ConfigError, loadConfig, requireDiscordCredentials } from '../src/config.ts';

dotenv.config({ quiet: true });
try {
  const config = loadConfig(process.env);
  const { token, clientId } = requireDiscordCredentials(config);
  const result = await deployCommands({ token, clientId, guildId: config.discordGuildId, apiUrl: config.discordApiUrl, commands: await loadCommands() });
  const where = result.scope === 'guild' ? `server ${config.discordGuildId}` : 'all servers (global; may take up to an hour to appear)';
  process.stdout.write(`Registered ${result.names.map((n) => `/${n}`).join(', ')} for ${where}.\n`);
} catch (error) {
  process.stderr.write(error instanceof ConfigError ? `${error.message}\n` : `Could not register the commands: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
