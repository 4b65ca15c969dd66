import { describe, expect, it } from 'vitest';

import { cookieHeader, createAccountsApp, signUpAndLogin } from '../testing/accounts.ts';

/** Unknown or malformed input never yields a 500 (issue 4): every accounts route against odd bodies. */
const ROUTES: [method: string, path: string][] = [
  ['POST', '/api/auth/login'],
  ['POST', '/api/auth/validate-token'],
  ['POST', '/api/auth/refresh'],
  ['POST', '/api/auth/logout'],
  ['POST', '/api/auth/forgot-password'],
  ['POST', '/api/auth/reset-password'],
  ['POST', '/api/auth/resend-verification'],
  ['POST', '/api/users/'],
  ['PUT', '/api/users/me'],
  ['PUT', '/api/users/me/password'],
];

const FIELDS = [
  'username',
  'password',
  'email',
  'token',
  'refresh_token',
  'password_confirm',
  'full_name',
  'current_password',
  'new_password',
  'grade_level',
  'grade_system',
  'learning_style',
  'preferred_theme',
  'preferred_difficulty',
  'learning_goal',
  'practice_rhythm',
  'accessibility_settings',
  'notification_preferences',
  'show_in_leaderboards',
  'timezone',
];

const ODD_VALUES: unknown[] = [
  null,
  0,
  -1,
  1e308,
  true,
  [],
  {},
  [1, 'a'],
  { nested: { deep: [null] } },
  '',
  ' ',
  'x'.repeat(5_000),
  '\u0000',
  '<script>',
  '💥'.repeat(80),
];

const RAW_BODIES = ['', 'null', '[]', '"str"', '123', '{', '{"a":', 'true', '1e400'];

describe('accounts routes never answer 500 to malformed input', () => {
  it('survives raw bodies, odd value types and oversized strings', async () => {
    const t = await createAccountsApp();
    const { cookies } = await signUpAndLogin(t, 'fuzz_user');
    const csrf = 'fuzz-csrf-token';
    const headers = {
      'Content-Type': 'application/json',
      Cookie: cookieHeader({ ...cookies, csrf_token: csrf }),
      'X-CSRF-Token': csrf,
    };
    const bodies = [
      ...RAW_BODIES,
      ...ODD_VALUES.map((value) =>
        JSON.stringify(Object.fromEntries(FIELDS.map((f) => [f, value]))),
      ),
      ...FIELDS.flatMap((f) => ODD_VALUES.map((value) => JSON.stringify({ [f]: value }))),
    ];
    for (const [method, path] of ROUTES) {
      for (const body of bodies) {
        const res = await t.app.request(path, { method, headers, body });
        expect(res.status, `${method} ${path} ${body.slice(0, 80)}`).toBeLessThan(500);
      }
    }
    for (const query of [
      '',
      '?token=',
      '?token=%00',
      `?token=${'x'.repeat(5_000)}`,
      '?token=a&token=b',
    ]) {
      const res = await t.app.request(`/api/auth/verify-email${query}`);
      expect(res.status, query).toBeLessThan(500);
    }
  });
});
