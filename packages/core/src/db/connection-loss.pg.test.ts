import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

import { startPostgresCluster, type PostgresCluster } from '../testing/services.ts';
import { createDb, type ManagedDatabase } from './client.ts';
import { mapPrismaError } from './prisma-errors.ts';

// Issue 14 fault 1: PostgreSQL restarted under load. A `pg` client checked out of the pool when the
// server terminates its session (57P01) used to emit `error` with no listener: an uncaught exception
// that killed the process (here: the test worker, which vitest reports as a failure). This test runs
// on a private cluster it can restart, never on the run's shared server.
const POLL = { timeout: 240_000, interval: 50 };

let cluster: PostgresCluster;
let db: ManagedDatabase;
const connectionErrors: Error[] = [];

beforeAll(async () => {
  cluster = await startPostgresCluster();
  db = await createDb({
    url: cluster.url,
    poolSize: 16,
    connectionTimeoutMs: 2_000,
    transactionMaxWaitMs: 2_000,
    onConnectionError: (err) => connectionErrors.push(err),
  });
  await db.prisma.$executeRawUnsafe('CREATE TABLE load (id serial PRIMARY KEY, v int NOT NULL)');
});

afterAll(async () => {
  await db.close();
  await cluster.dispose();
});

describe('a PostgreSQL restart under load', () => {
  it('never crashes the process; every failure is a 503-class outage; service resumes', async () => {
    let stop = false;
    let committed = 0;
    const failures: unknown[] = [];
    // 16 concurrent writers, each holding a pooled client inside a transaction most of the time.
    const writer = async () => {
      while (!stop) {
        try {
          await db.prisma.$transaction(async (tx) => {
            await tx.$executeRawUnsafe('INSERT INTO load (v) VALUES (1)');
            await tx.$executeRawUnsafe('SELECT pg_sleep(0.005)');
            await tx.$executeRawUnsafe('INSERT INTO load (v) VALUES (2)');
          });
          committed += 1;
        } catch (err) {
          failures.push(err);
          await new Promise((resolve) => setImmediate(resolve));
        }
      }
    };
    const writers = Array.from({ length: 16 }, writer);

    for (let restart = 0; restart < 8; restart += 1) {
      // Restart only while the writers are committing (clients are checked out).
      const before = committed;
      await vi.waitFor(() => {
        expect(committed).toBeGreaterThan(before + 20);
      }, POLL);
      await cluster.restart();
    }
    const afterRestarts = committed;
    await vi.waitFor(() => {
      expect(committed).toBeGreaterThan(afterRestarts + 20);
    }, POLL);
    stop = true;
    await Promise.all(writers);

    // The restarts were felt (sessions were terminated while in use) …
    expect(failures.length + connectionErrors.length).toBeGreaterThan(0);
    // … and every failure a caller saw is classified as the database being unavailable (503).
    const codes = new Set(failures.map((err) => mapPrismaError(err).code));
    expect([...codes].filter((code) => code !== 'DEPENDENCY_UNAVAILABLE')).toEqual([]);
    expect(await db.ping(60_000)).toBe(true);
  });
});
