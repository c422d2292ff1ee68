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
  const captions = blocks.filter((block) => PHOTO_CREDIT.test(block));
  const isCaptionCopy = (block: string) =>
    captions.some((caption) => caption === block || (block.length >= MIN_SHORTENED_CAPTION && caption.startsWith(block)));

  const paragraphs: string[] = [];
  const seen = new Set<string>();
  let attributedSource: string | null = null;
  for (const block of blocks) {
    const attribution = ATTRIBUTION_LINE.exec(block);
    if (attribution) {
      attributedSource ??= attribution[1]?.trim() || null;
      continue;
    }
    if (isCaptionCopy(block) || seen.has(block)) continue;
    seen.add(block);
    paragraphs.push(block);
  }
  return { paragraphs, captions: [...new Set(captions)], attributedSource };
}
