/** Body paragraphs with photo captions and attribution lines taken out. */
export interface SeparatedBody {
  paragraphs: string[];
  captions: string[];
  /** The outlet named by a `Source: …` line inside the body, if any. */
  attributedSource: string | null;
}

// A photo credit closing a paragraph: "(AP Photo/Militant video, File)",
// "(Photo: Reuters)", "(Getty Images)". Body prose does not end this way.
const PHOTO_CREDIT = /\((?:[^()]*\b(?:photo|photograph|image|picture|video still|getty images|afp|reuters)s?\b[^()]*)\)\s*$/i;
const ATTRIBUTION_LINE = /^source:\s*(.*)$/i;
// A shortened caption copy is a prefix of the full caption; require some
// length so that a short body sentence is never mistaken for one.
const MIN_SHORTENED_CAPTION = 40;

/**
 * Separates what pages repeat around an article's body from the body itself:
 * - photo captions (a paragraph closing with a photo credit) go to `captions`,
 *   once, and so do their repeats and shortened copies (a prefix of a caption);
 * - `Source: Outlet` lines are attribution, not body text;
 * - a paragraph repeated verbatim is kept once.
 */
export function separateCaptions(blocks: readonly string[]): SeparatedBody {
  // A block not closing with ")" is not a caption: tested first, since the credit pattern is tried from
  // every "(" of a paragraph (it was 40% of this function's time on news text).
  const captions = blocks.filter((block) => block.trimEnd().endsWith(')') && PHOTO_CREDIT.test(block));
  const isCaptionCopy = (block: string) =>
    captions.some((caption) => caption === block || (block.length >= MIN_SHORTENED_CAPTION && caption.startsWith(block)));

  const paragraphs: string[] = [];
  // Paragraphs kept so far, by length: a repeat is looked for among those of its length only. A Set of the
  // paragraphs hashed every character of every new one (a fifth of the text parser's time).
  const keptByLength = new Map<number, string[]>();
  let attributedSource: string | null = null;
  for (const block of blocks) {
    const attribution = startsLikeAttribution(block) ? ATTRIBUTION_LINE.exec(block) : null;
    if (attribution) {
      attributedSource ??= attribution[1]?.trim() || null;
      continue;
    }
    const sameLength = keptByLength.get(block.length);
    if (isCaptionCopy(block) || sameLength?.includes(block)) continue;
    if (sameLength) sameLength.push(block);
    else keptByLength.set(block.length, [block]);
    paragraphs.push(block);
  }
  return { paragraphs, captions: [...new Set(captions)], attributedSource };
}

/** True when the block may be a `Source:` line (its first letter is an s), before trying the pattern. */
function startsLikeAttribution(block: string): boolean {
  return (block.charCodeAt(0) | 0x20) === 0x73;
}
