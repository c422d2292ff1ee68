import { readdir } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import type { CommandModule } from './types.ts';

/**
 * The commands folder of this project: `commands/` when this module runs
 * from its TypeScript source, and the commands' bundles beside it when it
 * runs from the app's bundle in `dist/` (see scripts/build-app.mjs).
 */
export const COMMANDS_DIR = fileURLToPath(new URL(import.meta.url.endsWith('.ts') ? '../commands/' : './commands/', import.meta.url));

/**
 * Checks that a module has a command's shape: `data` with a `name` and
 * `toJSON()` (a SlashCommandBuilder), `execute` a function, `autocomplete`
 * a function if present, and the name the file is named after.
 *
 * @throws Error naming the file and what is wrong.
 */
export function checkCommandModule(module: unknown, file: string): CommandModule {
  const m = module as Partial<Record<'data' | 'execute' | 'autocomplete', unknown>>;
  const data = m.data as { name?: unknown; toJSON?: unknown } | undefined;
  const problems: string[] = [];
  if (typeof data !== 'object' || data === null || typeof data.name !== 'string' || typeof data.toJSON !== 'function') {
    problems.push('export data (a SlashCommandBuilder)');
  } else if (data.name !== basename(file, extname(file))) {
    problems.push(`be named after its command (/${data.name} belongs in commands/${data.name}${extname(file)})`);
  }
  if (typeof m.execute !== 'function') problems.push('export execute(interaction, ctx)');
  if (m.autocomplete !== undefined && typeof m.autocomplete !== 'function') problems.push('export autocomplete as a function, if at all');
  if (problems.length > 0) throw new Error(`Command registry: ${file} must ${problems.join(' and ')}`);
  return m as CommandModule;
}

/**
 * Loads every command module of `folder` (default: `commands/`), checking each
 * one's shape, keyed by command name.
 *
 * @throws Error for a module of the wrong shape, or two modules with the same name.
 */
export async function loadCommands(folder: string = COMMANDS_DIR): Promise<Map<string, CommandModule>> {
  const files = (await readdir(folder)).filter((f) => /\.(ts|js|mjs)$/u.test(f) && !/\.(d|test)\.[mc]?[tj]s$/u.test(f)).sort();
  const commands = new Map<string, CommandModule>();
  for (const file of files) {
    const module = checkCommandModule(await import(pathToFileURL(`${folder}/${file}`).href), file);
    if (commands.has(module.data.name)) throw new Error(`Command registry: two modules define /${module.data.name}`);
    commands.set(module.data.name, module);
  }
  return commands;
}

/** The JSON Discord registers for these commands. */
export function commandDefinitions(commands: ReadonlyMap<string, CommandModule>): RESTPostAPIChatInputApplicationCommandsJSONBody[] {
  return [...commands.values()].map((c) => c.data.toJSON());
}
