/**
 * Legacy content → ours (pure): `exercises` (§1.2 → §7.4.3), `logic_challenges` (§1.6 → §7.4.5) and the
 * badge catalogue `achievements` (§1.8 → §7.4.7). Ids are kept; enum spellings, JSON-in-text and the
 * stale/duplicated columns follow §7.2 and §7.6.
 */
import type {
  AgeGroup,
  AnswerKind,
  BadgeCategory,
  BadgeTier,
  DifficultyLevel,
  ExerciseType,
  LogicChallengeType,
} from '../db/generated/enums.ts';
import { parseDecimal, parseFraction } from '../lib/rational.ts';
import {
  bool,
  date,
  float,
  int,
  json,
  rowNotes,
  str,
  type RowNotes,
  type RowResult,
  type SourceRow,
} from './legacy-cells.rules.ts';
import {
  AGE_GROUP_FORMS,
  mapAgeGroup,
  mapBadgeCategory,
  mapBadgeTier,
  mapChallengeType,
  mapChoices,
  mapDifficulty,
  mapExerciseType,
  mapHints,
  mapJsonObject,
  type JsonObject,
} from './legacy-values.rules.ts';

export interface ExerciseRow {
  id: number;
  title: string;
  creatorId: number | null;
  exerciseType: ExerciseType;
  difficulty: DifficultyLevel;
  ageGroup: AgeGroup;
  tags: string | null;
  contextTheme: string | null;
  complexity: number | null;
  aiGenerated: boolean;
  question: string;
  correctAnswer: string;
  answerKind: AnswerKind;
  choices: string[] | null;
  explanation: string | null;
  hint: string | null;
  imageUrl: string | null;
  audioUrl: string | null;
  isActive: boolean;
  isArchived: boolean;
  viewCount: number;
  createdAt: Date;
  updatedAt: Date;
}

/**
 * How the legacy answer is compared from now on: a fraction, an integer, a decimal, else text (the
 * legacy compared trimmed strings). The stored answer itself is kept as written.
 */
export const answerKindOf = (answer: string): AnswerKind => {
  if (parseFraction(answer) !== null) return 'FRACTION';
  const decimal = parseDecimal(answer);
  if (decimal !== null) return decimal.q === 1 ? 'INTEGER' : 'DECIMAL';
  return 'TEXT';
};

export interface ContentMapContext {
  /** Ids of the users the import accepted. */
  users: ReadonlySet<number>;
  now: Date;
}

const creatorOf = (row: SourceRow, notes: RowNotes, users: ReadonlySet<number>) => {
  const creatorId = int(row, 'creator_id');
  if (creatorId !== null && !users.has(creatorId)) {
    notes.dropped('creator_id', creatorId, 'author not imported (content kept, author unset)');
    return null;
  }
  return creatorId;
};

const nonNegative = (row: SourceRow, column: string, notes: RowNotes): number => {
  const value = int(row, column);
  if (value !== null && value < 0) notes.normalised(column, value, 0, 'negative counter');
  return Math.max(0, value ?? 0);
};

