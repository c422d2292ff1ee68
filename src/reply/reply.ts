import type { Citation, Confidence, FactKind, SummaryLength } from '../answer/types.ts';

/**
 * The structured reply to a command: what `--json` prints (plus `text`), and
 * what the Discord and text renderers are both built from. Every reply has
 * `ok`, `command` and `kind`; the other fields depend on the kind.
 *
 * Citations are the engine's: `paragraph` is 0-based and
 * `quote === article.paragraphs[paragraph].slice(start, end)`; renderers show
 * the paragraph 1-based.
 */
export type Reply = ArticleReply | AnswerReply | ExcerptsReply | SourceReply | ListReply | ReloadReply | HelpReply | ErrorReply;

/** The slash command (and subcommand) a reply answers; `ask more` is the "More excerpts" button. */
export type CommandName = 'article latest' | 'article show' | 'article list' | 'ask' | 'ask more' | 'source' | 'reload' | 'help' | 'unknown';

/** A key fact as replies carry it. */
export interface FactView {
  kind: FactKind;
  text: string;
  /** True for a hedged claim ("if confirmed", "claims"). */
  unconfirmed?: boolean;
  citation: Citation;
}

/** An article's attribution: where it came from. */
export interface ArticleSource {
  id: string;
  title: string;
  /** The outlet, or null when the file does not say. */
  source: string | null;
  /** ISO date, or null when unknown. */
  date: string | null;
  url: string | null;
  author: string | null;
  /** Path of the file, relative to the articles folder. */
  file: string;
}

/** An article as /article shows it. */
export interface ArticleView extends ArticleSource {
  summaryLength: SummaryLength;
  /** The summary: the article's own sentences, in article order. */
  summary: string[];
  facts: FactView[];
}

/** `/article latest` and `/article show`. `citations` are the summary sentences, quoted. */
export interface ArticleReply {
  ok: true;
  kind: 'article';
  command: 'article latest' | 'article show';
  article: ArticleView;
  citations: Citation[];
}

/** Which articles a question was asked about (needed to ask it again for "More excerpts"). */
export interface AskScope {
  /** The article named with `article:`; only it was searched. */
  articleId: string | null;
  /** The conversation's current article when the question was asked. */
  currentArticleId: string | null;
}

/** `/ask`. `answer` is null when the engine abstains; then `citations` are the closest passages. */
export interface AnswerReply {
  ok: true;
  kind: 'answer';
  command: 'ask';
  question: string;
  answer: string | null;
  confidence: Confidence;
  /** The ISO date a date answer stands for when its words do not say the year (see Answer.resolvedDate). */
  resolvedDate?: string;
  citations: Citation[];
  /** Whether "More excerpts" may find further passages (the engine returned as many as it was asked for). */
  mayHaveMore: boolean;
  scope: AskScope;
  /** The one article the answer was sought in, when not all of them (see Answer.onlyIn): an abstention names it. */
  onlyIn?: { articleId: string; title: string };
}

/** The "More excerpts" button: the excerpts after the first ones shown, numbered from `firstNumber`. */
export interface ExcerptsReply {
  ok: true;
  kind: 'excerpts';
  command: 'ask more';
  question: string;
  firstNumber: number;
  citations: Citation[];
}

/** `/source` and the "Source" button: the attribution of what was shown, and each quoted passage. */
export interface SourceReply {
  ok: true;
  kind: 'source';
  command: 'source';
  /** What is being attributed: the last answer, the last article shown, or an article named with `article:`. */
  subject: 'answer' | 'article';
  /** For an answer: its question, and whether the engine abstained (then the passages are the closest ones). */
  question: string | null;
  abstained: boolean;
  sources: ArticleSource[];
  citations: Citation[];
}

/** One line of `/article list`. */
export interface ListedArticle {
  id: string;
  title: string;
  source: string | null;
  date: string | null;
}

/** `/article list`: a page of titles, newest first. */
export interface ListReply {
  ok: true;
  kind: 'list';
  command: 'article list';
  page: number;
  pages: number;
  total: number;
  articles: ListedArticle[];
}

/** `/reload`: the load report. */
export interface ReloadReply {
  ok: true;
  kind: 'reload';
  command: 'reload';
  articlesLoaded: number;
  /** The load report: a summary line, then one line per skipped file or warning. */
  report: string[];
}

/** `/help` (console only). */
export interface HelpReply {
  ok: true;
  kind: 'help';
  command: 'help';
  commands: { usage: string; description: string }[];
}

/**
 * A command that failed. `user`: something the user can fix (the message
 * says how); `rate-limit`: too many commands; `internal`: a bug, logged,
 * with a short apology as the message.
 */
export interface ErrorReply {
  ok: false;
  kind: 'error';
  command: CommandName;
  error: { message: string; kind: 'user' | 'rate-limit' | 'internal' };
}
