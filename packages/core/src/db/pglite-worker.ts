/**
 * The embedded database engine's thread (`pglite-engine.ts` starts it): PGlite runs here, off the main
 * thread, so its WebAssembly start and every query's execution leave the event loop that serves HTTP
 * free (cold start, issue 17). The server bundle builds it as its own entry (`dist/pglite-worker.js`); from
 * source (tests, `pnpm dev`) the thread loads this file through tsx.
 *
 * It speaks PostgreSQL's wire protocol with `pg` clients on the main thread, one session at a time
 * (PGlite has one backend; the main thread's pool holds one connection):
 * - `open` starts a session: the startup packet is answered here (no authentication), the rest goes to
 *   `execProtocolRaw` as whole messages, in order;
 * - `close` (or a Terminate message) ends it: an open transaction is rolled back and every prepared
 *   statement deallocated, so the next session starts clean on the same backend;
 * - `query` / `exec` run SQL for the migrate command (rows cloned back);
 * - `shutdown` closes PGlite (checkpoint) and ends the thread.
 * Every request runs in one queue, in arrival order; a failure is reported to its sender, never thrown.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite } from '@electric-sql/pglite';
import { z } from 'zod';

const port = parentPort;
if (port === null) throw new Error('pglite-worker runs as a worker thread only');

const config = z
  .object({ dataDir: z.string(), extraStartParams: z.array(z.string()) })
  .parse(workerData);

/** AuthenticationOk then ReadyForQuery (idle): what a trust-authenticated server answers a startup. */
const STARTUP_REPLY = [0x52, 0, 0, 0, 8, 0, 0, 0, 0, 0x5a, 0, 0, 0, 5, 0x49];
const TERMINATE = 0x58;
const READY_FOR_QUERY = 0x5a;
const IDLE = 0x49;

/** What crosses the thread boundary of an error: its message and PostgreSQL's SQLSTATE when it has one. */
const errorFields = (err: unknown) => ({
  message: err instanceof Error ? err.message : String(err),
  code:
    typeof err === 'object' && err !== null && 'code' in err && typeof err.code === 'string'
      ? err.code
      : undefined,
});

/**
 * PGlite, opening; null when it failed to (the main thread was told why and stops the thread). Not
 * awaited here: the message listener below is registered in this same turn, so the thread's event loop
 * is never empty while PGlite opens. An empty loop makes Node drain the platform's tasks, which blocks the
 * thread until every background job ends, V8's optimising compilation of PGlite's WebAssembly included:
 * ≈ 0.2 s more before the first query is even read (cold start, issue 17).
 */
const opening: Promise<PGlite | null> = (async () => {
  const db = await PGlite.create({
    dataDir: config.dataDir,
    startParams: [...PGlite.defaultStartParams, ...config.extraStartParams],
  });
  await db.exec("SET TIME ZONE 'UTC'");
  return db;
})().catch((err: unknown) => {
  port.postMessage({ type: 'failed', ...errorFields(err) });
  return null;
});

/**
 * The one queue every request runs in, in arrival order, after the opening; a task gets PGlite (null
 * when it failed to open) and reports its own failure.
 */
let queue: Promise<unknown> = opening;
const enqueue = (task: (pglite: PGlite | null) => Promise<void>) => {
  queue = queue
    .then(() => opening)
    .then(task)
    .catch((err: unknown) => {
      port.postMessage({ type: 'fault', ...errorFields(err) });
    });
};

/**
 * One session: bytes of an incomplete message, whether its startup packet was answered, the backend's
 * transaction status from the last ReadyForQuery it was sent.
 */
interface Session {
  pending: Uint8Array;
  started: boolean;
  status: number;
  ended: boolean;
}
const sessions = new Map<number, Session>();

const concat = (a: Uint8Array, b: Uint8Array): Uint8Array => {
  if (a.length === 0) return b;
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
};

const int32At = (bytes: Uint8Array, at: number): number =>
  ((bytes[at] ?? 0) << 24) |
  ((bytes[at + 1] ?? 0) << 16) |
  ((bytes[at + 2] ?? 0) << 8) |
  (bytes[at + 3] ?? 0);

/** The transaction status of the last ReadyForQuery in a backend reply, or `previous` when none. */
const lastStatus = (reply: Uint8Array, previous: number): number => {
  let status = previous;
  let at = 0;
  while (at + 5 <= reply.length) {
    const length = int32At(reply, at + 1);
    if (reply[at] === READY_FOR_QUERY && length === 5) status = reply[at + 5] ?? previous;
    at += 1 + length;
  }
  return status;
};

