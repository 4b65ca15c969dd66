import { beforeEach, describe, expect, it } from 'vitest';

import { BADGE_CATALOGUE } from '../reference/index.ts';
import {
  createGamificationHarness,
  ctxFor,
  movableClock,
  restoreCatalogue,
} from '../testing/gamification.ts';
import { createChallengeAttempt, createUser, getTestDb, resetDb } from '../testing/index.ts';
import { evaluateBadges } from './badge.engine.ts';

/**
 * Real concurrency on PostgreSQL (two pooled connections racing): the (user, badge) uniqueness, not a
 * read-then-write check, decides who awards a badge, so neither the badge nor its points can be
 * counted twice.
 */
const { db, prisma } = await getTestDb();
const clock = movableClock(new Date('2026-03-10T12:00:00.000Z'));
const h = createGamificationHarness(db, clock);

beforeEach(async () => {
  await resetDb(prisma);
  await restoreCatalogue(prisma);
  h.reset();
});

/** Resolves for every caller once `parties` callers are waiting: a rendezvous, not a delay. */
const barrier = (parties: number) => {
  let arrived = 0;
  let open: () => void = () => undefined;
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return async (): Promise<void> => {
    arrived += 1;
    if (arrived === parties) open();
    await opened;
  };
};

const points = (code: string) => BADGE_CATALOGUE.find((b) => b.code === code)?.pointsReward ?? 0;

const awardsOf = async (userId: number) =>
  prisma.userAchievement.findMany({
    where: { userId },
    select: { achievementId: true, pointsAwarded: true },
  });

describe('no double award under concurrency', () => {
  it('two evaluations racing in two transactions (no user lock) award each badge once', async () => {
    expect(db.kind).toBe('postgres');
    for (let round = 0; round < 5; round += 1) {
      const user = await createUser(prisma);
      await h.bulkAttempts(user.id, 10, { correct: false });
      // Both transactions are open (each on its own connection) before either evaluates: the two
      // evaluations overlap, and neither award is committed when the other starts reading.
      const bothInside = barrier(2);
      const evaluate = () =>
        prisma.$transaction(async (tx) => {
          await tx.$executeRawUnsafe('SELECT 1');
          await bothInside();
          return evaluateBadges(tx, {
            userId: user.id,
            now: clock.now(),
            current: null,
            withNotification: false,
          });
        });
      const [a, b] = await Promise.all([evaluate(), evaluate()]);
      const codes = [...a.newBadges, ...b.newBadges].map((x) => x.code).sort();
      expect(codes).toEqual(['explorer', 'first_steps', 'padawan_path']);
      const awards = await awardsOf(user.id);
      expect(awards).toHaveLength(3);
      const user2 = await prisma.user.findUniqueOrThrow({
        where: { id: user.id },
        select: { totalPoints: true },
      });
      expect(user2.totalPoints).toBe(
        points('first_steps') + points('padawan_path') + points('explorer'),
      );
    }
  });

  it('two concurrent submissions and a concurrent check award logic_explorer and first_steps once', async () => {
    const user = await createUser(prisma);
    for (let i = 0; i < 5; i += 1) await createChallengeAttempt(prisma, { userId: user.id });
    const results = await Promise.all([
      h.submit(user.id),
      h.submit(user.id),
      h.badges.check(ctxFor(user.id)),
      h.badges.check(ctxFor(user.id)),
    ]);
    const codes = results.flatMap((r) => r.newBadges.map((b) => b.code)).sort();
    expect(codes).toEqual(['explorer', 'first_steps', 'logic_explorer']);
    const total = (
      await prisma.user.findUniqueOrThrow({ where: { id: user.id }, select: { totalPoints: true } })
    ).totalPoints;
    expect(total).toBe(points('first_steps') + points('explorer') + points('logic_explorer'));
    expect(await awardsOf(user.id)).toHaveLength(3);
  });
});
