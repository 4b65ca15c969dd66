/**
 * AI exercise generation (route 32, api-rest-core §6.4.6 and §7.2), as a stream of events. Before the
 * stream (each failure is one `error` event): the prompt's safety check, the key, the per-user quota.
 * Then `status`, the model's JSON verified (answer recomputed, 4 distinct choices with the answer,
 * French plain texts) with one repair round, and `exercise` once saved — or one `error`: nothing
 * inconsistent is saved. Nothing of the prompt or of the model's text is logged.
 */
import {
  AI_EXERCISE_TAGS,
  difficultyForAgeGroup,
  EXERCISE_TYPE_LABELS,
  insertAiExercise,
  verifyGeneratedExercise,
  ZAiExerciseOutput,
  type AgeGroup,
  type AiExerciseOutput,
  type ExerciseType,
} from '../exercises/index.ts';
import type { AuthedCtx } from '../kernel/deps.ts';
import type { AiDeps } from './ai-deps.ts';
import { AI_STREAM_MESSAGES } from './ai.rules.ts';
import {
  ZGenerateAiExerciseInput,
  type AiExerciseDto,
  type ExerciseGenerationEvent,
  type GenerateAiExerciseInput,
} from './ai.schemas.ts';
import { generateVerified } from './generate-verified.ts';
import { generationFailureMessage, generationRefusal } from './generation-steps.ts';
import { buildExerciseMessages } from './prompts.ts';
import { guardStream } from './stream-guard.ts';

type Event = ExerciseGenerationEvent;

const error = (message: string): Event => ({ type: 'error', message });

/** The legacy default title when the model gave none. */
const withTitle =
  (exerciseType: ExerciseType, ageGroup: AgeGroup) =>
  (output: AiExerciseOutput): AiExerciseOutput =>
    output.title === ''
      ? { ...output, title: `Exercice ${EXERCISE_TYPE_LABELS[exerciseType]} ${ageGroup}` }
      : output;

const toDto = (
  id: number | null,
  exerciseType: ExerciseType,
  ageGroup: AgeGroup,
  output: AiExerciseOutput,
): AiExerciseDto => ({
  id,
  exerciseType,
  ageGroup,
  difficulty: difficultyForAgeGroup(ageGroup),
  title: output.title,
  question: output.question,
  choices: [...output.choices],
  hint: output.hint,
  aiGenerated: true,
  tags: AI_EXERCISE_TAGS,
});

/** Built once (a derived zod schema compiles on its first parse). */
const ZRequestWithoutPrompt = ZGenerateAiExerciseInput.omit({ prompt: true });

async function* run(
  deps: AiDeps,
  ctx: AuthedCtx,
  request: GenerateAiExerciseInput,
): AsyncGenerator<Event, void, undefined> {
  // The prompt's length is the safety check's to refuse, with the legacy message.
  const parsed = ZRequestWithoutPrompt.parse(request);
  const { exerciseType, ageGroup } = parsed;
  const prompt = request.prompt ?? '';
  const refusal = await generationRefusal(deps, ctx.actor.userId, prompt);
  if (refusal !== null) {
    yield error(refusal);
    return;
  }

  yield { type: 'status', message: AI_STREAM_MESSAGES.generating };
  const result = await generateVerified(deps.provider, {
    workload: { kind: 'exercise', exerciseType },
    messages: buildExerciseMessages({ exerciseType, ageGroup, request: prompt }),
    schema: ZAiExerciseOutput,
    complete: withTitle(exerciseType, ageGroup),
    verify: (output) => verifyGeneratedExercise(output, { exerciseType }),
    ...(ctx.signal ? { signal: ctx.signal } : {}),
  });
  if (!result.ok) {
    yield error(
      generationFailureMessage(
        deps,
        ctx,
        { workload: 'exercise', subject: { exerciseType } },
        result,
      ),
    );
    return;
  }

  const output = result.value;
  let id: number | null = null;
  try {
    id = await insertAiExercise(deps.db.prisma, {
      exerciseType,
      ageGroup,
      output,
      model: result.model,
      repaired: result.repaired,
      creatorId: ctx.actor.userId,
      createdAt: deps.clock.now(),
    });
  } catch (err) {
    // The legacy answered without `id` when the insert failed; the exercise was consistent.
    ctx.log.error({ err, exerciseType }, 'AI exercise could not be saved');
  }
  deps.onGeneration({
    workload: 'exercise',
    outcome: result.repaired ? 'repaired' : 'accepted',
    problems: result.firstProblems.map((p) => p.code),
  });
  ctx.log.info(
    { exerciseId: id, exerciseType, model: result.model, repaired: result.repaired },
    'AI exercise generated',
  );
  yield { type: 'exercise', exercise: toDto(id, exerciseType, ageGroup, output) };
}

/** `core.ai.generateExercise(ctx, input)`: the events of one generation (close it to abort). */
export const makeGenerateAiExercise =
  (deps: AiDeps) =>
  (ctx: AuthedCtx, input: GenerateAiExerciseInput): AsyncGenerator<Event, void, undefined> =>
    guardStream(ctx, 'AI exercise generation', run(deps, ctx, input), error);
