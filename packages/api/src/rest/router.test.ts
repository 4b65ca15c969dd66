import { describe, expect, it } from 'vitest';

import { legacyPathLabel } from '../middleware/metrics.ts';
import { createLegacyApp } from './index.ts';
import { LEGACY_MODULES } from './modules.ts';
import { allowedMethods, compileTemplate, isPublicRoute, type RouteTableEntry } from './router.ts';

const route = (method: RouteTableEntry['method'], template: string): RouteTableEntry => ({
  method,
  template,
  pattern: compileTemplate(template),
});

const { routes } = createLegacyApp(LEGACY_MODULES);
const isPublicApiRoute = (method: string, path: string) => isPublicRoute(routes, method, path);

describe('legacy route table helpers', () => {
  it('compiles parameter constraints: {…:int} matches digits only', () => {
    const re = compileTemplate('/api/exercises/:id{[0-9]+}/attempt');
    expect(re.test('/api/exercises/42/attempt')).toBe(true);
    expect(re.test('/api/exercises/abc/attempt')).toBe(false);
    expect(re.test('/api/exercises/42/attempt/')).toBe(false);
  });

  it('lists GET and HEAD for a GET-only path, from the first registered template', () => {
    const routes = [
      route('GET', '/api/users/me'),
      route('PUT', '/api/users/me'),
      route('GET', '/api/x'),
    ];
    expect(allowedMethods(routes, '/api/users/me')).toEqual(['GET', 'PUT', 'HEAD']);
    expect(allowedMethods(routes, '/api/nope')).toEqual([]);
  });

  it('writes metric labels in the legacy form', () => {
    expect(legacyPathLabel('/api/exercises/:id{[0-9]+}/attempt')).toBe(
      '/api/exercises/{id}/attempt',
    );
    expect(legacyPathLabel('/api/users/me/sessions/:session_id{[0-9]+}')).toBe(
      '/api/users/me/sessions/{session_id}',
    );
  });
});

describe('the public whitelist (api-rest-core §2.4)', () => {
  it.each([
    ['POST', '/api/auth/login'],
    ['POST', '/api/users/'],
    ['POST', '/api/users'],
    ['GET', '/api/exercises/12'],
    ['GET', '/api/exercises/'],
    ['GET', '/api/users/leaderboard'],
  ])('%s %s is public', (method, path) => {
    expect(isPublicApiRoute(method, path)).toBe(true);
  });

  it.each([
    ['GET', '/api/users/'],
    ['HEAD', '/api/exercises'],
    ['GET', '/api/exercises/abc'],
    ['POST', '/api/exercises/12/attempt'],
    ['GET', '/api/unknown'],
    ['GET', '/api/auth/login'],
  ])('%s %s is not', (method, path) => {
    expect(isPublicApiRoute(method, path)).toBe(false);
  });
});
