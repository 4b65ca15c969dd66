import { describe, expect, it } from 'vitest';

import { getTestDb } from '@mathakine/core/testing';

import { createTestApp, fixedClock } from '../testing/index.ts';

/**
 * Done-when of issue 10, on a freshly migrated database (this file never resets it, so the starter
 * catalogue the migration applied is there) and the real authentication: a new learner signs up and
 * logs in as the legacy frontend does, the challenges page lists the catalogue, a challenge opens, a hint
 * shows, an answer is judged, and the dashboard's challenge counters move.
 */
describe('a fresh install, through the legacy frontend calls', () => {
  it('lists the starter catalogue, opens a challenge, shows a hint, judges answers, moves the counters', async () => {
    const { prisma } = await getTestDb();
    const { app } = await createTestApp({ clock: fixedClock(new Date('2026-02-14T10:00:00Z')) });
    const json = (method: string, body: unknown, cookie = ''): RequestInit => ({
      method,
      headers: { 'Content-Type': 'application/json', ...(cookie ? { Cookie: cookie } : {}) },
      body: JSON.stringify(body),
    });

    const registered = await app.request(
      '/api/users/',
      json('POST', { username: 'rey_s', email: 'rey@example.org', password: 'Padawan2026' }),
    );
    expect(registered.status).toBe(201);
    const login = await app.request(
      '/api/auth/login',
      json('POST', { username: 'rey_s', password: 'Padawan2026' }),
    );
    expect(login.status).toBe(200);
    const cookie = login.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    const get = (path: string) => app.request(path, { headers: { Cookie: cookie } });

    // The challenges page: 15 per page, random order, active only, public age codes.
    const page = await get(
      '/api/challenges?skip=0&limit=15&order=random&hide_completed=false&active_only=true',
    );
    expect(page.status).toBe(200);
    const list = (await page.json()) as {
      items: { id: number; title: string; challenge_type: string; age_group: string }[];
      total: number;
      hasMore: boolean;
    };
    expect(list.total).toBe(60);
    expect(list.items).toHaveLength(15);
    expect(list.hasMore).toBe(true);
    const filtered = (await (
      await get('/api/challenges?challenge_type=chess&age_group=9-11&limit=15')
    ).json()) as { items: { challenge_type: string; age_group: string }[] };
    expect(filtered.items).toEqual([
      expect.objectContaining({ challenge_type: 'chess', age_group: '9-11' }),
    ]);

    // A challenge opens (no answer key yet), a hint shows.
    const first = list.items[0];
    if (first === undefined) throw new Error('empty page');
    const detail = (await (await get(`/api/challenges/${first.id}`)).json()) as {
      title: string;
      question: string | null;
      solution_explanation: string | null;
      hints: string[] | null;
    };
    expect(detail.title).toBe(first.title);
    expect(detail.question).toEqual(expect.any(String) as string);
    expect(detail.solution_explanation).toBeNull();
    expect(detail.hints).toBeNull();
    const hint = await get(`/api/challenges/${first.id}/hint?level=1`);
    expect(hint.status).toBe(200);
    expect(await hint.json()).toEqual({ hint: expect.any(String) as string });

    // An answer is judged: a wrong one, then the stored one.
    const stored = await prisma.logicChallenge.findUniqueOrThrow({
      where: { id: first.id },
      select: { correctAnswer: true },
    });
    // A chess answer may list several accepted lines (`a | b`): the learner types one of them.
    const oneAcceptedAnswer = (stored.correctAnswer ?? '').split('|')[0]?.trim() ?? '';
    const attempt = (answer: string) =>
      app.request(
        `/api/challenges/${first.id}/attempt`,
        json('POST', { user_solution: answer, time_spent: 42.5, hints_used: [1] }, cookie),
      );
    const wrong = await attempt('certainement pas ça');
    const wrongBody = (await wrong.json()) as { is_correct: boolean; hints_remaining: number };
    expect(wrongBody.is_correct).toBe(false);
    expect(wrongBody.hints_remaining).toBeGreaterThanOrEqual(0);
    const afterWrong = (await (await get(`/api/challenges/${first.id}`)).json()) as {
      hints: string[] | null;
    };
    expect(afterWrong.hints?.length).toBeGreaterThan(0);
    const right = await attempt(oneAcceptedAnswer);
    expect(right.status).toBe(200);
    expect(await right.json()).toMatchObject({
      is_correct: true,
      explanation: expect.any(String) as string,
    });
    expect(await (await get('/api/challenges/completed-ids')).json()).toEqual({
      completed_ids: [first.id],
    });

    // The dashboard's challenge counters moved.
    expect(await (await get('/api/users/me/challenges/progress')).json()).toMatchObject({
      completed_challenges: 1,
      total_challenges: 60,
      success_rate: 0.5,
    });
    expect(await (await get('/api/users/stats')).json()).toMatchObject({ total_challenges: 1 });
  });
});
