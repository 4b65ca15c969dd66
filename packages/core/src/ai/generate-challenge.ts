/**
 * AI logic-challenge generation (api-rest-challenges-admin §3.6 and §5), as a stream of events. Before
 * the stream (each failure is one `error` event): the `feature_ai_challenges_enabled` switch, the
 * prompt's safety check, the key, the per-user quota. Then `status`, the model's JSON verified (texts,
 * hints, `visual_data` by type, the challenge's own answer through the answer checker) with one repair
 * round, the §5.6 difficulty normalisation, the row saved, `challenge` and `done` — or one `error`:
 * nothing inconsistent is saved. Nothing of the prompt or of the model's text is logged.
 */
import {
  AI_CHALLENGE_MINUTES,
  AI_CHALLENGE_TAGS,
  insertAiChallenge,
  LOGIC_TYPE_OF,
  normalizeChallengeDifficulty,
  verifyGeneratedChallenge,
  ZAiChallengeOutput,
  type AiChallengeOutput,
} from '../challenges/index.ts';
import { ageGroupToDb, type AgeGroup } from '../exercises/index.ts';
import type { AiChallengeType } from '../kernel/ai.ts';
import type { AuthedCtx } from '../kernel/deps.ts';
import type { AiDeps } from './ai-deps.ts';
import { AI_STREAM_MESSAGES } from './ai.rules.ts';
import {
  ZGenerateAiChallengeInput,
  type AiChallengeDto,
  type ChallengeGenerationEvent,
  type GenerateAiChallengeInput,
} from './ai.schemas.ts';
import { generateVerified } from './generate-verified.ts';
import { generationFailureMessage, generationRefusal } from './generation-steps.ts';
import { buildChallengeMessages } from './prompts.ts';
import { guardStream } from './stream-guard.ts';

type Event = ChallengeGenerationEvent;

const error = (message: string): Event => ({ type: 'error', message });

/** §5.6 default title when the model gave none. */
const withTitle =
  (challengeType: AiChallengeType) =>
  (output: AiChallengeOutput): AiChallengeOutput =>
    output.title === '' ? { ...output, title: `Défi ${challengeType}` } : output;

const toDto = (
  saved: { id: number; createdAt: Date } | null,
  challengeType: AiChallengeType,
  ageGroup: AgeGroup,
  output: AiChallengeOutput,
  difficultyRating: number,
): AiChallengeDto => ({
  id: saved?.id ?? null,
  title: output.title,
  description: output.description,
  challengeType,
  ageGroup,
  question: output.question,
  hints: [...output.hints],
  visualData: output.visual_data,
  difficultyRating,
  estimatedTimeMinutes: AI_CHALLENGE_MINUTES,
  tags: AI_CHALLENGE_TAGS,
  isActive: saved !== null,
  createdAt: saved?.createdAt ?? null,
});

/** Built once (a derived zod schema compiles on its first parse). */
const ZRequestWithoutPrompt = ZGenerateAiChallengeInput.omit({ prompt: true });

async function* run(
  deps: AiDeps,
  ctx: AuthedCtx,
  request: GenerateAiChallengeInput,
): AsyncGenerator<Event, void, undefined> {
  const { challengeType, ageGroup } = ZRequestWithoutPrompt.parse(request);
  if (!(await deps.settings.isAiChallengesEnabled())) {
    yield error(AI_STREAM_MESSAGES.aiChallengesDisabled);
    return;
  }
  const prompt = request.prompt ?? '';
  const refusal = await generationRefusal(deps, ctx.actor.userId, prompt);
  if (refusal !== null) {
    yield error(refusal);
    return;
  }

  yield { type: 'status', message: AI_STREAM_MESSAGES.generating };
  const result = await generateVerified(deps.provider, {
    workload: { kind: 'challenge', challengeType },
    messages: buildChallengeMessages({ challengeType, ageGroup, request: prompt }),
    schema: ZAiChallengeOutput,
    complete: withTitle(challengeType),
    verify: (output) => verifyGeneratedChallenge(output, { challengeType }),
    ...(ctx.signal ? { signal: ctx.signal } : {}),
  });
  if (!result.ok) {
    yield error(
      generationFailureMessage(
        deps,
        ctx,
        { workload: 'challenge', subject: { challengeType } },
        result,
      ),
    );
    return;
  }

  const output = result.value;
  const difficultyRating = normalizeChallengeDifficulty(output, challengeType, ageGroup);
  let saved: { id: number; createdAt: Date } | null = null;
  try {
    saved = await insertAiChallenge(deps.db.prisma, {
      title: output.title,
      description: output.description,
      challengeType: LOGIC_TYPE_OF[challengeType],
      ageGroup: ageGroupToDb(ageGroup),
      question: output.question,
      correctAnswer: output.correct_answer,
      solutionExplanation: output.solution_explanation,
      hints: [...output.hints],
      visualData: output.visual_data,
      difficultyRating,
      generationParameters: {
        source: 'ai',
        challenge_type: challengeType,
        age_group: ageGroup,
        model: result.model,
        repaired: result.repaired,
      },
      creatorId: ctx.actor.userId,
      createdAt: deps.clock.now(),
    });
  } catch (err) {
    // §5.4: a consistent challenge that could not be saved is still shown, with a warning.
    ctx.log.error({ err, challengeType }, 'AI challenge could not be saved');
  }
  deps.onGeneration({
    workload: 'challenge',
    outcome: result.repaired ? 'repaired' : 'accepted',
    problems: result.firstProblems.map((p) => p.code),
  });
  ctx.log.info(
    {
      challengeId: saved?.id ?? null,
      challengeType,
      model: result.model,
      repaired: result.repaired,
    },
    'AI challenge generated',
  );
  yield {
    type: 'challenge',
    challenge: toDto(saved, challengeType, ageGroup, output, difficultyRating),
    warning: saved ? null : AI_STREAM_MESSAGES.unsaved,
  };
  yield { type: 'done' };
}

/** `core.ai.generateChallenge(ctx, input)`: the events of one generation (close it to abort). */
export const makeGenerateAiChallenge =
  (deps: AiDeps) =>
  (ctx: AuthedCtx, input: GenerateAiChallengeInput): AsyncGenerator<Event, void, undefined> =>
    guardStream(ctx, 'AI challenge generation', run(deps, ctx, input), error);
