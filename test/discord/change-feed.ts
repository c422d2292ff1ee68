/** Options for waiting on the fake's state. */
export interface WaitOptions {
  /**
   * Real milliseconds before the wait gives up with an error that describes what was
   * awaited and what happened instead. Only a guard against hanging tests: a passing
   * test never waits for it. Default 5000.
   */
  timeoutMs?: number;
}

/** Returned by a wait check: a value to resolve with, or `undefined` to keep waiting. */
export type WaitCheck<T> = () => T | undefined;

interface Waiter {
  check: () => boolean;
  fail: (error: Error) => void;
}

export const DEFAULT_WAIT_MS = 5_000;

/**
 * Event-driven waiting without polling: everything that changes the fake's state calls
 * `notify()`, which re-runs every pending check once.
 */
export class ChangeFeed {
  readonly #waiters = new Set<Waiter>();
  #closedWith: Error | undefined;

  /** Re-evaluates every pending wait. */
  notify(): void {
    for (const waiter of [...this.#waiters]) {
      if (waiter.check()) this.#waiters.delete(waiter);
    }
  }

  /**
   * Resolves with the first non-undefined result of `check`, evaluated now and after every change.
   * A check that throws rejects the wait with that error. `describe` names the wait and the state
   * seen, for the timeout message.
   */
  waitFor<T>(check: WaitCheck<T>, describe: () => string, options: WaitOptions = {}): Promise<T> {
    if (this.#closedWith) return Promise.reject(this.#closedWith);
    const timeoutMs = options.timeoutMs ?? DEFAULT_WAIT_MS;
    return new Promise<T>((resolve, reject) => {
      let timer: NodeJS.Timeout | undefined;
      const finish = (): void => {
        if (timer) clearTimeout(timer);
        this.#waiters.delete(waiter);
      };
      const waiter: Waiter = {
        check: () => {
          try {
            const value = check();
            if (value === undefined) return false;
            finish();
            resolve(value);
          } catch (error) {
            finish();
            reject(error instanceof Error ? error : new Error(String(error)));
          }
          return true;
        },
        fail: (error) => {
          finish();
          reject(error);
        },
      };
      if (waiter.check()) return;
      this.#waiters.add(waiter);
      timer = setTimeout(() => waiter.fail(new Error(`FakeDiscord: timed out after ${timeoutMs} ms waiting for ${describe()}`)), timeoutMs);
      timer.unref();
    });
  }

  /** Rejects every pending wait and every later one. */
  close(reason: Error): void {
    this.#closedWith = reason;
    for (const waiter of [...this.#waiters]) waiter.fail(reason);
  }
}

/** A promise with its resolve and reject exposed, already marked handled so an unobserved rejection is not reported. */
export interface Deferred<T> {
  promise: Promise<T>;
  resolve: (value: T) => void;
  reject: (error: Error) => void;
  settled: boolean;
}

export function createDeferred<T>(): Deferred<T> {
  let resolve!: (value: T) => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  // A test that expects a missed deadline need not observe firstResponse.
  promise.catch(() => undefined);
  const deferred: Deferred<T> = {
    promise,
    settled: false,
    resolve: (value) => {
      if (deferred.settled) return;
      deferred.settled = true;
      resolve(value);
    },
    reject: (error) => {
      if (deferred.settled) return;
      deferred.settled = true;
      reject(error);
    },
  };
  return deferred;
}
