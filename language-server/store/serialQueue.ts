/**
 * Runs tasks one at a time in call order. The store's database object is shared by every caller in the
 * process, and a write spans several awaits (lock, reload, save) that other calls must not interleave with.
 */
export class SerialQueue {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(task: () => Promise<T>): Promise<T> {
    const result = this.tail.then(task);
    this.tail = result.catch(() => undefined);
    return result;
  }
}
