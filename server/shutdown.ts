// A clean stop on SIGTERM or SIGINT: stop taking requests, let the requests and the write in progress finish,
// close the store and the workers, exit 0. A stop that hangs is cut off at a deadline (exit 1): the port is freed.
import type { IncomingMessage, Server, ServerResponse } from "node:http";

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

export interface ShutdownOptions {
  /** Run in order once no request is served any more: stop the watcher, wait for writes, close pool and store. */
  steps: (() => Promise<unknown>)[];
  /** After this long, connections still open (a client that never finishes its request) are cut. */
  graceMs?: number;
  /** After this long the process exits with code 1, whatever is still running. */
  deadlineMs?: number;
  log?: (message: string) => void;
  exit?: (code: number) => void;
}

export class Shutdown {
  private readonly inFlight = new Set<ServerResponse>();
  private stopping: Promise<void> | undefined;

  constructor(private readonly options: ShutdownOptions) {}

  /**
   * Wraps the app's request handler. Requests under way when the stop begins are answered and their connection
   * then closed (no keep-alive); one that still arrives on an open connection gets 503.
   */
  wrap(handler: Handler): Handler {
    return (req, res) => {
      if (this.stopping) {
        res.writeHead(503, { "Content-Type": "application/json", Connection: "close" });
        res.end(JSON.stringify({ error: "the server is shutting down" }));
        return;
      }
      this.inFlight.add(res);
      res.on("close", () => this.inFlight.delete(res));
      handler(req, res);
    };
  }

  /** Calls stop() on SIGTERM and SIGINT. */
  listen(server: Server): void {
    const onSignal = (signal: NodeJS.Signals) => void this.stop(server, signal);
    process.on("SIGTERM", onSignal);
    process.on("SIGINT", onSignal);
  }

  stop(server: Server, reason: string): Promise<void> {
    const log = this.options.log ?? console.log;
    const exit = this.options.exit ?? ((code: number) => process.exit(code));
    this.stopping ??= (async () => {
      log(`${reason}: shutting down (${this.inFlight.size} request${this.inFlight.size === 1 ? "" : "s"} in progress)`);
      const deadline = setTimeout(() => {
        log("shutdown took too long: exiting anyway");
        exit(1);
      }, this.options.deadlineMs ?? 20_000);
      deadline.unref();
      for (const res of this.inFlight) if (!res.headersSent) res.setHeader("Connection", "close");
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      // Keep-alive sockets close as soon as their last answer is sent; requests under way are left to finish.
      const idle = setInterval(() => server.closeIdleConnections(), 100);
      server.closeIdleConnections();
      const cut = setTimeout(() => server.closeAllConnections(), this.options.graceMs ?? 15_000);
      cut.unref();
      await closed;
      clearInterval(idle);
      clearTimeout(cut);
      for (const step of this.options.steps) await step();
      clearTimeout(deadline);
      log("stopped");
      exit(0);
    })();
    return this.stopping;
  }
}
