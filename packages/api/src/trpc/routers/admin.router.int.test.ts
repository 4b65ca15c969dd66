import { beforeEach, describe, expect, it } from 'vitest';

import {
  createArchiviste,
  createFeedbackReport,
  createUser,
  getTestDb,
  resetDb,
} from '@mathakine/core/testing';

import { actorOf, createTestApp, fixedClock } from '../../testing/index.ts';

type Prisma = Awaited<ReturnType<typeof getTestDb>>['prisma'];

let prisma: Prisma;

beforeEach(async () => {
  prisma = (await getTestDb()).prisma;
  await resetDb(prisma);
});

const NOW = new Date('2026-06-15T12:00:00.000Z');

describe('admin router', () => {
  it('runs the back office over the same use cases, with camelCase DTOs checked by .output()', async () => {
    const admin = await createArchiviste(prisma);
    const luke = await createUser(prisma, { username: 'luke' });
    const t = await createTestApp({ clock: fixedClock(NOW) });
    const caller = t.createCaller({ actor: { ...actorOf(admin), role: 'archiviste' } });

    expect(await caller.admin.health()).toEqual({ status: 'ok', admin: true });
    const list = await caller.admin.users.list({ search: 'luk' });
    expect(list.items.map((u) => [u.username, u.role, u.isActive])).toEqual([
      ['luke', 'padawan', true],
    ]);
    expect(await caller.admin.users.update({ userId: luke.id, role: 'MAITRE' })).toEqual({
      id: luke.id,
      username: 'luke',
      isActive: true,
      role: 'maitre',
    });
    await expect(
      caller.admin.users.update({ userId: admin.id, isActive: false }),
    ).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: 'Vous ne pouvez pas désactiver votre propre compte.',
    });
    const report = await createFeedbackReport(prisma);
    expect(
      await caller.admin.feedback.updateStatus({ feedbackId: report.id, status: 'RESOLVED' }),
    ).toEqual({
      id: report.id,
      status: 'resolved',
    });
    await caller.admin.config.update({ settings: { maintenance_mode: true } });
    const log = await caller.admin.auditLog({ action: 'config_update' });
    expect(log.total).toBe(1);
    expect(log.items[0]?.createdAt).toEqual(NOW);
  });

  it('answers during maintenance over HTTP, like the legacy /api/admin area', async () => {
    const admin = await createArchiviste(prisma);
    const t = await createTestApp({
      clock: fixedClock(NOW),
      resolveAuth: () =>
        Promise.resolve({ actor: { ...actorOf(admin), role: 'archiviste' }, tokenState: 'valid' }),
    });
    await prisma.setting.update({ where: { key: 'maintenance_mode' }, data: { value: 'true' } });
    t.core.settings.clearCache();
    expect((await t.app.request('/trpc/admin.health')).status).toBe(200);
    expect((await t.app.request('/trpc/system.whoami')).status).toBe(503);
  });
});
