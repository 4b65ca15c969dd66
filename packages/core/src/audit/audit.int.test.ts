import { pino } from 'pino';
import { beforeEach, describe, expect, it } from 'vitest';

import type { Actor, Ctx } from '../kernel/deps.ts';
import { createArchiviste, createPadawan, getTestDb, resetDb } from '../testing/index.ts';
import { insertAuditEntry } from './audit.repo.ts';
import { makeAuditService } from './audit.service.ts';

const { db, prisma } = await getTestDb();

beforeEach(async () => {
  await resetDb(prisma);
});

const ctxAs = (userId: number, role: Actor['role'] | null): Ctx => ({
  actor: role
    ? { userId, username: `u${userId}`, role, accessScope: 'full', sessionId: null }
    : null,
  log: pino({ level: 'silent' }),
  requestId: 'test',
});

describe('audit log', () => {
  const audit = makeAuditService({ db });

  it('commits an entry with the change it records, and loses it when the change rolls back', async () => {
    const admin = await createArchiviste(prisma);
    await prisma.$transaction(async (tx) => {
      await insertAuditEntry(
        tx,
        admin.id,
        {
          action: 'config_update',
          resourceType: 'settings',
          resourceId: null,
          details: { updated_keys: ['maintenance_mode'] },
        },
        new Date('2026-12-01T10:00:00Z'),
      );
    });
    await expect(
      prisma.$transaction(async (tx) => {
        await insertAuditEntry(
          tx,
          admin.id,
          {
            action: 'export_csv',
            resourceType: null,
            resourceId: null,
            details: { type: 'users' },
          },
          new Date('2026-12-01T11:00:00Z'),
        );
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');

    const log = await audit.list(ctxAs(admin.id, 'archiviste'), {});
    expect(log.total).toBe(1);
    expect(log.items[0]).toMatchObject({
      adminUserId: admin.id,
      adminUsername: admin.username,
      action: 'config_update',
      resourceType: 'settings',
      resourceId: null,
      details: { updated_keys: ['maintenance_mode'] },
    });
  });

  it('lists newest first, filters by action and resource type, and paginates', async () => {
    const admin = await createArchiviste(prisma);
    const base = Date.parse('2026-12-01T00:00:00Z');
    for (let i = 0; i < 5; i += 1) {
      await insertAuditEntry(
        prisma,
        admin.id,
        {
          action: i % 2 === 0 ? 'exercise_update' : 'badge_update',
          resourceType: i % 2 === 0 ? 'exercise' : 'achievement',
          resourceId: i + 1,
          details: { fields: ['title'] },
        },
        new Date(base + i * 60_000),
      );
    }
    const ctx = ctxAs(admin.id, 'archiviste');
    const all = await audit.list(ctx, { limit: 2 });
    expect(all.total).toBe(5);
    expect(all.items.map((i) => i.resourceId)).toEqual([5, 4]);
    const exercises = await audit.list(ctx, { action: ' exercise_update ' });
    expect(exercises.total).toBe(3);
    expect(exercises.items.every((i) => i.action === 'exercise_update')).toBe(true);
    const badges = await audit.list(ctx, { resourceType: 'achievement', skip: 1 });
    expect(badges.total).toBe(2);
    expect(badges.items.map((i) => i.resourceId)).toEqual([2]);
  });

  it('refuses anyone but an administrator, before any read', async () => {
    const learner = await createPadawan(prisma);
    await expect(audit.list(ctxAs(learner.id, 'padawan'), {})).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: 'Droits insuffisants',
    });
    await expect(audit.list(ctxAs(learner.id, 'gardien'), {})).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(audit.list(ctxAs(0, null), {})).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
    });
  });

  it('keeps the entries of a deleted administrator, without the name', async () => {
    const admin = await createArchiviste(prisma);
    const other = await createArchiviste(prisma);
    await insertAuditEntry(
      prisma,
      admin.id,
      { action: 'user_patch', resourceType: 'user', resourceId: other.id, details: null },
      new Date(),
    );
    await prisma.user.delete({ where: { id: admin.id } });
    const log = await audit.list(ctxAs(other.id, 'archiviste'), {});
    expect(log.items[0]).toMatchObject({ adminUserId: null, adminUsername: null, details: null });
  });
});
