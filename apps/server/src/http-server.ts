import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';

export interface RunningServer {
  server: Server;
  port: number;
  /**
   * Graceful stop (the SIGTERM drain): stop accepting connections, answer every request already
   * received with `Connection: close`, close idle keep-alive sockets at once and each busy one as soon
   * as its response is sent; resolves when the last connection is gone. Whatever is still running after
   * `timeoutMs` is cut (`forced: true`).
   */
  stop(timeoutMs: number): Promise<{ forced: boolean }>;
}

export type FetchHandler = Parameters<typeof serve>[0]['fetch'];

export interface ListenOptions {
  port: number;
  host: string;
  /** A client must have sent its request headers within this (408 otherwise). Node's default: 60 s. */
  headersTimeoutMs?: number;
  /** A client must have sent its whole request within this (408 otherwise). Node's default: 300 s. */
  requestTimeoutMs?: number;
}

/**
 * How often Node checks the two timeouts above (its default, 30 s, would let a slow client hold a
 * socket up to 30 s past its deadline).
 */
const checkingIntervalFor = (options: ListenOptions): number =>
  Math.max(250, Math.min(1_000, (options.headersTimeoutMs ?? 60_000) / 4));

/** Listens on `host:port` (port 0 picks a free one) and resolves once the socket is bound. */
export const listen = (fetch: FetchHandler, options: ListenOptions): Promise<RunningServer> =>
  new Promise((resolve, reject) => {
    const server = serve({
      fetch,
      port: options.port,
      hostname: options.host,
      serverOptions: {
        ...(options.headersTimeoutMs === undefined
          ? {}
          : { headersTimeout: options.headersTimeoutMs }),
        ...(options.requestTimeoutMs === undefined
          ? {}
          : { requestTimeout: options.requestTimeoutMs }),
        connectionsCheckingInterval: checkingIntervalFor(options),
      },
    }) as Server;
    const { stop } = trackForDrain(server);
    server.once('error', reject);
    server.once('listening', () => {
      resolve({ server, port: (server.address() as AddressInfo).port, stop });
    });
  });

/** The drain's bookkeeping: the responses in flight, and the switch that makes them close. */
const trackForDrain = (server: Server) => {
  const inFlight = new Set<ServerResponse>();
  let draining = false;

  const closeAfter = (res: ServerResponse) => {
    // Before the head is written, this also tells the client not to reuse the connection.
    if (!res.headersSent) res.setHeader('Connection', 'close');
  };

  server.on('request', (_req: IncomingMessage, res: ServerResponse) => {
    inFlight.add(res);
    if (draining) closeAfter(res);
    res.once('close', () => {
      inFlight.delete(res);
      // The socket of a response sent during the drain is idle now: close it rather than wait.
      if (draining) server.closeIdleConnections();
    });
  });

  const stop = (timeoutMs: number): Promise<{ forced: boolean }> =>
    new Promise((resolve) => {
      draining = true;
      let forced = false;
      const timer = setTimeout(() => {
        forced = true;
        server.closeAllConnections();
      }, timeoutMs);
      timer.unref();
      server.close(() => {
        clearTimeout(timer);
        resolve({ forced });
      });
      for (const res of inFlight) closeAfter(res);
      server.closeIdleConnections();
    });

  return { stop };
};
