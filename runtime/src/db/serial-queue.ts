// Runs async tasks one after another. Used for SQLite writes: the engine has a single writer,
// and queueing in-process is cheaper and fairer than many connections spinning on a busy lock.
export class SerialQueue {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(task: () => Promise<T>): Promise<T> {
    const result = this.tail.then(task, task);
    this.tail = result.catch(() => undefined);
    return result;
  }
}
