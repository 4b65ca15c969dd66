// Every setting of api-rest-challenges-admin §7.2 takes effect (platform X19): each test changes it through
// PUT /api/admin/config and observes the behaviour change on the same running app, without a restart.
// The PUT drops this process's settings cache; another instance sees the change after the documented
// cache delay (SETTINGS_CACHE_MS), proven with a movable clock.
import { beforeEach, describe, expect, it } from 'vitest';

import {
  AI_STREAM_MESSAGES,
  createDisabledAiProvider,
  SETTINGS_CACHE_MS,
  type Actor,
  type AiProvider,
} from '@mathakine/core';
import {
  createArchiviste,
  createUser,
  getTestDb,
  movableClock,
  resetDb,
} from '@mathakine/core/testing';

import type { AuthResolver } from '../deps.ts';
import { actorOf, createTestApp } from '../testing/index.ts';

type Prisma = Awaited<ReturnType<typeof getTestDb>>['prisma'];

let prisma: Prisma;

beforeEach(async () => {
  prisma = (await getTestDb()).prisma;
  await resetDb(prisma);
});

/** A provider that is configured but whose every call fails: quotas are counted, nothing is generated. */
const failingProvider = (): AiProvider => ({ ...createDisabledAiProvider(), configured: true });

/** Bearer `admin` is the administrator, `user` a learner; anything else is anonymous. */
const actors =
  (admin: Actor, user: Actor): AuthResolver =>
  ({ accessToken }) =>
    Promise.resolve(
      accessToken === 'admin'
        ? { actor: admin, tokenState: 'valid' }
        : accessToken === 'user'
          ? { actor: user, tokenState: 'valid' }
          : { actor: null, tokenState: 'none' },
    );

const running = async (clock = movableClock()) => {
  const admin = await createArchiviste(prisma);
  const user = await createUser(prisma);
  const test = await createTestApp({
    clock,
    resolveAuth: actors({ ...actorOf(admin), role: 'archiviste' }, actorOf(user)),
    coreDeps: { ai: failingProvider() },
  });
  const as =
    (token: 'admin' | 'user') =>
    (path: string, init: RequestInit = {}): Promise<Response> =>
      Promise.resolve(
        test.app.request(path, {
          ...init,
          headers: {
            Authorization: `Bearer ${token}`,
            'Content-Type': 'application/json',
            ...(init.headers as Record<string, string> | undefined),
          },
        }),
      );
  const asAdmin = as('admin');
  const asUser = as('user');
  const put = async (settings: Record<string, unknown>) => {
    const res = await asAdmin('/api/admin/config', {
      method: 'PUT',
      body: JSON.stringify({ settings }),
    });
    expect(res.status).toBe(200);
  };
  return { ...test, asAdmin, asUser, put, user };
};

const post = (body: unknown): RequestInit => ({ method: 'POST', body: JSON.stringify(body) });

/** The `data:` events of an SSE body. */
const events = async (res: Response) =>
  (await res.text())
    .split('\n\n')
    .filter((block) => block.startsWith('data: '))
    .map((block) => JSON.parse(block.slice('data: '.length)) as { type: string; message?: string });

const EFFECT_TESTED = [
  'maintenance_mode',
  'registration_enabled',
  'feature_ai_challenges_enabled',
  'feature_chat_enabled',
  'max_generations_per_user_per_hour',
  'max_ai_generations_per_user_per_day',
  'max_chat_messages_per_user_per_day',
  'max_export_rows',
];

