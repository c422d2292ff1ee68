import { parsePage, parseSummaryLength, type CommandRequest } from '../bot-actions/command-request.ts';
import { UserFacingError } from '../bot-actions/user-facing-error.ts';
import type { CommandName } from '../reply/reply.ts';

/** A console line: a command, or the end of the session. */
export type ConsoleInput = { type: 'command'; request: CommandRequest } | { type: 'quit' };

/** A line that cannot be read as a command; `command` is the command it named, or `unknown`. */
export class CommandLineError extends UserFacingError {
  constructor(
    readonly command: CommandName,
    message: string,
  ) {
    super(message);
    this.name = 'CommandLineError';
  }
}

interface CommandSyntax {
  /** Option names, the first being the one bare text fills. */
  options: readonly string[];
  build(options: Partial<Record<string, string>>): CommandRequest;
}

const USAGE = 'Commands: /ask <question> [article:<title>], /article latest|show|list, /source [article:<title>], /reload, /help, /quit.';

const SYNTAX: Record<string, CommandSyntax> = {
  ask: {
    options: ['question', 'article'],
    build: (o) => ({ command: 'ask', question: o.question ?? '', article: o.article }),
  },
  'article latest': {
    options: ['length'],
    build: (o) => ({ command: 'article latest', length: parseSummaryLength(o.length) }),
  },
  'article show': {
    options: ['title', 'length'],
    build: (o) => {
      if (o.title === undefined || o.title === '') throw new UserFacingError('Name the article: /article show title: <part of its title>');
      return { command: 'article show', title: o.title, length: parseSummaryLength(o.length) };
    },
  },
  'article list': {
    options: ['page'],
    build: (o) => ({ command: 'article list', page: parsePage(o.page) }),
  },
  source: { options: ['article'], build: (o) => ({ command: 'source', article: o.article }) },
  reload: { options: [], build: () => ({ command: 'reload' }) },
  help: { options: [], build: () => ({ command: 'help' }) },
};

/**
 * Reads one console line as the slash command it names, with Discord's
 * `name:value` options. Bare text fills the command's main option, values
 * run to the next known option name and may be quoted, and a line that is
 * not a command is asked as a question.
 *
 * @throws CommandLineError (a UserFacingError) for an unknown command or a bad option, saying what to type.
 * @example parseCommandLine('/ask who was targeted')                       // ask, question "who was targeted"
 * @example parseCommandLine('/ask question:"who was it?" article:"Russia"') // ask, with an article
 * @example parseCommandLine('/article show title:Russia claims length:short')
 */
export function parseCommandLine(line: string): ConsoleInput {
  const text = line.trim();
  if (!text.startsWith('/')) return { type: 'command', request: { command: 'ask', question: text } };
  const [, name = '', rest = ''] = /^\/(\S*)\s*([\s\S]*)$/u.exec(text) ?? [];
  const command = name.toLowerCase();
  if (command === 'quit' || command === 'exit') return { type: 'quit' };
  let key = command;
  let args = rest;
  if (command === 'article') {
    const [, sub = '', after = ''] = /^(\S*)\s*([\s\S]*)$/u.exec(rest) ?? [];
    key = `article ${sub.toLowerCase()}`;
    args = after;
    if (!SYNTAX[key]) throw new CommandLineError('unknown', `/article needs latest, show or list: /article latest, /article show title: <title>, /article list [page].`);
  }
  const syntax = SYNTAX[key];
  if (!syntax) throw new CommandLineError('unknown', `Unknown command /${name}. ${USAGE}`);
  try {
    return { type: 'command', request: syntax.build(readOptions(args, syntax.options, `/${key}`)) };
  } catch (error) {
    if (error instanceof UserFacingError) throw new CommandLineError(key as CommandName, error.message);
    throw error;
  }
}

/** Splits `text` into options: `name:value` for the known names, bare text into the first. */
function readOptions(text: string, names: readonly string[], command: string): Partial<Record<string, string>> {
  const values: Partial<Record<string, string>> = {};
  const starts = findOptionStarts(text, names);
  const bare = text.slice(0, starts[0]?.at ?? text.length).trim();
  if (bare !== '') {
    const main = names[0];
    if (main === undefined) throw new UserFacingError(`${command} takes no options (got "${bare}").`);
    values[main] = unquote(bare);
  }
  starts.forEach((start, i) => {
    if (values[start.name] !== undefined) throw new UserFacingError(`${command}: ${start.name}: is given twice.`);
    values[start.name] = unquote(text.slice(start.at + start.name.length + 1, starts[i + 1]?.at ?? text.length).trim());
  });
  return values;
}

/** Where each `name:` of a known option starts: at the start or after a space, never inside quotes. */
function findOptionStarts(text: string, names: readonly string[]): { name: string; at: number }[] {
  const starts: { name: string; at: number }[] = [];
  let quote: string | null = null;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quote !== null) {
      if (ch === quote) quote = null;
      continue;
    }
    if ((ch === '"' || ch === '“') && (i === 0 || /[\s:]/u.test(text[i - 1]!))) {
      quote = ch === '“' ? '”' : '"';
      continue;
    }
    if (i > 0 && !/\s/u.test(text[i - 1]!)) continue;
    const name = names.find((n) => text.slice(i, i + n.length + 1).toLowerCase() === `${n}:`);
    if (name !== undefined) starts.push({ name, at: i });
  }
  return starts;
}

function unquote(value: string): string {
  const match = /^"([\s\S]*)"$/u.exec(value) ?? /^“([\s\S]*)”$/u.exec(value) ?? /^'([\s\S]*)'$/u.exec(value);
  return (match ? match[1]! : value).trim();
}
