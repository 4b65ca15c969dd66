/**
 * A legacy Python-backend database for the import tests and the cut-over measurement: the legacy schema
 * (legacy-schema.sql, data-model §1–6) in a separate PostgreSQL database, filled with awkward rows
 * (`seedAwkwardLegacyData`: legacy `$2b$` hashes, NULLs, orphans, e-mails differing only in case, bad
 * enum values, JSON in text columns) or with bulk volume (`seedBulkLegacyData`, set-based SQL).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { hash } from '@node-rs/bcrypt';
import pg from 'pg';

import { quoteIdent, withDatabaseName } from '../db/postgres.ts';
import { BADGE_CATALOGUE } from '../reference/index.ts';

const SCHEMA_FILE = path.resolve(import.meta.dirname, 'legacy-schema.sql');

/** A Python `bcrypt.hashpw(b'Padawan2026', bcrypt.gensalt(12))` hash, as the legacy stored them. */
export const LEGACY_PYTHON_HASH = '$2b$12$zECcTKdKiTEiqt1SmNlafOYQHom5ccud4nuBaH1Nzn.k76Wg6dAcC';

const connect = async (url: string): Promise<pg.Client> => {
  const client = new pg.Client({ connectionString: url, options: '-c timezone=UTC' });
  await client.connect();
  return client;
};

/** Creates the legacy tables (and enum types) in the empty database at `url`. */
export const createLegacySchema = async (url: string): Promise<void> => {
  const client = await connect(url);
  try {
    await client.query(await readFile(SCHEMA_FILE, 'utf8'));
  } finally {
    await client.end();
  }
};

/** A learner of the awkward fixture: how they log in, and what the import must make of them. */
export interface LegacyLearner {
  id: number;
  username: string;
  password: string;
  /** The address login by e-mail uses after the import. */
  email: string;
  canLogIn: boolean;
  totalPoints: number;
}

export interface AwkwardLegacyManifest {
  learners: LegacyLearner[];
  /** Rows the import must reject, per table (orphans, duplicates, unknown events). */
  rejected: {
    attempts: number;
    logic_challenge_attempts: number;
    user_achievements: number;
    edtech_events: number;
  };
  /** Valid rows per table (what must survive). */
  valid: { attempts: number; logic_challenge_attempts: number; user_achievements: number };
}

const quick = (password: string) => hash(password, { cost: 4 });

/**
 * Fills the legacy database with a small, hand-made set of awkward rows and returns what the import must
 * make of it. Orphans are written with foreign-key triggers off (`session_replication_role = replica`,
 * superuser), as a database repaired by hand may hold them.
 */
