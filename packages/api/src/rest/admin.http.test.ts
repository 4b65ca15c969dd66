// The back office on the wire (api-rest-challenges-admin §6.1–6.6, §6.10–6.13, §6.16, upstream-v36
// §14–15): exact statuses, French messages and legacy bodies; every reply is also checked against its
// declared schema by the test app.
import { beforeEach, describe, expect, it } from 'vitest';

import type { Mailer, MailMessage } from '@mathakine/core';
import {
  createArchiviste,
  createAttempt,
  createChallengeAttempt,
  createEdtechEvent,
  createExercise,
  createFeedbackReport,
  createLogicChallenge,
  createUser,
  getTestDb,
  resetDb,
} from '@mathakine/core/testing';

import {
  actorOf,
  createTestApp,
  fixedClock,
  signedInAs,
  silentLogger as silent,
  testActor,
} from '../testing/index.ts';

type Prisma = Awaited<ReturnType<typeof getTestDb>>['prisma'];

let prisma: Prisma;

beforeEach(async () => {
  prisma = (await getTestDb()).prisma;
  await resetDb(prisma);
});

const NOW = new Date('2026-06-15T12:00:00.000Z');
const DAY = 86_400_000;

/** A mail port that records what it sends, or fails. */
const recordingMailer = (fail = false) => {
  const sent: MailMessage[] = [];
  const mailer: Mailer = {
    kind: 'smtp',
    send: (message) => {
      if (fail) return Promise.reject(new Error('SMTP down'));
      sent.push(message);
      return Promise.resolve();
    },
  };
  return { sent, mailer };
};

/** The app signed in as a fresh administrator. */
const adminApp = async (options: { mailer?: Mailer; username?: string } = {}) => {
  const admin = await createArchiviste(prisma, {
    username: options.username ?? 'yoda_admin',
    createdAt: new Date(NOW.getTime() - 100 * DAY),
  });
  const test = await createTestApp({
    clock: fixedClock(NOW),
    resolveAuth: signedInAs({ ...actorOf(admin), role: 'archiviste' }),
    ...(options.mailer ? { coreDeps: { mailer: options.mailer } } : {}),
  });
  return { ...test, admin };
};

const send = (method: string, body?: unknown, raw?: string): RequestInit => ({
  method,
  headers: { 'Content-Type': 'application/json' },
  ...(raw !== undefined ? { body: raw } : body === undefined ? {} : { body: JSON.stringify(body) }),
});

const errorBody = (code: string, message: string) => ({ code, message, error: message });

const auditRows = () =>
  prisma.adminAuditLog.findMany({
    orderBy: { id: 'asc' },
    select: {
      action: true,
      resourceType: true,
      resourceId: true,
      details: true,
      adminUserId: true,
    },
  });

describe('GET /api/admin/health and /overview', () => {
  it('answers the probe and the totals (live content, exercise attempts only)', async () => {
    const { app } = await adminApp();
    expect(await (await app.request('/api/admin/health')).json()).toEqual({
      status: 'ok',
      admin: true,
    });
    const exercise = await createExercise(prisma);
    await createExercise(prisma, { isArchived: true });
    const live = await createLogicChallenge(prisma);
    await createLogicChallenge(prisma, { isActive: false });
    await createLogicChallenge(prisma, { isArchived: true });
    await createAttempt(prisma, { exerciseId: exercise.id });
    await createChallengeAttempt(prisma, { challengeId: live.id });
    const res = await app.request('/api/admin/overview');
    expect(res.status).toBe(200);
    const users = await prisma.user.count();
    expect(await res.json()).toEqual({
      total_users: users,
      total_exercises: 1,
      total_challenges: 2,
      total_attempts: 1,
    });
  });
});

