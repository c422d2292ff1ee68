import type { AppState } from '../app-state/create-app-state.ts';
import type { Conversation } from '../conversation/conversation-store.ts';

/** What a bot action works with: the articles and engine, and the conversation it answers in. */
export interface ActionContext {
  readonly app: AppState;
  readonly conversation: Conversation;
  /**
   * Called once the input is checked and before slow work (summaries, facts,
   * answering, reloading). The Discord adapter defers the interaction here,
   * so that user errors found before it can still be answered ephemerally.
   */
  readonly beforeSlowWork?: () => Promise<void>;
}
