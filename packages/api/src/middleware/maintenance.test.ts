import { describe, expect, it } from 'vitest';

import { maintenanceExemptionsOf } from '../app.ts';
import { LEGACY_MODULES } from '../rest/modules.ts';
import { defineRoutes } from '../rest/route.ts';
import { router } from '../trpc/init.ts';
import { adminProcedure } from '../trpc/procedures.ts';
import { appRouter } from '../trpc/routers/_app.ts';
import { authRouter } from '../trpc/routers/auth.router.ts';
import { usersRouter } from '../trpc/routers/users.router.ts';
import { isMaintenanceExempt } from './maintenance.ts';

const exempt = maintenanceExemptionsOf(LEGACY_MODULES, appRouter);

/** A future admin router declares its procedures exempt, as the legacy exempted `/api/admin`. */
const withAdmin = router({
  auth: authRouter,
  users: usersRouter,
  admin: router({
    users: router({
      list: adminProcedure.meta({ maintenanceExempt: true }).query(() => []),
    }),
  }),
});

describe('maintenance exemptions, derived from the declarations', () => {
  it('follows the legacy prefixes plus /ready', () => {
    for (const path of [
      '/health',
      '/metrics',
      '/ready',
      '/api/admin/users',
      '/api/auth/login',
      '/api/auth/refresh',
      '/api/auth/validate-token',
      '/api/auth/csrf',
    ]) {
      expect(isMaintenanceExempt(exempt, path), path).toBe(true);
    }
    for (const path of [
      '/robots.txt',
      '/api/users/me',
      '/api/auth/logout',
      '/api/users/',
      '/api/auth/forgot-password',
    ]) {
      expect(isMaintenanceExempt(exempt, path), path).toBe(false);
    }
  });

  it('exempts the tRPC equivalents, a batch only when every procedure is exempt', () => {
    const trpc = maintenanceExemptionsOf(LEGACY_MODULES, withAdmin);
    expect(isMaintenanceExempt(exempt, '/trpc/auth.login')).toBe(true);
    expect(isMaintenanceExempt(trpc, '/trpc/admin.users.list')).toBe(true);
    expect(isMaintenanceExempt(exempt, '/trpc/auth.login,auth.csrf')).toBe(true);
    expect(isMaintenanceExempt(exempt, '/trpc/auth.login,users.me')).toBe(false);
    expect(isMaintenanceExempt(exempt, '/trpc/users.me')).toBe(false);
    expect(isMaintenanceExempt(exempt, '/trpc/auth.logout')).toBe(false);
  });

  it('exempts exactly the routes and procedures that declare it', () => {
    const declared = LEGACY_MODULES.flatMap((m) =>
      m.routes.filter((r) => r.maintenanceExempt).map((r) => `${r.method} ${r.path}`),
    );
    expect(declared).toEqual([
      'POST /auth/login',
      'GET /auth/csrf',
      'POST /auth/validate-token',
      'POST /auth/refresh',
    ]);
    // The back office's procedures are exempt as a whole, like the legacy `/api/admin` area.
    const backOffice = [...exempt.procedures].filter((p) => /^admin[A-Za-z]*\./.test(p));
    expect(backOffice).toContain('adminContent.exercises.update');
    expect(backOffice).toContain('admin.config.update');
    expect([...exempt.procedures].filter((p) => !backOffice.includes(p)).sort()).toEqual([
      'auth.csrf',
      'auth.login',
      'auth.refresh',
      'auth.validateToken',
      'system.ping',
      'system.ready',
    ]);
    // Without the admin module, its area is no longer exempt: the exemption is the module's declaration.
    const withoutAdmin = maintenanceExemptionsOf(
      LEGACY_MODULES.filter((m) => !m.area),
      appRouter,
    );
    expect(isMaintenanceExempt(withoutAdmin, '/api/admin/users')).toBe(false);
  });

  it('takes an area exemption from any module that declares one (fixture module)', () => {
    const backOffice = defineRoutes({
      feature: 'back-office-fixture',
      area: { prefix: '/back-office', maintenanceExempt: true },
      routes: [],
    });
    const withFixture = maintenanceExemptionsOf([...LEGACY_MODULES, backOffice], appRouter);
    expect(isMaintenanceExempt(withFixture, '/api/back-office')).toBe(true);
    expect(isMaintenanceExempt(withFixture, '/api/back-office/anything/below')).toBe(true);
    expect(isMaintenanceExempt(withFixture, '/api/back-officer')).toBe(false);
    expect(isMaintenanceExempt(exempt, '/api/back-office')).toBe(false);
  });

  it('never throws on a malformed tRPC path', () => {
    expect(isMaintenanceExempt(exempt, '/trpc/%E0%A4%A')).toBe(false);
  });
});
