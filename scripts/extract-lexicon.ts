/**
 * Writes src/facts/lexicon-words.json: the words compromise's lexicon knows,
 * each with the classes the fact extractors use (see src/facts/lexicon.ts).
 * Run it after upgrading compromise (`npm run lexicon`); a test fails until
 * the file matches the installed version.
 *
 * Why a file and not compromise itself at run time: requiring compromise
 * (its whole tagger is built on require) took 0.3 s alone in plain Node,
 * 0.6 s under tsx; the app's start-up imports took 0.56-0.70 s without it
 * against 0.71-0.78 s with it, where the file takes milliseconds.
 */
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type Compromise from 'compromise';
import { LEXICON_TAG_CLASSES, type LexiconClass, type LexiconWords } from '../src/facts/lexicon-classes.ts';

/** Where the extracted lexicon is kept, beside the module that reads it. */
export const LEXICON_WORDS_FILE = join(import.meta.dirname, '..', 'src', 'facts', 'lexicon-words.json');

/** The lexicon as the installed compromise has it, in the file's layout. */
export function extractLexicon(): LexiconWords {
  const nlp = createRequire(import.meta.url)('compromise') as typeof Compromise;
  const model = nlp.model() as { one?: { lexicon?: Record<string, string | string[]> } };
  const words: Record<string, string> = {};
  for (const [word, raw] of Object.entries(model.one?.lexicon ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const classes = new Set<LexiconClass>();
    for (const tag of Array.isArray(raw) ? raw : [raw]) {
      const cls = LEXICON_TAG_CLASSES[tag];
      if (cls !== undefined) classes.add(cls);
    }
    words[word] = [...classes].sort().join(' ');
  }
  return { source: `compromise ${nlp.version}`, words };
}

if (process.argv[1] === import.meta.filename) {
  const lexicon = extractLexicon();
  writeFileSync(LEXICON_WORDS_FILE, `${JSON.stringify(lexicon, null, 1)}\n`);
  console.log(`${LEXICON_WORDS_FILE}: ${Object.keys(lexicon.words).length} words from ${lexicon.source}`);
}
