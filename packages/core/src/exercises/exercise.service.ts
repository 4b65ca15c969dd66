/**
 * The exercises use cases: catalogue reads, global statistics, generation into the shared catalogue
 * (limited per user), and THE submit-answer use case (spec/domain-rules.md §4, api-rest-core.md §8.1),
 * one transaction in the spec's order.
 */
import { mapPrismaError } from '../db/prisma-errors.ts';
import type { AuthedCtx, CoreDeps, Ctx } from '../kernel/deps.ts';
import { AppError } from '../kernel/errors.ts';
import {
  bumpUserExerciseCounters,
  recordDayActivity,
  upsertExerciseProgress,
  type PostAttemptStep,
} from '../progress/index.ts';
import type { SettingsService } from '../settings/index.ts';
import { buildCatalogueStats, type CatalogueStatsDto } from './catalogue-stats.rules.ts';
import {
  ageGroupFromDb,
  ageGroupToDb,
  answerKindFromDb,
  answerKindToDb,
  choicesFromJson,
  tagsFromText,
} from './exercise.mapping.ts';
import {
  countArchivedExercises,
  countAttemptsByCorrectness,
  countGenerationsSince,
  countListedExercises,
  countOpenChallenges,
  findAttemptByKey,
  findCompletedExerciseIds,
  findExerciseDetail,
  findExerciseForAttempt,
  findExerciseIdWindow,
  findExercisesByIds,
  findMostAttemptedExercises,
  findRecentExerciseIds,
  groupActiveExercises,
  hasCorrectAttempt,
  insertAttempt,
  insertExercise,
  lockUserRow,
  setAttemptSnapshot,
  type AttemptByKeyRow,
  type ExerciseListRow,
} from './exercise.repo.ts';
import { difficultyForAgeGroup } from './exercise.rules.ts';
import {
  snapshotOf,
  ZGenerateExerciseInput,
  ZSubmitAnswerInput,
  ZSubmitAnswerSnapshot,
  type CompletedIdsDto,
  type ExerciseDetailDto,
  type ExerciseListDto,
  type ExerciseListItemDto,
  type GeneratedExerciseDto,
  type GenerateExerciseRequest,
  type ListExercisesQuery,
  type SubmitAnswerInput,
  type SubmitAnswerResultDto,
} from './exercise.schemas.ts';
import { checkAnswer, createRandom, createSeed, generateExercise } from './generator/index.ts';

export const EXERCISE_MESSAGES = {
  notFound: 'Exercice non trouvé',
  generationParamsRequired: "Les paramètres 'exercise_type' et 'age_group' sont requis",
  noCorrectAnswer: "L'exercice n'a pas de réponse correcte définie.",
  idempotencyKeyReused: "Cette clé d'idempotence a déjà servi pour un autre exercice.",
  generationLimit: (limit: number, minutes: number) =>
    `Limite de ${limit} exercices générés par heure atteinte. Réessaie dans ${minutes} minute${minutes > 1 ? 's' : ''}.`,
} as const;

const HOUR_MS = 3_600_000;

/** How long the public catalogue statistics are served from memory (the landing page polls them). */
export const CATALOGUE_STATS_TTL_MS = 30_000;
const LEGENDARY_COUNT = 5;

export interface ExerciseServiceOptions {
  /** Badges, points and the progress notification (the gamification feature); no-op until wired. */
  postAttemptStep: PostAttemptStep;
  /** The cached settings: `max_generations_per_user_per_hour` caps saved generations. */
  settings: Pick<SettingsService, 'maxGenerationsPerUserPerHour'>;
  /** Seed of each generated exercise (tests pass fixed seeds). */
  newSeed?: () => number;
  /** Index of the quote of the day, in [0, n) (tests pin it). */
  pickQuote?: (n: number) => number;
}

/** Carries a stored response out of the transaction, which must roll back (see submit). */
class IdempotentReplay extends Error {
  constructor(readonly row: AttemptByKeyRow) {
    super('idempotent replay');
  }
}

const toListItem = (row: ExerciseListRow): ExerciseListItemDto => ({
  id: row.id,
  title: row.title,
  exerciseType: row.exerciseType,
  difficulty: row.difficulty,
  ageGroup: ageGroupFromDb(row.ageGroup),
  question: row.question,
  choices: choicesFromJson(row.choices),
  hint: row.hint,
  tags: tagsFromText(row.tags),
  aiGenerated: row.aiGenerated,
  isActive: row.isActive,
  viewCount: row.viewCount,
  createdAt: row.createdAt,
});

