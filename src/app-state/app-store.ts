import { createAppState, type AppState, type AppStateOptions } from './create-app-state.ts';

/**
 * Holds the current {@link AppState} and replaces it on reload. Commands read
 * `current` once per command, so a reload never changes the articles under a
 * command half-way through. Concurrent reloads share one load.
 */
export class AppStore {
  #current: AppState;
  #reloading: Promise<AppState> | undefined;

  constructor(
    initial: AppState,
    private readonly load: () => Promise<AppState>,
  ) {
    this.#current = initial;
  }

  /** Loads the articles folder and builds the engine; the start-up step of the bot and the console. */
  static async open(options: AppStateOptions): Promise<AppStore> {
    const load = () => createAppState(options);
    return new AppStore(await load(), load);
  }

  get current(): AppState {
    return this.#current;
  }

  /** Re-reads the articles folder and swaps the new state in; the old one stays in use if loading fails. */
  reload(): Promise<AppState> {
    this.#reloading ??= this.load()
      .then((state) => (this.#current = state))
      .finally(() => (this.#reloading = undefined));
    return this.#reloading;
  }
}
