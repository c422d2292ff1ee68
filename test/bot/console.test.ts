/**
 * The console, as a user runs it: commands piped into the real process,
 * replies read from its standard output.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { JsonReply } from '../../src/reply/to-json-reply.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const FIXTURE_ARTICLES = 'test/fixtures/articles';

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a command in the project folder with `input` on standard input, until it exits. */
function run(command: string, args: string[], input: string, env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    // A token in the environment or a .env file would start the bot: an explicit empty value wins over .env.
    const child = spawn(command, args, { cwd: ROOT, env: { ...process.env, DISCORD_TOKEN: '', ARTICLES_DIR: '', LOG_LEVEL: 'warn', ...env }, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input);
  });
}

// What `npm run local` runs, without npm in between: the app's bundle, built by the tests' global set-up.
const local = (args: string[], input: string, env?: Record<string, string>) => run(process.execPath, ['scripts/run-app.mjs', 'local', ...args], input, env);

describe('npm run local -- --json', () => {
  test('one JSON line per command, in order, with the documented fields', async () => {
    const commands = [
      '/article show title:Russia claims',
      '/ask who was targeted',
      '/source',
      '# a comment, and a blank line, are skipped',
      '',
      '/ask question:"   "',
      '/weather today',
      '/article list page:2',
      '/ask question:"when did the harbour reopen" article:"Harbour reopens"',
    ];
    const result = await local(['--articles', FIXTURE_ARTICLES, '--json'], commands.join('\n') + '\n');
    expect(result.code).toBe(0);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(7);
    const replies = lines.map((line) => JSON.parse(line) as JsonReply & Record<string, unknown>);
    expect(replies.map((r) => [r.ok, r.command])).toEqual([
      [true, 'article show'],
      [true, 'ask'],
      [true, 'source'],
      [false, 'ask'],
      [false, 'unknown'],
      [true, 'article list'],
      [true, 'ask'],
    ]);
    for (const reply of replies) expect(reply.text).toEqual(expect.any(String));

    const [article, answer, source, empty, unknown, list, scoped] = replies as Record<string, any>[];
    expect(article!.article).toMatchObject({ id: 'reference.txt', title: 'Russia claims to have killed Islamic State leader Abu Bakr al-Baghdadi', source: 'Associated Press', date: '2017-06-16', file: 'reference.txt' });
    expect(article!.article.summary).toEqual(expect.arrayContaining([expect.stringMatching(/^Russia claims it killed the leader/u)]));
    expect(article!.article.facts.length).toBeGreaterThan(0);
    for (const fact of article!.article.facts) expect(fact).toMatchObject({ kind: expect.any(String), text: expect.any(String), citation: { articleId: 'reference.txt' } });

    expect(answer).toMatchObject({ answer: 'an IS meeting', confidence: 'high', question: 'who was targeted' });
    expect(answer!.citations[0]).toEqual({
      articleId: 'reference.txt',
      title: 'Russia claims to have killed Islamic State leader Abu Bakr al-Baghdadi',
      source: 'Associated Press',
      date: '2017-06-16',
      file: 'reference.txt',
      paragraph: 3,
      quote: 'The ministry said the air raid on May 28 that targeted an IS meeting held on the southern outskirts of Raqqa in Syria also killed about 30 mid-level militant leaders and about 300 other fighters.',
      start: 0,
      end: 195,
    });
    expect(answer!.text).toContain('Associated Press, 16 June 2017, "Russia claims to have killed Islamic State leader Abu Bakr al-Baghdadi", paragraph 4');

    expect(source).toMatchObject({ subject: 'answer', question: 'who was targeted', sources: [{ id: 'reference.txt', source: 'Associated Press', file: 'reference.txt' }] });
    expect(empty!.error.message).toMatch(/^Your question is empty/u);
    expect(unknown!.error.message).toMatch(/^Unknown command \/weather/u);
    expect(list).toMatchObject({ page: 2, pages: 2, total: 13 });
    expect(scoped!.scope).toEqual({ articleId: 'formats/plain-utf8.txt', currentArticleId: null });
    for (const citation of scoped!.citations) expect(citation.title).toBe('Harbour reopens after storm repairs');

    // Logs and the load report go to standard error, never between the replies.
    expect(result.stderr).toContain('Loaded 13 articles from 11 files');
  });

  test('an abstention is answer null, confidence none, with the closest passages', async () => {
    const result = await local(['--articles', FIXTURE_ARTICLES, '--json'], '/ask Which team won the World Cup final?\n');
    const reply = JSON.parse(result.stdout) as Record<string, unknown>;
    expect(reply).toMatchObject({ ok: true, answer: null, confidence: 'none' });
    expect(reply.text).toMatch(/^Q: Which team won the World Cup final\?\nI could not find that in the loaded articles\./u);
  });
});

describe('npm run local (text)', () => {
  test('/article latest then /ask who was targeted: one conversation for the session, replies as readable text', async () => {
    const result = await local(['--articles', FIXTURE_ARTICLES], '/article show title:Russia claims\n/ask who was targeted\n/source\n');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Russia claims to have killed Islamic State leader Abu Bakr al-Baghdadi\nAssociated Press · 16 June 2017\n\nSummary \(default\):\n/u);
    expect(result.stdout).toContain('Q: who was targeted\nA: an IS meeting (confidence: high)\n\n1. “The ministry said the air raid on May 28');
    expect(result.stdout).toContain('Where the answer to "who was targeted" came from:');
    expect(result.stdout).toContain('  paragraph 4: “The ministry said the air raid');
  });

  test('a folder that cannot be read stops with one clear message', async () => {
    const result = await local(['--articles', 'no/such/folder'], '');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('Cannot read the articles folder no/such/folder: no such folder.');
    expect(result.stdout).toBe('');
  });
});

describe('npm start', () => {
  test('without a token it runs the console on the bundled articles', async () => {
    const result = await run('npm', ['start', '--silent'], '/article latest\n');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^.+\n.+ · \d{1,2} [A-Z][a-z]+ \d{4}\n\nSummary \(default\):\n {2}“/u);
    expect(result.stdout).toMatch(/\nSource: .+ · file fa-kes\/.+\.txt\n$/u);
    expect(result.stderr).toMatch(/Loaded \d+ articles from \d+ files/u);
  });

  test('a bad variable stops start-up with one message naming it', async () => {
    const result = await run('npm', ['start', '--silent'], '', { LOG_LEVEL: 'loud', DISCORD_GUILD_ID: 'my server' });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('Invalid configuration');
    expect(result.stderr).toContain('  - LOG_LEVEL: must be one of');
    expect(result.stderr).toContain('  - DISCORD_GUILD_ID: must be a Discord id');
  });
});
