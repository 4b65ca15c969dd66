import { beforeEach, describe, expect, it } from 'vitest';

import { BADGE_CATALOGUE } from '../reference/index.ts';
import {
  createGamificationHarness,
  ctxFor,
  DAY_MS,
  movableClock,
  restoreCatalogue,
} from '../testing/gamification.ts';
import {
  createChallengeAttempt,
  createExercise,
  createUser,
  getTestDb,
  resetDb,
} from '../testing/index.ts';
import { gamificationPostAttemptStep } from './badge.engine.ts';

/**
 * One test per catalogue badge family, driven by real submissions through the exercise submit service
 * (its transaction runs the gamification step), day-based badges with the injected clock; logic
 * badges through factory-made challenge attempts and the check use case.
 */
const START = new Date('2026-03-10T12:00:00.000Z');
const { db, prisma } = await getTestDb();
const clock = movableClock(START);
const h = createGamificationHarness(db, clock);

beforeEach(async () => {
  await resetDb(prisma);
  await restoreCatalogue(prisma);
  h.reset();
  clock.set(START);
});

const codesOf = (badges: readonly { code: string }[]) => badges.map((b) => b.code);
const pointsOf = (...codes: string[]) =>
  codes.reduce(
    (sum, code) => sum + (BADGE_CATALOGUE.find((b) => b.code === code)?.pointsReward ?? 0),
    0,
  );
const totalPoints = async (userId: number) =>
  (await prisma.user.findUniqueOrThrow({ where: { id: userId }, select: { totalPoints: true } }))
    .totalPoints;
const earnedCodes = async (userId: number) =>
  (
    await prisma.userAchievement.findMany({
      where: { userId },
      select: { achievement: { select: { code: true } } },
      orderBy: { achievementId: 'asc' },
    })
  ).map((r) => r.achievement.code);

/** Active exercises of all four arithmetic types, so `explorer` does not come with the first attempt. */
const fourTypes = async () => {
  for (const t of ['ADDITION', 'SOUSTRACTION', 'MULTIPLICATION', 'DIVISION'] as const)
    await h.exerciseOf(t);
};

describe('progression (attempts_count)', () => {
  it('first_steps on the first submission, wrong answers count, every threshold in order, points once', async () => {
    await fourTypes();
    const user = await createUser(prisma);
    const first = await h.submit(user.id, { correct: false });
    expect(codesOf(first.newBadges)).toEqual(['first_steps']);
    expect(first.newBadges[0]).toMatchObject({
      name: 'Premiers pas au Temple',
      difficulty: 'bronze',
      pointsReward: 5,
    });
    expect(first.progressNotification).toBeNull();
    expect(await totalPoints(user.id)).toBe(5);

    await h.bulkAttempts(user.id, 298, { correct: false });
    const last = await h.submit(user.id, { correct: false });
    const expected = [
      'padawan_path',
      'knight_trial',
      'jedi_master',
      'grand_master',
      'meteore',
      'centurion',
      'guardian_150',
      'marathon',
    ];
    expect(codesOf(last.newBadges)).toEqual(expected);
    expect(await totalPoints(user.id)).toBe(pointsOf('first_steps', ...expected));

    const again = await h.submit(user.id, { correct: false });
    expect(again.newBadges).toEqual([]);
    expect(await totalPoints(user.id)).toBe(pointsOf('first_steps', ...expected));
  });
});

describe('mastery (consecutive correct per type)', () => {
  it('addition_master after 20 correct additions in a row; a wrong answer restarts the run', async () => {
    await fourTypes();
    const user = await createUser(prisma);
    await h.bulkAttempts(user.id, 18, { type: 'ADDITION', correct: true });
    await h.submit(user.id, { type: 'ADDITION', correct: false });
    for (let i = 0; i < 19; i += 1) {
      const r = await h.submit(user.id, { type: 'ADDITION', correct: true });
      expect(codesOf(r.newBadges)).not.toContain('addition_master');
    }
    const twentieth = await h.submit(user.id, { type: 'ADDITION', correct: true });
    expect(codesOf(twentieth.newBadges)).toContain('addition_master');
  });

  it('subtraction, multiplication and division masters after 15 in a row of their own type', async () => {
    await fourTypes();
    const user = await createUser(prisma);
    for (const type of ['SOUSTRACTION', 'MULTIPLICATION', 'DIVISION'] as const) {
      await h.bulkAttempts(user.id, 14, { type, correct: true });
    }
    // Other types in between do not break a type's run.
    const s = await h.submit(user.id, { type: 'SOUSTRACTION' });
    const m = await h.submit(user.id, { type: 'MULTIPLICATION' });
    const d = await h.submit(user.id, { type: 'DIVISION' });
    expect(codesOf(s.newBadges)).toContain('subtraction_master');
    expect(codesOf(m.newBadges)).toContain('multiplication_master');
    expect(codesOf(d.newBadges)).toContain('division_master');
  });
});

