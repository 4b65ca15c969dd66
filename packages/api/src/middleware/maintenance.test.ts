import { describe, expect, it } from 'vitest';

import { isMaintenanceExempt } from './maintenance.ts';

describe('maintenance exemptions', () => {
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
      expect(isMaintenanceExempt(path), path).toBe(true);
    }
    for (const path of [
      '/robots.txt',
      '/api/users/me',
      '/api/auth/logout',
      '/api/users/',
      '/api/auth/forgot-password',
    ]) {
      expect(isMaintenanceExempt(path), path).toBe(false);
    }
  });
  it('exempts the tRPC equivalents, a batch only when every procedure is exempt', () => {
    expect(isMaintenanceExempt('/trpc/auth.login')).toBe(true);
    expect(isMaintenanceExempt('/trpc/admin.users.list')).toBe(true);
    expect(isMaintenanceExempt('/trpc/auth.login,auth.csrf')).toBe(true);
    expect(isMaintenanceExempt('/trpc/auth.login,users.me')).toBe(false);
    expect(isMaintenanceExempt('/trpc/users.me')).toBe(false);
    expect(isMaintenanceExempt('/trpc/auth.logout')).toBe(false);
  });
});
