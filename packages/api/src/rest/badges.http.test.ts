import { beforeEach, describe, expect, it } from 'vitest';

import type { Actor } from '@mathakine/core';
import {
  awardBadge,
  createAttempt,
  createChallengeAttempt,
  createExercise,
  createExerciseProgress,
  createUser,
  getTestDb,
  pinBadge,
  resetDb,
} from '@mathakine/core/testing';

import { actorOf, createTestApp, fixedClock, signedInAs } from '../testing/index.ts';

type Prisma = Awaited<ReturnType<typeof getTestDb>>['prisma'];

let prisma: Prisma;

beforeEach(async () => {
  prisma = (await getTestDb()).prisma;
  await resetDb(prisma);
  // The catalogue is kept by resetDb, and so is an admin's is_active choice: undo this file's changes.
  await prisma.achievement.updateMany({ where: { isActive: false }, data: { isActive: true } });
});

const NOW = new Date('2026-02-14T10:20:30.000Z');

const appAs = async (actor: Actor | null) =>
  createTestApp({
    clock: fixedClock(NOW),
    resolveAuth: signedInAs(actor),
  });

const json = { 'Content-Type': 'application/json' };
const patch = (body: string) => ({ method: 'PATCH', headers: json, body });
const post = (body?: string) => ({
  method: 'POST',
  headers: json,
  ...(body === undefined ? {} : { body }),
});

const badgeId = async (code: string) =>
  (await prisma.achievement.findUniqueOrThrow({ where: { code }, select: { id: true } })).id;

const errorBody = (code: string, message: string) => ({ code, message, error: message });

describe('GET /api/badges/user (route 35)', () => {
  it('returns the earned badges (newest first, inactive included) and the user stats', async () => {
    const user = await createUser(prisma, { totalPoints: 155 });
    await prisma.user.update({
      where: { id: user.id },
      data: { currentStreak: 2, bestStreak: 5, lastActivityDate: new Date('2026-02-14T00:00:00Z') },
      select: { id: true },
    });
    const first = await badgeId('first_steps');
    const flash = await badgeId('flash');
    await awardBadge(prisma, {
      userId: user.id,
      achievementId: first,
      earnedAt: new Date('2026-02-10T08:00:00.123Z'),
    });
    await awardBadge(prisma, {
      userId: user.id,
      achievementId: flash,
      earnedAt: new Date('2026-02-12T08:00:00Z'),
    });
    await prisma.achievement.update({
      where: { id: flash },
      data: { isActive: false },
      select: { id: true },
    });
    await pinBadge(prisma, { userId: user.id, achievementId: first, position: 1 });

    const { app } = await appAs(actorOf(user, 'exercises_only'));
    const res = await app.request('/api/badges/user');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      success: true,
      data: {
        earned_badges: [
          {
            id: flash,
            code: 'flash',
            name: 'Éclair Flash',
            description:
              "Résous un exercice correctement en moins de 3 secondes. Réflexes d'exception.",
            star_wars_title: 'Foudre du Temple',
            difficulty: 'gold',
            points_reward: 50,
            category: 'performance',
            earned_at: '2026-02-12T08:00:00+00:00',
            is_displayed: true,
          },
          expect.objectContaining({
            id: first,
            code: 'first_steps',
            earned_at: '2026-02-10T08:00:00.123000+00:00',
          }),
        ],
        user_stats: {
          total_points: 155,
          current_level: 2,
          experience_points: 55,
          jedi_rank: 'youngling',
          pinned_badge_ids: [first],
          current_streak: 2,
          best_streak: 5,
        },
      },
    });
  });

  it('decays the day streak on read and needs a user', async () => {
    const user = await createUser(prisma);
    await prisma.user.update({
      where: { id: user.id },
      data: { currentStreak: 4, bestStreak: 4, lastActivityDate: new Date('2026-02-10T00:00:00Z') },
      select: { id: true },
    });
    const body = (await (
      await (await appAs(actorOf(user))).app.request('/api/badges/user')
    ).json()) as {
      data: { user_stats: { current_streak: number; best_streak: number } };
    };
    expect(body.data.user_stats).toMatchObject({ current_streak: 0, best_streak: 4 });
    const anon = await (await appAs(null)).app.request('/api/badges/user');
    expect(anon.status).toBe(401);
    expect(await anon.json()).toEqual(errorBody('UNAUTHORIZED', 'Authentication required'));
  });
});

