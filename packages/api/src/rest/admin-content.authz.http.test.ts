import { beforeEach, describe, expect, it } from 'vitest';

import type { Actor } from '@mathakine/core';
import { getTestDb, resetDb } from '@mathakine/core/testing';

import { createTestApp, signedInAs, testActor } from '../testing/index.ts';
import { adminContentRoutes } from './admin-content.routes.ts';

type Prisma = Awaited<ReturnType<typeof getTestDb>>['prisma'];
let prisma: Prisma;

beforeEach(async () => {
  prisma = (await getTestDb()).prisma;
  await resetDb(prisma);
});

const concrete = (path: string) => `/api${path.replace(/:id\{[^}]+\}/g, '1')}`;

const snapshot = async () => ({
  exercises: await prisma.exercise.count(),
  challenges: await prisma.logicChallenge.count(),
  inactiveBadges: await prisma.achievement.count({ where: { isActive: false } }),
  audit: await prisma.adminAuditLog.count(),
});

const ROLES: readonly Actor['role'][] = ['padawan', 'maitre', 'gardien'];

describe('the back-office content routes refuse anyone but an administrator', () => {
  it('declares every route behind the admin guard, in the maintenance-exempt /admin area', () => {
    expect(adminContentRoutes.area).toEqual({ prefix: '/admin', maintenanceExempt: true });
    expect(adminContentRoutes.routes).toHaveLength(17);
    expect(adminContentRoutes.routes.every((r) => r.guard === 'admin')).toBe(true);
  });

  it.each(ROLES)(
    '%s → 403 "Droits insuffisants" on every route, nothing read or written',
    async (role) => {
      const { app } = await createTestApp({
        resolveAuth: signedInAs(testActor({ role, accessScope: 'full' })),
      });
      const before = await snapshot();
      for (const route of adminContentRoutes.routes) {
        const res = await app.request(concrete(route.path), {
          method: route.method,
          headers: { 'Content-Type': 'application/json' },
          ...(route.method === 'GET' || route.method === 'DELETE'
            ? {}
            : { body: JSON.stringify({ title: 'T', description: 'D', code: 'c', name: 'N' }) }),
        });
        expect(res.status, `${route.method} ${route.path}`).toBe(403);
        expect(await res.json()).toEqual({
          code: 'FORBIDDEN',
          message: 'Droits insuffisants',
          error: 'Droits insuffisants',
        });
      }
      expect(await snapshot()).toEqual(before);
    },
  );

  it('an unverified learner (exercises_only) is refused too, and anonymous callers get 401', async () => {
    const unverified = await createTestApp({
      resolveAuth: signedInAs(testActor({ role: 'padawan', accessScope: 'exercises_only' })),
    });
    const anonymous = await createTestApp({ resolveAuth: signedInAs(null) });
    for (const route of adminContentRoutes.routes) {
      const init = { method: route.method };
      const refused = await unverified.app.request(concrete(route.path), init);
      expect([401, 403], `${route.method} ${route.path}`).toContain(refused.status);
      const res = await anonymous.app.request(concrete(route.path), init);
      expect(res.status, `${route.method} ${route.path}`).toBe(401);
    }
  });

  it('tRPC: adminContent procedures refuse a gardien with FORBIDDEN', async () => {
    const { createCaller } = await createTestApp();
    const caller = createCaller({ actor: testActor({ role: 'gardien' }) });
    await expect(caller.adminContent.exercises.list({})).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: 'Droits insuffisants',
    });
    await expect(caller.adminContent.badges.delete({ badgeId: 1 })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    const anonymous = createCaller({ actor: null });
    await expect(anonymous.adminContent.challenges.list({})).rejects.toMatchObject({
      code: 'UNAUTHORIZED',
    });
  });
});
