import { describe, expect, test } from 'vitest';
import { CommandLineError, parseCommandLine } from '../../src/console/parse-command-line.ts';

describe('parseCommandLine', () => {
  const cases: { line: string; request: unknown }[] = [
    { line: '/ask who was targeted', request: { command: 'ask', question: 'who was targeted' } },
    { line: '/ask question:who was targeted', request: { command: 'ask', question: 'who was targeted' } },
    { line: '/ask question:"who was targeted" article:"Russia claims"', request: { command: 'ask', question: 'who was targeted', article: 'Russia claims' } },
    { line: '/ask article:Russia question:how many were killed?', request: { command: 'ask', question: 'how many were killed?', article: 'Russia' } },
    { line: '/ask what time: 5pm?', request: { command: 'ask', question: 'what time: 5pm?' } },
    { line: '/ask question:"what is article: 5"', request: { command: 'ask', question: 'what is article: 5' } },
    { line: 'who was targeted?', request: { command: 'ask', question: 'who was targeted?' } },
    { line: '/article latest', request: { command: 'article latest' } },
    { line: '/article latest length:short', request: { command: 'article latest', length: 'short' } },
    { line: '/article show title:Russia claims length:long', request: { command: 'article show', title: 'Russia claims', length: 'long' } },
    { line: '/article show Russia claims', request: { command: 'article show', title: 'Russia claims' } },
    { line: '/article list', request: { command: 'article list' } },
    { line: '/article list 3', request: { command: 'article list', page: 3 } },
    { line: '/article list page:2', request: { command: 'article list', page: 2 } },
    { line: '/source', request: { command: 'source' } },
    { line: '/source article:“Russia claims”', request: { command: 'source', article: 'Russia claims' } },
    { line: '/reload', request: { command: 'reload' } },
    { line: '/HELP', request: { command: 'help' } },
  ];
  for (const t of cases) {
    test(`${t.line} → ${JSON.stringify(t.request)}`, () => {
      const parsed = parseCommandLine(t.line);
      expect(parsed.type).toBe('command');
      if (parsed.type === 'command') expect(Object.fromEntries(Object.entries(parsed.request).filter(([, v]) => v !== undefined))).toEqual(t.request);
    });
  }

  test('/quit and /exit end the session', () => {
    expect(parseCommandLine('/quit')).toEqual({ type: 'quit' });
    expect(parseCommandLine('/exit')).toEqual({ type: 'quit' });
  });

  const errors = [
    { line: '/weather', command: 'unknown', message: /Unknown command \/weather\. Commands: / },
    { line: '/article', command: 'unknown', message: /\/article needs latest, show or list/ },
    { line: '/article show', command: 'article show', message: /Name the article/ },
    { line: '/article latest length:huge', command: 'article latest', message: /length must be short, default or long \(got "huge"\)/ },
    { line: '/article list page:0', command: 'article list', message: /page must be a whole number from 1/ },
    { line: '/reload now', command: 'reload', message: /\/reload takes no options/ },
    { line: '/ask question:a question:b', command: 'ask', message: /question: is given twice/ },
  ];
  for (const t of errors) {
    test(`${t.line} → error for ${t.command}`, () => {
      let caught: unknown;
      try {
        parseCommandLine(t.line);
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(CommandLineError);
      expect((caught as CommandLineError).command).toBe(t.command);
      expect((caught as CommandLineError).message).toMatch(t.message);
    });
  }
});
