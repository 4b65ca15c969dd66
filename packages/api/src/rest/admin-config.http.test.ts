// GET / PUT /api/admin/config (api-rest-challenges-admin §6.14) and the CSV export (§6.15, §7.3) on the
// wire: the derivation and storage tables, the audit entries, the CSV writer's bytes.
import { beforeEach, describe, expect, it } from 'vitest';

import {
  createArchiviste,
  createAttempt,
  createExercise,
  createLogicChallenge,
  createUser,
  getTestDb,
  resetDb,
} from '@mathakine/core/testing';

import { actorOf, createTestApp, fixedClock, signedInAs } from '../testing/index.ts';

type Prisma = Awaited<ReturnType<typeof getTestDb>>['prisma'];

let prisma: Prisma;

beforeEach(async () => {
  prisma = (await getTestDb()).prisma;
  await resetDb(prisma);
});

const NOW = new Date('2026-06-15T12:00:00.000Z');
const DAY = 86_400_000;

const adminApp = async () => {
  const admin = await createArchiviste(prisma, { createdAt: new Date(NOW.getTime() - 90 * DAY) });
  const test = await createTestApp({
    clock: fixedClock(NOW),
    resolveAuth: signedInAs({ ...actorOf(admin), role: 'archiviste' }),
  });
  return { ...test, admin };
};

const put = (raw: string): RequestInit => ({
  method: 'PUT',
  headers: { 'Content-Type': 'application/json' },
  body: raw,
});

const stored = async (key: string) =>
  (await prisma.setting.findUnique({ where: { key }, select: { value: true } }))?.value;

const setStored = (key: string, value: string | null) =>
  prisma.setting.update({ where: { key }, data: { value } });

describe('GET /api/admin/config', () => {
  it('lists every setting in order with its effective value and bounds', async () => {
    const { app } = await adminApp();
    await setStored('max_generations_per_user_per_hour', '0');
    await setStored('max_export_rows', '999999');
    await setStored('max_chat_messages_per_user_per_day', 'beaucoup');
    await setStored('feature_chat_enabled', 'ON');
    await prisma.setting.delete({ where: { key: 'registration_enabled' } });
    const res = await app.request('/api/admin/config');
    expect(await res.json()).toEqual({
      settings: [
        {
          key: 'maintenance_mode',
          value: false,
          type: 'bool',
          category: 'système',
          label: 'Mode maintenance',
          min: null,
          max: null,
        },
        {
          key: 'registration_enabled',
          value: true,
          type: 'bool',
          category: 'système',
          label: 'Inscriptions ouvertes',
          min: null,
          max: null,
        },
        {
          key: 'feature_ai_challenges_enabled',
          value: true,
          type: 'bool',
          category: 'features',
          label: 'Défis IA activés',
          min: null,
          max: null,
        },
        {
          key: 'feature_chat_enabled',
          value: true,
          type: 'bool',
          category: 'features',
          label: 'Chat IA activé',
          min: null,
          max: null,
        },
        {
          key: 'max_generations_per_user_per_hour',
          value: 20,
          type: 'int',
          category: 'limites',
          label: 'Générations max/user/heure',
          min: 1,
          max: 100,
        },
        {
          key: 'max_ai_generations_per_user_per_day',
          value: 50,
          type: 'int',
          category: 'limites',
          label: 'Générations IA max/user/jour',
          min: 1,
          max: 1000,
        },
        {
          key: 'max_chat_messages_per_user_per_day',
          value: 200,
          type: 'int',
          category: 'limites',
          label: 'Messages chat IA max/user/jour',
          min: 1,
          max: 5000,
        },
        {
          key: 'max_export_rows',
          value: 100000,
          type: 'int',
          category: 'limites',
          label: 'Lignes max export CSV',
          min: 100,
          max: 100000,
        },
      ],
    });
  });
});

