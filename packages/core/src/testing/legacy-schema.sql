-- The legacy Python backend's PostgreSQL schema ("Alpha 2", spec/data-model.md §1–§6), as production has it:
-- the pre-Alembic tables (shape of the SQLAlchemy models) plus the migration deltas up to `20260225_edtech`.
-- Test fixture of the legacy import (never applied to our database). Quirks kept on purpose:
--   * enum labels are the Python member NAMES (uppercase), plus labels added outside Alembic
--     (lowercase `archiviste`/`gardien`, `ADMIN`, `SPATIAL`);
--   * users.accessibility_settings is TEXT holding JSON; admin_audit_logs.details is TEXT holding JSON;
--   * exercises.created_at/updated_at are `timestamp without time zone` (migration 20260222 DDL);
--   * ORM-only defaults (no DB default) and nullable booleans/counters;
--   * NO ACTION foreign keys where the cascade lived in the ORM; no FK on feedback targets;
--   * user_achievements has its unique (user_id, achievement_id) index (migration 20260206_1540), but
--     a `create_all` database lacks it: the fixture drops it to seed duplicate awards;
--   * e-mails and usernames are case-sensitive (duplicates differing in case are possible).

CREATE TYPE userrole AS ENUM ('PADAWAN', 'MAITRE', 'ADMIN', 'GARDIEN', 'ARCHIVISTE', 'archiviste', 'gardien');
CREATE TYPE logicchallengetype AS ENUM ('SEQUENCE', 'PATTERN', 'PUZZLE', 'DEDUCTION', 'PROBABILITY', 'GRAPH',
  'CODING', 'CHESS', 'CUSTOM', 'SPATIAL', 'VISUAL', 'RIDDLE');
CREATE TYPE agegroup AS ENUM ('GROUP_10_12', 'GROUP_13_15', 'ALL_AGES', 'GROUP_6_8', 'GROUP_15_17', 'ADULT');

CREATE TABLE users (
  id serial PRIMARY KEY,
  username varchar(50) NOT NULL,
  email varchar(100) NOT NULL,
  hashed_password varchar(255) NOT NULL,
  full_name varchar(100),
  role userrole,
  is_active boolean,
  created_at timestamptz DEFAULT now(),
  updated_at timestamptz DEFAULT now(),
  is_email_verified boolean NOT NULL,
  email_verification_token varchar(255),
  email_verification_sent_at timestamptz,
  password_reset_token varchar(255),
  password_reset_expires_at timestamptz,
  grade_level integer,
  grade_system varchar(20),
  learning_style varchar(50),
  preferred_difficulty varchar(50),
  onboarding_completed_at timestamptz,
  learning_goal varchar(100),
  practice_rhythm varchar(50),
  preferred_theme varchar(50),
  accessibility_settings text,
  pinned_badge_ids jsonb,
  current_streak integer DEFAULT 0,
  best_streak integer DEFAULT 0,
  last_activity_date date,
  total_points integer,
  current_level integer,
  experience_points integer,
  jedi_rank varchar(50),
  avatar_url varchar(255)
);
CREATE INDEX ix_users_id ON users (id);
CREATE UNIQUE INDEX ix_users_username ON users (username);
CREATE UNIQUE INDEX ix_users_email ON users (email);
CREATE INDEX ix_users_email_verification_token ON users (email_verification_token);
CREATE INDEX ix_users_password_reset_token ON users (password_reset_token);
CREATE INDEX idx_users_avatar_url ON users (avatar_url);
CREATE INDEX idx_users_jedi_rank ON users (jedi_rank);
CREATE INDEX idx_users_total_points ON users (total_points);
CREATE INDEX ix_users_created_at ON users (created_at);
CREATE INDEX ix_users_is_active ON users (is_active);

CREATE TABLE exercises (
  id serial PRIMARY KEY,
  title varchar(255) NOT NULL,
  creator_id integer REFERENCES users (id),
  exercise_type varchar(50) NOT NULL,
  difficulty varchar(50) NOT NULL,
  tags varchar(255),
  age_group varchar NOT NULL,
  context_theme varchar,
  complexity integer,
  ai_generated boolean DEFAULT FALSE,
  question text NOT NULL,
  correct_answer varchar(255) NOT NULL,
  choices jsonb,
  explanation text,
  hint text,
  image_url varchar(255),
  audio_url varchar(255),
  is_active boolean DEFAULT TRUE,
  is_archived boolean DEFAULT FALSE,
  view_count integer DEFAULT 0,
  created_at timestamp without time zone DEFAULT CURRENT_TIMESTAMP,
  updated_at timestamp without time zone DEFAULT CURRENT_TIMESTAMP
);
CREATE INDEX ix_exercises_id ON exercises (id);
CREATE INDEX idx_exercises_type_difficulty ON exercises (exercise_type, difficulty) WHERE is_archived = false;
CREATE INDEX ix_exercises_creator_id ON exercises (creator_id);
CREATE INDEX ix_exercises_age_group ON exercises (age_group);

