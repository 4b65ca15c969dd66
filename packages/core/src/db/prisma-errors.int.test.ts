import { beforeEach, describe, expect, it } from 'vitest';

import { isAppError } from '../kernel/errors.ts';
import { getTestDb, resetDb } from '../testing/index.ts';
import { mapPrismaError, type PrismaErrorHints } from './prisma-errors.ts';

/** Runs `fn`, expects it to fail, returns the mapped AppError. */
const mapped = async (fn: () => Promise<unknown>, hints?: PrismaErrorHints) => {
  try {
    await fn();
  } catch (err) {
    const appError = mapPrismaError(err, hints);
    expect(isAppError(appError)).toBe(true);
    return appError;
  }
  throw new Error('expected the database to refuse');
};

const exerciseData = {
  title: 'Addition',
  exerciseType: 'ADDITION',
  difficulty: 'INITIE',
  ageGroup: 'GROUP_6_8',
  question: '1 + 1 ?',
  correctAnswer: '2',
  answerKind: 'INTEGER',
} as const;

describe('mapPrismaError on real constraint violations', () => {
  beforeEach(async () => {
    await resetDb((await getTestDb()).prisma);
  });

  it('unique violation → CONFLICT (code overridable), with the constraint', async () => {
    const { prisma } = await getTestDb();
    await prisma.user.create({
      data: { username: 'luke', email: 'luke@example.org', hashedPassword: 'x' },
      select: { id: true },
    });
    const dup = () =>
      prisma.user.create({
        data: { username: 'luke', email: 'other@example.org', hashedPassword: 'x' },
        select: { id: true },
      });
    const err = await mapped(dup);
    expect(err).toMatchObject({ code: 'CONFLICT', details: { constraint: 'users_username_key' } });
    expect(err.cause).toBeDefined();
    expect(
      await mapped(dup, { conflictCode: 'ALREADY_EXISTS', conflictMessage: 'Nom déjà pris' }),
    ).toMatchObject({
      code: 'ALREADY_EXISTS',
      message: 'Nom déjà pris',
    });
    // Inside an interactive transaction too.
    expect(
      await mapped(() =>
        prisma.$transaction(async (tx) =>
          tx.user.create({
            data: { username: 'luke', email: 'x@example.org', hashedPassword: 'x' },
          }),
        ),
      ),
    ).toMatchObject({
      code: 'CONFLICT',
    });
  });

  it('record not found → NOT_FOUND', async () => {
    const { prisma } = await getTestDb();
    const err = await mapped(
      () => prisma.user.update({ where: { id: 987_654 }, data: { fullName: 'x' } }),
      { notFoundMessage: 'Utilisateur introuvable' },
    );
    expect(err).toMatchObject({ code: 'NOT_FOUND', message: 'Utilisateur introuvable' });
  });

  it('foreign key violation → INVALID_INPUT, or CONFLICT when the use case says so', async () => {
    const { prisma } = await getTestDb();
    const insert = () =>
      prisma.exercise.create({
        data: { ...exerciseData, creatorId: 987_654 },
        select: { id: true },
      });
    expect(await mapped(insert)).toMatchObject({
      code: 'INVALID_INPUT',
      details: { constraint: 'exercises_creator_id_fkey' },
    });
    expect(await mapped(insert, { constraintCode: 'CONFLICT' })).toMatchObject({
      code: 'CONFLICT',
    });
  });

  it('CHECK violation (SQLSTATE 23514) → INVALID_INPUT, through the model API and raw SQL', async () => {
    const { prisma } = await getTestDb();
    const viaModel = await mapped(() =>
      prisma.exercise.create({ data: { ...exerciseData, complexity: 9 }, select: { id: true } }),
    );
    expect(viaModel).toMatchObject({
      code: 'INVALID_INPUT',
      details: { constraint: 'exercises_complexity_check' },
    });
    const user = await prisma.user.create({
      data: { username: 'leia', email: 'leia@example.org', hashedPassword: 'x' },
      select: { id: true },
    });
    const viaRaw = await mapped(() =>
      prisma.$executeRawUnsafe('UPDATE users SET total_points = -1 WHERE id = $1', user.id),
    );
    expect(viaRaw).toMatchObject({
      code: 'INVALID_INPUT',
      details: { constraint: 'users_total_points_check' },
    });
  });

  it('anything else → INTERNAL, keeping the cause', async () => {
    const { prisma } = await getTestDb();
    const err = await mapped(() => prisma.$queryRawUnsafe('SELECT * FROM no_such_table'));
    expect(err.code).toBe('INTERNAL');
    expect(err.cause).toBeInstanceOf(Error);
  });
});

describe('mapPrismaError on a busy database', () => {
  it('no connection free within maxWait → DEPENDENCY_UNAVAILABLE with a retry delay (503, never 500)', async () => {
    const { db, prisma } = await getTestDb();
    let release: () => void = () => undefined;
    const held = new Promise<void>((r) => {
      release = r;
    });
    let entered: () => void = () => undefined;
    const inside = new Promise<void>((r) => {
      entered = r;
    });
    // PGlite has a single session: one open transaction holds it; on PostgreSQL, fill the pool.
    const holders = Array.from({ length: db.kind === 'pglite' ? 1 : 10 }, () =>
      prisma.$transaction(
        async (tx) => {
          await tx.$queryRaw`SELECT 1`;
          entered();
          await held;
        },
        { timeout: 30_000, maxWait: 30_000 },
      ),
    );
    await inside;
    const error = await mapped(() =>
      prisma.$transaction((tx) => tx.$queryRaw`SELECT 1`, { maxWait: 50 }),
    );
    release();
    await Promise.allSettled(holders);
    expect(error).toMatchObject({ code: 'DEPENDENCY_UNAVAILABLE', retryAfterSeconds: 2 });
  });
});
