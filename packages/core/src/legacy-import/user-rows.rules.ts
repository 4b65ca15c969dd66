/**
 * Legacy `users` → our `users` (data-model §1.1 → §7.4.1), pure. The bcrypt hash is kept byte for byte
 * (learners log in with the same password); tokens and sessions are not carried over; the level, XP and
 * rank columns are derived from `total_points` (C3) and reported when the stored ones disagree; the day
 * streak is rebuilt from the attempts afterwards (rebuild-caches.ts).
 */
import type { AgeGroup, GradeSystem, UserRole } from '../db/generated/enums.ts';
import { levelFromPoints } from '../gamification/index.ts';
import {
  bool,
  date,
  int,
  json,
  rowNotes,
  str,
  type RowResult,
  type SourceRow,
} from './legacy-cells.rules.ts';
import {
  AGE_GROUP_FORMS,
  mapAgeGroup,
  mapGradeSystem,
  mapPreferences,
  mapUserRole,
  type JsonObject,
} from './legacy-values.rules.ts';

export interface UserRow {
  id: number;
  username: string;
  email: string;
  hashedPassword: string;
  fullName: string | null;
  role: UserRole;
  isActive: boolean;
  isEmailVerified: boolean;
  emailVerificationSentAt: Date | null;
  gradeSystem: GradeSystem | null;
  gradeLevel: number | null;
  preferredAgeGroup: AgeGroup | null;
  learningStyle: string | null;
  learningGoal: string | null;
  practiceRhythm: string | null;
  onboardingCompletedAt: Date | null;
  preferredTheme: string | null;
  preferences: JsonObject;
  avatarUrl: string | null;
  totalPoints: number;
  bestStreak: number;
  createdAt: Date;
  updatedAt: Date;
}

/** Hash formats our bcrypt verifier accepts (`$2a$`, `$2b$`, `$2y$`). */
const BCRYPT = /^\$2[aby]\$\d{2}\$[./A-Za-z0-9]{53}$/;

const cut = (value: string | null, max: number): string | null =>
  value === null ? null : value.slice(0, max);

export interface EmailOwner {
  id: number;
  email: string;
  isEmailVerified: boolean;
}

/**
 * E-mails are unique case-insensitively here (stored lower-cased), the legacy allowed `Bob@x` and
 * `bob@x` as two accounts. Per lower-cased address, the verified account wins, then the lowest id; the
 * others keep their account (they log in with their username) under the rewritten address
 * `<local>+legacy-<id>@<domain>`, unverified, and are reported. Returns id → rewritten address.
 */
export const resolveDuplicateEmails = (owners: readonly EmailOwner[]): Map<number, string> => {
  const groups = new Map<string, EmailOwner[]>();
  for (const owner of owners) {
    const key = owner.email.trim().toLowerCase();
    groups.set(key, [...(groups.get(key) ?? []), owner]);
  }
  const rewrites = new Map<number, string>();
  for (const [address, group] of groups) {
    if (group.length < 2) continue;
    const sorted = [...group].sort(
      (a, b) => Number(b.isEmailVerified) - Number(a.isEmailVerified) || a.id - b.id,
    );
    for (const loser of sorted.slice(1))
      rewrites.set(loser.id, duplicateAddress(address, loser.id));
  }
  return rewrites;
};

/** `<local>+legacy-<id>@<domain>`, or `legacy-<id>@<domain>` when that would exceed 100 characters. */
export const duplicateAddress = (address: string, id: number): string => {
  const at = address.lastIndexOf('@');
  const local = at < 0 ? address : address.slice(0, at);
  const domain = at < 0 ? 'invalid.invalid' : address.slice(at + 1);
  const long = `${local}+legacy-${id}@${domain}`;
  return long.length <= 100 ? long : `legacy-${id}@${domain}`.slice(0, 100);
};

export interface UserMapContext {
  /** Accounts whose e-mail collides case-insensitively with a kept one: id → rewritten address. */
  emailRewrites: ReadonlyMap<number, string>;
  /** Fallback for a NULL `created_at` (the import's start). */
  now: Date;
}

