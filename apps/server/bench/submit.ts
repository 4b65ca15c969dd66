/**
 * `pnpm bench:submit` — drives POST /api/exercises/{id}/attempt over loopback for a bounded time and
 * prints throughput, p50/p99 latency and SQL statements per submit. A script, not a test.
 *
 * Database: DATABASE_URL when set (migrated, then written to: use a throwaway database), otherwise an
 * in-memory PGlite. Options: --duration=<s> (10), --concurrency=<n> (8, one learner per worker),
 * --exercises=<n> (50).
 *
 * SQL statements are counted at the driver: `pg.Client#query` on PostgreSQL (BEGIN/COMMIT included), and
 * PGlite's query/exec plus BEGIN + COMMIT for each transaction on the embedded database.
 * Authentication is a fixed resolver (one learner per worker, chosen by a header), so the numbers measure
 * the submit path itself, not token verification (`Authorization: Bearer bench-<user id>`).
 */
import { createRequire } from 'node:module';
import type { PGlite, Transaction } from '@electric-sql/pglite';
import { pino } from 'pino';
import { Registry } from 'prom-client';

import { createApiApp } from '@mathakine/api';
import { loadConfigOrExit } from '@mathakine/config';
import { createCore, systemClock, type Actor } from '@mathakine/core';
import { createDb, MEMORY_DATA_DIR, migrateDatabase } from '@mathakine/core/db';
import { createExercise, createUser } from '@mathakine/core/testing';

import { listen } from '../src/http-server.ts';
import { migrationsDir } from '../src/paths.ts';

const arg = (name: string, fallback: number): number => {
  const hit = process.argv.find((a) => a.startsWith(`--${name}=`));
  const value = hit === undefined ? Number.NaN : Number(hit.slice(name.length + 3));
  return Number.isFinite(value) && value > 0 ? value : fallback;
};

const DURATION_S = arg('duration', 10);
const CONCURRENCY = Math.floor(arg('concurrency', 8));
const EXERCISES = Math.floor(arg('exercises', 50));
const WARMUP = 20;

const out = (line: string) => process.stdout.write(`${line}\n`);

/** Counts SQL statements sent by this process while `counting` is on. */
const counter = { counting: false, statements: 0 };
const count = () => {
  if (counter.counting) counter.statements += 1;
};

const countPglite = (pglite: PGlite) => {
  const query = pglite.query.bind(pglite);
  const exec = pglite.exec.bind(pglite);
  const transaction = pglite.transaction.bind(pglite);
  pglite.query = ((...args: Parameters<PGlite['query']>) => {
    count();
    return query(...args);
  }) as PGlite['query'];
  pglite.exec = (...args: Parameters<PGlite['exec']>) => {
    count();
    return exec(...args);
  };
  pglite.transaction = <T>(fn: (tx: Transaction) => Promise<T>) => {
    count(); // BEGIN
    return transaction(async (tx) => {
      const counted: Transaction = {
        ...tx,
        query: ((...args: Parameters<Transaction['query']>) => {
          count();
          return tx.query(...args);
        }) as Transaction['query'],
        exec: (...args: Parameters<Transaction['exec']>) => {
          count();
          return tx.exec(...args);
        },
        sql: tx.sql.bind(tx),
        rollback: () => tx.rollback(),
        get closed() {
          return tx.closed;
        },
      };
      const result = await fn(counted);
      count(); // COMMIT
      return result;
    });
  };
};

const countPostgres = () => {
  // The pg driver under @prisma/adapter-pg (its ESM entry re-exports this same CommonJS Client).
  const pg = createRequire(import.meta.url)('pg') as {
    Client: { prototype: { query: (...args: unknown[]) => unknown } };
  };
  const proto = pg.Client.prototype;
  const original = proto.query;
  proto.query = function (this: unknown, ...args: unknown[]) {
    count();
    return original.apply(this, args);
  };
};

const percentile = (sorted: number[], p: number): number => {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] ?? Number.NaN;
};