export const seedAwkwardLegacyData = async (url: string): Promise<AwkwardLegacyManifest> => {
  const client = await connect(url);
  const q = (sql: string, values: unknown[] = []) => client.query(sql, values);
  try {
    const badges = BADGE_CATALOGUE.slice(0, 6).map((b) => b.code);
    // Badges: catalogue codes at ids 1–5, a catalogue code at a foreign id (50), two codes of their own.
    for (const [i, code] of badges.slice(0, 5).entries()) {
      await q(
        `INSERT INTO achievements (id, code, name, category, difficulty, points_reward, requirements, is_active)
         VALUES ($1, $2, $3, 'progression', 'bronze', 10, '{"attempts_count": 1}', $4)`,
        [i + 1, code, `Legacy ${code}`, i !== 4],
      );
    }
    await q(
      `INSERT INTO achievements (id, code, name, points_reward, requirements) VALUES
      (50, $1, 'Moved', 20, NULL),
      (40, 'legacy_custom', 'Badge maison', 15, '{"attempts_count": 3}'),
      (6, 'test', 'Test', NULL, '"not an object"')`,
      [badges[5]],
    );
    await q(`UPDATE achievements SET category = 'weird', difficulty = 'GOLD' WHERE id = 40`);

    const pw = {
      obi: await quick('HelloThere123!'),
      dup: await quick('Duplicate-1'),
      old: await quick('OldAdmin-42'),
      gard: await quick('Gardien-7'),
      nul: await quick('Nullish-9'),
      arch: await quick('Archives-3'),
      off: await quick('Sleeping-5'),
    };
    await q(
      `INSERT INTO users (id, username, email, hashed_password, full_name, role, is_active, created_at,
         is_email_verified, grade_level, grade_system, preferred_difficulty, accessibility_settings,
         pinned_badge_ids, current_streak, best_streak, total_points, current_level, experience_points, jedi_rank,
         preferred_theme, email_verification_token)
       VALUES
       (1, 'ObiWan', 'obiwan.kenobi@jedi-temple.sw', $1, 'Obi-Wan Kenobi', 'MAITRE', true, '2025-03-01T10:00:00Z',
        true, 12, 'unifie', '15-17', '{"high_contrast": true, "language_preference": "fr"}', '[1, 2]', 2, 9, 30, 1, 30,
        'youngling', 'spatial', NULL),
       (2, 'padawan1', 'Padawan1@Jedi-Temple.sw', $2, 'Anakin', 'PADAWAN', true, '2025-03-02T10:00:00Z',
        true, 5, 'suisse', '9-11', NULL, NULL, 0, 0, 10, 1, 10, 'youngling', 'dino', NULL),
       (3, 'padawan_dup', 'padawan1@jedi-temple.sw', $3, NULL, 'PADAWAN', true, '2025-03-03T10:00:00Z',
        false, NULL, NULL, NULL, '', NULL, 0, 0, 0, 1, 0, 'youngling', NULL, 'legacy-token-abc'),
       (4, 'old_admin', 'old@admin.sw', $4, NULL, 'ADMIN', true, '2025-03-04T10:00:00Z',
        true, NULL, NULL, 'chevalier', 'not json', '"oops"', 0, 0, 0, NULL, NULL, NULL, NULL, NULL),
       (5, 'gardien_lc', 'gardien@jedi-temple.sw', $5, NULL, 'gardien', true, '2025-03-05T10:00:00Z',
        true, 14, 'SUISSE', 'GROUP_13_15', '[1, 2]', NULL, 0, 0, 250, 99, 50, 'master', NULL, NULL),
       (6, 'nullish', 'nullish@jedi-temple.sw', $6, NULL, NULL, NULL, NULL,
        false, NULL, 'metric', 'adult', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL),
       (7, 'archiviste', 'archives@jedi-temple.sw', $7, NULL, 'ARCHIVISTE', true, '2025-03-07T10:00:00Z',
        true, NULL, NULL, NULL, NULL, '[999, 3, 3, "4", 5, 6]', 0, 4, 40, 1, 40, 'youngling', NULL, NULL),
       (8, 'sleeping', 'sleeping@jedi-temple.sw', $8, NULL, 'PADAWAN', false, '2025-03-08T10:00:00Z',
        true, NULL, NULL, NULL, NULL, NULL, 0, 0, 0, 1, 0, 'youngling', NULL, NULL)`,
      [pw.obi, LEGACY_PYTHON_HASH, pw.dup, pw.old, pw.gard, pw.nul, pw.arch, pw.off],
    );
    await q(`SELECT setval('users_id_seq', 8)`);

    await q(
      `INSERT INTO exercises (id, title, creator_id, exercise_type, difficulty, age_group, complexity, question,
         correct_answer, choices, is_active, is_archived, created_at, ai_generated, view_count) VALUES
       (1, 'Addition simple', 1, 'ADDITION', 'INITIE', '6-8', NULL, 'Combien font 2 + 2 ?', '4',
        '["2", "3", "4", "5"]', true, false, '2025-03-01 10:00:00', false, 0),
       (2, 'Multiplication simple', 1, 'multiplication', 'initie', 'GROUP_10_12', 2, 'Combien font 5 × 6 ?', '30',
        '"[\\"24\\", \\"30\\", \\"36\\"]"', true, false, '2025-03-01 11:00:00', NULL, NULL),
       (3, 'Bizarre', 4, 'WEIRD', 'impossible', 'martians', 9, 'Trois quarts ?', '3/4',
        NULL, true, false, NULL, true, -3),
       (4, 'Archivé', 4, 'SOUSTRACTION', 'PADAWAN', '9-11', NULL, '7 - 2 ?', '5',
        NULL, true, true, '2025-03-02 10:00:00', false, 4),
       (5, 'Moitié', NULL, 'FRACTIONS', 'CHEVALIER', 'adulte', NULL, 'La moitié de 1 ?', '0.5',
        '[1, "0.5", null]', NULL, NULL, '2025-03-02 12:00:00', false, 0)`,
    );
    await q(
      `INSERT INTO logic_challenges (id, title, description, challenge_type, age_group, difficulty, content, question,
         solution, correct_answer, choices, solution_explanation, visual_data, hints, is_active, creator_id,
         created_at, updated_at, difficulty_rating, estimated_time_minutes, success_rate, is_archived) VALUES
       (1, 'Séquence', 'Trouve la suite', 'SEQUENCE', 'GROUP_10_12', NULL, 'Trouve la suite', '2, 4, 6, ?',
        NULL, '8', '["6", "8"]', 'On ajoute 2', '{"sequence": [2, 4, 6]}', '["Regarde l''écart", "Ajoute"]',
        true, 1, '2025-03-01T10:00:00Z', NULL, 2.5, 10, 0, false),
       (2, 'Symétrie', 'Formes', 'SPATIAL', 'ALL_AGES', 'hard', NULL, 'Quelle forme ?',
        'Le cercle rouge', 'cercle rouge', NULL, NULL, '"{}"', '"just one hint"',
        NULL, NULL, NULL, NULL, 7, 0, 42, NULL),
       (3, 'Énigme', 'Qui suis-je ?', 'PUZZLE', 'GROUP_13_15', 'MAITRE', 'Autre chose', NULL,
        'Une bougie', 'Une bougie', NULL, 'Elle fond', NULL, '{"not": "a list"}',
        false, 7, '2025-03-03T10:00:00Z', '2025-03-04T10:00:00Z', 3.5, 15, 0, true)`,
    );

    // Attempts: 3 learners over several days; a NULL date, a negative time, attempt_number 0.
    const attempts: [number, number, number, boolean, number | null, string | null][] = [
      [1, 1, 1, true, 12.5, '2025-04-01T08:00:00Z'],
      [2, 1, 2, false, 20, '2025-04-02T08:00:00Z'],
      [3, 1, 2, true, 8, '2025-04-03T08:00:00Z'],
      [4, 1, 1, true, null, '2025-04-03T09:00:00Z'],
      [5, 2, 1, true, 5, '2025-04-01T08:00:00Z'],
      [6, 2, 3, false, -4, '2025-04-01T09:00:00Z'],
      [7, 2, 5, true, 3, null],
      [8, 5, 4, true, 9, '2025-04-05T23:59:00Z'],
      [9, 5, 4, true, 9, '2025-04-06T00:01:00Z'],
    ];
    for (const [id, user, exercise, correct, time, at] of attempts) {
      await q(
        `INSERT INTO attempts (id, user_id, exercise_id, user_answer, is_correct, time_spent, attempt_number,
           hints_used, created_at) VALUES ($1, $2, $3, 'x', $4, $5, $6, $7, $8)`,
        [id, user, exercise, correct, time, id === 6 ? 0 : 1, id === 5 ? null : 0, at],
      );
    }
    await q(
      `INSERT INTO logic_challenge_attempts (id, user_id, challenge_id, user_solution, is_correct, time_spent,
         hints_used, attempt_number, created_at) VALUES
       (1, 1, 1, '8', true, 30, 1, 1, '2025-04-04T08:00:00Z'),
       (2, 2, 2, 'carré bleu', false, NULL, NULL, NULL, '2025-04-02T08:00:00Z'),
       (3, 7, 3, 'Une bougie', true, 12, 0, 1, '2025-04-07T08:00:00Z')`,
    );
    await q(
      `INSERT INTO user_achievements (id, user_id, achievement_id, earned_at, is_displayed) VALUES
       (1, 1, 1, '2025-04-01T08:00:00Z', true), (2, 1, 2, '2025-04-03T08:00:00Z', NULL),
       (3, 2, 1, NULL, true), (4, 7, 3, '2025-04-07T08:00:00Z', true), (5, 7, 4, '2025-04-07T08:00:00Z', true),
       (6, 5, 50, '2025-04-06T08:00:00Z', true), (7, 5, 40, '2025-04-06T08:00:00Z', true)`,
    );
    await q(
      `INSERT INTO recommendations (id, user_id, exercise_id, challenge_id, recommendation_type, exercise_type,
         difficulty, priority, reason, is_completed) VALUES
       (1, 1, 2, NULL, 'exercise', 'MULTIPLICATION', 'INITIE', 8, 'Continue', false),
       (2, 1, NULL, 1, 'challenge', 'challenge', 'PADAWAN', 0, 'Un défi', NULL),
       (3, 2, NULL, NULL, 'exercise', 'add', 'easy', 12, NULL, true)`,
    );
    await q(
      `INSERT INTO settings (key, value, category, is_system, is_public) VALUES
       ('maintenance_mode', 'false', 'système', true, false), ('max_export_rows', '5000', 'limites', true, false),
       ('legacy_unknown_key', 'x', NULL, NULL, NULL)`,
    );
    await q(
      `INSERT INTO feedback_reports (id, user_id, feedback_type, exercise_id, challenge_id, description, status)
       VALUES (1, 1, 'exercise', 2, NULL, 'Bug', 'new'), (2, NULL, 'UI', NULL, NULL, 'Couleurs', 'weird'),
              (3, 2, 'challenge', 9999, 9998, 'Cible disparue', 'read')`,
    );
    await q(
      `INSERT INTO edtech_events (id, user_id, event, payload, created_at) VALUES
       (1, 1, 'quick_start_click', '{"type": "exercise", "guided": true}', '2025-04-01T08:00:00Z'),
       (2, 2, 'first_attempt', NULL, '2025-04-01T08:00:00Z'), (3, NULL, 'bogus_event', '{}', NULL),
       (4, 1, 'FIRST_ATTEMPT', '[1, 2]', NULL)`,
    );
    await q(
      `INSERT INTO admin_audit_logs (id, admin_user_id, action, resource_type, resource_id, details) VALUES
       (1, 7, 'user_patch', 'user', 4, '{"is_active": null, "role": "ADMIN"}'),
       (2, 7, 'export_csv', NULL, NULL, 'not json at all'), (3, NULL, 'config_update', 'settings', NULL, NULL)`,
    );
    await q(
      `INSERT INTO user_sessions (user_id, session_token, expires_at) VALUES (1, 'tok-1', now() + interval '7 days')`,
    );
    await q(`INSERT INTO notifications (user_id, type, title) VALUES (1, 'info', 'Bonjour')`);
    await q(
      `INSERT INTO progress (user_id, exercise_type, difficulty, total_attempts, correct_attempts)
       VALUES (1, 'ADDITION', 'initie', 2, 2)`,
    );

    // A `create_all` database lacks the unique award index; orphans need the FK triggers off.
    await q('DROP INDEX ix_user_achievements_user_achievement');
    await q("SET session_replication_role = 'replica'");
    await q(
      `INSERT INTO attempts (id, user_id, exercise_id, user_answer, is_correct, created_at) VALUES
       (10, 9999, 1, 'x', true, now()), (11, 1, 9999, 'x', false, now())`,
    );
    await q(
      `INSERT INTO logic_challenge_attempts (id, user_id, challenge_id, user_solution, is_correct)
       VALUES (4, 1, 9999, 'x', false)`,
    );
    await q(
      `INSERT INTO user_achievements (id, user_id, achievement_id, earned_at) VALUES
       (8, 1, 1, now()), (9, 9999, 1, now()), (10, 2, 777, now())`,
    );
    await q("SET session_replication_role = 'origin'");

    const learner = (
      id: number,
      username: string,
      password: string,
      email: string,
      points: number,
      canLogIn = true,
    ) => ({
      id,
      username,
      password,
      email,
      canLogIn,
      totalPoints: points,
    });
    return {
      learners: [
        learner(1, 'ObiWan', 'HelloThere123!', 'obiwan.kenobi@jedi-temple.sw', 30),
        learner(2, 'padawan1', 'Padawan2026', 'padawan1@jedi-temple.sw', 10),
        learner(3, 'padawan_dup', 'Duplicate-1', 'padawan1+legacy-3@jedi-temple.sw', 0),
        learner(4, 'old_admin', 'OldAdmin-42', 'old@admin.sw', 0),
        learner(5, 'gardien_lc', 'Gardien-7', 'gardien@jedi-temple.sw', 250),
        learner(6, 'nullish', 'Nullish-9', 'nullish@jedi-temple.sw', 0),
        learner(7, 'archiviste', 'Archives-3', 'archives@jedi-temple.sw', 40),
        learner(8, 'sleeping', 'Sleeping-5', 'sleeping@jedi-temple.sw', 0, false),
      ],
      rejected: {
        attempts: 2,
        logic_challenge_attempts: 1,
        user_achievements: 3,
        edtech_events: 1,
      },
      valid: { attempts: 9, logic_challenge_attempts: 3, user_achievements: 7 },
    };
  } finally {
    await client.end();
  }
};

/** (Re)creates an empty database `name` on the server of `serverUrl`; returns its URL (benchmarks). */
export const recreateScratchDatabase = async (serverUrl: string, name: string): Promise<string> => {
  const client = await connect(serverUrl);
  try {
    await client.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`);
    await client.query(`CREATE DATABASE ${quoteIdent(name)}`);
  } finally {
    await client.end();
  }
  return withDatabaseName(serverUrl, name);
};

export const dropScratchDatabase = async (serverUrl: string, name: string): Promise<void> => {
  const client = await connect(serverUrl);
  try {
    await client.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`);
  } finally {
    await client.end();
  }
};