describe('GET /api/badges/available (route 36)', () => {
  it('is public, lists active badges by category then tier as plain strings, secret ones included', async () => {
    await prisma.achievement.update({
      where: { code: 'marathon' },
      data: { isActive: false },
      select: { id: true },
    });
    const res = await (await appAs(null)).app.request('/api/badges/available');
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      success: boolean;
      data: { code: string; category: string; difficulty: string }[];
    };
    expect(body.success).toBe(true);
    expect(body.data).toHaveLength(31);
    expect(body.data.map((b) => b.code)).not.toContain('marathon');
    expect(body.data.slice(0, 4).map((b) => `${b.category}/${b.difficulty}/${b.code}`)).toEqual([
      'discovery/bronze/explorer',
      'discovery/bronze/logic_explorer',
      'discovery/silver/versatile',
      'discovery/silver/logic_master',
    ]);
    expect(body.data.find((b) => b.code === 'hybrid_warrior')).toEqual({
      id: await badgeId('hybrid_warrior'),
      code: 'hybrid_warrior',
      name: 'Guerrier Polyvalent',
      description: 'Résous 20 exercices et 5 défis logiques. Exercices et raisonnement réunis.',
      criteria_text: 'Résoudre 20 exercices',
      star_wars_title: 'Combattant des Deux Arts',
      difficulty: 'silver',
      points_reward: 55,
      category: 'special',
      is_secret: false,
      icon_url: '⚔️',
    });
    expect(body.data.find((b) => b.code === 'grand_hybrid')).toMatchObject({ is_secret: true });
    expect(body.data.find((b) => b.code === 'perfect_day')).toMatchObject({ criteria_text: null });
  });
});

describe('POST /api/badges/check (route 37)', () => {
  it('awards logic badges from challenge attempts and answers the legacy shape (not wrapped)', async () => {
    const user = await createUser(prisma);
    const { app } = await appAs(actorOf(user));
    const none = await app.request('/api/badges/check', post());
    expect(none.status).toBe(200);
    expect(await none.json()).toEqual({
      success: true,
      new_badges: [],
      badges_earned: 0,
      message: 'Aucun nouveau badge',
    });

    for (let i = 0; i < 5; i += 1)
      await createChallengeAttempt(prisma, { userId: user.id, isCorrect: true });
    const res = await app.request('/api/badges/check', post());
    expect(await res.json()).toEqual({
      success: true,
      new_badges: [
        {
          id: await badgeId('logic_explorer'),
          code: 'logic_explorer',
          name: 'Explorateur des Défis',
          description: 'Résous 5 défis logiques correctement. Découvre les énigmes et suites.',
          star_wars_title: 'Initiation aux Enigmes',
          difficulty: 'bronze',
          points_reward: 20,
          earned_at: '2026-02-14T10:20:30+00:00',
        },
      ],
      badges_earned: 1,
      message: '1 nouveaux badges obtenus',
    });
    expect(await (await app.request('/api/badges/check', post())).json()).toMatchObject({
      badges_earned: 0,
    });
    const points = await prisma.user.findUniqueOrThrow({
      where: { id: user.id },
      select: { totalPoints: true },
    });
    expect(points.totalPoints).toBe(20);
  });

  it('needs full access', async () => {
    const user = await createUser(prisma);
    const res = await (
      await appAs(actorOf(user, 'exercises_only'))
    ).app.request('/api/badges/check', post());
    expect(res.status).toBe(403);
    const message = 'Vérifiez votre adresse email pour accéder à cette fonctionnalité.';
    expect(await res.json()).toEqual(errorBody('EMAIL_VERIFICATION_REQUIRED', message));
  });
});