export const mapUser = (row: SourceRow, ctx: UserMapContext): RowResult<UserRow> => {
  const id = int(row, 'id');
  const notes = rowNotes('users', id);
  const done = (r: UserRow | null): RowResult<UserRow> => ({ row: r, findings: notes.findings });
  const username = str(row, 'username');
  const rawEmail = str(row, 'email');
  const hash = str(row, 'hashed_password');
  if (id === null) return done(notes.reject('no id'));
  if (username === null || username.trim() === '') return done(notes.reject('no username'));
  if (rawEmail === null || rawEmail.trim() === '') return done(notes.reject('no e-mail'));
  if (hash === null) return done(notes.reject('no password hash'));
  if (!BCRYPT.test(hash)) {
    notes.warning('hashed_password', null, 'not a bcrypt hash: this account cannot log in');
  }

  let isEmailVerified = bool(row, 'is_email_verified') ?? false;
  let email = rawEmail.trim().toLowerCase();
  const rewritten = ctx.emailRewrites.get(id);
  if (rewritten !== undefined) {
    notes.normalised(
      'email',
      rawEmail,
      rewritten,
      'same e-mail as another account (case-insensitive): address rewritten, log in by username',
    );
    email = rewritten;
    isEmailVerified = false;
  } else if (email !== rawEmail) {
    notes.normalised('email', rawEmail, email, 'e-mails are stored lower-cased');
  }

  const role = notes.mapped(
    'role',
    row.role ?? null,
    mapUserRole(str(row, 'role')),
    'role label outside PADAWAN/MAITRE/GARDIEN/ARCHIVISTE (unknown roles become PADAWAN)',
  );
  const gradeSystem = notes.mapped(
    'grade_system',
    str(row, 'grade_system'),
    mapGradeSystem(str(row, 'grade_system')),
    'unknown grade system',
  );
  let gradeLevel = int(row, 'grade_level');
  if (gradeLevel !== null && (gradeLevel < 1 || gradeLevel > 12)) {
    notes.dropped('grade_level', gradeLevel, 'grade level outside 1–12');
    gradeLevel = null;
  }
  const preferredRaw = str(row, 'preferred_difficulty');
  const preferredAgeGroup = notes.mapped(
    'preferred_difficulty',
    preferredRaw,
    mapAgeGroup(preferredRaw, AGE_GROUP_FORMS.api),
    'preferred_difficulty holds an age group (C7); this value is not one',
  );
  const preferences = notes.mapped(
    'accessibility_settings',
    row.accessibility_settings ?? null,
    mapPreferences(json(row, 'accessibility_settings')),
    'not a JSON object (C6): preferences reset to {}',
  );

  let totalPoints = int(row, 'total_points') ?? 0;
  if (totalPoints < 0) {
    notes.normalised('total_points', totalPoints, 0, 'negative points');
    totalPoints = 0;
  }
  const derived = levelFromPoints(totalPoints);
  const level = int(row, 'current_level');
  if (level !== null && level !== derived.currentLevel) {
    notes.dropped('current_level', level, `derived from total_points (${derived.currentLevel})`);
  }
  const xp = int(row, 'experience_points');
  if (xp !== null && xp !== derived.experiencePoints) {
    notes.dropped(
      'experience_points',
      xp,
      `derived from total_points (${derived.experiencePoints})`,
    );
  }
  const rank = str(row, 'jedi_rank');
  if (rank !== null && rank !== derived.jediRank) {
    notes.dropped('jedi_rank', rank, `derived from the level (${derived.jediRank})`);
  }

  const createdAt = date(row, 'created_at') ?? date(row, 'updated_at');
  if (createdAt === null) notes.normalised('created_at', null, ctx.now, 'no creation date');
  const isActive = bool(row, 'is_active');
  return done({
    id,
    username: username.slice(0, 50),
    email,
    hashedPassword: hash,
    fullName: cut(str(row, 'full_name'), 100),
    role,
    isActive: isActive ?? true,
    isEmailVerified,
    emailVerificationSentAt: date(row, 'email_verification_sent_at'),
    gradeSystem,
    gradeLevel,
    preferredAgeGroup,
    learningStyle: cut(str(row, 'learning_style'), 50),
    learningGoal: cut(str(row, 'learning_goal'), 100),
    practiceRhythm: cut(str(row, 'practice_rhythm'), 50),
    onboardingCompletedAt: date(row, 'onboarding_completed_at'),
    preferredTheme: cut(str(row, 'preferred_theme'), 50),
    preferences,
    avatarUrl: cut(str(row, 'avatar_url'), 255),
    totalPoints,
    bestStreak: Math.max(0, int(row, 'best_streak') ?? 0, int(row, 'current_streak') ?? 0),
    createdAt: createdAt ?? ctx.now,
    updatedAt: date(row, 'updated_at') ?? createdAt ?? ctx.now,
  });
};