const main = async () => {
  const config = loadConfigOrExit();
  const url = config.database.url;
  if (url) countPostgres();
  const db = await createDb(
    url ? { url, poolSize: Math.max(CONCURRENCY, 4) } : { dataDir: MEMORY_DATA_DIR },
  );
  if (db.migrationTarget.kind === 'pglite' && db.migrationTarget.instance !== null) {
    countPglite(db.migrationTarget.instance);
  }
  await migrateDatabase(db, { migrationsDir: migrationsDir() });

  // Fixtures: one learner per worker and a pool of exercises of every answer kind.
  const learners = await Promise.all(
    Array.from({ length: CONCURRENCY }, () => createUser(db.prisma)),
  );
  const types = [
    'ADDITION',
    'SOUSTRACTION',
    'MULTIPLICATION',
    'DIVISION',
    'FRACTIONS',
    'GEOMETRIE',
    'TEXTE',
    'MIXTE',
    'DIVERS',
  ] as const;
  const exercises: { id: number; correctAnswer: string }[] = [];
  for (let i = 0; i < EXERCISES; i++) {
    const ex = await createExercise(db.prisma, {
      exerciseType: types[i % types.length] ?? 'ADDITION',
    });
    exercises.push({ id: ex.id, correctAnswer: ex.correctAnswer });
  }
  const actors = new Map<string, Actor>(
    learners.map((u) => [
      String(u.id),
      { userId: u.id, username: u.username, role: 'padawan', accessScope: 'full', sessionId: null },
    ]),
  );

  const log = pino({ level: 'silent' });
  const core = createCore({ db, log, clock: systemClock });
  const { app } = createApiApp({
    core,
    config,
    log,
    registry: new Registry(),
    // `Authorization: Bearer bench-<user id>` signs a worker in as its learner.
    resolveAuth: ({ accessToken }) => {
      const actor = actors.get(accessToken?.replace(/^bench-/, '') ?? '') ?? null;
      return Promise.resolve({ actor, tokenState: actor ? 'valid' : 'none' });
    },
  });
  const server = await listen(app.fetch, { port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${server.port}`;

  let seq = 0;
  const submit = async (userId: number): Promise<number> => {
    seq += 1;
    const ex = exercises[seq % exercises.length] ?? exercises[0];
    if (!ex) throw new Error('no exercise');
    const answer = seq % 2 === 0 ? ex.correctAnswer : 'faux';
    const started = performance.now();
    const res = await fetch(`${base}/api/exercises/${ex.id}/attempt`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer bench-${userId}` },
      body: JSON.stringify({ answer, time_spent: 3.5 }),
    });
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`submit answered ${res.status}`);
    return performance.now() - started;
  };

  // Warm-up (JIT, prepared plans, settings cache), not measured.
  for (let i = 0; i < WARMUP; i++) await submit(learners[i % learners.length]?.id ?? 0);

  const latencies: number[] = [];
  let errors = 0;
  const deadline = performance.now() + DURATION_S * 1000;
  counter.statements = 0;
  counter.counting = true;
  const startedAt = performance.now();
  await Promise.all(
    learners.map(async (learner) => {
      while (performance.now() < deadline) {
        try {
          latencies.push(await submit(learner.id));
        } catch {
          errors += 1;
        }
      }
    }),
  );
  const elapsed = (performance.now() - startedAt) / 1000;
  counter.counting = false;

  const attempts = await db.prisma.attempt.count();
  await server.stop(1_000);
  await db.close();

  latencies.sort((a, b) => a - b);
  const done = latencies.length;
  out(
    `bench:submit — POST /api/exercises/{id}/attempt over loopback (${db.kind === 'pglite' ? 'PGlite in memory' : 'PostgreSQL'})`,
  );
  out(
    `  duration ${elapsed.toFixed(1)} s, concurrency ${CONCURRENCY} (one learner each), ${EXERCISES} exercises`,
  );
  out(
    `  submits  ${done} ok, ${errors} failed (attempt rows: ${attempts}, incl. ${WARMUP} warm-up)`,
  );
  out(`  throughput ${(done / elapsed).toFixed(1)} submits/s`);
  out(
    `  latency  p50 ${percentile(latencies, 50).toFixed(2)} ms, p99 ${percentile(latencies, 99).toFixed(2)} ms, max ${(latencies[done - 1] ?? 0).toFixed(2)} ms`,
  );
  out(
    `  SQL      ${(counter.statements / Math.max(1, done)).toFixed(2)} statements per submit (${counter.statements} total)`,
  );
};

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