export const makeExerciseService = (deps: CoreDeps, options: ExerciseServiceOptions) => {
  const prisma = deps.db.prisma;
  const newSeed = options.newSeed ?? createSeed;
  const pickQuote = options.pickQuote ?? ((n: number) => Math.floor(Math.random() * n));
  let statsCache: { value: CatalogueStatsDto; until: number } | null = null;

  const replayOf = (row: AttemptByKeyRow, exerciseId: number): SubmitAnswerResultDto => {
    if (row.exerciseId !== exerciseId) {
      throw new AppError('CONFLICT', EXERCISE_MESSAGES.idempotencyKeyReused, {
        legacy: { status: 409 },
      });
    }
    const parsed = ZSubmitAnswerSnapshot.safeParse(row.responseSnapshot);
    if (!parsed.success) {
      throw new AppError('INTERNAL', 'Stored idempotent response is unreadable.', {
        cause: parsed.error,
      });
    }
    return { ...parsed.data, replayed: true };
  };

  /**
   * `random` order: a fresh shuffle per call, as the legacy, without sorting the table by `random()`: the
   * page is the window of `limit` matching ids (primary-key order, wrapping around) that starts `skip`
   * after a random offset, shuffled.
   */
  const randomPageIds = async (
    query: ListExercisesQuery,
    userId: number | null,
    total: number,
  ): Promise<number[]> => {
    const size = Math.min(query.limit, total - query.skip);
    if (size <= 0) return [];
    const random = createRandom(newSeed());
    const start = (random.int(0, total - 1) + query.skip) % total;
    const head = await findExerciseIdWindow(prisma, query, userId, start, size);
    const tail =
      head.length < size
        ? await findExerciseIdWindow(prisma, query, userId, 0, size - head.length)
        : [];
    return random.shuffle([...head, ...tail]);
  };

  return {
    /** GET /api/exercises: not archived, filtered, paginated; answers and explanations never listed. */
    list: async (ctx: Ctx, query: ListExercisesQuery): Promise<ExerciseListDto> => {
      const userId = ctx.actor?.userId ?? null;
      const total = await countListedExercises(prisma, query, userId);
      const ids =
        query.order === 'recent'
          ? await findRecentExerciseIds(prisma, query, userId)
          : await randomPageIds(query, userId, total);
      const rows = ids.length === 0 ? [] : await findExercisesByIds(prisma, ids);
      const byId = new Map(rows.map((r) => [r.id, r]));
      const items = ids.flatMap((id) => {
        const row = byId.get(id);
        return row ? [toListItem(row)] : [];
      });
      return {
        items,
        total,
        skip: query.skip,
        limit: query.limit,
        hasMore: query.skip + items.length < total,
      };
    },

    /** GET /api/exercises/{id}: archived and inactive exercises included (legacy); no answer, no explanation. */
    get: async (_ctx: Ctx, exerciseId: number): Promise<ExerciseDetailDto> => {
      const row = await findExerciseDetail(prisma, exerciseId);
      if (!row) throw new AppError('NOT_FOUND', EXERCISE_MESSAGES.notFound);
      return {
        id: row.id,
        title: row.title,
        exerciseType: row.exerciseType,
        difficulty: row.difficulty,
        ageGroup: ageGroupFromDb(row.ageGroup),
        question: row.question,
        choices: choicesFromJson(row.choices),
        hint: row.hint,
        tags: tagsFromText(row.tags),
        aiGenerated: row.aiGenerated,
      };
    },

    /** GET /api/exercises/completed-ids: anonymous callers get `[]`. */
    completedIds: async (ctx: Ctx): Promise<CompletedIdsDto> => {
      if (!ctx.actor) return { completedIds: [] };
      return { completedIds: await findCompletedExerciseIds(prisma, ctx.actor.userId) };
    },

    /** GET /api/exercises/stats (§7.5), served from a short in-memory cache. */
    catalogueStats: async (_ctx: Ctx): Promise<CatalogueStatsDto> => {
      const now = deps.clock.now().getTime();
      if (statsCache && statsCache.until > now) return statsCache.value;
      const [groups, archivedExercises, totalChallenges, attempts, legendary] = await Promise.all([
        groupActiveExercises(prisma),
        countArchivedExercises(prisma),
        countOpenChallenges(prisma),
        countAttemptsByCorrectness(prisma),
        findMostAttemptedExercises(prisma, LEGENDARY_COUNT),
      ]);
      const value = buildCatalogueStats(
        {
          activeRows: groups.map((g) => ({
            exerciseType: g.exerciseType,
            difficulty: g.difficulty,
            ageGroup: ageGroupFromDb(g.ageGroup),
            aiGenerated: g.aiGenerated,
            count: g._count._all,
          })),
          archivedExercises,
          totalChallenges,
          exerciseAttempts: attempts.exercise[0],
          correctExerciseAttempts: attempts.exercise[1],
          challengeAttempts: attempts.challenge[0],
          correctChallengeAttempts: attempts.challenge[1],
          legendary: legendary.map((e) => ({
            id: e.id,
            title: e.title,
            exerciseType: e.exercise_type,
            difficulty: e.difficulty,
            attempts: e.attempts,
          })),
        },
        pickQuote,
      );
      statsCache = { value, until: now + CATALOGUE_STATS_TTL_MS };
      return value;
    },

    /**
     * POST /api/exercises/generate: the seeded generator (plain, or themed for the legacy `ai` flag; no AI
     * call), saved into the shared catalogue with the requester as creator, at most
     * `max_generations_per_user_per_hour` saved generations per user per rolling hour.
     */
    generate: async (
      ctx: AuthedCtx,
      request: GenerateExerciseRequest,
    ): Promise<GeneratedExerciseDto> => {
      const parsed = ZGenerateExerciseInput.safeParse(request);
      if (!parsed.success) {
        throw new AppError('INVALID_INPUT', EXERCISE_MESSAGES.generationParamsRequired, {
          cause: parsed.error,
        });
      }
      const input = parsed.data;
      const difficulty = difficultyForAgeGroup(input.ageGroup);
      const generated = generateExercise(
        { type: input.exerciseType, difficulty, ageGroup: input.ageGroup, themed: input.themed },
        createRandom(newSeed()),
      );
      const params = generated.generationParams;
      const operands: [number, number] | null =
        params.kind === 'addition' ||
        params.kind === 'subtraction' ||
        params.kind === 'multiplication' ||
        params.kind === 'division'
          ? [params.operands[0], params.operands[1]]
          : null;
      const dto: GeneratedExerciseDto = {
        id: null,
        title: generated.title,
        question: generated.question,
        choices: generated.choices,
        hint: generated.hint,
        exerciseType: generated.exerciseType,
        difficulty: generated.difficulty,
        ageGroup: generated.ageGroup,
        aiGenerated: input.themed,
        tags: generated.tags,
        operands,
      };
      if (!input.save) return dto;

      const userId = ctx.actor.userId;
      const limit = await options.settings.maxGenerationsPerUserPerHour();
      const now = deps.clock.now();
      try {
        const id = await prisma.$transaction(async (tx) => {
          if (!(await lockUserRow(tx, userId)))
            throw new AppError('UNAUTHENTICATED', 'Authentification requise');
          const recent = await countGenerationsSince(tx, userId, new Date(now.getTime() - HOUR_MS));
          if (recent.count >= limit) {
            const freeAt = (recent.oldest?.getTime() ?? now.getTime()) + HOUR_MS;
            const retryAfter = Math.max(1, Math.ceil((freeAt - now.getTime()) / 1000));
            throw new AppError(
              'RATE_LIMITED',
              EXERCISE_MESSAGES.generationLimit(limit, Math.ceil(retryAfter / 60)),
              {
                details: { limit, retryAfterSeconds: retryAfter },
                retryAfterSeconds: retryAfter,
              },
            );
          }
          return insertExercise(tx, {
            title: generated.title,
            exerciseType: generated.exerciseType,
            difficulty: generated.difficulty,
            ageGroup: ageGroupToDb(generated.ageGroup),
            question: generated.question,
            correctAnswer: generated.correctAnswer,
            answerKind: answerKindToDb(generated.answerKind),
            choices: generated.choices,
            explanation: generated.explanation,
            hint: generated.hint,
            tags: generated.tags.join(','),
            aiGenerated: input.themed,
            generationParams: params,
            creatorId: userId,
            createdAt: now,
          });
        });
        ctx.log.info(
          { exerciseId: id, exerciseType: generated.exerciseType },
          'exercise generated',
        );
        return { ...dto, id };
      } catch (err) {
        throw mapPrismaError(err);
      }
    },

    /**
     * POST /api/exercises/{id}/attempt, one transaction in the spec's order (§4.1–4.4, §8.1): validate, check
     * the answer, write the attempt and update the progress cache and user counters, run the post-attempt
     * step (badges, points, notification), then the day streak. With an idempotency key, a retry returns the
     * first response instead of counting twice (the user row lock serialises a user's submissions; the
     * unique (user_id, idempotency_key) index is the backstop).
     */
    submitAnswer: async (
      ctx: AuthedCtx,
      rawInput: SubmitAnswerInput,
    ): Promise<SubmitAnswerResultDto> => {
      const parsed = ZSubmitAnswerInput.safeParse(rawInput);
      if (!parsed.success) {
        throw new AppError(
          'INVALID_INPUT',
          parsed.error.issues[0]?.message ?? 'Données invalides',
          {
            cause: parsed.error,
            details: { field: parsed.error.issues[0]?.path.join('.') ?? null },
          },
        );
      }
      const input = parsed.data;
      const userId = ctx.actor.userId;
      const key = input.idempotencyKey ?? null;

      if (key !== null) {
        const earlier = await findAttemptByKey(prisma, userId, key);
        if (earlier) return replayOf(earlier, input.exerciseId);
      }

      const exercise = await findExerciseForAttempt(prisma, input.exerciseId);
      if (!exercise) throw new AppError('NOT_FOUND', EXERCISE_MESSAGES.notFound);
      if (exercise.correctAnswer.trim() === '') {
        throw new AppError('INTERNAL', EXERCISE_MESSAGES.noCorrectAnswer);
      }
      const isCorrect = checkAnswer(
        answerKindFromDb(exercise.answerKind),
        exercise.correctAnswer,
        input.answer,
        exercise.generationParams ?? undefined,
      );
      const now = deps.clock.now();

      try {
        const result = await prisma.$transaction(async (tx) => {
          // Counters first: takes the user row lock, so a user's concurrent submissions run one after the other.
          const streak = await bumpUserExerciseCounters(tx, userId, isCorrect, now);
          if (streak === null) throw new AppError('UNAUTHENTICATED', 'Authentification requise');
          if (key !== null) {
            const earlier = await findAttemptByKey(tx, userId, key);
            if (earlier) throw new IdempotentReplay(earlier);
          }
          const newlySolved = isCorrect && !(await hasCorrectAttempt(tx, userId, exercise.id));
          const attemptId = await insertAttempt(tx, {
            userId,
            exerciseId: exercise.id,
            userAnswer: input.answer,
            isCorrect,
            timeSpent: input.timeSpent,
            idempotencyKey: key,
            createdAt: now,
          });
          await upsertExerciseProgress(tx, {
            userId,
            exerciseType: exercise.exerciseType,
            isCorrect,
            timeSpent: input.timeSpent,
            newlySolved,
            now,
          });
          const outcome = await options.postAttemptStep(
            tx,
            {
              kind: 'exercise',
              userId,
              attemptId,
              exerciseType: exercise.exerciseType,
              challengeType: null,
              isCorrect,
              timeSpentSeconds: input.timeSpent,
              createdAt: now,
            },
            { clock: deps.clock },
          );
          await recordDayActivity(tx, userId, now, streak);
          const response = {
            attemptId,
            isCorrect,
            correctAnswer: exercise.correctAnswer,
            explanation: exercise.explanation ?? '',
            newBadges: outcome.newBadges,
            progressNotification:
              outcome.newBadges.length > 0 ? null : outcome.progressNotification,
          };
          if (key !== null) await setAttemptSnapshot(tx, attemptId, snapshotOf(response));
          return response;
        });
        ctx.log.info(
          { attemptId: result.attemptId, exerciseId: exercise.id, isCorrect },
          'exercise attempt recorded',
        );
        return { ...result, replayed: false };
      } catch (err) {
        if (err instanceof IdempotentReplay) return replayOf(err.row, input.exerciseId);
        const mapped = mapPrismaError(err);
        if (key !== null && mapped.code === 'CONFLICT') {
          // Lost a race on the unique (user_id, idempotency_key) index: the winner's response is the answer.
          const earlier = await findAttemptByKey(prisma, userId, key);
          if (earlier) return replayOf(earlier, input.exerciseId);
        }
        throw mapped;
      }
    },
  };
};

export type ExerciseService = ReturnType<typeof makeExerciseService>;
