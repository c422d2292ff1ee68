/** How sure the engine is of an answer. `none` means it abstained. */
export type Confidence = 'high' | 'medium' | 'low' | 'none';

/** The summary lengths offered: short ≈ 1–2 sentences, default ≈ 3, long ≈ 5–6. */
export type SummaryLength = 'short' | 'default' | 'long';

/**
 * Where a quote comes from. `quote` equals
 * `article.paragraphs[paragraph].slice(start, end)` of the article `articleId`.
 * `paragraph` is 0-based here; renderers show it 1-based.
 */
export interface Citation {
  articleId: string;
  title: string;
  source: string | null;
  date: string | null;
  file: string;
  paragraph: number;
  quote: string;
  start: number;
  end: number;
}

/** An answer to a question: a short answer (null when abstaining) and the excerpts that support it, best first. */
export interface Answer {
  question: string;
  answer: string | null;
  confidence: Confidence;
  /**
   * For a date answer whose words do not say the year ("Sunday", "today", "May 28"): the date they stand for,
   * resolved against the article's publication date as the key facts' dates are (ISO day, month or year:
   * "2014-04-27", "2017-05").
   */
  resolvedDate?: string;
  /** Supporting excerpts when answering; the closest passages when abstaining. */
  citations: Citation[];
  /**
   * The one article the answer was sought in, when it was not the whole collection: the article asked about, or
   * the conversation's current article for a question naming no other subject. An abstention says so.
   */
  onlyIn?: { articleId: string; title: string };
}

/** The kinds of key fact extracted from an article. */
export type FactKind = 'who' | 'when' | 'where' | 'number' | 'claim';

/**
 * A key fact of an article, with the sentence it comes from.
 *
 * @example
 * { kind: 'when', text: 'May 28, 2017: the air raid that targeted an IS meeting', value: '2017-05-28', citation }
 */
export interface KeyFact {
  kind: FactKind;
  /** The fact as a reader sees it: short, self-explanatory. */
  text: string;
  /** A normalised value where there is one: an ISO date or month (`2017-05-28`, `2017-05`), a number (`300`). */
  value?: string;
  /** For `claim`: true when the text hedges it ("if confirmed", "claims", "being verified"). */
  unconfirmed?: boolean;
  citation: Citation;
}
