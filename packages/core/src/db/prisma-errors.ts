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

/** The French message of an overloaded database (no free connection in time); the client retries. */
export const DATABASE_BUSY_MESSAGE =
  'Le service est momentanément surchargé. Réessayez dans quelques instants.';
/** Seconds a client is told to wait (`Retry-After`) when no connection was free in time. */
export const DATABASE_BUSY_RETRY_AFTER_SECONDS = 2;

/** Prisma's P2028 "Unable to start a transaction in the given time": the pool had no free connection. */
const isTransactionStartTimeout = (err: unknown, info: PrismaErrorInfo | null): boolean =>
  info?.prismaCode === 'P2028' &&
  isRecord(err) &&
  typeof err.message === 'string' &&
  err.message.includes('Unable to start a transaction in the given time');

/**
 * Translates a Prisma (or driver) error into the AppError a repo throws: no connection free in time (P2028) →
 * DEPENDENCY_UNAVAILABLE with a retry delay, unique → CONFLICT, record not found →
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
  if (isTransactionStartTimeout(err, info)) {
    // Overload, not a bug: 503 with Retry-After (never a 500).
    return new AppError('DEPENDENCY_UNAVAILABLE', DATABASE_BUSY_MESSAGE, {
      cause: err,
      retryAfterSeconds: DATABASE_BUSY_RETRY_AFTER_SECONDS,
    });
  }
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
        hints.constraintMessage ?? 'The data violates a database constraint.',
        {
          cause: err,
          details: details(info),
        },
      );
    }
  }
  return new AppError('INTERNAL', 'Internal database error.', { cause: err });
};
