/**
 * The embedded database in its own thread (issue 17, cold start): `pglite-worker.ts` opens PGlite and
 * serves PostgreSQL's wire protocol; this side gives `pg` a socket to it, so the server reaches the
 * embedded database through the same driver and Prisma adapter as PostgreSQL. PGlite's WebAssembly start
 * (≈ 1 s) runs on another core while the main thread loads the application, and a query's execution no
 * longer blocks the event loop.
 */
import { availableParallelism } from 'node:os';
import { Duplex } from 'node:stream';
import { setFlagsFromString } from 'node:v8';
import { Worker } from 'node:worker_threads';
import { z } from 'zod';

/** What the migrate runner needs of an embedded database: PGlite itself, or its engine thread. */
export interface EmbeddedSql {
  query(sql: string, params?: unknown[]): Promise<{ rows: unknown[] }>;
  exec(sql: string): Promise<unknown>;
}

export interface PgliteEngine extends EmbeddedSql {
  /** Settles once PGlite is open in the thread; rejects when it could not open (the thread is stopped). */
  readonly ready: Promise<void>;
  /** A new session's socket, for `pg` (its `stream` option); usable before `ready`. */
  socket(): Duplex;
  /**
   * Closes PGlite (checkpoint) and ends the thread; past `SHUTDOWN_GRACE_MS` (a query that never ends)
   * the thread is stopped as by `terminate`. Idempotent.
   */
  close(): Promise<void>;
  /**
   * Stops the thread at once without closing PGlite: what a crash of the thread is (every session and
   * query then fails as unavailable; the next open recovers from the write-ahead log).
   */
  terminate(): Promise<void>;
}

/** How long `close` waits for PGlite to close before it stops the thread. */
export const SHUTDOWN_GRACE_MS = 15_000;

const ZFromEngine = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready') }),
  z.object({ type: z.literal('closed') }),
  z.object({ type: z.literal('data'), id: z.number(), bytes: z.instanceof(Uint8Array) }),
  z.object({ type: z.literal('result'), id: z.number(), rows: z.array(z.unknown()) }),
  z.object({
    type: z.enum(['error', 'failed', 'fault']),
    id: z.number().optional(),
    message: z.string(),
    code: z.string().optional(),
  }),
]);

/** An error of the engine thread, with PostgreSQL's SQLSTATE (or a socket errno) as `code`. */
export class EmbeddedEngineError extends Error {
  constructor(
    message: string,
    readonly code: string | undefined,
  ) {
    super(message);
    this.name = 'EmbeddedEngineError';
  }
}

/** The socket errno a `pg` client and `mapPrismaError` read as "the database is unavailable". */
const unavailable = (message: string, code: 'ECONNREFUSED' | 'ECONNRESET') =>
  new EmbeddedEngineError(message, code);

interface Link {
  post(message: object, transfer?: ArrayBuffer[]): void;
  dead(): Error | null;
}

/**
 * One session, as `pg`'s connection expects of a TCP socket: `connect` opens the session in the engine,
 * the bytes written in one tick go over as one message, the engine's replies are pushed as they come.
 */
class EngineSocket extends Duplex {
  #chunks: Buffer[] = [];
  #flushing = false;
  #opened = false;

  constructor(
    private readonly link: Link,
    readonly id: number,
    private readonly onDone: (socket: EngineSocket) => void,
  ) {
    super();
  }

  connect(): this {
    const dead = this.link.dead();
    if (dead !== null) {
      process.nextTick(() => this.destroy(unavailable(dead.message, 'ECONNREFUSED')));
      return this;
    }
    this.#opened = true;
    this.link.post({ type: 'open', id: this.id });
    process.nextTick(() => this.emit('connect'));
    return this;
  }

  setNoDelay(): this {
    return this;
  }

  setKeepAlive(): this {
    return this;
  }

  ref(): this {
    return this;
  }

  unref(): this {
    return this;
  }

