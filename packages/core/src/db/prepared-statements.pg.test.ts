import { describe, expect, it } from 'vitest';

import { createTestDatabase } from '../testing/db.ts';
import type { PrismaClient } from './generated/client.ts';

/**
 * PostgreSQL: each statement text is prepared once per connection under a stable name (the plan can be
 * reused), unless `preparedStatements: false` (a transaction-mode pooler cannot keep them).
 */
const namedOnSession = (prisma: PrismaClient) =>
  prisma.$transaction(async (tx) => {
    // One transaction = one connection: what it prepared is what that session lists.
    await tx.user.count();
    await tx.user.count();
    const rows = await tx.$queryRaw<{ name: string }[]>`
      SELECT name FROM pg_prepared_statements WHERE name LIKE 'mk\_%' ORDER BY name`;
    return rows.map((r) => r.name);
  });

describe('prepared statements', () => {
  it('prepares each distinct statement once per connection by default', async () => {
    const test = await createTestDatabase();
    try {
      const names = await namedOnSession(test.prisma);
      expect(names.length).toBeGreaterThanOrEqual(2); // the count and this listing
      expect(new Set(names).size).toBe(names.length);
    } finally {
      await test.dispose();
    }
  });

  it('prepares nothing when turned off (DB_PREPARED_STATEMENTS=false)', async () => {
    const test = await createTestDatabase({ preparedStatements: false });
    try {
      expect(await namedOnSession(test.prisma)).toEqual([]);
    } finally {
      await test.dispose();
    }
  });
});
