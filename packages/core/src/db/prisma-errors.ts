import { AppError, type AppErrorCode } from '../kernel/errors.ts';

/**
 * What a use case says about the constraint errors it can cause (STYLE.md §4). Messages must be safe to
 * show a client; the defaults are generic.
 */
export interface PrismaErrorHints {
  /** Unique violation (P2002 / 23505): code (default CONFLICT) and message. */
  conflictCode?: Extract<AppErrorCode, 'CONFLICT' | 'ALREADY_EXISTS'>;
  conflictMessage?: string;
  /** Record not found (P2025). */
  notFoundMessage?: string;
  /** Foreign key (P2003 / 23503) and CHECK (23514) violations: INVALID_INPUT (default) or CONFLICT. */
  constraintCode?: Extract<AppErrorCode, 'INVALID_INPUT' | 'CONFLICT'>;
  constraintMessage?: string;
}

/** The database-level facts of a Prisma / driver-adapter error, whichever adapter (pg or PGlite) reported it. */
export interface PrismaErrorInfo {
  /** Prisma code, e.g. P2002; null for a raw driver error. */
  prismaCode: string | null;
  /** PostgreSQL SQLSTATE, e.g. 23505, when the database raised it. */
  sqlState: string | null;
  /** Violated constraint / index name when known. */
  constraint: string | null;
  /** Columns of a unique violation when the adapter reports them (PGlite does, pg gives the index). */
  fields: string[] | null;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object';

const str = (value: unknown): string | null =>
  typeof value === 'string' && value !== '' ? value : null;

const PRISMA_CODE = /^P\d{4}$/;
const SQLSTATE = /^[0-9A-Z]{5}$/;

/** Reads code, SQLSTATE and constraint from a PrismaClientKnownRequestError, a DriverAdapterError or a raw pg/PGlite error. */
export const prismaErrorInfo = (err: unknown): PrismaErrorInfo | null => {
  if (!isRecord(err)) return null;
  const code = str(err.code);
  const prismaCode = code !== null && PRISMA_CODE.test(code) ? code : null;
  const meta = isRecord(err.meta) ? err.meta : null;
  // Driver adapter errors: `meta.driverAdapterError.cause` (through Prisma) or `cause` (bare DriverAdapterError).
  const adapterError =
    meta !== null && isRecord(meta.driverAdapterError)
      ? meta.driverAdapterError
      : err.name === 'DriverAdapterError'
        ? err
        : null;
  const cause = adapterError !== null && isRecord(adapterError.cause) ? adapterError.cause : null;

  let sqlState: string | null = null;
  let message: string | null = null;
  let constraint: string | null = null;
  let fields: string[] | null = null;
  if (cause !== null) {
    sqlState = str(cause.originalCode) ?? str(cause.code);
    message = str(cause.originalMessage) ?? str(cause.message);
    const c = isRecord(cause.constraint) ? cause.constraint : null;
    if (c !== null) {
      constraint = str(c.index);
      if (Array.isArray(c.fields)) fields = c.fields.map(String);
    }
  } else if (prismaCode === null && code !== null && SQLSTATE.test(code)) {
    // A raw `pg` / PGlite DatabaseError.
    sqlState = code;
    message = str(err.message);
    constraint = str(err.constraint);
  }
  if (prismaCode === null && sqlState === null) return null;
  if (constraint === null && message !== null)
    constraint = /constraint "([^"]+)"/.exec(message)?.[1] ?? null;
  if (fields === null && meta !== null && Array.isArray(meta.target))
    fields = meta.target.map(String);
  return { prismaCode, sqlState, constraint, fields };
};

/** Prisma codes of an unreachable, closed or saturated database (not of a bad query). */
const UNAVAILABLE_PRISMA_CODES = new Set(['P1001', 'P1002', 'P1008', 'P1017', 'P2024']);
/**
 * SQLSTATEs of a database that went away or cannot take the session: class 08 (connection exception),
 * 57P01 (admin shutdown: a restart or failover), 57P02 (crash shutdown), 57P03 (cannot connect now:
 * starting up / shutting down), 53300 (too many connections).
 */
const UNAVAILABLE_SQLSTATE = /^(08[0-9A-Z]{3}|57P0[123]|53300)$/;
/** Driver adapter error kinds (Prisma's `DriverAdapterError.cause.kind`) of a lost connection. */
const UNAVAILABLE_KINDS = new Set([
  'DatabaseNotReachable',
  'ConnectionClosed',
  'SocketTimeout',
  'TooManyConnections',
]);
/** Node socket errors of a database connection. */
const UNAVAILABLE_ERRNOS = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
]);
/** What `pg`, `pg-pool` and Prisma's transaction manager say when the connection is gone or never came. */
const UNAVAILABLE_MESSAGES = [
  /^Connection terminated/,
  /timeout exceeded when trying to connect/,
  /is not queryable/,
  /Unable to start a transaction in the given time/,
  /Timed out fetching a new connection from the connection pool/,
];

const looksUnavailable = (e: Record<string, unknown>): boolean => {
  const code = str(e.code) ?? str(e.errorCode);
  if (code !== null) {
    if (UNAVAILABLE_PRISMA_CODES.has(code) || UNAVAILABLE_SQLSTATE.test(code)) return true;
    if (UNAVAILABLE_ERRNOS.has(code)) return true;
  }
  const kind = str(e.kind);
  if (kind !== null && UNAVAILABLE_KINDS.has(kind)) return true;
  const originalCode = str(e.originalCode);
  if (originalCode !== null && UNAVAILABLE_SQLSTATE.test(originalCode)) return true;
  const message = str(e.message);
  return message !== null && UNAVAILABLE_MESSAGES.some((m) => m.test(message));
};

