import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { AppStore } from '../app-state/app-store.ts';
import { runCommand } from '../bot-actions/run-command.ts';
import { ConversationStore } from '../conversation/conversation-store.ts';
import type { Logger } from '../logger.ts';
import { buildErrorReply } from '../reply/build-error-reply.ts';
import type { Reply } from '../reply/reply.ts';
import { toJsonReply } from '../reply/to-json-reply.ts';
import { renderText } from '../render/render-text.ts';
import { CommandLineError, parseCommandLine } from './parse-command-line.ts';

/** Options of {@link runConsole}. */
export interface ConsoleOptions {
  store: AppStore;
  input: Readable;
  /** Replies go here, and only replies. */
  output: Writable;
  logger: Logger;
  /** One line of JSON per reply instead of text. */
  json?: boolean;
  /** Show a `> ` prompt (an interactive terminal). */
  prompt?: boolean;
  /** Ends the session (SIGINT/SIGTERM): no further line is read. */
  signal?: AbortSignal;
}

/**
 * The console: reads slash commands from `input`, one a line, and writes one
 * reply per command to `output`, in order — text separated by blank lines, or
 * one JSON line each with `json`. Blank lines and lines starting with `#` are
 * skipped; `/quit` or the end of input ends the session. The session is one
 * conversation, so `/article latest` then `/ask who was targeted` asks about
 * that article. Resolves with the number of commands answered.
 *
 * @example await runConsole({ store, input: process.stdin, output: process.stdout, logger, json: true })
 */
export async function runConsole(options: ConsoleOptions): Promise<number> {
  const conversation = new ConversationStore({ maxConversations: 1 }).get('console');
  const lines = createInterface({ input: options.input, ...(options.prompt ? { output: options.output, terminal: true } : { terminal: false }) });
  // Ctrl+C at the prompt, or a signal: stop reading; the loop below then ends.
  lines.on('SIGINT', () => lines.close());
  options.signal?.addEventListener('abort', () => lines.close(), { once: true });
  let answered = 0;
  const write = (reply: Reply) => {
    if (options.json) options.output.write(`${JSON.stringify(toJsonReply(reply))}\n`);
    else options.output.write(`${answered > 0 && !options.prompt ? '\n' : ''}${renderText(reply)}\n${options.prompt ? '\n' : ''}`);
    answered++;
  };
  if (options.prompt) {
    lines.setPrompt('> ');
    lines.prompt();
  }
  for await (const line of lines) {
    const text = line.trim();
    if (text !== '' && !text.startsWith('#')) {
      let reply: Reply;
      try {
        const input = parseCommandLine(text);
        if (input.type === 'quit') break;
        reply = await runCommand(input.request, { store: options.store, conversation }).catch((error: unknown) => {
          logIfBug(options.logger, error, input.request.command, text);
          return buildErrorReply(input.request.command, error);
        });
      } catch (error) {
        logIfBug(options.logger, error, 'unknown', text);
        reply = buildErrorReply(error instanceof CommandLineError ? error.command : 'unknown', error);
      }
      write(reply);
    }
    if (options.prompt) lines.prompt();
  }
  lines.close();
  return answered;
}

function logIfBug(logger: Logger, error: unknown, command: string, line: string): void {
  if (buildErrorReply('unknown', error).error.kind === 'internal') logger.error({ err: error, command, line }, 'command failed');
}
