/**
 * Runs `call` with a signal that aborts after `ms`, and rejects with `onTimeout()` then even if the call ignores
 * the signal: a hung engine must never hang the language server.
 */
export function withDeadline<T>(ms: number, call: (signal: AbortSignal) => Promise<T>, onTimeout: () => Error): Promise<T> {
  const controller = new AbortController();
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => {
      reject(onTimeout());
      controller.abort();
    }, ms);
    call(controller.signal).then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}

export const seconds = (ms: number): string => `${Number((ms / 1000).toFixed(1))} s`;
