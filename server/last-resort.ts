// The server's last line of defence: an error that escaped every handler (an 'error' event nobody listens to, a
// rejected promise nobody awaits) is logged with its stack, and the server keeps serving the requests it can.
// It hides nothing: every error that reached it is a bug, and each one found so far has a test of its own
// (tests/store/bad-input.test.ts) that fails if the error escapes again.

/** Installs the handlers; returns a function that removes them. */
export function keepServing(log: (message: string, err: unknown) => void = console.error): () => void {
  const onException = (err: unknown, origin: string) => log(`last-resort handler: ${origin}, kept serving:`, err);
  const onRejection = (reason: unknown) => onException(reason, "unhandledRejection");
  process.on("uncaughtException", onException);
  process.on("unhandledRejection", onRejection);
  return () => {
    process.off("uncaughtException", onException);
    process.off("unhandledRejection", onRejection);
  };
}