describe('mastery (success rate)', () => {
  it('perfectionist at 30 attempts ≥ 95 %, expert at 50 ≥ 80 %, perfection_100 at 100 all correct', async () => {
    await fourTypes();
    const user = await createUser(prisma);
    await h.bulkAttempts(user.id, 28, { correct: true });
    const at29 = await h.submit(user.id);
    expect(codesOf(at29.newBadges)).not.toContain('perfectionist');
    const at30 = await h.submit(user.id);
    expect(codesOf(at30.newBadges)).toContain('perfectionist');

    await h.bulkAttempts(user.id, 19, { correct: true });
    const at50 = await h.submit(user.id);
    expect(codesOf(at50.newBadges)).toContain('expert');

    await h.bulkAttempts(user.id, 49, { correct: true });
    const at100 = await h.submit(user.id);
    expect(codesOf(at100.newBadges)).toContain('perfection_100');
  });

  it('expert is not earned below 80 %', async () => {
    const user = await createUser(prisma);
    await h.bulkAttempts(user.id, 38, { correct: true });
    await h.bulkAttempts(user.id, 11, { correct: false });
    const r = await h.submit(user.id, { correct: true });
    expect(codesOf(r.newBadges)).not.toContain('expert');
    expect(await earnedCodes(user.id)).not.toContain('expert');
  });
});

describe('performance (speed badges, fixed)', () => {
  it('needs a correct answer with a real time: wrong or untimed answers never earn them', async () => {
    await fourTypes();
    const user = await createUser(prisma);
    const wrongFast = await h.submit(user.id, { correct: false, timeSpent: 1 });
    const untimed = await h.submit(user.id, { correct: true, timeSpent: 0 });
    const slow = await h.submit(user.id, { correct: true, timeSpent: 5.5 });
    for (const r of [wrongFast, untimed, slow]) {
      expect(codesOf(r.newBadges)).not.toContain('speed_demon');
      expect(codesOf(r.newBadges)).not.toContain('flash');
    }
    const five = await h.submit(user.id, { correct: true, timeSpent: 5 });
    expect(codesOf(five.newBadges)).toEqual(['speed_demon']);
    const three = await h.submit(user.id, { correct: true, timeSpent: 2.5 });
    expect(codesOf(three.newBadges)).toEqual(['flash']);
  });
});

