import { beforeEach, describe, expect, it } from 'vitest';

import { getTestDb, resetDb } from '../../testing/index.ts';
import { applyReferenceData } from '../apply.ts';
import { STARTER_CHALLENGES } from './starter-challenges.ts';

/**
 * Real concurrency on PostgreSQL (two pooled connections racing): no unique index guards the catalogue
 * key, so the transaction-level advisory lock is what keeps two deploys applying at once from
 * inserting the catalogue twice.
 */
const { db, prisma } = await getTestDb();

beforeEach(async () => {
  await resetDb(prisma);
});

describe('starter catalogue under concurrency', () => {
  it('two appliers racing insert each challenge once', async () => {
    expect(db.kind).toBe('postgres');
    for (let round = 0; round < 3; round += 1) {
      await prisma.logicChallenge.deleteMany({});
      const results = await Promise.all([applyReferenceData(prisma), applyReferenceData(prisma)]);
      expect(results.reduce((sum, r) => sum + r.challengesInserted, 0)).toBe(
        STARTER_CHALLENGES.length,
      );
      expect(await prisma.logicChallenge.count()).toBe(STARTER_CHALLENGES.length);
    }
  });
});