CREATE TABLE attempts (
  id serial PRIMARY KEY,
  user_id integer NOT NULL REFERENCES users (id),
  exercise_id integer NOT NULL REFERENCES exercises (id),
  user_answer varchar NOT NULL,
  is_correct boolean NOT NULL,
  time_spent double precision,
  attempt_number integer,
  hints_used integer,
  device_info varchar,
  created_at timestamptz
);
CREATE INDEX ix_attempts_id ON attempts (id);
CREATE INDEX ix_attempts_user_id ON attempts (user_id);
CREATE INDEX ix_attempts_exercise_id ON attempts (exercise_id);
CREATE INDEX ix_attempts_user_exercise ON attempts (user_id, exercise_id);

CREATE TABLE progress (
  id serial PRIMARY KEY,
  user_id integer NOT NULL REFERENCES users (id),
  exercise_type varchar NOT NULL,
  difficulty varchar NOT NULL,
  total_attempts integer,
  correct_attempts integer,
  average_time double precision,
  completion_rate double precision,
  streak integer,
  highest_streak integer,
  concept_mastery json,
  learning_curve json,
  last_active_date timestamptz,
  mastery_level integer,
  awards json,
  strengths varchar,
  areas_to_improve varchar,
  recommendations varchar,
  last_updated timestamptz
);
CREATE INDEX ix_progress_user_type ON progress (user_id, exercise_type);

CREATE TABLE logic_challenges (
  id serial PRIMARY KEY,
  title varchar(255) NOT NULL,
  description text NOT NULL,
  challenge_type logicchallengetype NOT NULL,
  age_group agegroup NOT NULL,
  difficulty varchar(50),
  content text,
  question text,
  solution text,
  correct_answer varchar(255),
  choices json,
  solution_explanation text,
  visual_data json,
  hints json,
  is_active boolean,
  creator_id integer REFERENCES users (id),
  created_at timestamptz DEFAULT now(),
  updated_at timestamptz,
  difficulty_rating double precision,
  estimated_time_minutes integer,
  success_rate double precision,
  image_url varchar,
  source_reference varchar,
  tags varchar,
  is_template boolean,
  generation_parameters json,
  is_archived boolean,
  view_count integer
);
CREATE INDEX ix_challenges_type_age ON logic_challenges (challenge_type, age_group);

CREATE TABLE logic_challenge_attempts (
  id serial PRIMARY KEY,
  user_id integer NOT NULL REFERENCES users (id),
  challenge_id integer NOT NULL REFERENCES logic_challenges (id),
  user_solution text NOT NULL,
  is_correct boolean NOT NULL,
  time_spent double precision,
  hints_used integer,
  attempt_number integer,
  notes text,
  created_at timestamptz DEFAULT now()
);
CREATE INDEX ix_logic_attempts_user_challenge ON logic_challenge_attempts (user_id, challenge_id);

CREATE TABLE recommendations (
  id serial PRIMARY KEY,
  user_id integer NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  exercise_id integer REFERENCES exercises (id) ON DELETE SET NULL,
  challenge_id integer REFERENCES logic_challenges (id) ON DELETE SET NULL,
  recommendation_type varchar(20) NOT NULL DEFAULT 'exercise',
  exercise_type varchar NOT NULL,
  difficulty varchar NOT NULL,
  priority integer,
  reason text,
  is_completed boolean,
  shown_count integer,
  clicked_count integer,
  last_clicked_at timestamptz,
  completed_at timestamptz,
  created_at timestamptz,
  updated_at timestamptz
);
CREATE INDEX ix_recommendations_user_completed ON recommendations (user_id, is_completed);

CREATE TABLE achievements (
  id serial PRIMARY KEY,
  code varchar(100) NOT NULL,
  name varchar(255) NOT NULL,
  description text,
  icon_url varchar(255),
  category varchar(50),
  difficulty varchar(50),
  points_reward integer,
  is_secret boolean,
  requirements json,
  star_wars_title varchar(255),
  is_active boolean,
  created_at timestamptz
);
CREATE UNIQUE INDEX ix_achievements_code ON achievements (code);
CREATE INDEX ix_achievements_is_active ON achievements (is_active);
CREATE INDEX idx_achievements_category ON achievements (category);

