/**
 * The shape the project keeps: a pure core under src/ that knows nothing of
 * Discord and never reads the environment; thin command modules; one registry.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { checkCommandList } from '../discord/validation.ts';
import { checkCommandModule, commandDefinitions, loadCommands } from '../../discord/command-registry.ts';

const ROOT = join(import.meta.dirname, '..', '..');

function sourceFiles(folder: string): string[] {
  return readdirSync(join(ROOT, folder), { withFileTypes: true }).flatMap((entry) => {
    const path = `${folder}/${entry.name}`;
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.isFile() && /\.[mc]?ts$/u.test(entry.name) ? [path] : [];
  });
}

describe('the core (src/)', () => {
  const files = sourceFiles('src');

  test('has files to check', () => {
    expect(files.length).toBeGreaterThan(30);
  });

  for (const file of files) {
    test(`${file} neither imports discord.js nor mentions process.env`, () => {
      const text = readFileSync(join(ROOT, file), 'utf8');
      expect(text).not.toMatch(/from\s+['"](discord\.js|@discordjs\/[^'"]+)['"]|import\(\s*['"](discord\.js|@discordjs)/u);
      expect(text).not.toMatch(/process\.env/u);
    });
  }
});

describe('command modules', () => {
  test('commands/ holds /article, /ask, /reload and /source, each with data and execute, valid for Discord', async () => {
    const commands = await loadCommands();
    expect([...commands.keys()]).toEqual(['article', 'ask', 'reload', 'source']);
    expect(checkCommandList(commandDefinitions(commands))).toBeUndefined();
    for (const name of ['article', 'ask', 'source']) expect(commands.get(name)?.autocomplete).toBeTypeOf('function');
    const reload = commandDefinitions(commands).find((c) => c.name === 'reload');
    expect(reload?.default_member_permissions).toBe('32'); // Manage Server
  });

  test('are thin: no command module imports the engine, the loader or the renderers directly', () => {
    for (const file of sourceFiles('commands')) {
      expect(readFileSync(join(ROOT, file), 'utf8'), file).not.toMatch(/src\/(answer|search|facts|summary|summarize-article|load-articles|render)|discord\/render-reply/u);
    }
  });

  const bad = [
    { module: {}, message: 'commands/x.ts must export data (a SlashCommandBuilder) and export execute(interaction, ctx)' },
    { module: { data: { name: 'x', toJSON: () => ({}) } }, message: 'must export execute(interaction, ctx)' },
    { module: { data: { name: 'y', toJSON: () => ({}) }, execute: async () => {} }, message: 'must be named after its command (/y belongs in commands/y.ts)' },
    { module: { data: { name: 'x', toJSON: () => ({}) }, execute: async () => {}, autocomplete: 'no' }, message: 'must export autocomplete as a function' },
  ];
  for (const t of bad) {
    test(`the registry refuses a module of the wrong shape: "${t.message}"`, () => {
      expect(() => checkCommandModule(t.module, 'x.ts')).toThrow(t.message.startsWith('commands/') ? t.message.replace('commands/x.ts', 'x.ts') : t.message);
    });
  }
});