describe('PUT /api/admin/config', () => {
  it('stores each value per its type and audits every key sent', async () => {
    const { app, admin } = await adminApp();
    await prisma.setting.delete({ where: { key: 'feature_chat_enabled' } });
    const res = await app.request(
      '/api/admin/config',
      put(
        JSON.stringify({
          settings: {
            maintenance_mode: 'yes',
            registration_enabled: '1',
            feature_ai_challenges_enabled: 'True',
            feature_chat_enabled: 1,
            max_generations_per_user_per_hour: 7.9,
            max_ai_generations_per_user_per_day: '5000',
            max_chat_messages_per_user_per_day: true,
            max_export_rows: 'beaucoup',
            unknown_key: 3,
          },
        }),
      ),
    );
    expect([res.status, await res.json()]).toEqual([200, { status: 'ok' }]);
    expect(await stored('maintenance_mode')).toBe('false');
    expect(await stored('registration_enabled')).toBe('true');
    expect(await stored('feature_ai_challenges_enabled')).toBe('false');
    expect(await stored('max_generations_per_user_per_hour')).toBe('7');
    expect(await stored('max_ai_generations_per_user_per_day')).toBe('1000');
    expect(await stored('max_chat_messages_per_user_per_day')).toBe('200');
    expect(await stored('max_export_rows')).toBe('10000');
    expect(await stored('unknown_key')).toBeUndefined();
    expect(
      await prisma.setting.findUniqueOrThrow({
        where: { key: 'feature_chat_enabled' },
        select: { value: true, category: true, description: true, isSystem: true, isPublic: true },
      }),
    ).toEqual({
      value: 'true',
      category: 'features',
      description: 'Chat IA activé',
      isSystem: true,
      isPublic: false,
    });
    const [entry] = await prisma.adminAuditLog.findMany({
      select: {
        action: true,
        resourceType: true,
        resourceId: true,
        adminUserId: true,
        details: true,
      },
    });
    expect(entry).toMatchObject({
      action: 'config_update',
      resourceType: 'settings',
      resourceId: null,
      adminUserId: admin.id,
      details: {
        updated_keys: [
          'maintenance_mode',
          'registration_enabled',
          'feature_ai_challenges_enabled',
          'feature_chat_enabled',
          'max_generations_per_user_per_hour',
          'max_ai_generations_per_user_per_day',
          'max_chat_messages_per_user_per_day',
          'max_export_rows',
          'unknown_key',
        ],
        changes: {
          max_generations_per_user_per_hour: { from: '20', to: '7' },
          feature_chat_enabled: { from: null, to: 'true' },
        },
      },
    });
  });

  it('answers the body rows: falsy settings succeed (and are audited), a non-object is a 400', async () => {
    const { app } = await adminApp();
    for (const raw of ['{}', '{"settings": null}', '{"settings": 0}', '{"settings": ""}']) {
      const res = await app.request('/api/admin/config', put(raw));
      expect([raw, res.status, await res.json()]).toEqual([raw, 200, { status: 'ok' }]);
    }
    expect(await prisma.adminAuditLog.count({ where: { action: 'config_update' } })).toBe(4);
    const message = "'settings' doit être un objet";
    for (const raw of ['{"settings": [1]}', '{"settings": "on"}', '{"settings": 3}']) {
      const res = await app.request('/api/admin/config', put(raw));
      expect([raw, res.status, await res.json()]).toEqual([
        raw,
        400,
        { code: 'BAD_REQUEST', message, error: message },
      ]);
    }
    const invalid = await app.request('/api/admin/config', put('nope'));
    expect(invalid.status).toBe(422);
    const array = await app.request('/api/admin/config', put('[]'));
    expect(array.status).toBe(400);
    expect(await prisma.adminAuditLog.count()).toBe(4);
  });
});