  /** A reply from the engine. */
  deliver(bytes: Uint8Array): void {
    if (!this.destroyed) this.push(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  }

  override _read(): void {
    // Replies are pushed as the engine sends them.
  }

  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: (err?: Error) => void): void {
    this.#chunks.push(chunk);
    if (!this.#flushing) {
      this.#flushing = true;
      process.nextTick(() => {
        this.#flush();
      });
    }
    callback();
  }

  #flush(): void {
    this.#flushing = false;
    const chunks = this.#chunks;
    this.#chunks = [];
    if (chunks.length === 0 || this.destroyed) return;
    // A fresh buffer (never Node's shared pool), moved to the engine without a copy.
    const bytes = new Uint8Array(chunks.reduce((n, c) => n + c.byteLength, 0));
    let at = 0;
    for (const c of chunks) {
      bytes.set(c, at);
      at += c.byteLength;
    }
    this.link.post({ type: 'data', id: this.id, bytes }, [bytes.buffer]);
  }

  override _final(callback: (err?: Error) => void): void {
    this.#flush();
    this.push(null);
    callback();
  }

  override _destroy(err: Error | null, callback: (err?: Error | null) => void): void {
    if (this.#opened) this.link.post({ type: 'close', id: this.id });
    this.#opened = false;
    this.onDone(this);
    callback(err);
  }
}

/**
 * The thread's module: the server bundle's own entry next to it (`dist/pglite-worker.js`), or, run from
 * source (tests, `pnpm dev`), `pglite-worker.ts` imported once tsx (a development dependency) is
 * registered in the thread (Node 20 applies no `--import` hook to a worker's entry module). Never the
 * process's own flags: its `--import` preloads (Sentry) have no business in this thread.
 */
const threadModule = (): { entry: string | URL; evaluated: boolean } => {
  if (!import.meta.url.endsWith('.ts')) {
    return { entry: new URL('./pglite-worker.js', import.meta.url), evaluated: false };
  }
  const tsx = JSON.stringify(import.meta.resolve('tsx/esm/api'));
  const source = JSON.stringify(new URL('./pglite-worker.ts', import.meta.url).href);
  return {
    entry: `import(${tsx}).then((tsx) => { tsx.register(); return import(${source}); });`,
    evaluated: true,
  };
};

export interface StartEngineOptions {
  /** An absolute folder path. */
  dataDir: string;
  /** Start parameters added to PGlite's defaults. */
  extraStartParams: readonly string[];
}

/**
 * How many background tasks V8 may use to compile WebAssembly while the engine thread runs: the cores
 * minus the two the server's threads need (the main thread, the engine thread), at least one. V8 would
 * otherwise use every platform thread (4 here) for the optimising compilation of PGlite's hot functions,
 * ≈ 1 s of CPU during a start: on 2 cores, 6 runnable threads left the two that matter a third of a core
 * each. Functions are still optimised, on fewer threads; what runs meanwhile is V8's baseline code.
 */
export const wasmCompileTasks = (cores: number): number => Math.max(1, cores - 2);

/**
 * Starts the engine thread; PGlite opens in it meanwhile (`ready`). Messages sent before it is open
 * wait in the thread's queue. A dead thread (a crash, or PGlite failing to open) fails every session
 * and query with an unavailable error (503), never the process.
 *
 * Process-wide: sets V8's `--wasm-num-compilation-tasks` (`wasmCompileTasks`) before the thread compiles
 * PGlite, and before the main thread's first WebAssembly (Prisma's query compiler) when it is the first
 * thing the server starts (`main.ts`): the embedded cold start's largest saving (docs/performance.md).
 */
