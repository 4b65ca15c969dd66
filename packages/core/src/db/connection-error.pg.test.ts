import { createConnection, createServer, type Server, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { loadConfig } from '@mathakine/config';

import { createDb, type ManagedDatabase } from './client.ts';
import { mapPrismaError } from './prisma-errors.ts';

// Issue 14 fault 1, deterministically. During a restart the server can send a new session's
// ReadyForQuery and its termination (57P01, FATAL) in one TCP chunk: the pool hands the client out on
// ReadyForQuery and the error is emitted in the same tick, before the caller (Prisma's adapter) could
// attach a listener, so Node turned it into an uncaught exception that killed the process. A proxy in
// front of the run's PostgreSQL injects exactly that.

/** An ErrorResponse `FATAL 57P01 terminating connection due to administrator command`. */
const adminShutdown = (): Buffer => {
  const fields = [
    'SFATAL',
    'VFATAL',
    'C57P01',
    'Mterminating connection due to administrator command',
  ];
  const body = Buffer.concat([...fields.map((f) => Buffer.from(`${f}\0`)), Buffer.from([0])]);
  const header = Buffer.alloc(5);
  header.write('E', 0);
  header.writeInt32BE(body.length + 4, 1);
  return Buffer.concat([header, body]);
};

/**
 * A TCP proxy to PostgreSQL. While `armed`, a new session gets, right behind its first ReadyForQuery
 * and in the same write, an administrator-shutdown error, then the connection is closed.
 */
const startInjectingProxy = async (upstreamPort: number) => {
  const state = { armed: false, injected: 0 };
  const sockets = new Set<Socket>();
  const server: Server = createServer((client) => {
    const upstream = createConnection(upstreamPort, '127.0.0.1');
    sockets.add(client).add(upstream);
    let pending = Buffer.alloc(0);
    let ready = false;
    client.on('data', (chunk) => upstream.write(chunk));
    upstream.on('data', (chunk: Buffer) => {
      if (ready || !state.armed) {
        client.write(chunk);
        return;
      }
      // Server → client messages: type byte + int32 length. Forward up to the first ReadyForQuery.
      pending = Buffer.concat([pending, chunk]);
      let offset = 0;
      while (pending.length - offset >= 5) {
        const type = String.fromCharCode(pending[offset] ?? 0);
        const end = offset + 1 + pending.readInt32BE(offset + 1);
        if (pending.length < end) break;
        offset = end;
        if (type === 'Z') {
          ready = true;
          state.injected += 1;
          client.end(Buffer.concat([pending.subarray(0, offset), adminShutdown()]));
          upstream.destroy();
          return;
        }
      }
      client.write(pending.subarray(0, offset));
      pending = pending.subarray(offset);
    });
    const close = () => {
      client.destroy();
      upstream.destroy();
    };
    client.on('error', close).on('close', close);
    upstream.on('error', close).on('close', close);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  return {
    port,
    state,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) =>
        server.close(() => {
          resolve();
        }),
      );
    },
  };
};

const url = new URL(loadConfig().database.url ?? '');
let proxy: Awaited<ReturnType<typeof startInjectingProxy>>;
let db: ManagedDatabase;
const connectionErrors: { code?: string }[] = [];

beforeAll(async () => {
  proxy = await startInjectingProxy(Number(url.port || 5432));
  const proxied = new URL(url);
  proxied.port = String(proxy.port);
  db = await createDb({
    url: proxied.toString(),
    poolSize: 2,
    onConnectionError: (err) => connectionErrors.push(err as { code?: string }),
  });
});

afterAll(async () => {
  await db.close();
  await proxy.close();
});

describe('a session terminated as it is handed out', () => {
  it('is reported, not thrown at the process, and the caller gets a 503-class error', async () => {
    // No session is open yet: the transaction's is the first, and it gets the injected error.
    proxy.state.armed = true;
    const failure = await db.prisma
      .$transaction(async (tx) => tx.$executeRawUnsafe('SELECT 1'), { maxWait: 60_000 })
      .then(
        () => null,
        (err: unknown) => err,
      );
    proxy.state.armed = false;
    expect(proxy.state.injected).toBeGreaterThan(0);
    expect(connectionErrors.map((e) => e.code)).toContain('57P01');
    expect(failure).not.toBeNull();
    expect(mapPrismaError(failure).code).toBe('DEPENDENCY_UNAVAILABLE');
    // The dead session was discarded: the next query opens a fresh one.
    expect(await db.prisma.$queryRawUnsafe<{ one: number }[]>('SELECT 1 AS one')).toEqual([
      { one: 1 },
    ]);
  });
});