describe('regularity (injected clock)', () => {
  it('perfect_week on the 7th consecutive day; a challenge counts as that day’s activity', async () => {
    await fourTypes();
    const user = await createUser(prisma);
    for (let day = 1; day <= 6; day += 1) {
      if (day === 4) {
        // Day 4: only a logic challenge (activity as the day streak counts it).
        await createChallengeAttempt(prisma, {
          userId: user.id,
          isCorrect: false,
          createdAt: clock.now(),
        });
      } else {
        const r = await h.submit(user.id);
        expect(codesOf(r.newBadges)).not.toContain('perfect_week');
      }
      clock.advance(DAY_MS);
    }
    const seventh = await h.submit(user.id);
    expect(codesOf(seventh.newBadges)).toContain('perfect_week');
  });

  it('a missed day restarts the chain', async () => {
    const user = await createUser(prisma);
    for (let day = 1; day <= 8; day += 1) {
      if (day !== 3) {
        const r = await h.submit(user.id);
        expect(codesOf(r.newBadges)).not.toContain('perfect_week');
      }
      clock.advance(DAY_MS);
    }
  });

  it('a day whose attempts were all deleted no longer counts', async () => {
    const user = await createUser(prisma);
    const dayThree = new Date(START.getTime() + 2 * DAY_MS);
    for (let day = 1; day <= 6; day += 1) {
      await h.submit(user.id);
      clock.advance(DAY_MS);
    }
    const removed = await prisma.attempt.deleteMany({
      where: {
        userId: user.id,
        createdAt: {
          gte: new Date(dayThree.getTime() - DAY_MS / 2),
          lt: new Date(dayThree.getTime() + DAY_MS / 2),
        },
      },
    });
    expect(removed.count).toBe(1);
    const seventh = await h.submit(user.id);
    expect(codesOf(seventh.newBadges)).not.toContain('perfect_week');
  });

  it('days are UTC calendar days: the last and the first millisecond of a day', async () => {
    const user = await createUser(prisma);
    // Six days, each active only in its last millisecond, then the seventh at its first one.
    clock.set(new Date('2026-03-10T23:59:59.999Z'));
    for (let day = 1; day <= 6; day += 1) {
      const r = await h.submit(user.id);
      expect(codesOf(r.newBadges)).not.toContain('perfect_week');
      clock.advance(DAY_MS);
    }
    clock.set(new Date('2026-03-16T00:00:00.000Z'));
    const seventh = await h.submit(user.id);
    expect(codesOf(seventh.newBadges)).toContain('perfect_week');
  });

  it('fortnight, eclipse and perfect_month at 14, 21 and 30 days', async () => {
    const user = await createUser(prisma);
    const earnedOn: Record<string, number> = {};
    for (let day = 1; day <= 30; day += 1) {
      const r = await h.submit(user.id);
      for (const code of codesOf(r.newBadges)) earnedOn[code] = day;
      clock.advance(DAY_MS);
    }
    expect(earnedOn).toMatchObject({
      perfect_week: 7,
      fortnight: 14,
      eclipse: 21,
      perfect_month: 30,
    });
  });

  it('perfect_day: 3 attempts today, all correct', async () => {
    await fourTypes();
    const user = await createUser(prisma);
    clock.advance(-DAY_MS);
    await h.submit(user.id, { correct: false }); // yesterday's mistake does not count
    clock.advance(DAY_MS);
    await h.submit(user.id);
    const second = await h.submit(user.id);
    expect(codesOf(second.newBadges)).not.toContain('perfect_day');
    const third = await h.submit(user.id);
    expect(codesOf(third.newBadges)).toContain('perfect_day');
  });

  it('perfect_day is lost by one wrong answer today', async () => {
    const user = await createUser(prisma);
    await h.submit(user.id, { correct: false });
    for (let i = 0; i < 3; i += 1)
      expect(codesOf((await h.submit(user.id)).newBadges)).not.toContain('perfect_day');
  });

  it('comeback after 7 days without activity (challenges included), not after 6', async () => {
    await fourTypes();
    const user = await createUser(prisma);
    await h.submit(user.id);
    clock.advance(6 * DAY_MS);
    expect(codesOf((await h.submit(user.id)).newBadges)).not.toContain('comeback');

    clock.advance(5 * DAY_MS);
    await createChallengeAttempt(prisma, { userId: user.id, createdAt: clock.now() });
    clock.advance(3 * DAY_MS);
    // 8 days since the last exercise but only 3 since the challenge: not a comeback.
    expect(codesOf((await h.submit(user.id)).newBadges)).not.toContain('comeback');

    clock.advance(7 * DAY_MS);
    expect(codesOf((await h.submit(user.id)).newBadges)).toContain('comeback');
  });

  it('comeback cannot be earned without a submission (check)', async () => {
    const user = await createUser(prisma);
    clock.advance(-30 * DAY_MS);
    await h.submit(user.id);
    clock.set(START);
    const checked = await h.badges.check(ctxFor(user.id));
    expect(codesOf(checked.newBadges)).not.toContain('comeback');
  });
});

describe('discovery', () => {
  it('explorer once every active, non-archived type is tried; versatile at 5 correct per type', async () => {
    await fourTypes();
    await createExercise(prisma, { exerciseType: 'FRACTIONS', isArchived: true });
    await createExercise(prisma, { exerciseType: 'GEOMETRIE', isActive: false });
    const user = await createUser(prisma);
    const types = ['ADDITION', 'SOUSTRACTION', 'MULTIPLICATION', 'DIVISION'] as const;
    for (const type of types.slice(0, 3))
      expect(codesOf((await h.submit(user.id, { type })).newBadges)).not.toContain('explorer');
    expect(codesOf((await h.submit(user.id, { type: 'DIVISION' })).newBadges)).toContain(
      'explorer',
    );

    for (const type of types) await h.bulkAttempts(user.id, 3, { type, correct: true });
    for (const type of types.slice(0, 3)) await h.submit(user.id, { type });
    expect(await earnedCodes(user.id)).not.toContain('versatile');
    expect(codesOf((await h.submit(user.id, { type: 'DIVISION' })).newBadges)).toContain(
      'versatile',
    );
  });

  it('logic_explorer, logic_master, logic_legend through correct challenge attempts and check', async () => {
    const user = await createUser(prisma);
    for (let i = 0; i < 4; i += 1)
      await createChallengeAttempt(prisma, { userId: user.id, isCorrect: true });
    await createChallengeAttempt(prisma, { userId: user.id, isCorrect: false });
    expect((await h.badges.check(ctxFor(user.id))).newBadges).toEqual([]);
    await createChallengeAttempt(prisma, { userId: user.id, isCorrect: true });
    expect(codesOf((await h.badges.check(ctxFor(user.id))).newBadges)).toEqual(['logic_explorer']);
    for (let i = 0; i < 10; i += 1)
      await createChallengeAttempt(prisma, { userId: user.id, isCorrect: true });
    expect(codesOf((await h.badges.check(ctxFor(user.id))).newBadges)).toEqual(['logic_master']);
    for (let i = 0; i < 35; i += 1)
      await createChallengeAttempt(prisma, { userId: user.id, isCorrect: true });
    expect(codesOf((await h.badges.check(ctxFor(user.id))).newBadges)).toEqual(['logic_legend']);
    expect(await totalPoints(user.id)).toBe(
      pointsOf('logic_explorer', 'logic_master', 'logic_legend'),
    );
  });
});

