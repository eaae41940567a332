/**
 * Runs at most `concurrency` tasks at once, in order. Work a page starts for each of
 * dozens of rows goes through one, so it never competes with what the user is doing.
 */
export function taskQueue(concurrency: number) {
  const waiting: Array<() => void> = [];
  let running = 0;
  const next = () => {
    if (running >= concurrency) return;
    const start = waiting.shift();
    if (!start) return;
    running++;
    start();
  };
  return function run<T>(task: () => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      waiting.push(() => {
        task()
          .then(resolve, reject)
          .finally(() => {
            running--;
            next();
          });
      });
      next();
    });
  };
}
