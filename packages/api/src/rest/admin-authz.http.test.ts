// The authorization matrix of the back office (api-rest-challenges-admin §6): every declared route under
// /api/admin (enumerated from the route table, so routes added later are covered) and every tRPC `admin.*`
// procedure, for each kind of caller. Only an `archiviste` gets past the guard; nobody else changes
// anything.
import type { AnyTRPCProcedure, AnyTRPCRouter } from '@trpc/server';
import { beforeEach, describe, expect, it } from 'vitest';

import type { Actor } from '@mathakine/core';
import {
  createArchiviste,
  createGardien,
  createMaitre,
  createPadawan,
  getTestDb,
  resetDb,
} from '@mathakine/core/testing';

import { actorOf, createTestApp, signedInAs } from '../testing/index.ts';
import { appRouter } from '../trpc/routers/_app.ts';

type Prisma = Awaited<ReturnType<typeof getTestDb>>['prisma'];

let prisma: Prisma;

beforeEach(async () => {
  prisma = (await getTestDb()).prisma;
  await resetDb(prisma);
});

type Caller = 'anonymous' | 'unverified' | 'padawan' | 'maitre' | 'gardien' | 'archiviste';

const callers = async (): Promise<Record<Caller, Actor | null>> => {
  const unverified = await createPadawan(prisma, { isEmailVerified: false });
  return {
    anonymous: null,
    unverified: actorOf(unverified, 'exercises_only'),
    padawan: actorOf(await createPadawan(prisma)),
    maitre: { ...actorOf(await createMaitre(prisma)), role: 'maitre' },
    gardien: { ...actorOf(await createGardien(prisma)), role: 'gardien' },
    archiviste: { ...actorOf(await createArchiviste(prisma)), role: 'archiviste' },
  };
};

/** A path parameter no row has: an administrator's call may 404 but never changes a row. */
const ABSENT_ID = '987654';

const snapshot = async () => ({
  audit: await prisma.adminAuditLog.count(),
  users: await prisma.user.findMany({
    orderBy: { id: 'asc' },
    select: { id: true, isActive: true, role: true, passwordResetTokenHash: true },
  }),
  settings: await prisma.setting.findMany({
    orderBy: { key: 'asc' },
    select: { key: true, value: true },
  }),
});

describe('/api/admin/* authorization (legacy REST)', () => {
  it('answers 401 anonymous, 403 "Droits insuffisants" to every other role, and lets only an archiviste in', async () => {
    const actors = await callers();
    const first = await createTestApp({ resolveAuth: signedInAs(null) });
    const adminRoutes = first.legacyRoutes.filter((r) => r.template.startsWith('/api/admin/'));
    expect(adminRoutes.length).toBeGreaterThanOrEqual(17);
    const before = await snapshot();
    for (const [who, actor] of Object.entries(actors) as [Caller, Actor | null][]) {
      const { app } = await createTestApp({ resolveAuth: signedInAs(actor) });
      for (const route of adminRoutes) {
        const path = route.template.replace(/:[A-Za-z_]+(\{[^}]+\})?/g, ABSENT_ID);
        const where = `${who} ${route.method} ${path}`;
        const res = await app.request(path, {
          method: route.method,
          headers: { 'Content-Type': 'application/json' },
          ...(route.method === 'GET' || route.method === 'DELETE' ? {} : { body: '{}' }),
        });
        const body = (await res.json().catch(() => null)) as {
          code?: string;
          message?: string;
        } | null;
        if (who === 'anonymous') {
          expect([res.status, body?.code], where).toEqual([401, 'UNAUTHORIZED']);
        } else if (who === 'archiviste') {
          expect(res.status, where).not.toBe(401);
          expect(res.status, where).not.toBe(403);
          expect(res.status, where).toBeLessThan(500);
        } else {
          expect([res.status, body], where).toEqual([
            403,
            { code: 'FORBIDDEN', message: 'Droits insuffisants', error: 'Droits insuffisants' },
          ]);
        }
      }
      if (who !== 'archiviste') expect(await snapshot(), who).toEqual(before);
    }
  });
});

describe('admin.* authorization (tRPC)', () => {
  it('refuses every admin procedure to anyone but an archiviste', async () => {
    const actors = await callers();
    const router: AnyTRPCRouter = appRouter;
    const table = router._def.procedures as Record<string, AnyTRPCProcedure>;
    const procedures = Object.entries(table).filter(([path]) => path.startsWith('admin.'));
    expect(procedures.length).toBeGreaterThanOrEqual(15);
    const before = await snapshot();
    for (const [who, actor] of Object.entries(actors) as [Caller, Actor | null][]) {
      const { app } = await createTestApp({ resolveAuth: signedInAs(actor) });
      for (const [path, procedure] of procedures) {
        const type = procedure._def.type;
        const input = encodeURIComponent(JSON.stringify({ json: {} }));
        const res =
          type === 'query'
            ? await app.request(`/trpc/${path}?input=${input}`)
            : await app.request(`/trpc/${path}`, {
                method: 'POST',
                headers: { 'Content-Type': 'application/json', Origin: 'http://localhost:3000' },
                body: JSON.stringify({ json: {} }),
              });
        const where = `${who} ${type} ${path}`;
        if (who === 'anonymous') expect(res.status, where).toBe(401);
        else if (who === 'archiviste') {
          expect([401, 403], where).not.toContain(res.status);
          expect(res.status, where).toBeLessThan(500);
        } else expect(res.status, where).toBe(403);
      }
      if (who !== 'archiviste') expect(await snapshot(), who).toEqual(before);
    }
  });
});