describe('special (exercises + challenges)', () => {
  it('hybrid_warrior, polyvalent_total, grand_hybrid', async () => {
    await fourTypes();
    const user = await createUser(prisma);
    for (let i = 0; i < 25; i += 1)
      await createChallengeAttempt(prisma, { userId: user.id, isCorrect: true });
    await h.bulkAttempts(user.id, 19, { correct: false });
    expect(codesOf((await h.submit(user.id, { correct: false })).newBadges)).toContain(
      'hybrid_warrior',
    );
    await h.bulkAttempts(user.id, 29, { correct: false });
    expect(codesOf((await h.submit(user.id, { correct: false })).newBadges)).toContain(
      'polyvalent_total',
    );
    await h.bulkAttempts(user.id, 49, { correct: false });
    expect(codesOf((await h.submit(user.id, { correct: false })).newBadges)).toContain(
      'grand_hybrid',
    );
  });
});

describe('the post-attempt step', () => {
  it('returns "Tu approches !" only when nothing was earned', async () => {
    await fourTypes();
    const user = await createUser(prisma);
    await h.bulkAttempts(user.id, 4, { correct: false });
    const fifth = await h.submit(user.id, { correct: false });
    // 6 of 10 attempts toward padawan_path (first_steps earned at the same time → no notification).
    expect(codesOf(fifth.newBadges)).toEqual(['first_steps']);
    expect(fifth.progressNotification).toBeNull();
    const sixth = await h.submit(user.id, { correct: false });
    expect(sixth.newBadges).toEqual([]);
    expect(sixth.progressNotification).toEqual({ name: 'Voie du Padawan', remaining: 4 });
  });

  it('challenge submissions: evaluated only when correct; the notification when nothing was earned', async () => {
    const user = await createUser(prisma);
    const facts = (isCorrect: boolean) => ({
      kind: 'challenge' as const,
      userId: user.id,
      attemptId: 1,
      exerciseType: null,
      challengeType: 'sequence',
      isCorrect,
      timeSpentSeconds: 10,
      createdAt: clock.now(),
    });
    const step = (isCorrect: boolean) =>
      prisma.$transaction((tx) => gamificationPostAttemptStep(tx, facts(isCorrect), { clock }));
    for (let i = 0; i < 3; i += 1)
      await createChallengeAttempt(prisma, { userId: user.id, isCorrect: true });
    // 3 of 5 toward logic_explorer: a wrong answer earns nothing and gets the notification (§3.3 step 6).
    expect(await step(false)).toEqual({
      newBadges: [],
      progressNotification: { name: 'Explorateur des Défis', remaining: 2 },
    });
    for (let i = 0; i < 2; i += 1)
      await createChallengeAttempt(prisma, { userId: user.id, isCorrect: true });
    // Met, but a wrong answer never awards it (and a met badge is no notification).
    expect(await step(false)).toEqual({ newBadges: [], progressNotification: null });
    const right = await step(true);
    expect(codesOf(right.newBadges)).toEqual(['logic_explorer']);
    expect(right.newBadges[0]?.earnedAt).toEqual(clock.now());
    expect(right.progressNotification).toBeNull();
  });

  it('an inactive badge is never awarded; an unknown user gets nothing', async () => {
    const user = await createUser(prisma);
    await prisma.achievement.update({
      where: { code: 'first_steps' },
      data: { isActive: false },
      select: { id: true },
    });
    const r = await h.submit(user.id);
    expect(codesOf(r.newBadges)).not.toContain('first_steps');
    expect((await h.badges.check(ctxFor(999_999))).newBadges).toEqual([]);
  });
});