describe('GET /api/badges/stats (route 38)', () => {
  it('writes Python floats and int zeros exactly', async () => {
    const user = await createUser(prisma, { totalPoints: 30 });
    const { app } = await appAs(actorOf(user));
    const empty = await app.request('/api/badges/stats');
    expect(await empty.text()).toBe(
      '{"success":true,"data":{"user_stats":{"total_points":30,"current_level":1,"experience_points":30,' +
        '"jedi_rank":"youngling","pinned_badge_ids":[],"current_streak":0,"best_streak":0},' +
        '"badges_summary":{"total_badges":0,"by_category":{}},' +
        '"performance":{"total_attempts":0,"correct_attempts":0,"success_rate":0,"avg_time_spent":0}}}',
    );

    const other = await createUser(prisma);
    const ex = await createExercise(prisma);
    await createAttempt(prisma, {
      userId: other.id,
      exerciseId: ex.id,
      isCorrect: true,
      timeSpent: 10,
    });
    await createAttempt(prisma, {
      userId: other.id,
      exerciseId: ex.id,
      isCorrect: true,
      timeSpent: 0,
    });
    await createAttempt(prisma, {
      userId: other.id,
      exerciseId: ex.id,
      isCorrect: false,
      timeSpent: 20.5,
    });
    await createAttempt(prisma, {
      userId: other.id,
      exerciseId: ex.id,
      isCorrect: true,
      timeSpent: null,
    });
    await awardBadge(prisma, { userId: other.id, achievementId: await badgeId('first_steps') });
    await awardBadge(prisma, { userId: other.id, achievementId: await badgeId('padawan_path') });
    await awardBadge(prisma, { userId: other.id, achievementId: await badgeId('expert') });
    const res = await (await appAs(actorOf(other))).app.request('/api/badges/stats');
    const text = await res.text();
    expect(text).toContain(
      '"badges_summary":{"total_badges":3,"by_category":{"mastery":1,"progression":2}}',
    );
    expect(text).toContain(
      '"performance":{"total_attempts":4,"correct_attempts":3,"success_rate":75.0,"avg_time_spent":10.17}',
    );
  });
});

describe('GET /api/badges/rarity (route 39)', () => {
  it('is public; ids as string keys, percent as a float, only unlocked active badges', async () => {
    const users = await Promise.all([createUser(prisma), createUser(prisma), createUser(prisma)]);
    await createUser(prisma, { isActive: false });
    const first = await badgeId('first_steps');
    for (const u of users) await awardBadge(prisma, { userId: u.id, achievementId: first });
    const flash = await badgeId('flash');
    await awardBadge(prisma, { userId: users[0].id, achievementId: flash });
    const res = await (await appAs(null)).app.request('/api/badges/rarity');
    expect(res.status).toBe(200);
    expect(await res.text()).toBe(
      `{"success":true,"data":{"total_users":3,"by_badge":{"${first}":{"unlock_count":3,"unlock_percent":100.0,"rarity":"common"},` +
        `"${flash}":{"unlock_count":1,"unlock_percent":33.3,"rarity":"common"}}}}`,
    );
  });
});

describe('PATCH /api/badges/pin (route 40)', () => {
  it('keeps the first 3 entries that are earned, in order; drops non-numbers, truncates floats, true is 1', async () => {
    const user = await createUser(prisma);
    const ids = await Promise.all(['first_steps', 'padawan_path', 'meteore'].map(badgeId));
    for (const id of ids) await awardBadge(prisma, { userId: user.id, achievementId: id });
    const [a = 0, b = 0, c = 0] = ids;
    const { app } = await appAs(actorOf(user));

    const res = await app.request(
      '/api/badges/pin',
      patch(JSON.stringify({ badge_ids: [9999, c, a, b] })),
    );
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ success: true, data: { pinned_badge_ids: [c, a] } });

    const mixed = await app.request(
      '/api/badges/pin',
      patch(`{"badge_ids":["x",${b}.9,null,${b},true,${a}]}`),
    );
    expect(await mixed.json()).toEqual({
      success: true,
      data: { pinned_badge_ids: [b, 1].filter((id) => ids.includes(id)) },
    });

    const user2 = await app.request('/api/badges/user');
    expect(
      ((await user2.json()) as { data: { user_stats: { pinned_badge_ids: number[] } } }).data
        .user_stats.pinned_badge_ids,
    ).toEqual([b, 1].filter((id) => ids.includes(id)));

    expect(await (await app.request('/api/badges/pin', patch('{}'))).json()).toEqual({
      success: true,
      data: { pinned_badge_ids: [] },
    });
  });

  it('answers the legacy validation errors', async () => {
    const user = await createUser(prisma);
    const { app } = await appAs(actorOf(user));
    for (const body of [
      '{"badge_ids":"1,2"}',
      '{"badge_ids":null}',
      '{"badge_ids":{"0":1}}',
      '{"badge_ids":3}',
    ]) {
      const res = await app.request('/api/badges/pin', patch(body));
      expect(res.status, body).toBe(400);
      expect(await res.json()).toEqual(errorBody('BAD_REQUEST', 'badge_ids doit être une liste'));
    }
    const notJson = await app.request('/api/badges/pin', patch('{nope'));
    expect(notJson.status).toBe(422);
    expect(await notJson.json()).toMatchObject({
      message: 'Corps de requête JSON invalide ou manquant',
    });
    const notObject = await app.request('/api/badges/pin', patch('[1,2]'));
    expect(notObject.status).toBe(400);
    expect(await notObject.json()).toEqual(
      errorBody('BAD_REQUEST', 'Le corps doit être un objet JSON'),
    );
    const scoped = await (
      await appAs(actorOf(user, 'exercises_only'))
    ).app.request('/api/badges/pin', patch('{"badge_ids":[]}'));
    expect(scoped.status).toBe(403);
  });
});