/**
 * Whether an error means "the database is unavailable" (refused, unreachable, restarted or failed over,
 * pool or transaction start timed out) rather than a bug or a bad query: the error itself, its Prisma
 * driver-adapter error, and its `cause` chain are inspected.
 */
export const isDatabaseUnavailable = (err: unknown): boolean => {
  let current: unknown = err;
  for (let depth = 0; depth < 6 && isRecord(current); depth += 1) {
    if (current instanceof AppError) return current.code === 'DEPENDENCY_UNAVAILABLE';
    if (looksUnavailable(current)) return true;
    const meta = isRecord(current.meta) ? current.meta : null;
    const adapterError =
      meta !== null && isRecord(meta.driverAdapterError) ? meta.driverAdapterError : null;
    const adapterCause =
      adapterError !== null && isRecord(adapterError.cause) ? adapterError.cause : null;
    if (adapterCause !== null && looksUnavailable(adapterCause)) return true;
    current = current.cause;
  }
  return false;
};

/** The 503 message: never the word "maintenance" (the legacy frontend reads it as maintenance mode). */
export const DATABASE_UNAVAILABLE_MESSAGE =
  'Service momentanément indisponible. Réessayez dans quelques instants.';
/** What `Retry-After` tells a client during a database outage (a restart or failover takes seconds). */
export const DATABASE_RETRY_AFTER_SECONDS = 5;

/** The AppError of a database outage (503 DEPENDENCY_UNAVAILABLE, `Retry-After`). */
export const databaseUnavailable = (cause: unknown): AppError =>
  new AppError('DEPENDENCY_UNAVAILABLE', DATABASE_UNAVAILABLE_MESSAGE, {
    cause,
    details: { dependency: 'database' },
    retryAfterSeconds: DATABASE_RETRY_AFTER_SECONDS,
  });

/**
 * The one classification of an error that is not an AppError yet, for the transports' error path: a
 * database outage becomes DEPENDENCY_UNAVAILABLE; anything else is returned unchanged (a bug: 500).
 */
export const asAppErrorIfOutage = (err: unknown): unknown =>
  !(err instanceof AppError) && isDatabaseUnavailable(err) ? databaseUnavailable(err) : err;

/** The French message of an overloaded database (no free connection in time); the client retries. */
export const DATABASE_BUSY_MESSAGE =
  'Le service est momentanément surchargé. Réessayez dans quelques instants.';
/** Seconds a client is told to wait (`Retry-After`) when no connection was free in time. */
export const DATABASE_BUSY_RETRY_AFTER_SECONDS = 2;

/**
 * The AppError of an overloaded database (503 DEPENDENCY_UNAVAILABLE, `Retry-After` 2 s): no connection
 * was free in time, or the submit admission refused the request before it started (nothing written).
 */
export const databaseBusy = (cause?: unknown): AppError =>
  new AppError('DEPENDENCY_UNAVAILABLE', DATABASE_BUSY_MESSAGE, {
    ...(cause === undefined ? {} : { cause }),
    retryAfterSeconds: DATABASE_BUSY_RETRY_AFTER_SECONDS,
  });

/** Prisma's P2028 "Unable to start a transaction in the given time": the pool had no free connection. */
const isTransactionStartTimeout = (err: unknown, info: PrismaErrorInfo | null): boolean =>
  info?.prismaCode === 'P2028' &&
  isRecord(err) &&
  typeof err.message === 'string' &&
  err.message.includes('Unable to start a transaction in the given time');

/**
 * Translates a Prisma (or driver) error into the AppError a repo throws: no connection free in time (P2028:
 * overload) → DEPENDENCY_UNAVAILABLE with a short retry delay, a lost or unreachable database →
 * DEPENDENCY_UNAVAILABLE, unique → CONFLICT, record not found →
 * NOT_FOUND, foreign key / CHECK → INVALID_INPUT (or CONFLICT when the hints say so), anything else → INTERNAL
 * with the original as `cause`. An AppError passes through unchanged.
 */
export const mapPrismaError = (err: unknown, hints: PrismaErrorHints = {}): AppError => {
  if (err instanceof AppError) return err;
  const info = prismaErrorInfo(err);
  const details = (i: PrismaErrorInfo): Record<string, unknown> => ({
    ...(i.constraint === null ? {} : { constraint: i.constraint }),
    ...(i.fields === null ? {} : { fields: i.fields }),
  });
  // Overload, not a bug: 503 with Retry-After (never a 500).
  if (isTransactionStartTimeout(err, info)) return databaseBusy(err);
  if (isDatabaseUnavailable(err)) return databaseUnavailable(err);
  if (info !== null) {
    if (info.prismaCode === 'P2002' || info.sqlState === '23505') {
      return new AppError(
        hints.conflictCode ?? 'CONFLICT',
        hints.conflictMessage ?? 'This value is already taken.',
        {
          cause: err,
          details: details(info),
        },
      );
    }
    if (info.prismaCode === 'P2025') {
      return new AppError('NOT_FOUND', hints.notFoundMessage ?? 'Not found.', { cause: err });
    }
    if (info.prismaCode === 'P2003' || info.sqlState === '23503' || info.sqlState === '23514') {
      return new AppError(
        hints.constraintCode ?? 'INVALID_INPUT',
        hints.constraintMessage ??
          "Données refusées : une valeur référencée n'existe pas ou n'est pas permise.",
        {
          cause: err,
          details: details(info),
        },
      );
    }
  }
  return new AppError('INTERNAL', 'Internal database error.', { cause: err });
};
