/**
 * Waiting that a caller can cut short. The provider client waits between retries and for rate-budget tokens; a
 * user who cancels a recap must not sit through either, so every wait here ends the moment the signal aborts and
 * rejects with the signal's own reason (the caller then sees exactly what it aborted with, not a wrapper).
 */

/** The shape of the injectable `sleep` in {@link HttpClientOptions}: resolves after `ms`, or rejects on abort. */
export type SleepFunction = (ms: number, signal?: AbortSignal) => Promise<void>;

/**
 * Real-time sleep. Rejects with `signal.reason` when the signal aborts first, and clears its timer then so an
 * abandoned wait does not keep the process alive.
 */
export const realSleep: SleepFunction = (ms, signal) =>
  new Promise<void>((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, Math.max(0, ms));
    signal?.addEventListener('abort', onAbort, { once: true });
  });

/**
 * Waits with `sleep` (real or injected) but never longer than the signal allows.
 *
 * An injected test `sleep` may ignore the signal it is given; racing it against the abort keeps the promise that
 * "the caller's abort stops sleeps immediately" true whatever `sleep` does.
 *
 * @throws the signal's reason when it aborts before or during the wait.
 */
export async function sleepUnlessAborted(sleep: SleepFunction, ms: number, signal?: AbortSignal): Promise<void> {
  signal?.throwIfAborted();
  // A zero wait still goes through `sleep`: it yields to the event loop, and an injected sleep sees every wait.
  ms = Math.max(0, ms);
  if (!signal) {
    await sleep(ms);
    return;
  }
  let onAbort: (() => void) | undefined;
  const aborted = new Promise<never>((_resolve, reject) => {
    onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
  });
  try {
    await Promise.race([sleep(ms, signal), aborted]);
  } finally {
    if (onAbort) signal.removeEventListener('abort', onAbort);
  }
  // A sleep that resolved in the same tick as the abort still counts as aborted: the caller asked to stop.
  signal.throwIfAborted();
}
