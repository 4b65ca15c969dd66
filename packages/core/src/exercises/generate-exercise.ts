import { mapPrismaError } from '../db/prisma-errors.ts';
import type { AuthedCtx } from '../kernel/deps.ts';
import { AppError } from '../kernel/errors.ts';
import type { ExerciseDeps } from './exercise-deps.ts';
import { ageGroupToDb, answerKindToDb } from './exercise.mapping.ts';
import { countGenerationsSince, insertExercise, lockUserRow } from './exercise.repo.ts';
import { difficultyForAgeGroup, EXERCISE_MESSAGES } from './exercise.rules.ts';
import {
  ZGenerateExerciseInput,
  type GeneratedExerciseDto,
  type GenerateExerciseRequest,
} from './exercise.schemas.ts';
import { createRandom, generateExercise } from './generator/index.ts';

const HOUR_MS = 3_600_000;

/**
 * POST /api/exercises/generate: the seeded generator (plain, or themed for the legacy `ai` flag; no AI
 * call), saved into the shared catalogue with the requester as creator, at most
 * `max_generations_per_user_per_hour` saved generations per user per rolling hour.
 */
export const makeGenerateExercise =
  (deps: ExerciseDeps) =>
  async (ctx: AuthedCtx, request: GenerateExerciseRequest): Promise<GeneratedExerciseDto> => {
    const prisma = deps.db.prisma;
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
      createRandom(deps.newSeed()),
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
    const limit = await deps.settings.maxGenerationsPerUserPerHour();
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
      ctx.log.info({ exerciseId: id, exerciseType: generated.exerciseType }, 'exercise generated');
      return { ...dto, id };
    } catch (err) {
      throw mapPrismaError(err);
    }
  };