/** Leaves the backend as a new session expects it: no transaction, no prepared statement. */
const endSession = (id: number) => {
  const session = sessions.get(id);
  if (session === undefined) return;
  session.ended = true;
  sessions.delete(id);
  enqueue(async (pglite) => {
    if (pglite === null) return;
    if (session.status !== IDLE) await pglite.exec('ROLLBACK');
    await pglite.exec('DEALLOCATE ALL');
  });
};

/** A session's bytes: the startup packet answered, whole messages sent on in order, a Terminate ends it. */
const receive = (id: number, chunk: Uint8Array) => {
  const session = sessions.get(id);
  if (session === undefined) return;
  let bytes = concat(session.pending, chunk);
  const messages: Uint8Array[] = [];
  let terminated = false;
  for (;;) {
    const header = session.started ? 5 : 4;
    if (bytes.length < header) break;
    const length = session.started ? 1 + int32At(bytes, 1) : int32At(bytes, 0);
    if (bytes.length < length) break;
    if (!session.started) {
      session.started = true;
      port.postMessage({ type: 'data', id, bytes: Uint8Array.from(STARTUP_REPLY) });
    } else if (bytes[0] === TERMINATE) {
      terminated = true;
    } else {
      messages.push(bytes.subarray(0, length));
    }
    bytes = bytes.subarray(length);
    if (terminated) break;
  }
  session.pending = bytes.slice();
  if (messages.length > 0) {
    const message = messages.reduce(concat).slice();
    enqueue(async (pglite) => {
      try {
        if (pglite === null) throw new Error('The embedded database did not open.');
        const reply = await pglite.execProtocolRaw(message);
        session.status = lastStatus(reply, session.status);
        // PGlite answers a copy of its receive buffer: moved across, not copied again.
        const moved = reply.buffer instanceof ArrayBuffer ? [reply.buffer] : [];
        if (!session.ended) port.postMessage({ type: 'data', id, bytes: reply }, moved);
      } catch (err) {
        port.postMessage({ type: 'error', id, ...errorFields(err) });
      }
    });
  }
  if (terminated) endSession(id);
};

/** SQL for the migrate command: `query` answers the rows, `exec` runs a script. */
const runSql = (id: number, kind: 'query' | 'exec', sql: string, params: unknown[]) => {
  enqueue(async (pglite) => {
    try {
      if (pglite === null) throw new Error('The embedded database did not open.');
      const rows = kind === 'query' ? (await pglite.query(sql, params)).rows : [];
      if (kind === 'exec') await pglite.exec(sql);
      port.postMessage({ type: 'result', id, rows });
    } catch (err) {
      port.postMessage({ type: 'error', id, ...errorFields(err) });
    }
  });
};

/** What the main thread sends (`pglite-engine.ts`). */
const ZToEngine = z.discriminatedUnion('type', [
  z.object({ type: z.enum(['open', 'close']), id: z.number() }),
  z.object({ type: z.literal('data'), id: z.number(), bytes: z.instanceof(Uint8Array) }),
  z.object({
    type: z.enum(['query', 'exec']),
    id: z.number(),
    sql: z.string(),
    params: z.array(z.unknown()).optional(),
  }),
  z.object({ type: z.literal('shutdown') }),
]);

port.on('message', (raw: unknown) => {
  const parsed = ZToEngine.safeParse(raw);
  if (!parsed.success) return;
  const msg = parsed.data;
  switch (msg.type) {
    case 'open':
      sessions.set(msg.id, {
        pending: new Uint8Array(),
        started: false,
        status: IDLE,
        ended: false,
      });
      return;
    case 'data':
      receive(msg.id, msg.bytes);
      return;
    case 'close':
      endSession(msg.id);
      return;
    case 'query':
    case 'exec':
      runSql(msg.id, msg.type, msg.sql, msg.params ?? []);
      return;
    case 'shutdown':
      enqueue(async (pglite) => {
        if (pglite !== null && !pglite.closed) await pglite.close();
        port.postMessage({ type: 'closed' });
        port.close();
      });
      return;
  }
});

void opening.then((pglite) => {
  if (pglite !== null) port.postMessage({ type: 'ready' });
});
