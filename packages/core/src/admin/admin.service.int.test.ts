import { pino } from 'pino';
import { beforeEach, describe, expect, it } from 'vitest';

import { createCore } from '../core.ts';
import type { Ctx } from '../kernel/deps.ts';
import { testCoreConfig } from '../testing/accounts.ts';
import { movableClock } from '../testing/clock.ts';
import {
  createArchiviste,
  createAttempt,
  createExercise,
  createUser,
  getTestDb,
  resetDb,
} from '../testing/index.ts';

const { db, prisma } = await getTestDb();
const log = pino({ level: 'silent' });
const anonymous: Ctx = { actor: null, log, requestId: 'test' };
const client = { ip: '203.0.113.9', userAgent: 'vitest' };

beforeEach(async () => {
  await resetDb(prisma);
});

const build = async () => {
  const clock = movableClock();
  const core = createCore({ db, log, clock, config: testCoreConfig() });
  const admin = await createArchiviste(prisma);
  const ctx: Ctx = {
    actor: {
      userId: admin.id,
      username: admin.username,
      role: 'archiviste',
      accessScope: 'full',
      sessionId: null,
    },
    log,
    requestId: 'test',
  };
  return { core, clock, ctx, admin };
};

describe('admin service', () => {
  it('cuts a deactivated user off at the next request and applies a new role at once', async () => {
    const { core, ctx } = await build();
    await core.users.register(
      anonymous,
      { username: 'anakin', email: 'anakin@example.org', password: 'Padawan2026' },
      client,
    );
    const login = await core.auth.login(
      anonymous,
      { username: 'anakin', password: 'Padawan2026' },
      client,
    );
    const token = login.accessToken;
    const before = await core.auth.resolveAccessToken(token);
    expect(before.actor?.role).toBe('padawan');
    const userId = before.actor?.userId ?? 0;

    await core.admin.patchUser(ctx, { userId, role: 'gardien' });
    expect((await core.auth.resolveAccessToken(token)).actor?.role).toBe('gardien');

    await core.admin.patchUser(ctx, { userId, isActive: false });
    expect(await core.auth.resolveAccessToken(token)).toEqual({
      actor: null,
      tokenState: 'invalid',
    });
  });

  it('applies a configuration change in this process at once (the cache is dropped)', async () => {
    const { core, ctx } = await build();
    expect(await core.settings.isMaintenanceMode()).toBe(false);
    expect(await core.settings.maxExportRows()).toBe(10_000);
    await core.admin.updateConfig(ctx, {
      settings: { maintenance_mode: true, max_export_rows: 250 },
    });
    expect(await core.settings.isMaintenanceMode()).toBe(true);
    expect(await core.settings.maxExportRows()).toBe(250);
  });

  it('commits the export audit entry before any row is read, and reads lazily', async () => {
    const { core, ctx } = await build();
    const user = await createUser(prisma);
    await createAttempt(prisma, { userId: user.id, exerciseId: (await createExercise(prisma)).id });
    const dto = await core.admin.exportCsv(ctx, { type: 'attempts' });
    expect(await prisma.adminAuditLog.count({ where: { action: 'export_csv' } })).toBe(1);
    await prisma.attempt.deleteMany();
    const rows: unknown[] = [];
    for await (const row of dto.rows) rows.push(row);
    expect(rows).toEqual([]);
  });

  it('refuses every use case to a non-administrator before reading anything', async () => {
    const { core } = await build();
    const learner: Ctx = {
      actor: { userId: 1, username: 'x', role: 'maitre', accessScope: 'full', sessionId: null },
      log,
      requestId: 'test',
    };
    const calls: (() => Promise<unknown>)[] = [
      () => core.admin.health(learner),
      () => core.admin.overview(learner),
      () => core.admin.listUsers(learner, {}),
      () => core.admin.patchUser(learner, { userId: 1, isActive: false }),
      () => core.admin.deleteUser(learner, { userId: 1 }),
      () => core.admin.sendResetPassword(learner, { userId: 1 }),
      () => core.admin.resendVerification(learner, { userId: 1 }),
      () => core.admin.report(learner, {}),
      () => core.admin.listFeedback(learner),
      () => core.admin.updateFeedbackStatus(learner, { feedbackId: 1, status: 'read' }),
      () => core.admin.deleteFeedback(learner, { feedbackId: 1 }),
      () => core.admin.moderation(learner, {}),
      () => core.admin.getConfig(learner),
      () => core.admin.updateConfig(learner, { settings: {} }),
      () => core.admin.exportCsv(learner, {}),
      () => core.admin.edtechAnalytics(learner, {}),
    ];
    expect(calls).toHaveLength(Object.keys(core.admin).length);
    for (const call of calls) {
      await expect(call()).rejects.toMatchObject({
        code: 'FORBIDDEN',
        message: 'Droits insuffisants',
      });
    }
    expect(await prisma.adminAuditLog.count()).toBe(0);
  });
});
