import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';

export interface RunningServer {
  server: ServerType;
  port: number;
  /**
   * Graceful stop: refuse new connections, let in-flight requests finish within `timeoutMs`, then cut
   * whatever is left. Resolves once the listener is closed.
   */
  stop(timeoutMs: number): Promise<{ forced: boolean }>;
}

export type FetchHandler = Parameters<typeof serve>[0]['fetch'];

/** Listens on `host:port` (port 0 picks a free one) and resolves once the socket is bound. */
export const listen = (
  fetch: FetchHandler,
  options: { port: number; host: string },
): Promise<RunningServer> =>
  new Promise((resolve, reject) => {
    const server = serve(
      { fetch, port: options.port, hostname: options.host },
      (info: AddressInfo) => {
        resolve({ server, port: info.port, stop: (timeoutMs) => stopServer(server, timeoutMs) });
      },
    );
    server.once('error', reject);
  });

const stopServer = (server: ServerType, timeoutMs: number): Promise<{ forced: boolean }> =>
  new Promise((resolve) => {
    let forced = false;
    const timer = setTimeout(() => {
      forced = true;
      if ('closeAllConnections' in server) server.closeAllConnections();
    }, timeoutMs);
    timer.unref();
    server.close(() => {
      clearTimeout(timer);
      resolve({ forced });
    });
    // Idle keep-alive sockets would hold close() open; in-flight ones finish first.
    if ('closeIdleConnections' in server) server.closeIdleConnections();
  });
