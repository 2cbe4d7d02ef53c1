// A server command runs until it is stopped: SIGINT (Ctrl-C) or SIGTERM (a CI job's end) closes it and exits 0.

export function untilStopped(close: () => Promise<void>): Promise<number> {
  return new Promise((resolve) => {
    const stop = (): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      void close().then(
        () => resolve(0),
        () => resolve(0),
      );
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}
