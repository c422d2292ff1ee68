import winkNLP, { type ItemSentence } from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

/** A sentence located by character offsets in the text it was split from. */
export interface SentenceSpan {
  start: number;
  end: number;
}

// Only the sentence-boundary pipe: tokenising and boundaries are what we need
// here, and skipping POS tagging and entities makes splitting ~3x faster.
const sentenceNlp = winkNLP(model, ['sbd']);

/**
 * Splits one paragraph into sentences, without breaking at abbreviations and
 * numbers ("U.S.", "Dr.", "3.5 million", "38.21%", "Jan. 5").
 *
 * The offsets index into `text` exactly, trimmed of surrounding white space:
 * `text.slice(start, end)` is the sentence as written.
 *
 * @example splitSentences('Dr. Smith left. He won.') // [{start: 0, end: 15}, {start: 16, end: 23}]
 */
export function splitSentences(text: string): SentenceSpan[] {
  if (text.trim() === '') return [];
  const spans: SentenceSpan[] = [];
  let cursor = 0;
  sentenceNlp
    .readDoc(text)
    .sentences()
    .each((sentence: ItemSentence) => {
      const written = sentence.out().trim();
      if (written === '') return;
      const start = text.indexOf(written, cursor);
      // wink reproduces the text it was given; should it ever not, skip the
      // sentence rather than store offsets that do not match the text.
      if (start < 0) return;
      spans.push({ start, end: start + written.length });
      cursor = start + written.length;
    });
  if (spans.length === 0) {
    const start = text.length - text.trimStart().length;
    return [{ start, end: text.trimEnd().length }];
  }
  const last = spans[spans.length - 1]!;
  const rest = text.slice(last.end).trim();
  if (rest !== '') {
    const start = text.indexOf(rest, last.end);
    spans.push({ start, end: start + rest.length });
  }
  return spans;
}
