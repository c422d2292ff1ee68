import type { Citation } from '../answer/types.ts';

/** What was last shown in a conversation, for /source. */
export type LastShown =
  | { kind: 'answer'; question: string; abstained: boolean; citations: readonly Citation[] }
  | { kind: 'article'; articleId: string; citations: readonly Citation[] };

/**
 * The context of one conversation (a Discord channel, or the console
 * session): the current article, which a question that names no other
 * subject is answered from, and what was last shown, for /source.
 */
export interface Conversation {
  currentArticleId: string | null;
  lastShown: LastShown | null;
}

/** Options of {@link ConversationStore}. */
export interface ConversationStoreOptions {
  /** Conversations kept; the least recently used is forgotten first. Default 1000. */
  maxConversations?: number;
}

// /source lists every passage last shown; more than this is not read.
const MAX_CITATIONS_KEPT = 10;

/**
 * Conversations by key (a channel id), bounded: the least recently used is
 * forgotten once there are `maxConversations`.
 *
 * @example
 * const conversation = store.get(channelId);
 * recordArticleShown(conversation, article.id, summary);
 */
export class ConversationStore {
  readonly #conversations = new Map<string, Conversation>();
  readonly #max: number;

  constructor(options: ConversationStoreOptions = {}) {
    this.#max = Math.max(1, options.maxConversations ?? 1000);
  }

  /** The conversation with this key, created empty the first time. */
  get(key: string): Conversation {
    let conversation = this.#conversations.get(key);
    if (conversation) {
      this.#conversations.delete(key); // re-insert: Map order is recency order
    } else {
      conversation = { currentArticleId: null, lastShown: null };
    }
    this.#conversations.set(key, conversation);
    while (this.#conversations.size > this.#max) this.#conversations.delete(this.#conversations.keys().next().value!);
    return conversation;
  }

  get size(): number {
    return this.#conversations.size;
  }
}

/** An article was shown: it becomes the current article, and its quoted passages what /source explains. */
export function recordArticleShown(conversation: Conversation, articleId: string, citations: readonly Citation[]): void {
  conversation.currentArticleId = articleId;
  conversation.lastShown = { kind: 'article', articleId, citations: citations.slice(0, MAX_CITATIONS_KEPT) };
}

/**
 * An answer was shown. The engine's rule: after an answer that did not
 * abstain, the current article becomes the first citation's article; an
 * abstention leaves it as it was.
 */
export function recordAnswerShown(conversation: Conversation, question: string, answer: string | null, citations: readonly Citation[]): void {
  const abstained = answer === null;
  const first = citations[0];
  if (!abstained && first) conversation.currentArticleId = first.articleId;
  conversation.lastShown = { kind: 'answer', question, abstained, citations: citations.slice(0, MAX_CITATIONS_KEPT) };
}