CREATE TABLE user_achievements (
  id serial PRIMARY KEY,
  user_id integer NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  achievement_id integer NOT NULL REFERENCES achievements (id) ON DELETE CASCADE,
  earned_at timestamptz,
  progress_data json,
  is_displayed boolean
);
CREATE INDEX ix_user_achievements_user_id ON user_achievements (user_id);
CREATE UNIQUE INDEX ix_user_achievements_user_achievement ON user_achievements (user_id, achievement_id);

CREATE TABLE user_sessions (
  id serial PRIMARY KEY,
  user_id integer NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  session_token varchar(255) NOT NULL UNIQUE,
  device_info json,
  ip_address inet,
  user_agent text,
  location_data json,
  is_active boolean DEFAULT true,
  last_activity timestamptz DEFAULT now(),
  created_at timestamptz DEFAULT now(),
  expires_at timestamptz NOT NULL
);
CREATE UNIQUE INDEX ix_user_sessions_session_token ON user_sessions (session_token);

CREATE TABLE notifications (
  id serial PRIMARY KEY,
  user_id integer NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  type varchar(50) NOT NULL,
  title varchar(255) NOT NULL,
  message text,
  data json,
  action_url varchar(255),
  is_read boolean DEFAULT false,
  is_email_sent boolean DEFAULT false,
  priority integer DEFAULT 5,
  expires_at timestamptz,
  created_at timestamptz DEFAULT now()
);

CREATE TABLE settings (
  id serial PRIMARY KEY,
  key varchar(255) NOT NULL UNIQUE,
  value varchar(1024),
  value_json json,
  description varchar(512),
  category varchar(64),
  is_system boolean DEFAULT false,
  is_public boolean DEFAULT true,
  created_at timestamptz DEFAULT now(),
  updated_at timestamptz DEFAULT now()
);
CREATE UNIQUE INDEX ix_settings_key ON settings (key);

CREATE TABLE admin_audit_logs (
  id serial PRIMARY KEY,
  admin_user_id integer REFERENCES users (id) ON DELETE SET NULL,
  action varchar(50) NOT NULL,
  resource_type varchar(30),
  resource_id integer,
  details text,
  created_at timestamptz DEFAULT now()
);

CREATE TABLE feedback_reports (
  id serial PRIMARY KEY,
  user_id integer REFERENCES users (id) ON DELETE SET NULL,
  feedback_type varchar(20) NOT NULL,
  page_url text,
  exercise_id integer,
  challenge_id integer,
  description text,
  status varchar(20) NOT NULL DEFAULT 'new',
  created_at timestamptz DEFAULT now()
);

CREATE TABLE edtech_events (
  id serial PRIMARY KEY,
  user_id integer REFERENCES users (id) ON DELETE SET NULL,
  event varchar(50) NOT NULL,
  payload jsonb,
  created_at timestamptz DEFAULT now()
);

CREATE TABLE results (
  id serial PRIMARY KEY,
  exercise_id integer NOT NULL,
  is_correct boolean NOT NULL,
  attempt_count integer,
  time_spent real,
  created_at timestamp without time zone DEFAULT CURRENT_TIMESTAMP
);
CREATE TABLE statistics (
  id serial PRIMARY KEY,
  user_id integer,
  session_id varchar(255) NOT NULL,
  exercise_type varchar(50) NOT NULL,
  difficulty varchar(50) NOT NULL,
  total_attempts integer NOT NULL DEFAULT 0,
  correct_attempts integer NOT NULL DEFAULT 0,
  avg_time double precision NOT NULL DEFAULT 0,
  last_updated timestamp without time zone DEFAULT CURRENT_TIMESTAMP
);
CREATE TABLE user_stats (
  id serial PRIMARY KEY,
  exercise_type varchar(50) NOT NULL,
  difficulty varchar(50) NOT NULL,
  total_attempts integer DEFAULT 0,
  correct_attempts integer DEFAULT 0,
  last_updated timestamptz DEFAULT CURRENT_TIMESTAMP
);
CREATE TABLE schema_version (version serial PRIMARY KEY);
CREATE TABLE alembic_version (version_num varchar(32) NOT NULL PRIMARY KEY);
INSERT INTO alembic_version (version_num) VALUES ('20260225_edtech');
