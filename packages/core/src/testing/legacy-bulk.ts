/**
 * Volume for the legacy import measurement (docs/cut-over.md): learners, exercises, challenges and
 * attempts generated server-side with `generate_series` in the legacy schema (legacy-fixture.ts), with
 * a realistic mix of the legacy encodings (uppercase / lowercase types, both age-group encodings, JSON
 * text preferences, pinned badges, NULL counters).
 */
import { hash } from '@node-rs/bcrypt';
import pg from 'pg';

import { BADGE_CATALOGUE } from '../reference/index.ts';

export interface LegacyVolume {
  learners: number;
  exercises: number;
  challenges: number;
  attempts: number;
  challengeAttempts: number;
}

/** The password of every bulk learner (one shared `$2b$` hash keeps the seeding fast). */
export const BULK_PASSWORD = 'Volume-2026';

/** Fills an empty legacy schema with `volume` rows. */
export const seedBulkLegacyData = async (url: string, volume: LegacyVolume): Promise<void> => {
  const client = new pg.Client({ connectionString: url, options: '-c timezone=UTC' });
  await client.connect();
  const q = (sql: string, values: unknown[] = []) => client.query(sql, values);
  try {
    const badgeCount = Math.min(BADGE_CATALOGUE.length, 32);
    for (const [i, badge] of BADGE_CATALOGUE.slice(0, badgeCount).entries()) {
      await q(
        `INSERT INTO achievements (id, code, name, category, difficulty, points_reward, requirements, is_active)
         VALUES ($1, $2, $3, lower($4), lower($5), $6, '{}', true)`,
        [i + 1, badge.code, badge.name, badge.category, badge.tier, badge.pointsReward],
      );
    }
    const passwordHash = await hash(BULK_PASSWORD, { cost: 4 });
    await q(
      `INSERT INTO users (id, username, email, hashed_password, role, is_active, created_at, is_email_verified,
         grade_level, grade_system, preferred_difficulty, accessibility_settings, pinned_badge_ids, total_points,
         current_level, experience_points, jedi_rank, current_streak, best_streak)
       SELECT g, 'learner_' || g, CASE WHEN g % 97 = 0 THEN 'Learner' || g || '@Example.org'
                                        ELSE 'learner' || g || '@example.org' END,
         $1, (CASE WHEN g % 500 = 0 THEN 'MAITRE' ELSE 'PADAWAN' END)::userrole, g % 211 <> 0,
         timestamptz '2025-01-01' + g * interval '1 minute', g % 7 <> 0,
         1 + g % 12, CASE WHEN g % 3 = 0 THEN 'suisse' ELSE 'unifie' END,
         (ARRAY['6-8', '9-11', '12-14', '15-17', 'adulte', NULL])[1 + g % 6],
         CASE WHEN g % 4 = 0 THEN '{"high_contrast": false, "timezone": "Europe/Paris"}' END,
         CASE WHEN g % 5 = 0 THEN '[1, 2]'::jsonb END, (g % 5) * 10, 1, (g % 5) * 10, 'youngling', 0, g % 9
       FROM generate_series(1, $2::int) g`,
      [passwordHash, volume.learners],
    );
    await q(
      `INSERT INTO exercises (id, title, creator_id, exercise_type, difficulty, age_group, question, correct_answer,
         choices, is_active, is_archived, created_at, ai_generated, view_count)
       SELECT g, 'Exercice ' || g, NULL,
         (ARRAY['ADDITION', 'SOUSTRACTION', 'MULTIPLICATION', 'DIVISION', 'FRACTIONS', 'addition'])[1 + g % 6],
         (ARRAY['INITIE', 'PADAWAN', 'CHEVALIER', 'MAITRE', 'GRAND_MAITRE'])[1 + g % 5],
         (ARRAY['6-8', '9-11', '12-14', '15-17', 'adulte', 'GROUP_10_12'])[1 + g % 6],
         g || ' + 1 ?', (g + 1)::text, jsonb_build_array((g + 1)::text, g::text, (g + 2)::text, (g + 3)::text),
         true, g % 50 = 0, timestamp '2025-01-01' + g * interval '1 hour', g % 10 = 0, 0
       FROM generate_series(1, $1::int) g`,
      [volume.exercises],
    );
    await q(
      `INSERT INTO logic_challenges (id, title, description, challenge_type, age_group, question, correct_answer,
         hints, visual_data, is_active, created_at, difficulty_rating, estimated_time_minutes, is_archived)
       SELECT g, 'Défi ' || g, 'Suite logique ' || g,
         (ARRAY['SEQUENCE', 'PATTERN', 'PUZZLE', 'RIDDLE', 'SPATIAL'])[1 + g % 5]::logicchallengetype,
         (ARRAY['GROUP_6_8', 'GROUP_10_12', 'GROUP_13_15', 'GROUP_15_17', 'ADULT', 'ALL_AGES'])[1 + g % 6]::agegroup,
         'Suite ?', (g * 2)::text, '["Indice 1", "Indice 2"]', '{"sequence": [1, 2, 3]}', true,
         timestamptz '2025-01-01' + g * interval '1 hour', 3.0, 15, false
       FROM generate_series(1, $1::int) g`,
      [volume.challenges],
    );
    // Attempts spread over learners, exercises and 120 days.
    await q(
      `INSERT INTO attempts (id, user_id, exercise_id, user_answer, is_correct, time_spent, attempt_number,
         hints_used, created_at)
       SELECT g, 1 + (g::bigint * 7919) % $2::int, 1 + (g::bigint * 104729) % $3::int, (g % 13)::text, g % 3 <> 0,
         CASE WHEN g % 17 = 0 THEN NULL ELSE 2 + g % 40 END, 1, CASE WHEN g % 11 = 0 THEN NULL ELSE 0 END,
         timestamptz '2025-02-01' + (g % 172800) * interval '1 minute'
       FROM generate_series(1, $1::int) g`,
      [volume.attempts, volume.learners, volume.exercises],
    );
    await q(
      `INSERT INTO logic_challenge_attempts (id, user_id, challenge_id, user_solution, is_correct, time_spent,
         hints_used, attempt_number, created_at)
       SELECT g, 1 + (g::bigint * 7907) % $2::int, 1 + (g::bigint * 7) % $3::int, (g % 9)::text, g % 4 = 0, 10 + g % 90, g % 3, 1,
         timestamptz '2025-02-01' + (g % 172800) * interval '1 minute'
       FROM generate_series(1, $1::int) g`,
      [volume.challengeAttempts, volume.learners, volume.challenges],
    );
    // Badges: every learner with an attempt earned badge 1; every fifth learner also badge 2 (their pins).
    await q(
      `INSERT INTO user_achievements (user_id, achievement_id, earned_at, is_displayed)
       SELECT u, b, timestamptz '2025-02-01' + u * interval '1 minute', true
       FROM generate_series(1, $1::int) u CROSS JOIN (VALUES (1), (2)) v(b)
       WHERE b = 1 OR u % 5 = 0`,
      [volume.learners],
    );
    for (const table of [
      'users',
      'exercises',
      'logic_challenges',
      'attempts',
      'logic_challenge_attempts',
    ]) {
      await q(
        `SELECT setval(pg_get_serial_sequence('${table}', 'id'), (SELECT max(id) FROM ${table}))`,
      );
    }
    await q('ANALYZE');
  } finally {
    await client.end();
  }
};