describe('every setting takes effect without a restart (X19)', () => {
  it('covers every key the configuration lists', async () => {
    const { asAdmin } = await running();
    const body = (await (await asAdmin('/api/admin/config')).json()) as {
      settings: { key: string }[];
    };
    expect(body.settings.map((s) => s.key).sort()).toEqual([...EFFECT_TESTED].sort());
  });

  it('maintenance_mode: 503 outside the exempt paths, the back office still answers', async () => {
    const { asAdmin, asUser, put } = await running();
    expect((await asUser('/api/exercises')).status).toBe(200);
    await put({ maintenance_mode: true });
    const down = await asUser('/api/exercises');
    expect([down.status, await down.json()]).toEqual([
      503,
      {
        code: 'SERVICE_UNAVAILABLE',
        message: 'Le temple est en maintenance. Réessayez plus tard.',
        error: 'Le temple est en maintenance. Réessayez plus tard.',
      },
    ]);
    expect((await asAdmin('/api/admin/health')).status).toBe(200);
    await put({ maintenance_mode: false });
    expect((await asUser('/api/exercises')).status).toBe(200);
  });

  it('registration_enabled: registration answers 403 while closed', async () => {
    const { app, put } = await running();
    const register = (username: string) =>
      app.request('/api/users/', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({
          username,
          email: `${username}@example.test`,
          password: 'Padawan2026!',
        }),
      });
    await put({ registration_enabled: 'false' });
    const closed = await register('ahsoka');
    expect([closed.status, await closed.json()]).toMatchObject([
      403,
      { message: 'Les inscriptions sont temporairement fermées.' },
    ]);
    await put({ registration_enabled: true });
    expect((await register('ahsoka')).status).toBe(201);
  });

  it('feature_chat_enabled: the tutor chat refuses while it is off', async () => {
    const { asUser, put } = await running();
    await put({ feature_chat_enabled: false });
    const off = await asUser('/api/chat', post({ message: 'Bonjour' }));
    expect([off.status, await off.json()]).toMatchObject([
      403,
      { message: AI_STREAM_MESSAGES.chatDisabled },
    ]);
    await put({ feature_chat_enabled: 1 });
    const on = await asUser('/api/chat', post({ message: 'Bonjour' }));
    expect(on.status).toBe(503);
  });

  it('feature_ai_challenges_enabled: AI challenge generation refuses while it is off', async () => {
    const { asUser, put } = await running();
    await put({ feature_ai_challenges_enabled: false });
    expect(await events(await asUser('/api/challenges/generate-ai-stream'))).toEqual([
      { type: 'error', message: AI_STREAM_MESSAGES.aiChallengesDisabled },
    ]);
    await put({ feature_ai_challenges_enabled: true });
    const on = await events(await asUser('/api/challenges/generate-ai-stream'));
    expect(on[0]).toEqual({ type: 'status', message: AI_STREAM_MESSAGES.generating });
  });

  it('max_generations_per_user_per_hour: the hourly generation quota follows the setting', async () => {
    const { asUser, put } = await running();
    await put({ max_generations_per_user_per_hour: 1 });
    expect((await events(await asUser('/api/exercises/generate-ai-stream')))[0]).toMatchObject({
      type: 'status',
    });
    expect(await events(await asUser('/api/exercises/generate-ai-stream'))).toEqual([
      { type: 'error', message: AI_STREAM_MESSAGES.hourlyLimit(1) },
    ]);
    await put({ max_generations_per_user_per_hour: 3 });
    expect((await events(await asUser('/api/exercises/generate-ai-stream')))[0]).toMatchObject({
      type: 'status',
    });
  });

  it('max_ai_generations_per_user_per_day: the daily generation quota follows the setting', async () => {
    const { asUser, put } = await running();
    await put({ max_ai_generations_per_user_per_day: 1 });
    expect((await events(await asUser('/api/challenges/generate-ai-stream')))[0]).toMatchObject({
      type: 'status',
    });
    expect(await events(await asUser('/api/exercises/generate-ai-stream'))).toEqual([
      { type: 'error', message: AI_STREAM_MESSAGES.dailyLimit(1) },
    ]);
  });

  it('max_chat_messages_per_user_per_day: the chat quota follows the setting', async () => {
    const { asUser, put } = await running();
    await put({ max_chat_messages_per_user_per_day: 1 });
    expect((await asUser('/api/chat', post({ message: 'Bonjour' }))).status).toBe(503);
    const refused = await asUser('/api/chat', post({ message: 'Bonjour' }));
    expect([refused.status, await refused.json()]).toMatchObject([
      429,
      { message: AI_STREAM_MESSAGES.chatDailyLimit(1) },
    ]);
  });

  it('max_export_rows: the CSV export stops at the setting', async () => {
    const { asAdmin, put } = await running();
    await prisma.user.createMany({
      data: Array.from({ length: 120 }, (_, i) => ({
        username: `clone_${i}`,
        email: `clone_${i}@kamino.test`,
        hashedPassword: 'x',
      })),
    });
    const lines = async () =>
      (await (await asAdmin('/api/admin/export?type=users')).text()).split('\r\n').length - 1;
    expect(await lines()).toBe(1 + 122);
    await put({ max_export_rows: 5 });
    expect(await lines()).toBe(1 + 100);
  });

  it('reaches another instance within the documented cache delay', async () => {
    const clockB = movableClock();
    const a = await running();
    const b = await createTestApp({ clock: clockB });
    expect((await b.app.request('/api/exercises')).status).not.toBe(503);
    await a.put({ maintenance_mode: true });
    expect((await a.app.request('/api/exercises')).status).toBe(503);
    expect((await b.app.request('/api/exercises')).status).not.toBe(503);
    clockB.advance(SETTINGS_CACHE_MS + 1);
    expect((await b.app.request('/api/exercises')).status).toBe(503);
  });
});