export const mapExercise = (row: SourceRow, ctx: ContentMapContext): RowResult<ExerciseRow> => {
  const id = int(row, 'id');
  const notes = rowNotes('exercises', id);
  const done = (r: ExerciseRow | null) => ({ row: r, findings: notes.findings });
  const title = str(row, 'title');
  const question = str(row, 'question');
  const answer = str(row, 'correct_answer');
  if (id === null) return done(notes.reject('no id'));
  if (title === null || question === null || answer === null) {
    return done(notes.reject('title, question or correct answer missing'));
  }
  const typeRaw = str(row, 'exercise_type');
  const type = mapExerciseType(typeRaw);
  const exerciseType = type.value ?? 'DIVERS';
  if (!type.canonical) {
    notes.normalised(
      'exercise_type',
      typeRaw,
      exerciseType,
      'not an exercise type (unknown → DIVERS)',
    );
  }
  const diffRaw = str(row, 'difficulty');
  const diff = mapDifficulty(diffRaw);
  const difficulty = diff.value ?? 'PADAWAN';
  if (!diff.canonical) {
    notes.normalised('difficulty', diffRaw, difficulty, 'not a difficulty (unknown → PADAWAN)');
  }
  const ageRaw = str(row, 'age_group');
  const age = mapAgeGroup(ageRaw, AGE_GROUP_FORMS.api);
  const ageGroup = age.value ?? 'GROUP_9_11';
  if (!age.canonical) {
    notes.normalised('age_group', ageRaw, ageGroup, 'not an age group string (unknown → 9-11)');
  }
  let complexity = int(row, 'complexity');
  if (complexity !== null && (complexity < 1 || complexity > 5)) {
    notes.dropped('complexity', complexity, 'complexity outside 1–5');
    complexity = null;
  }
  const choices = notes.mapped(
    'choices',
    row.choices ?? null,
    mapChoices(json(row, 'choices')),
    'choices must be a list of strings (§4.3)',
  );
  const createdAt = date(row, 'created_at');
  if (createdAt === null) notes.normalised('created_at', null, ctx.now, 'no creation date');
  return done({
    id,
    title,
    creatorId: creatorOf(row, notes, ctx.users),
    exerciseType,
    difficulty,
    ageGroup,
    tags: str(row, 'tags'),
    contextTheme: str(row, 'context_theme'),
    complexity,
    aiGenerated: bool(row, 'ai_generated') ?? false,
    question,
    correctAnswer: answer,
    answerKind: answerKindOf(answer),
    choices,
    explanation: str(row, 'explanation'),
    hint: str(row, 'hint'),
    imageUrl: str(row, 'image_url'),
    audioUrl: str(row, 'audio_url'),
    isActive: bool(row, 'is_active') ?? true,
    isArchived: bool(row, 'is_archived') ?? false,
    viewCount: nonNegative(row, 'view_count', notes),
    createdAt: createdAt ?? ctx.now,
    updatedAt: date(row, 'updated_at') ?? createdAt ?? ctx.now,
  });
};

export interface ChallengeRow {
  id: number;
  title: string;
  description: string;
  challengeType: LogicChallengeType;
  ageGroup: AgeGroup;
  difficulty: DifficultyLevel | null;
  question: string | null;
  correctAnswer: string | null;
  choices: string[] | null;
  solutionExplanation: string | null;
  visualData: JsonObject | null;
  hints: string[] | null;
  difficultyRating: number | null;
  estimatedTimeMinutes: number | null;
  imageUrl: string | null;
  sourceReference: string | null;
  tags: string | null;
  isTemplate: boolean;
  generationParameters: JsonObject | null;
  isActive: boolean;
  isArchived: boolean;
  viewCount: number;
  creatorId: number | null;
  createdAt: Date;
  updatedAt: Date;
}

