/**
 * Real concurrency (PostgreSQL only, project int-pg): parallel challenge attempts keep the user and
 * challenge counters exact (the user row serialises a learner; the challenge row takes every learner's
 * increment), the real badge step awards a badge once, and an idempotency key counts once.
 */
import { pino } from 'pino';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';

import type { PrismaClient } from '../db/generated/client.ts';
import type { Database } from '../db/types.ts';
import { makeBadgeService } from '../gamification/index.ts';
import { systemClock } from '../kernel/clock.ts';
import type { AuthedCtx } from '../kernel/deps.ts';
import { createLogicChallenge, createUser, getTestDb, resetDb } from '../testing/index.ts';
import { makeChallengeService } from './challenge.service.ts';

const log = pino({ level: 'silent' });
let db: Database;
let prisma: PrismaClient;

beforeAll(async () => {
  ({ db, prisma } = await getTestDb());
});
beforeEach(async () => {
  await resetDb(prisma);
});

const ctxFor = (userId: number): AuthedCtx => ({
  actor: { userId, username: 'u', role: 'padawan', accessScope: 'full', sessionId: null },
  log,
  requestId: 'pg',
});

const service = () =>
  makeChallengeService(
    { db, log, clock: systemClock },
    { postAttemptStep: makeBadgeService({ db, clock: systemClock }).postAttemptStep },
  );

describe('challenge attempts under real concurrency', () => {
  it('keeps the counters exact and awards a badge once when learners answer in parallel', async () => {
    const challenges = service();
    const learner = await createUser(prisma);
    const others = await Promise.all(Array.from({ length: 4 }, () => createUser(prisma)));
    const targets = await Promise.all(
      Array.from({ length: 6 }, () => createLogicChallenge(prisma)),
    );
    const shared = targets[0];
    if (shared === undefined) throw new Error('no challenge');
    const results = await Promise.all([
      ...targets.map((c) =>
        challenges.attempt(ctxFor(learner.id), { challengeId: c.id, answer: '10' }),
      ),
      ...others.map((u) =>
        challenges.attempt(ctxFor(u.id), { challengeId: shared.id, answer: '11' }),
      ),
    ]);
    expect(results.flatMap((r) => r.newBadges.map((b) => b.code))).toEqual(['logic_explorer']);
    expect(
      await prisma.user.findUniqueOrThrow({
        where: { id: learner.id },
        select: { totalChallengeAttempts: true, correctChallengeAttempts: true, totalPoints: true },
      }),
    ).toEqual({ totalChallengeAttempts: 6, correctChallengeAttempts: 6, totalPoints: 20 });
    expect(
      await prisma.logicChallenge.findUniqueOrThrow({
        where: { id: shared.id },
        select: { attemptCount: true, correctAttemptCount: true },
      }),
    ).toEqual({ attemptCount: 5, correctAttemptCount: 1 });
  });

  it('records one attempt for parallel retries with the same idempotency key', async () => {
    const challenges = service();
    const user = await createUser(prisma);
    const c = await createLogicChallenge(prisma);
    const results = await Promise.all(
      Array.from({ length: 6 }, () =>
        challenges.attempt(ctxFor(user.id), {
          challengeId: c.id,
          answer: '10',
          idempotencyKey: 'same-key',
        }),
      ),
    );
    expect(await prisma.logicChallengeAttempt.count({ where: { userId: user.id } })).toBe(1);
    expect(new Set(results.map((r) => r.attemptId)).size).toBe(1);
    expect(results.filter((r) => !r.replayed)).toHaveLength(1);
    expect(
      await prisma.logicChallenge.findUniqueOrThrow({
        where: { id: c.id },
        select: { attemptCount: true },
      }),
    ).toEqual({ attemptCount: 1 });
  });
});
