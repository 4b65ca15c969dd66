import { describe, expect, it } from 'vitest';

import { APP_ERROR_CODES } from '@mathakine/core';

import { ERROR_TABLE, legacyCodeForStatus } from './errors.ts';

describe('the AppErrorCode → tRPC → HTTP table', () => {
  it('has a row for every AppErrorCode and nothing else', () => {
    expect(Object.keys(ERROR_TABLE).sort()).toEqual([...APP_ERROR_CODES].sort());
  });

  it('pins the statuses of STYLE.md §5', () => {
    expect(ERROR_TABLE.INVALID_INPUT).toEqual({ trpc: 'BAD_REQUEST', status: 400 });
    expect(ERROR_TABLE.UNAUTHENTICATED).toEqual({ trpc: 'UNAUTHORIZED', status: 401 });
    expect(ERROR_TABLE.FORBIDDEN).toEqual({ trpc: 'FORBIDDEN', status: 403 });
    expect(ERROR_TABLE.NOT_FOUND).toEqual({ trpc: 'NOT_FOUND', status: 404 });
    expect(ERROR_TABLE.CONFLICT).toEqual({ trpc: 'CONFLICT', status: 409 });
    expect(ERROR_TABLE.ALREADY_EXISTS).toEqual({ trpc: 'CONFLICT', status: 409 });
    expect(ERROR_TABLE.PRECONDITION_FAILED).toEqual({ trpc: 'PRECONDITION_FAILED', status: 412 });
    expect(ERROR_TABLE.RULE_VIOLATION).toEqual({ trpc: 'UNPROCESSABLE_CONTENT', status: 422 });
    expect(ERROR_TABLE.RATE_LIMITED).toEqual({ trpc: 'TOO_MANY_REQUESTS', status: 429 });
    expect(ERROR_TABLE.DEPENDENCY_UNAVAILABLE).toEqual({
      trpc: 'SERVICE_UNAVAILABLE',
      status: 503,
    });
    expect(ERROR_TABLE.INTERNAL).toEqual({ trpc: 'INTERNAL_SERVER_ERROR', status: 500 });
  });

  it('derives the legacy code from the status (api-rest-core §1.2)', () => {
    expect(
      [400, 401, 403, 404, 409, 413, 422, 429, 500, 501, 503].map((s) => legacyCodeForStatus(s)),
    ).toEqual([
      'BAD_REQUEST',
      'UNAUTHORIZED',
      'FORBIDDEN',
      'NOT_FOUND',
      'HTTP_409',
      'HTTP_413',
      'VALIDATION_ERROR',
      'HTTP_429',
      'INTERNAL_ERROR',
      'HTTP_501',
      'SERVICE_UNAVAILABLE',
    ]);
  });
});