describe('GET /api/admin/users (§6.3)', () => {
  it('lists newest first with the legacy fields, filters and the pagination helper', async () => {
    const { app, admin } = await adminApp();
    const luke = await createUser(prisma, {
      username: 'luke',
      email: 'luke@tatooine.test',
      fullName: 'Luke Skywalker',
      createdAt: new Date(NOW.getTime() - DAY),
      isEmailVerified: false,
    });
    const leia = await createUser(prisma, {
      username: 'leia',
      fullName: null,
      role: 'MAITRE',
      isActive: false,
      createdAt: new Date(NOW.getTime() - 2 * DAY),
    });
    const all = (await (await app.request('/api/admin/users')).json()) as {
      items: { id: number }[];
      total: number;
    };
    expect(all.total).toBe(3);
    expect(all.items.map((u) => u.id)).toEqual([luke.id, leia.id, admin.id]);
    const body = async (query: string) =>
      (await (await app.request(`/api/admin/users?${query}`)).json()) as {
        items: Record<string, unknown>[];
        total: number;
      };
    expect(await body('search=TATOOINE')).toEqual({
      items: [
        {
          id: luke.id,
          username: 'luke',
          email: 'luke@tatooine.test',
          full_name: 'Luke Skywalker',
          role: 'padawan',
          is_active: true,
          is_email_verified: false,
          created_at: '2026-06-14T12:00:00+00:00',
        },
      ],
      total: 1,
    });
    expect((await body('search=skywalker')).total).toBe(1);
    expect((await body('role=%20MAITRE')).items.map((u) => u.id)).toEqual([leia.id]);
    expect((await body('role=jedi')).total).toBe(3);
    expect((await body('is_active=yes')).total).toBe(2);
    expect((await body('is_active=nope')).items.map((u) => u.id)).toEqual([leia.id]);
    expect((await body('limit=0')).items).toHaveLength(1);
    expect((await body('limit=1000&skip=-4')).items).toHaveLength(3);
    expect((await body('limit=abc&skip=x')).items).toHaveLength(3);
    expect((await body('skip=2')).items).toHaveLength(1);
    // A NUL is refused at the boundary (the input guard; core refuses it too, `Recherche invalide.`).
    const nul = await app.request('/api/admin/users?search=a%00b');
    expect([nul.status, ((await nul.json()) as { code: string }).code]).toEqual([
      400,
      'BAD_REQUEST',
    ]);
  });
});

