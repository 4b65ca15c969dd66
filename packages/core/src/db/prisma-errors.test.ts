import { describe, expect, it } from 'vitest';

import { AppError } from '../kernel/errors.ts';
import { mapPrismaError, prismaErrorInfo } from './prisma-errors.ts';

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
    expect(mapPrismaError({ code: 'P1001' }).code).toBe('INTERNAL');
    expect(mapPrismaError('text').code).toBe('INTERNAL');
  });
});