export const startPgliteEngine = (options: StartEngineOptions): PgliteEngine => {
  setFlagsFromString(`--wasm-num-compilation-tasks=${wasmCompileTasks(availableParallelism())}`);
  const thread = threadModule();
  const worker = new Worker(thread.entry, {
    eval: thread.evaluated,
    workerData: { dataDir: options.dataDir, extraStartParams: [...options.extraStartParams] },
    execArgv: [],
  });
  let nextId = 1;
  let deadError: Error | null = null;
  const sockets = new Map<number, EngineSocket>();
  const calls = new Map<number, { resolve(rows: unknown[]): void; reject(err: Error): void }>();
  let resolveReady: () => void = () => undefined;
  let rejectReady: (err: Error) => void = () => undefined;
  const ready = new Promise<void>((resolve, reject) => {
    resolveReady = resolve;
    rejectReady = reject;
  });
  // Awaited by the caller; a rejection nobody awaits yet must not be an unhandled one.
  ready.catch(() => undefined);
  let onClosed: (() => void) | null = null;

  const die = (err: Error) => {
    if (deadError !== null) return;
    deadError = err;
    rejectReady(err);
    for (const call of calls.values()) call.reject(unavailable(err.message, 'ECONNRESET'));
    calls.clear();
    for (const socket of sockets.values()) socket.destroy(unavailable(err.message, 'ECONNRESET'));
    onClosed?.();
  };

  worker.on('message', (raw: unknown) => {
    const parsed = ZFromEngine.safeParse(raw);
    if (!parsed.success) return;
    const msg = parsed.data;
    switch (msg.type) {
      case 'ready':
        resolveReady();
        return;
      case 'closed':
        onClosed?.();
        return;
      case 'data':
        sockets.get(msg.id)?.deliver(msg.bytes);
        return;
      case 'result': {
        const call = calls.get(msg.id);
        calls.delete(msg.id);
        call?.resolve(msg.rows);
        return;
      }
      case 'failed':
        die(new EmbeddedEngineError(msg.message, msg.code));
        void worker.terminate();
        return;
      case 'fault':
        // A session reset that failed: the backend's state is unknown, so nothing may run on it.
        die(new EmbeddedEngineError(`embedded database fault: ${msg.message}`, msg.code));
        void worker.terminate();
        return;
      case 'error': {
        const err = new EmbeddedEngineError(msg.message, msg.code);
        if (msg.id === undefined) return;
        const call = calls.get(msg.id);
        if (call !== undefined) {
          calls.delete(msg.id);
          call.reject(err);
          return;
        }
        sockets.get(msg.id)?.destroy(unavailable(msg.message, 'ECONNRESET'));
        return;
      }
    }
  });
  worker.on('error', (err) => {
    die(err);
  });
  worker.on('exit', (code) => {
    die(new Error(`The embedded database thread stopped (exit code ${code}).`));
  });

  const link: Link = {
    post: (message, transfer) => {
      if (deadError === null) worker.postMessage(message, transfer);
    },
    dead: () => deadError,
  };

  const call = (message: { type: 'query' | 'exec'; sql: string; params?: unknown[] }) =>
    new Promise<unknown[]>((resolve, reject) => {
      if (deadError !== null) {
        reject(unavailable(deadError.message, 'ECONNREFUSED'));
        return;
      }
      const id = nextId++;
      calls.set(id, { resolve, reject });
      worker.postMessage({ ...message, id });
    });

  let closing: Promise<void> | null = null;
  return {
    ready,
    socket: () => {
      const socket = new EngineSocket(link, nextId++, (s) => sockets.delete(s.id));
      sockets.set(socket.id, socket);
      return socket;
    },
    // The rows are what PGlite parsed in the engine thread, cloned across.
    query: async (sql: string, params: unknown[] = []) => ({
      rows: await call({ type: 'query', sql, params }),
    }),
    exec: (sql: string) => call({ type: 'exec', sql }),
    close: () => {
      closing ??= (async () => {
        if (deadError === null) {
          let timer: NodeJS.Timeout | undefined;
          const closed = new Promise<void>((resolve) => {
            onClosed = resolve;
            timer = setTimeout(resolve, SHUTDOWN_GRACE_MS);
            timer.unref();
          });
          worker.postMessage({ type: 'shutdown' });
          await closed;
          clearTimeout(timer);
        }
        await worker.terminate();
      })();
      return closing;
    },
    terminate: async () => {
      await worker.terminate();
    },
  };
};
