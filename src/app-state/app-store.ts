import { applyFileChanges, type ChangeSummary } from './apply-file-changes.ts';
import { createAppState, type AppState, type AppStateOptions } from './create-app-state.ts';
import { watchArticleFolder, type FolderWatch, type WatchOptions } from './watch-article-folder.ts';

/**
 * Holds the current {@link AppState} and replaces it on reload. Commands read
 * `current` once per command, so a reload never changes the articles under a
 * command half-way through. Concurrent reloads share one load.
 */
export class AppStore {
  #current: AppState;
  #reloading: Promise<AppState> | undefined;
  // Changes are applied one batch at a time, after any reload in progress.
  #changes: Promise<unknown> = Promise.resolve();

  constructor(
    initial: AppState,
    private readonly load: () => Promise<AppState>,
    private readonly options?: AppStateOptions,
  ) {
    this.#current = initial;
  }

  /** Loads the articles folder and builds the engine; the start-up step of the bot and the console. */
  static async open(options: AppStateOptions): Promise<AppStore> {
    const load = () => createAppState(options);
    return new AppStore(await load(), load, options);
  }

  /**
   * Reflects changed files in the answers without a reload: see
   * {@link applyFileChanges}. Batches are applied in order.
   */
  applyFileChanges(paths: readonly string[]): Promise<ChangeSummary> {
    const options = this.options;
    if (!options) return Promise.reject(new Error('AppStore: no articles folder to read changes from'));
    const run = this.#changes.then(async () => {
      await this.#reloading;
      const { state, summary } = await applyFileChanges(this.#current, options.articlesDir, paths, options.maxArticleBytes);
      this.#current = state;
      return summary;
    });
    this.#changes = run.catch(() => undefined);
    return run;
  }

  /** Watches the articles folder and applies its changes as they come; `onChange` hears each batch's summary. */
  watch(onChange: (summary: ChangeSummary) => void, onError: (error: Error) => void, options: WatchOptions = {}): FolderWatch {
    if (!this.options) throw new Error('AppStore: no articles folder to watch');
    return watchArticleFolder(
      this.options.articlesDir,
      (files) => void this.applyFileChanges(files).then(onChange, onError),
      { ...options, onError },
    );
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