describe('GET /api/challenges/badges/progress (route 41)', () => {
  it('lists unlocked and in-progress badges with float progress', async () => {
    const user = await createUser(prisma);
    await createExercise(prisma);
    // Four wrong additions, as the submit transaction leaves them in the progress cache.
    await createExerciseProgress(prisma, {
      userId: user.id,
      exerciseType: 'ADDITION',
      totalAttempts: 4,
      correctAttempts: 0,
      timedAttempts: 4,
      totalTimeSpent: 40,
      currentCorrectStreak: 0,
      bestCorrectStreak: 0,
    });
    await awardBadge(prisma, { userId: user.id, achievementId: await badgeId('first_steps') });
    const res = await (await appAs(actorOf(user))).app.request('/api/challenges/badges/progress');
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(
      text.startsWith(
        `{"success":true,"data":{"unlocked":[{"id":${await badgeId('first_steps')},"code":"first_steps","name":"Premiers pas au Temple"}],"in_progress":[`,
      ),
    ).toBe(true);
    expect(text).toContain(
      `{"id":${await badgeId('padawan_path')},"code":"padawan_path","name":"Voie du Padawan","progress":0.4,"current":4,"target":10,"criteria_text":"Résoudre 10 exercices","is_secret":false}`,
    );
    expect(text).toContain(
      `"code":"speed_demon","name":"Éclair de Vitesse","progress":0.0,"current":0,"target":1,`,
    );
    expect(text).toContain(
      `"code":"grand_hybrid","name":"Grand Hybride","progress":0.0,"current":0,"target":25,"criteria_text":"Résoudre 100 exercices","is_secret":true}`,
    );
    expect((await (await appAs(null)).app.request('/api/challenges/badges/progress')).status).toBe(
      401,
    );
  });
});

describe('GET /api/users/leaderboard (route 25)', () => {
  it('needs a signed-in user despite the whitelist', async () => {
    const res = await (await appAs(null)).app.request('/api/users/leaderboard');
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual(errorBody('UNAUTHORIZED', 'Authentification requise'));
  });

  it('applies privacy before the limit, breaks ties by id, ranks 1..n, filters by age group', async () => {
    const me = await createUser(prisma, { username: 'ObiWan', totalPoints: 350 });
    await createUser(prisma, {
      username: 'Hidden',
      totalPoints: 9000,
      preferences: { privacy_settings: { show_in_leaderboards: false } },
    });
    await createUser(prisma, {
      username: 'Yoda',
      totalPoints: 1915,
      preferredAgeGroup: 'GROUP_9_11',
    });
    await createUser(prisma, {
      username: 'Ahsoka',
      totalPoints: 350,
      preferredAgeGroup: 'GROUP_9_11',
    });
    await createUser(prisma, { username: 'Gone', totalPoints: 99999, isActive: false });
    const { app } = await appAs(actorOf(me));

    const res = await app.request('/api/users/leaderboard?limit=2');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      leaderboard: [
        {
          username: 'Yoda',
          total_points: 1915,
          current_level: 20,
          jedi_rank: 'knight',
          is_current_user: false,
          rank: 1,
        },
        {
          username: 'ObiWan',
          total_points: 350,
          current_level: 4,
          jedi_rank: 'youngling',
          is_current_user: true,
          rank: 2,
        },
      ],
    });
    const kids = (await (
      await app.request('/api/users/leaderboard?age_group=%209-11%20')
    ).json()) as { leaderboard: { username: string; rank: number }[] };
    expect(kids.leaderboard.map((e) => [e.rank, e.username])).toEqual([
      [1, 'Yoda'],
      [2, 'Ahsoka'],
    ]);
    const all = (await (await app.request('/api/users/leaderboard?limit=abc')).json()) as {
      leaderboard: unknown[];
    };
    expect(all.leaderboard).toHaveLength(3);
    const one = (await (await app.request('/api/users/leaderboard?limit=0')).json()) as {
      leaderboard: unknown[];
    };
    expect(one.leaderboard).toHaveLength(1);
  });
});
