import { describe, expect, it } from 'vitest';

import { createLogicChallenge } from '@mathakine/core/testing';

import { cookieHeader, createAccountsApp, json, setCookies } from '../testing/accounts.ts';

/**
 * Done-when of issue 12, as the legacy frontend's dashboard drives it: a learner registers, logs in, answers
 * a few exercises; the dashboard shows recommendations of existing, active items (each opens through
 * GET /api/exercises/{id}), "Actualiser" works, opening one is counted, and the analytics and feedback
 * calls the pages make succeed.
 */
describe('the dashboard after a few answers', () => {
  it('shows recommendations the learner can open', async () => {
    const t = await createAccountsApp();
    const sixEight = await createLogicChallenge(t.prisma, { ageGroup: 'GROUP_6_8' });
    const forAll = await createLogicChallenge(t.prisma, {
      ageGroup: 'ALL_AGES',
      challengeType: 'PUZZLE',
    });
    await createLogicChallenge(t.prisma, { ageGroup: 'GROUP_9_11', isActive: false });

    const registered = await t.app.request(
      '/api/users/',
      json('POST', { username: 'rey_s', email: 'rey@example.org', password: 'Padawan2026' }),
    );
    expect(registered.status).toBe(201);
    const login = await t.app.request(
      '/api/auth/login',
      json('POST', { username: 'rey_s', password: 'Padawan2026' }),
    );
    expect(login.status).toBe(200);
    const cookies = setCookies(login);
    const auth = {
      Cookie: cookieHeader({
        access_token: cookies.access_token?.value ?? '',
        refresh_token: cookies.refresh_token?.value ?? '',
      }),
    };
    const get = (path: string) => t.app.request(path, { headers: auth });
    const post = (path: string, body: unknown) => t.app.request(path, json('POST', body, auth));

    // Onboarding: the learner is 6-8.
    const onboarding = await t.app.request(
      '/api/users/me',
      json('PUT', { preferred_difficulty: '6-8' }, auth),
    );
    expect(onboarding.status).toBe(200);

    // A few exercises of several types, as the exercises page generates them.
    const generated: number[] = [];
    for (const exercise_type of [
      'addition',
      'addition',
      'soustraction',
      'multiplication',
      'geometrie',
    ]) {
      const res = await post('/api/exercises/generate', { exercise_type, age_group: '6-8' });
      expect(res.status).toBe(200);
      generated.push(((await res.json()) as { id: number }).id);
    }
    const click = await post('/api/analytics/event', {
      event: 'quick_start_click',
      payload: { type: 'exercise', guided: true, targetId: generated[0] },
    });
    expect(click.status).toBe(200);

    // Answers: one addition right, another one wrong twice (a weak type); the subtraction right.
    const answerOf = async (id: number) =>
      (
        await t.prisma.exercise.findUniqueOrThrow({
          where: { id },
          select: { correctAnswer: true },
        })
      ).correctAnswer;
    const answer = async (id: number, right: boolean) => {
      const res = await post(`/api/exercises/${id}/attempt`, {
        answer: right ? await answerOf(id) : 'pas la réponse',
        time_spent: 12,
      });
      expect(res.status).toBe(200);
      expect(((await res.json()) as { is_correct: boolean }).is_correct).toBe(right);
    };
    const [add1 = 0, add2 = 0, sub = 0] = generated;
    await answer(add1, true);
    await answer(add2, false);
    await answer(add2, false);
    await answer(sub, true);
    const firstAttempt = await post('/api/analytics/event', {
      event: 'first_attempt',
      payload: { type: 'exercise', targetId: add1, timeToFirstAttemptMs: 4200 },
    });
    expect(firstAttempt.status).toBe(200);

    // The dashboard.
    const res = await get('/api/recommendations');
    expect(res.status).toBe(200);
    const items = (await res.json()) as {
      id: number;
      recommendation_type: 'exercise' | 'challenge';
      exercise_id?: number;
      challenge_id?: number;
      exercise_title: string;
      reason: string;
      priority: number;
      age_group: string;
    }[];
    expect(items.length).toBeGreaterThanOrEqual(3);
    expect(items.length).toBeLessThanOrEqual(7);
    for (const item of items) expect(item.reason).not.toBe('');

    const exerciseItems = items.filter((i) => i.recommendation_type === 'exercise');
    const recommendedExercises = exerciseItems.map((i) => i.exercise_id ?? 0);
    // Solved exercises are never recommended; the weak type's unsolved one and the types not yet tried
    // are, and each opens.
    expect(recommendedExercises).not.toContain(add1);
    expect(recommendedExercises).not.toContain(sub);
    expect(recommendedExercises.sort()).toEqual([add2, generated[3], generated[4]].sort());
    expect(exerciseItems.find((i) => i.exercise_id === add2)?.reason).toBe(
      'Votre taux de réussite en addition est de 33%. Continuons à progresser !',
    );
    for (const item of exerciseItems) {
      const detail = await get(`/api/exercises/${item.exercise_id ?? 0}`);
      expect(detail.status).toBe(200);
      expect(((await detail.json()) as { title: string }).title).toBe(item.exercise_title);
      const row = await t.prisma.exercise.findUniqueOrThrow({
        where: { id: item.exercise_id ?? 0 },
        select: { isActive: true, isArchived: true },
      });
      expect(row).toEqual({ isActive: true, isArchived: false });
    }
    // Challenges: of the learner's age (or all ages) and active.
    const challengeIds = items
      .filter((i) => i.recommendation_type === 'challenge')
      .map((i) => i.challenge_id);
    expect(challengeIds.sort()).toEqual([sixEight.id, forAll.id].sort());
    for (const id of challengeIds) {
      const row = await t.prisma.logicChallenge.findUniqueOrThrow({
        where: { id: id ?? 0 },
        select: { isActive: true, isArchived: true, ageGroup: true },
      });
      expect(row.isActive && !row.isArchived).toBe(true);
      expect(['GROUP_6_8', 'ALL_AGES']).toContain(row.ageGroup);
    }

    // Clicking one opens it (counted), "Actualiser" regenerates, the feedback form works.
    const first = items[0];
    expect((await post('/api/recommendations/open', { recommendation_id: first?.id })).status).toBe(
      200,
    );
    const refreshed = await post('/api/recommendations/generate', {});
    expect(refreshed.status).toBe(200);
    expect(await refreshed.json()).toEqual({
      message: 'Recommandations générées avec succès',
      count: expect.any(Number) as unknown,
    });
    expect(
      ((await (await get('/api/recommendations')).json()) as unknown[]).length,
    ).toBeGreaterThan(0);
    const feedback = await post('/api/feedback', {
      feedback_type: 'exercise',
      description: 'Je ne comprends pas la question',
      exercise_id: add2,
      page_url: `/exercises/${add2}`,
    });
    expect(feedback.status).toBe(201);
    expect(await t.prisma.edtechEvent.count()).toBe(2);
  });
});
