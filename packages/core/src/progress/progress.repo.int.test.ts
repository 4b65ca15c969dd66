import { beforeEach, describe, expect, it } from 'vitest';

import { Prisma } from '../db/generated/client.ts';
import type { SqlQueryable } from '../db/types.ts';
import { createUser, getTestDb, resetDb } from '../testing/index.ts';
import { lockUserForAttemptSql } from './progress.repo.ts';

const { db, prisma } = await getTestDb();

beforeEach(async () => {
  await resetDb(prisma);
});

const planSetting = async (tx: SqlQueryable) => {
  const rows = await tx.$queryRaw<{ mode: string; pid: number }[]>(
    Prisma.sql`SELECT current_setting('plan_cache_mode') AS "mode", pg_backend_pid() AS "pid"`,
  );
  const row = rows[0];
  if (row === undefined) throw new Error('no row');
  return row;
};

const lock = (tx: SqlQueryable, userId: number) =>
  tx.$queryRaw<{ currentStreak: number }[]>(
    lockUserForAttemptSql(userId, { columns: Prisma.sql`1 AS "one"`, join: Prisma.empty }),
  );

describe('lockUserForAttemptSql: the submit transaction runs on generic plans', () => {
  it('from the lock statement to the end of its transaction, committed or rolled back, and no further', async () => {
    const user = await createUser(prisma);
    const seen = await db.sqlTransaction(async (tx) => {
      const before = await planSetting(tx);
      const locked = await lock(tx, user.id);
      return { before, locked, after: await planSetting(tx) };
    });
    expect(seen.locked).toEqual([expect.objectContaining({ currentStreak: 0 })]);
    expect([seen.before.mode, seen.after.mode]).toEqual(['auto', 'force_generic_plan']);

    await expect(
      db.sqlTransaction(async (tx) => {
        await lock(tx, user.id);
        throw new Error('abandoned');
      }),
    ).rejects.toThrow('abandoned');

    // The pool hands back its most recently released connection; every later transaction, on that one
    // among others, is back to PostgreSQL's own choice.
    const later = [];
    for (let i = 0; i < 4; i += 1) later.push(await db.sqlTransaction(planSetting));
    expect(later.map((r) => r.mode)).toEqual(['auto', 'auto', 'auto', 'auto']);
    expect(later.map((r) => r.pid)).toContain(seen.after.pid);
  });
});