describe('PATCH /api/admin/users/{id} (§6.4)', () => {
  it('answers every validation row in order, self-protection before the 404', async () => {
    const { app, admin } = await adminApp();
    const target = await createUser(prisma);
    const patch = async (id: number, body: unknown, raw?: string) => {
      const res = await app.request(`/api/admin/users/${id}`, send('PATCH', body, raw));
      return [res.status, await res.json()] as const;
    };
    const bad = (message: string) => [400, errorBody('BAD_REQUEST', message)] as const;
    expect(await patch(target.id, { is_active: 'yes', role: 'jedi' })).toEqual(
      bad('Le champ is_active doit être un booléen.'),
    );
    expect(await patch(target.id, { role: 'jedi' })).toEqual(
      bad('Rôle invalide. Valeurs: padawan, maitre, gardien, archiviste.'),
    );
    expect(await patch(target.id, { role: 7 })).toEqual(
      bad('Rôle invalide. Valeurs: padawan, maitre, gardien, archiviste.'),
    );
    expect(await patch(target.id, {})).toEqual(bad('Fournissez is_active et/ou role à modifier.'));
    expect(await patch(target.id, { is_active: null, role: null })).toEqual(
      bad('Fournissez is_active et/ou role à modifier.'),
    );
    expect(await patch(admin.id, { is_active: false })).toEqual(
      bad('Vous ne pouvez pas désactiver votre propre compte.'),
    );
    expect(await patch(admin.id, { role: 'gardien' })).toEqual(
      bad('Vous ne pouvez pas rétrograder votre propre rôle.'),
    );
    expect(await patch(999_999, { is_active: false })).toEqual([
      404,
      errorBody('NOT_FOUND', 'Utilisateur non trouvé.'),
    ]);
    expect(await patch(0, { is_active: false })).toEqual([
      404,
      errorBody('NOT_FOUND', 'Utilisateur non trouvé.'),
    ]);
    expect(await patch(target.id, undefined, '{oops')).toEqual([
      422,
      errorBody('VALIDATION_ERROR', 'Corps de requête JSON invalide ou manquant'),
    ]);
    expect(await patch(target.id, undefined, '[1]')).toEqual(
      bad('Le corps doit être un objet JSON'),
    );
    expect(await auditRows()).toEqual([]);
  });

  it('deactivates and changes a role, with a user_patch entry in the same transaction', async () => {
    const { app, admin } = await adminApp();
    const target = await createUser(prisma, { username: 'han' });
    const res = await app.request(
      `/api/admin/users/${target.id}`,
      send('PATCH', { is_active: false }),
    );
    expect([res.status, await res.json()]).toEqual([
      200,
      { id: target.id, username: 'han', is_active: false, role: 'padawan' },
    ]);
    const promoted = await app.request(
      `/api/admin/users/${target.id}`,
      send('PATCH', { role: ' MAITRE ' }),
    );
    expect(await promoted.json()).toEqual({
      id: target.id,
      username: 'han',
      is_active: false,
      role: 'maitre',
    });
    const self = await app.request(
      `/api/admin/users/${admin.id}`,
      send('PATCH', { is_active: true, role: 'archiviste' }),
    );
    expect(self.status).toBe(200);
    expect(
      await prisma.user.findUniqueOrThrow({
        where: { id: target.id },
        select: { isActive: true, role: true },
      }),
    ).toEqual({ isActive: false, role: 'MAITRE' });
    const audit = await auditRows();
    expect(audit.slice(0, 2)).toEqual([
      {
        action: 'user_patch',
        resourceType: 'user',
        resourceId: target.id,
        adminUserId: admin.id,
        details: {
          is_active: false,
          role: null,
          changes: { is_active: { from: true, to: false } },
        },
      },
      {
        action: 'user_patch',
        resourceType: 'user',
        resourceId: target.id,
        adminUserId: admin.id,
        details: {
          is_active: null,
          role: ' MAITRE ',
          changes: { role: { from: 'padawan', to: 'maitre' } },
        },
      },
    ]);
  });
});

describe('DELETE /api/admin/users/{id} (upstream-v36 §14)', () => {
  it('deletes the user and keeps what other users rely on', async () => {
    const { app, admin } = await adminApp();
    const author = await createUser(prisma, { username: 'palpatine' });
    const other = await createUser(prisma);
    const exercise = await createExercise(prisma, { creatorId: author.id });
    const challenge = await createLogicChallenge(prisma, { creatorId: author.id });
    const otherAttempt = await createAttempt(prisma, { userId: other.id, exerciseId: exercise.id });
    await createChallengeAttempt(prisma, { userId: other.id, challengeId: challenge.id });
    await createAttempt(prisma, { userId: author.id, exerciseId: exercise.id });
    const report = await createFeedbackReport(prisma, { userId: author.id });

    expect(
      await (await app.request(`/api/admin/users/${admin.id}`, { method: 'DELETE' })).json(),
    ).toEqual(errorBody('BAD_REQUEST', 'Vous ne pouvez pas supprimer votre propre compte.'));
    const missing = await app.request('/api/admin/users/999999', { method: 'DELETE' });
    expect([missing.status, await missing.json()]).toEqual([
      404,
      errorBody('NOT_FOUND', 'Utilisateur non trouvé.'),
    ]);

    const res = await app.request(`/api/admin/users/${author.id}`, { method: 'DELETE' });
    expect([res.status, await res.json()]).toEqual([200, { message: 'Utilisateur supprimé.' }]);
    expect(await prisma.user.findUnique({ where: { id: author.id } })).toBeNull();
    expect(
      await prisma.exercise.findUniqueOrThrow({
        where: { id: exercise.id },
        select: { creatorId: true },
      }),
    ).toEqual({ creatorId: null });
    expect(await prisma.attempt.findMany({ select: { id: true } })).toEqual([
      { id: otherAttempt.id },
    ]);
    expect(await prisma.logicChallengeAttempt.count({ where: { userId: other.id } })).toBe(1);
    expect(
      await prisma.feedbackReport.findUniqueOrThrow({
        where: { id: report.id },
        select: { userId: true },
      }),
    ).toEqual({ userId: null });
    expect(await auditRows()).toEqual([
      {
        action: 'user_delete',
        resourceType: 'user',
        resourceId: author.id,
        adminUserId: admin.id,
        details: { username: 'palpatine' },
      },
    ]);
  });
});

