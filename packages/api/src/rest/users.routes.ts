import { z } from 'zod';

import {
  AppError,
  USER_MESSAGES,
  ZChangePasswordInput,
  ZSessionIdInput,
  ZUpdateProfileInput,
  type UpdateProfileInput,
} from '@mathakine/core';

import { clearAuthCookies, honoCookieJar } from '../http/auth-cookies.ts';
import { authedCtxOf, clientOf, ctxOf } from '../http/request-ctx.ts';
import { readLegacyBody } from '../legacy/body.ts';
import { requireCsrfToken } from '../middleware/csrf.ts';
import {
  toLegacyExport,
  toLegacyMe,
  toLegacyProfile,
  toLegacyRegistered,
  toLegacySession,
} from './accounts.mappers.ts';
import type { LegacyRoutesModule } from './index.ts';

const PRIVACY_FIELDS = [
  'is_public_profile',
  'allow_friend_requests',
  'show_in_leaderboards',
  'data_retention_consent',
  'marketing_consent',
] as const;
const SETTINGS_FIELDS = [
  'notification_preferences',
  'language_preference',
  'timezone',
  'privacy_settings',
] as const;

/** Legacy key → the profile input key (api-rest-core §6.3.4 step 3: everything else is dropped). */
const PROFILE_KEYS = {
  email: 'email',
  full_name: 'fullName',
  grade_level: 'gradeLevel',
  grade_system: 'gradeSystem',
  learning_style: 'learningStyle',
  preferred_difficulty: 'preferredDifficulty',
  preferred_theme: 'preferredTheme',
  accessibility_settings: 'accessibilitySettings',
  learning_goal: 'learningGoal',
  practice_rhythm: 'practiceRhythm',
} as const satisfies Record<string, keyof UpdateProfileInput>;

/**
 * The legacy PUT /api/users/me body → a profile update (api-rest-core §6.3.4 steps 1–3): privacy booleans
 * grouped under `privacy_settings`, settings fields moved into `accessibility_settings`, unknown keys dropped.
 */
export const legacyProfileBodyToInput = (
  body: Record<string, unknown>,
): Record<string, unknown> => {
  const privacyKeys = new Set<string>(PRIVACY_FIELDS);
  const settingsKeys = new Set<string>(SETTINGS_FIELDS);
  const privacy = Object.fromEntries(Object.entries(body).filter(([k]) => privacyKeys.has(k)));
  const raw: Record<string, unknown> = Object.fromEntries(
    Object.entries(body).filter(([k]) => !privacyKeys.has(k)),
  );
  if (Object.keys(privacy).length > 0) raw.privacy_settings = privacy;
  const moved = Object.fromEntries(Object.entries(raw).filter(([k]) => settingsKeys.has(k)));
  if (Object.keys(moved).length > 0) {
    const sent = raw.accessibility_settings;
    const base =
      typeof sent === 'object' && sent !== null && !Array.isArray(sent)
        ? (sent as Record<string, unknown>)
        : {};
    raw.accessibility_settings = { ...base, ...moved };
  }
  const input: Record<string, unknown> = {};
  for (const [legacyKey, key] of Object.entries(PROFILE_KEYS)) {
    if (legacyKey in raw) input[key] = raw[legacyKey];
  }
  return input;
};

const ZLegacyRegisterBody = z.object({
  username: z.unknown().optional(),
  email: z.unknown().optional(),
  password: z.unknown().optional(),
  full_name: z.unknown().optional(),
});

/** api-rest-core §6.3 routes 13–21 and 26 (the statistics routes belong to their features). */
export const usersRoutes: LegacyRoutesModule = ({ route }) => {
  route('GET', '/users/', 'user', (c) =>
    c.json({ message: 'La liste de tous les utilisateurs est en cours de développement.' }),
  );

  route('POST', '/users/', 'public', async (c) => {
    const body = await readLegacyBody(c, { schema: ZLegacyRegisterBody });
    const user = await c.var.core.users.register(
      ctxOf(c),
      {
        username: (body.username ?? '') as string,
        email: (body.email ?? '') as string,
        password: (body.password ?? '') as string,
        fullName: (body.full_name ?? null) as string | null,
      },
      clientOf(c),
    );
    return c.json(toLegacyRegistered(user), 201);
  });

  route('GET', '/users/me', 'user', async (c) =>
    c.json(toLegacyMe(await c.var.core.users.getMe(authedCtxOf(c)))),
  );

  route('PUT', '/users/me', 'user', async (c) => {
    const body = await readLegacyBody(c, { schema: z.record(z.string(), z.unknown()) });
    const candidate = legacyProfileBodyToInput(body);
    if (Object.keys(candidate).length === 0)
      throw new AppError('INVALID_INPUT', USER_MESSAGES.noField);
    const parsed = ZUpdateProfileInput.safeParse(candidate);
    if (!parsed.success) {
      throw new AppError(
        'INVALID_INPUT',
        parsed.error.issues[0]?.message ?? USER_MESSAGES.noField,
        { cause: parsed.error },
      );
    }
    const profile = await c.var.core.users.updateMe(authedCtxOf(c), parsed.data);
    return c.json(toLegacyProfile(profile));
  });

  route('PUT', '/users/me/password', 'user+full', async (c) => {
    requireCsrfToken(c);
    const body = await readLegacyBody(c, {
      schema: z.object({
        current_password: ZChangePasswordInput.shape.currentPassword,
        new_password: ZChangePasswordInput.shape.newPassword,
      }),
      required: [
        { field: 'current_password', message: USER_MESSAGES.currentPasswordRequired },
        { field: 'new_password', message: USER_MESSAGES.newPasswordRequired },
      ],
    });
    const result = await c.var.core.users.changePassword(authedCtxOf(c), {
      currentPassword: body.current_password,
      newPassword: body.new_password,
    });
    return c.json({ success: result.success, message: result.message });
  });

  route('DELETE', '/users/me', 'user', async (c) => {
    requireCsrfToken(c);
    const result = await c.var.core.users.deleteMe(authedCtxOf(c));
    clearAuthCookies(honoCookieJar(c), c.var.productionCookies);
    return c.json({ success: result.success, message: result.message });
  });

  route('GET', '/users/me/export', 'user+full', async (c) =>
    c.json(toLegacyExport(await c.var.core.users.exportMe(authedCtxOf(c)))),
  );

  route('GET', '/users/me/sessions', 'user+full', async (c) =>
    c.json((await c.var.core.users.listSessions(authedCtxOf(c))).map(toLegacySession)),
  );

  route('DELETE', '/users/me/sessions/:sessionId{[0-9]+}', 'user+full', async (c) => {
    const parsed = ZSessionIdInput.safeParse({ sessionId: Number(c.req.param('sessionId')) });
    if (!parsed.success) throw new AppError('NOT_FOUND', USER_MESSAGES.sessionNotFound);
    const result = await c.var.core.users.revokeSession(authedCtxOf(c), parsed.data);
    return c.json({ success: result.success, message: result.message });
  });

  route('DELETE', '/users/:userId{[0-9]+}', 'user', async (c) => {
    const userId = Number(c.req.param('userId'));
    return c.var.core.users.deleteById(authedCtxOf(c), userId);
  });
};
