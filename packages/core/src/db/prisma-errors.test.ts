import { describe, expect, it } from 'vitest';

import { AppError } from '../kernel/errors.ts';
import {
  asAppErrorIfOutage,
  DATABASE_BUSY_MESSAGE,
  DATABASE_BUSY_RETRY_AFTER_SECONDS,
  DATABASE_RETRY_AFTER_SECONDS,
  DATABASE_UNAVAILABLE_MESSAGE,
  isDatabaseUnavailable,
  mapPrismaError,
  prismaErrorInfo,
} from './prisma-errors.ts';

describe('mapPrismaError (shapes)', () => {
  it('passes an AppError through', () => {
    const original = new AppError('FORBIDDEN', 'no');
    expect(mapPrismaError(original)).toBe(original);
  });

  it('maps "Unable to start a transaction in the given time" (P2028, pool exhausted) to a 503 with a retry delay', () => {
    const timeout = Object.assign(
      new Error('Transaction API error: Unable to start a transaction in the given time.'),
      { code: 'P2028', name: 'PrismaClientKnownRequestError', clientVersion: '7' },
    );
    expect(mapPrismaError(timeout)).toMatchObject({
      code: 'DEPENDENCY_UNAVAILABLE',
      retryAfterSeconds: 2,
    });
    // Other transaction API errors stay internal errors.
    const closed = Object.assign(new Error('Transaction API error: Transaction already closed'), {
      code: 'P2028',
    });
    expect(mapPrismaError(closed).code).toBe('INTERNAL');
  });

  it('maps a bare pg / PGlite DatabaseError by SQLSTATE', () => {
    const pgError = Object.assign(
      new Error('duplicate key value violates unique constraint "users_email_key"'),
      { code: '23505', severity: 'ERROR' },
    );
    expect(mapPrismaError(pgError)).toMatchObject({
      code: 'CONFLICT',
      details: { constraint: 'users_email_key' },
    });
    expect(
      mapPrismaError(Object.assign(new Error('check'), { code: '23514', constraint: 'c1' })),
    ).toMatchObject({
      code: 'INVALID_INPUT',
      details: { constraint: 'c1' },
    });
  });

  it("reads both adapters' driver error shapes (PGlite: fields; pg: index)", () => {
    const pglite = {
      code: 'P2002',
      meta: {
        driverAdapterError: {
          cause: {
            originalCode: '23505',
            kind: 'UniqueConstraintViolation',
            constraint: { fields: ['username'] },
            originalMessage: 'duplicate key value violates unique constraint "users_username_key"',
          },
        },
      },
    };
    const pg = {
      code: 'P2002',
      meta: {
        driverAdapterError: {
          cause: {
            originalCode: '23505',
            kind: 'UniqueConstraintViolation',
            constraint: { index: 'users_username_key' },
          },
        },
      },
    };
    expect(prismaErrorInfo(pglite)).toEqual({
      prismaCode: 'P2002',
      sqlState: '23505',
      constraint: 'users_username_key',
      fields: ['username'],
    });
    expect(prismaErrorInfo(pg)).toEqual({
      prismaCode: 'P2002',
      sqlState: '23505',
      constraint: 'users_username_key',
      fields: null,
    });
    const check = {
      code: 'P2039',
      meta: {
        driverAdapterError: { cause: { originalCode: '23514', kind: 'postgres', code: '23514' } },
      },
    };
    expect(mapPrismaError(check).code).toBe('INVALID_INPUT');
  });

  it('maps unknown errors to INTERNAL with the cause', () => {
    const boom = new Error('boom');
    const err = mapPrismaError(boom);
    expect(err).toMatchObject({ code: 'INTERNAL' });
    expect(err.cause).toBe(boom);
    expect(mapPrismaError({ code: 'P2010' }).code).toBe('INTERNAL');
    expect(mapPrismaError('text').code).toBe('INTERNAL');
  });
});

describe('isDatabaseUnavailable / mapPrismaError on a database outage (issue 14)', () => {
  // Shapes seen while restarting PostgreSQL under load (connection-loss.pg.test.ts).
  const adapterCause = (cause: Record<string, unknown>) => ({
    meta: { driverAdapterError: { name: 'DriverAdapterError', cause } },
  });
  const outages: [string, unknown][] = [
    ['unreachable (P1001)', { code: 'P1001', ...adapterCause({ kind: 'DatabaseNotReachable' }) }],
    ['closed (P1017)', { code: 'P1017', ...adapterCause({ kind: 'ConnectionClosed' }) }],
    ['pool timeout (P2024)', { code: 'P2024' }],
    ['initialisation error (errorCode)', { errorCode: 'P1001', message: "Can't reach" }],
    [
      'terminated by a restart (P2039, 57P01)',
      { code: 'P2039', ...adapterCause({ originalCode: '57P01', kind: 'postgres' }) },
    ],
    [
      'raw query on a restarting server (P2010, 57P03)',
      { code: 'P2010', ...adapterCause({ originalCode: '57P03', kind: 'postgres' }) },
    ],
    [
      'bare adapter error',
      { name: 'DriverAdapterError', cause: { originalCode: '57P01', kind: 'postgres' } },
    ],
    [
      'pg: not queryable',
      new Error('Client has encountered a connection error and is not queryable'),
    ],
    ['pg: terminated', new Error('Connection terminated unexpectedly')],
    ['pg-pool: connect timeout', new Error('timeout exceeded when trying to connect')],
    ['socket', Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' })],
    [
      'Prisma transaction start timeout (P2028)',
      {
        code: 'P2028',
        message: 'Transaction API error: Unable to start a transaction in the given time.',
      },
    ],
    ['too many connections', Object.assign(new Error('sorry'), { code: '53300' })],
    ['wrapped in a cause', new Error('outer', { cause: new Error('Connection terminated') })],
  ];

  it.each(outages)('%s → DEPENDENCY_UNAVAILABLE with Retry-After', (_label, err) => {
    expect(isDatabaseUnavailable(err)).toBe(true);
    const mapped = mapPrismaError(err);
    // A transaction that could not start in time (P2028) is overload, not an outage: its own message
    // and a shorter Retry-After.
    const overload = (err as { code?: unknown }).code === 'P2028';
    expect(mapped).toMatchObject({
      code: 'DEPENDENCY_UNAVAILABLE',
      retryAfterSeconds: overload
        ? DATABASE_BUSY_RETRY_AFTER_SECONDS
        : DATABASE_RETRY_AFTER_SECONDS,
      message: overload ? DATABASE_BUSY_MESSAGE : DATABASE_UNAVAILABLE_MESSAGE,
    });
    expect(mapped.message).not.toMatch(/maintenance/i);
    expect(asAppErrorIfOutage(err)).toMatchObject({ code: 'DEPENDENCY_UNAVAILABLE' });
  });

  it('leaves query errors, bugs and other transaction errors alone', () => {
    const notOutages: unknown[] = [
      { code: 'P2002', ...adapterCause({ originalCode: '23505' }) },
      { code: 'P2028', message: 'Transaction already closed: the timeout was 10000 ms' },
      Object.assign(new Error('syntax'), { code: '42601', severity: 'ERROR' }),
      new TypeError('Cannot read properties of undefined'),
      'a string',
      null,
    ];
    for (const err of notOutages) {
      expect(isDatabaseUnavailable(err)).toBe(false);
      expect(asAppErrorIfOutage(err)).toBe(err);
    }
    expect(mapPrismaError(new TypeError('bug')).code).toBe('INTERNAL');
  });
});