describe('the forced e-mails (§6.5, §6.6)', () => {
  it('sends a reset link to an active user, bypassing the public limit; refuses inactive and unknown users', async () => {
    const { sent, mailer } = recordingMailer();
    const { app } = await adminApp({ mailer });
    const user = await createUser(prisma, { username: 'rey', email: 'rey@jakku.test' });
    for (let i = 0; i < 4; i += 1) {
      const res = await app.request(`/api/admin/users/${user.id}/send-reset-password`, {
        method: 'POST',
      });
      expect([res.status, await res.json()]).toEqual([
        200,
        { message: 'Email de réinitialisation envoyé.' },
      ]);
    }
    expect(sent).toHaveLength(4);
    expect(sent[0]?.to).toBe('rey@jakku.test');
    expect(sent[0]?.text).toMatch(/\/reset-password\?token=[\w-]{40,}/);
    const row = await prisma.user.findUniqueOrThrow({
      where: { id: user.id },
      select: { passwordResetTokenHash: true, passwordResetExpiresAt: true },
    });
    expect(row.passwordResetTokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(row.passwordResetExpiresAt).toEqual(new Date(NOW.getTime() + 3_600_000));

    const inactive = await createUser(prisma, { isActive: false });
    const refused = await app.request(`/api/admin/users/${inactive.id}/send-reset-password`, {
      method: 'POST',
    });
    expect([refused.status, await refused.json()]).toEqual([
      400,
      errorBody('BAD_REQUEST', "Compte désactivé, impossible d'envoyer l'email."),
    ]);
    const unknown = await app.request('/api/admin/users/424242/send-reset-password', {
      method: 'POST',
    });
    expect([unknown.status, await unknown.json()]).toEqual([
      404,
      errorBody('NOT_FOUND', 'Utilisateur non trouvé.'),
    ]);
    expect(sent).toHaveLength(4);
    expect(await auditRows()).toEqual([]);
  });

  it('sends a verification link unless verified; 503 when the mail port fails, the token kept', async () => {
    const { sent, mailer } = recordingMailer();
    const { app } = await adminApp({ mailer });
    const verified = await createUser(prisma, { isEmailVerified: true });
    const pending = await createUser(prisma, {
      isEmailVerified: false,
      emailVerificationSentAt: NOW,
    });
    const resend = (id: number, a = app) =>
      a.request(`/api/admin/users/${id}/resend-verification`, { method: 'POST' });
    expect(await (await resend(verified.id)).json()).toEqual({
      message: "L'email est déjà vérifié.",
    });
    expect(sent).toHaveLength(0);
    const res = await resend(pending.id);
    expect([res.status, await res.json()]).toEqual([
      200,
      { message: 'Email de vérification envoyé.' },
    ]);
    expect(sent[0]?.text).toMatch(/\/verify-email\?token=/);
    expect((await resend(31_337)).status).toBe(404);

    const failing = await adminApp({ mailer: recordingMailer(true).mailer, username: 'mace' });
    const down = await resend(pending.id, failing.app);
    const message = "Impossible d'envoyer l'email. Réessayez plus tard.";
    expect([down.status, await down.json()]).toEqual([
      503,
      errorBody('SERVICE_UNAVAILABLE', message),
    ]);
    const reset = await failing.app.request(`/api/admin/users/${pending.id}/send-reset-password`, {
      method: 'POST',
    });
    expect([reset.status, await reset.json()]).toEqual([
      503,
      errorBody('SERVICE_UNAVAILABLE', message),
    ]);
    const row = await prisma.user.findUniqueOrThrow({
      where: { id: pending.id },
      select: { passwordResetTokenHash: true },
    });
    expect(row.passwordResetTokenHash).not.toBeNull();
  });
});

describe('GET /api/admin/reports (§6.10)', () => {
  it('counts the period over both attempt kinds; 400 for an unknown period', async () => {
    const { app } = await adminApp();
    const recent = new Date(NOW.getTime() - 3 * DAY);
    const old = new Date(NOW.getTime() - 20 * DAY);
    const a = await createUser(prisma, { createdAt: recent });
    const b = await createUser(prisma, { createdAt: old });
    await createAttempt(prisma, { userId: a.id, isCorrect: true, createdAt: recent });
    await createAttempt(prisma, { userId: a.id, isCorrect: false, createdAt: recent });
    await createChallengeAttempt(prisma, { userId: b.id, isCorrect: true, createdAt: recent });
    await createChallengeAttempt(prisma, { userId: b.id, isCorrect: false, createdAt: old });
    const week = await app.request('/api/admin/reports');
    expect(await week.text()).toBe(
      JSON.stringify({
        period: '7d',
        days: 7,
        new_users: 1,
        attempts_exercises: 2,
        attempts_challenges: 1,
        total_attempts: 3,
        success_rate: 66.7,
        active_users: 2,
      }),
    );
    const month = (await (await app.request('/api/admin/reports?period=30D')).json()) as Record<
      string,
      unknown
    >;
    expect(month).toMatchObject({ period: '30d', days: 30, total_attempts: 4, success_rate: 50 });
    await prisma.attempt.deleteMany();
    await prisma.logicChallengeAttempt.deleteMany();
    expect(await (await app.request('/api/admin/reports')).text()).toContain('"success_rate":0.0,');
    const bad = await app.request('/api/admin/reports?period=1y');
    expect([bad.status, await bad.json()]).toEqual([
      400,
      errorBody('BAD_REQUEST', 'period invalide. Valeurs: 7d, 30d.'),
    ]);
  });
});

describe('feedback (§6.11, upstream-v36 §15)', () => {
  it('lists the newest reports with the reporter, and triages them with an audit entry', async () => {
    const { app, admin } = await adminApp();
    const user = await createUser(prisma, { username: 'finn' });
    const older = await createFeedbackReport(prisma, {
      userId: user.id,
      feedbackType: 'EXERCISE',
      createdAt: new Date(NOW.getTime() - DAY),
    });
    const newer = await createFeedbackReport(prisma, { description: null, pageUrl: null });
    const list = await app.request('/api/admin/feedback');
    expect(await list.json()).toEqual({
      feedback: [
        {
          id: newer.id,
          user_id: null,
          username: null,
          feedback_type: 'other',
          page_url: null,
          exercise_id: null,
          challenge_id: null,
          description: null,
          status: 'new',
          created_at: expect.stringMatching(/\+00:00$/) as unknown,
        },
        {
          id: older.id,
          user_id: user.id,
          username: 'finn',
          feedback_type: 'exercise',
          page_url: '/dashboard',
          exercise_id: null,
          challenge_id: null,
          description: expect.any(String) as unknown,
          status: 'new',
          created_at: '2026-06-14T12:00:00+00:00',
        },
      ],
    });

    const patch = async (id: number, body: unknown) => {
      const res = await app.request(`/api/admin/feedback/${id}`, send('PATCH', body));
      return [res.status, await res.json()] as const;
    };
    expect(await patch(older.id, { status: ' READ ' })).toEqual([
      200,
      { id: older.id, status: 'read' },
    ]);
    const required = errorBody('BAD_REQUEST', 'Champ status requis (new, read, resolved)');
    expect(await patch(older.id, {})).toEqual([400, required]);
    expect(await patch(older.id, { status: '  ' })).toEqual([400, required]);
    expect(await patch(older.id, { status: null })).toEqual([400, required]);
    expect(await patch(older.id, { status: 'done' })).toEqual([
      400,
      errorBody('BAD_REQUEST', 'Statut invalide (new, read, resolved)'),
    ]);
    expect(await patch(999_999, { status: 'read' })).toEqual([
      404,
      errorBody('NOT_FOUND', 'Retour introuvable'),
    ]);

    const del = await app.request(`/api/admin/feedback/${newer.id}`, { method: 'DELETE' });
    expect([del.status, await del.json()]).toEqual([200, { success: true, id: newer.id }]);
    const again = await app.request(`/api/admin/feedback/${newer.id}`, { method: 'DELETE' });
    expect([again.status, await again.json()]).toEqual([
      404,
      errorBody('NOT_FOUND', 'Retour introuvable'),
    ]);
    expect(await auditRows()).toEqual([
      {
        action: 'feedback_update',
        resourceType: 'feedback',
        resourceId: older.id,
        adminUserId: admin.id,
        details: { from: 'new', to: 'read' },
      },
      {
        action: 'feedback_delete',
        resourceType: 'feedback',
        resourceId: newer.id,
        adminUserId: admin.id,
        details: { status: 'new' },
      },
    ]);
  });
});

describe('GET /api/admin/audit-log (§6.12)', () => {
  it('filters by exact action and resource type, newest first, paginated, with the live username', async () => {
    const { app, admin } = await adminApp();
    const target = await createUser(prisma);
    await app.request(`/api/admin/users/${target.id}`, send('PATCH', { is_active: false }));
    await app.request('/api/admin/config', send('PUT', { settings: { maintenance_mode: false } }));
    await app.request(`/api/admin/users/${target.id}`, send('PATCH', { is_active: true }));
    const all = (await (await app.request('/api/admin/audit-log')).json()) as {
      items: Record<string, unknown>[];
      total: number;
    };
    expect(all.total).toBe(3);
    expect(all.items.map((i) => i.action)).toEqual(['user_patch', 'config_update', 'user_patch']);
    expect(all.items[1]).toEqual({
      id: expect.any(Number) as unknown,
      admin_user_id: admin.id,
      admin_username: 'yoda_admin',
      action: 'config_update',
      resource_type: 'settings',
      resource_id: null,
      details: {
        updated_keys: ['maintenance_mode'],
        changes: {},
      },
      created_at: '2026-06-15T12:00:00+00:00',
    });
    const users = (await (
      await app.request('/api/admin/audit-log?action=%20user_patch%20&resource_type=user&limit=1')
    ).json()) as { items: unknown[]; total: number };
    expect([users.items.length, users.total]).toEqual([1, 2]);
    const none = (await (
      await app.request('/api/admin/audit-log?action=exercise_create')
    ).json()) as {
      total: number;
    };
    expect(none.total).toBe(0);
    const nul = await app.request('/api/admin/audit-log?resource_type=%00');
    expect([nul.status, ((await nul.json()) as { code: string }).code]).toEqual([
      400,
      'BAD_REQUEST',
    ]);
    const page = (await (await app.request('/api/admin/audit-log?skip=2&limit=0')).json()) as {
      items: { action: string }[];
    };
    expect(page.items.map((i) => i.action)).toEqual(['user_patch']);
  });
});

describe('GET /api/admin/moderation (§6.13)', () => {
  it('lists AI exercises and every challenge; an unknown type gives empty lists', async () => {
    const { app } = await adminApp();
    const ai = await createExercise(prisma, { aiGenerated: true, title: 'IA' });
    await createExercise(prisma);
    const challenge = await createLogicChallenge(prisma, { title: 'Défi' });
    const all = await app.request('/api/admin/moderation');
    expect(await all.json()).toEqual({
      exercises: [
        {
          id: ai.id,
          title: 'IA',
          exercise_type: 'ADDITION',
          age_group: '9-11',
          is_archived: false,
          created_at: expect.stringMatching(/\+00:00$/) as unknown,
        },
      ],
      challenges: [
        {
          id: challenge.id,
          title: 'Défi',
          challenge_type: 'sequence',
          age_group: 'GROUP_10_12',
          is_archived: false,
          created_at: expect.stringMatching(/\+00:00$/) as unknown,
        },
      ],
      total_exercises: 1,
      total_challenges: 1,
    });
    const only = (await (await app.request('/api/admin/moderation?type=EXERCISES')).json()) as {
      challenges: unknown[];
      total_challenges: number;
      total_exercises: number;
    };
    expect([only.challenges, only.total_challenges, only.total_exercises]).toEqual([[], 0, 1]);
    expect(await (await app.request('/api/admin/moderation?type=videos')).json()).toEqual({
      exercises: [],
      challenges: [],
      total_exercises: 0,
      total_challenges: 0,
    });
  });
});

describe('GET /api/admin/analytics/edtech (§6.16)', () => {
  it('aggregates every event of the window and lists the newest', async () => {
    const { app } = await adminApp();
    const a = await createUser(prisma);
    const b = await createUser(prisma);
    const at = (days: number) => new Date(NOW.getTime() - days * DAY);
    await createEdtechEvent(prisma, {
      userId: a.id,
      payload: { type: 'exercise', guided: true },
      createdAt: at(1),
    });
    await createEdtechEvent(prisma, {
      userId: b.id,
      payload: { type: 'challenge', guided: false },
      createdAt: at(2),
    });
    await createEdtechEvent(prisma, {
      userId: a.id,
      event: 'FIRST_ATTEMPT',
      payload: { type: 'exercise', targetId: 3, timeToFirstAttemptMs: 1000 },
      createdAt: at(1),
    });
    await createEdtechEvent(prisma, {
      userId: a.id,
      event: 'FIRST_ATTEMPT',
      payload: { type: 'challenge', targetId: 4, timeToFirstAttemptMs: 2001 },
      createdAt: at(3),
    });
    await createEdtechEvent(prisma, { userId: b.id, createdAt: at(20) });
    const res = await app.request('/api/admin/analytics/edtech?limit=2');
    const text = await res.text();
    expect(text).toContain('"avg_time_to_first_attempt_ms":1500.0');
    expect(text).toContain('"guided_rate_pct":50.0');
    const body = JSON.parse(text) as Record<string, unknown>;
    expect(body).toMatchObject({
      period: '7d',
      since: '2026-06-08T12:00:00+00:00',
      aggregates: {
        quick_start_click: { count: 2, avg_time_to_first_attempt_ms: null },
        first_attempt: { count: 2, by_type: { exercise: 1, challenge: 1 } },
      },
      ctr_summary: {
        total_clicks: 2,
        guided_clicks: 1,
        by_type: { exercise: 1, challenge: 1 },
      },
      unique_users: 2,
    });
    expect(body.events).toHaveLength(2);
    const month = (await (
      await app.request('/api/admin/analytics/edtech?period=30d&event=FIRST_ATTEMPT')
    ).json()) as Record<string, unknown>;
    expect(month).toMatchObject({
      period: '30d',
      aggregates: { first_attempt: { count: 2 } },
      ctr_summary: {},
      unique_users: 1,
    });
    expect(Object.keys(month.aggregates as object)).toEqual(['first_attempt']);
    const odd = (await (await app.request('/api/admin/analytics/edtech?period=1y')).json()) as {
      period: string;
      since: string;
    };
    expect(odd).toMatchObject({ period: '1y', since: '2026-06-08T12:00:00+00:00' });
  });
});

describe('the core role check', () => {
  it('refuses a non-administrator even when a caller bypasses the transport guard', async () => {
    const { core } = await createTestApp({ clock: fixedClock(NOW) });
    const ctx = { actor: testActor({ role: 'gardien' }), log: silent(), requestId: 't' };
    await expect(core.admin.overview(ctx)).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: 'Droits insuffisants',
    });
    await expect(
      core.admin.overview({ actor: null, log: silent(), requestId: 't' }),
    ).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });
});