export const mapChallenge = (row: SourceRow, ctx: ContentMapContext): RowResult<ChallengeRow> => {
  const id = int(row, 'id');
  const notes = rowNotes('logic_challenges', id);
  const done = (r: ChallengeRow | null) => ({ row: r, findings: notes.findings });
  const title = str(row, 'title');
  const description = str(row, 'description');
  const typeRaw = str(row, 'challenge_type');
  if (id === null) return done(notes.reject('no id'));
  if (title === null || description === null || typeRaw === null) {
    return done(notes.reject('title, description or type missing'));
  }
  const type = mapChallengeType(typeRaw);
  const challengeType = type.value ?? 'CUSTOM';
  if (!type.canonical) {
    notes.normalised(
      'challenge_type',
      typeRaw,
      challengeType,
      'legacy type label (SPATIAL → VISUAL)',
    );
  }
  const ageRaw = str(row, 'age_group');
  const age = mapAgeGroup(ageRaw, AGE_GROUP_FORMS.label);
  const ageGroup = age.value ?? 'ALL_AGES';
  if (!age.canonical) {
    notes.normalised('age_group', ageRaw, ageGroup, 'not an agegroup label (unknown → ALL_AGES)');
  }
  const difficulty = notes.mapped(
    'difficulty',
    str(row, 'difficulty'),
    mapDifficulty(str(row, 'difficulty')),
    'not a difficulty level',
  );
  let rating = float(row, 'difficulty_rating');
  if (rating !== null && (rating < 1 || rating > 5)) {
    const clamped = Math.min(5, Math.max(1, rating));
    notes.normalised('difficulty_rating', rating, clamped, 'rating outside 1.0–5.0');
    rating = clamped;
  }
  let minutes = int(row, 'estimated_time_minutes');
  if (minutes !== null && minutes <= 0) {
    notes.dropped('estimated_time_minutes', minutes, 'not a positive duration');
    minutes = null;
  }
  // C14: `solution` and `content` duplicate `solution_explanation` and `description`/`question`.
  let explanation = str(row, 'solution_explanation');
  const solution = str(row, 'solution');
  if (explanation === null && solution !== null) explanation = solution;
  else if (solution !== null && solution !== explanation) {
    notes.dropped(
      'solution',
      solution,
      'duplicate column removed (C14), differs from the explanation',
    );
  }
  const content = str(row, 'content');
  const question = str(row, 'question');
  if (content !== null && content !== description && content !== question) {
    notes.dropped('content', content, 'duplicate column removed (C14)');
  }
  const successRate = float(row, 'success_rate');
  if (successRate !== null && successRate !== 0) {
    notes.dropped('success_rate', successRate, 'stale column, derived from attempts now (C13)');
  }
  const createdAt = date(row, 'created_at');
  if (createdAt === null) notes.normalised('created_at', null, ctx.now, 'no creation date');
  return done({
    id,
    title: title.slice(0, 255),
    description,
    challengeType,
    ageGroup,
    difficulty,
    question,
    correctAnswer: str(row, 'correct_answer'),
    choices: notes.mapped(
      'choices',
      row.choices ?? null,
      mapChoices(json(row, 'choices')),
      'choices must be a list of strings',
    ),
    solutionExplanation: explanation,
    visualData: notes.mapped(
      'visual_data',
      row.visual_data ?? null,
      mapJsonObject(json(row, 'visual_data')),
      'visual_data must be an object',
    ),
    hints: notes.mapped(
      'hints',
      row.hints ?? null,
      mapHints(json(row, 'hints')),
      'hints must be a list of strings (§4.5)',
    ),
    difficultyRating: rating ?? 3,
    estimatedTimeMinutes: minutes ?? 15,
    imageUrl: str(row, 'image_url'),
    sourceReference: str(row, 'source_reference'),
    tags: str(row, 'tags'),
    isTemplate: bool(row, 'is_template') ?? false,
    generationParameters: notes.mapped(
      'generation_parameters',
      row.generation_parameters ?? null,
      mapJsonObject(json(row, 'generation_parameters')),
      'must be an object',
    ),
    isActive: bool(row, 'is_active') ?? true,
    isArchived: bool(row, 'is_archived') ?? false,
    viewCount: nonNegative(row, 'view_count', notes),
    creatorId: creatorOf(row, notes, ctx.users),
    createdAt: createdAt ?? ctx.now,
    updatedAt: date(row, 'updated_at') ?? createdAt ?? ctx.now,
  });
};

export interface AchievementRow {
  id: number;
  code: string;
  name: string;
  description: string | null;
  iconUrl: string | null;
  category: BadgeCategory | null;
  tier: BadgeTier | null;
  pointsReward: number;
  isSecret: boolean;
  requirements: JsonObject;
  starWarsTitle: string | null;
  isActive: boolean;
  createdAt: Date;
}

/**
 * A legacy badge. Badges whose code is in our catalogue are matched by code (the catalogue owns their
 * text; only `is_active`, the admin's choice, is carried over); other codes are inserted as they are.
 */
export const mapAchievement = (row: SourceRow, ctx: { now: Date }): RowResult<AchievementRow> => {
  const id = int(row, 'id');
  const notes = rowNotes('achievements', id);
  const done = (r: AchievementRow | null) => ({ row: r, findings: notes.findings });
  const code = str(row, 'code');
  const name = str(row, 'name');
  if (id === null) return done(notes.reject('no id'));
  if (code === null || code.trim() === '' || name === null)
    return done(notes.reject('no code or name'));
  const requirements = notes.mapped(
    'requirements',
    row.requirements ?? null,
    mapJsonObject(json(row, 'requirements')),
    'requirements must be an object (NULL and {} both mean "never awarded")',
  );
  return done({
    id,
    code: code.slice(0, 100),
    name: name.slice(0, 255),
    description: str(row, 'description'),
    iconUrl: str(row, 'icon_url')?.slice(0, 255) ?? null,
    category: notes.mapped(
      'category',
      str(row, 'category'),
      mapBadgeCategory(str(row, 'category')),
      'unknown badge category',
    ),
    tier: notes.mapped(
      'difficulty',
      str(row, 'difficulty'),
      mapBadgeTier(str(row, 'difficulty')),
      'unknown badge tier',
    ),
    pointsReward: nonNegative(row, 'points_reward', notes),
    isSecret: bool(row, 'is_secret') ?? false,
    requirements: requirements ?? {},
    starWarsTitle: str(row, 'star_wars_title')?.slice(0, 255) ?? null,
    isActive: bool(row, 'is_active') ?? true,
    createdAt: date(row, 'created_at') ?? ctx.now,
  });
};