describe('GET /api/admin/export (§6.15, §7.3)', () => {
  it('streams a BOM-prefixed CSV with minimal quoting, CRLF and formula-safe cells', async () => {
    const { app, admin } = await adminApp();
    await createUser(prisma, {
      username: 'evil',
      email: 'evil@example.test',
      fullName: '=HYPERLINK("http://x","clic"), "ok"',
      createdAt: new Date('2026-06-14T08:00:00.250Z'),
      isActive: false,
    });
    await createUser(prisma, {
      username: '@minus',
      email: 'm@example.test',
      fullName: null,
      role: 'GARDIEN',
      createdAt: new Date('2026-06-13T08:00:00.000Z'),
    });
    const res = await app.request('/api/admin/export');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe(
      'attachment; filename="mathakine_export_users_all.csv"',
    );
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes.slice(3));
    expect(text.split('\r\n')).toEqual([
      'id,username,email,full_name,role,is_active,created_at',
      expect.stringMatching(
        /^\d+,evil,evil@example\.test,"'=HYPERLINK\(""http:\/\/x"",""clic""\), ""ok""",padawan,False,2026-06-14T08:00:00\.250000\+00:00$/,
      ) as unknown,
      expect.stringMatching(
        /^\d+,'@minus,m@example\.test,,gardien,True,2026-06-13T08:00:00\+00:00$/,
      ) as unknown,
      expect.stringMatching(new RegExp(`^${admin.id},`)) as unknown,
      '',
    ]);
    const [entry] = await prisma.adminAuditLog.findMany({
      select: { action: true, details: true },
    });
    expect(entry).toEqual({ action: 'export_csv', details: { type: 'users', period: 'all' } });
  });

  it('writes the exercises, attempts and overview formats, filtered by period', async () => {
    const { app } = await adminApp();
    const recent = new Date(NOW.getTime() - 2 * DAY);
    const old = new Date(NOW.getTime() - 10 * DAY);
    const exercise = await createExercise(prisma, {
      title: 'Deux\nlignes, ok',
      createdAt: recent,
    });
    await createExercise(prisma, { isArchived: true, createdAt: old, title: 'Vieux' });
    await createLogicChallenge(prisma, { isArchived: true });
    const user = await createUser(prisma);
    await createAttempt(prisma, {
      userId: user.id,
      exerciseId: exercise.id,
      timeSpent: 0,
      isCorrect: false,
      createdAt: recent,
    });
    await createAttempt(prisma, {
      userId: user.id,
      exerciseId: exercise.id,
      timeSpent: 12,
      createdAt: new Date(recent.getTime() + 1000),
    });
    const csv = async (query: string) => {
      const res = await app.request(`/api/admin/export?${query}`);
      expect(res.status).toBe(200);
      return (await res.text()).replace(/^\uFEFF/, '').split('\r\n');
    };
    expect(await csv('type=EXERCISES&period=7d')).toEqual([
      'id,title,exercise_type,difficulty,age_group,is_archived,created_at',
      `${exercise.id},"Deux lignes, ok",ADDITION,PADAWAN,9-11,False,2026-06-13T12:00:00+00:00`,
      '',
    ]);
    expect((await csv('type=exercises&period=all')).length).toBe(4);
    expect(await csv('type=attempts&period=30d')).toEqual([
      'id,user_id,exercise_id,is_correct,time_spent,created_at',
      expect.stringMatching(
        new RegExp(`^\\d+,${user.id},${exercise.id},True,12\\.0,2026-06-13T12:00:01\\+00:00$`),
      ) as unknown,
      expect.stringMatching(
        new RegExp(`^\\d+,${user.id},${exercise.id},False,,2026-06-13T12:00:00\\+00:00$`),
      ) as unknown,
      '',
    ]);
    const users = await prisma.user.count();
    expect(await csv('type=overview&period=7d')).toEqual([
      'metric,value,period',
      `total_users,${users},7d`,
      'total_exercises,2,7d',
      'total_challenges,1,7d',
      'total_attempts,2,7d',
      '',
    ]);
    const weird = await app.request('/api/admin/export?type=users&period=%22%0D%0Ax');
    expect(weird.status).toBe(200);
    expect(weird.headers.get('content-disposition')).toBe(
      'attachment; filename="mathakine_export_users____x.csv"',
    );
    const bad = await app.request('/api/admin/export?type=badges');
    const message = 'type invalide. Valeurs: users, exercises, attempts, overview.';
    expect([bad.status, await bad.json()]).toEqual([
      400,
      { code: 'BAD_REQUEST', message, error: message },
    ]);
  });

  it('reads the table in batches: more rows than one batch come out whole and in order', async () => {
    const { app } = await adminApp();
    await prisma.user.createMany({
      data: Array.from({ length: 1_203 }, (_, i) => ({
        username: `u${String(i).padStart(4, '0')}`,
        email: `u${i}@example.test`,
        hashedPassword: 'x',
        createdAt: new Date(NOW.getTime() - (i + 1) * 1000),
      })),
    });
    const lines = (await (await app.request('/api/admin/export')).text()).split('\r\n');
    expect(lines.length).toBe(1 + 1_204 + 1);
    const names = lines.slice(1, -2).map((l) => l.split(',')[1]);
    expect(names).toEqual(
      Array.from({ length: 1_203 }, (_, i) => `u${String(i).padStart(4, '0')}`),
    );
  });
});
