/**
 * The tutor chat (api-rest-core §6.7; audit S-2.1): `POST /api/chat` (one JSON answer) and
 * `POST /api/chat/stream` (events). Checks, in the legacy order: the shared chat rate limit (15/min per
 * IP), then ours: the `feature_chat_enabled` switch; then the key, the message (`Message requis`), the
 * history (user/assistant turns only), the safety check (`Message invalide: …`), and the per-user daily
 * quota. The model only ever sees the tutor system prompt, then sanitised turns (no e-mail, no phone
 * number; no name or id is ever a parameter). Nothing of the conversation is logged.
 */
import {
  AI_MESSAGES,
  aiErrorToAppError,
  isAiError,
  type AiMessage,
  type ChatComplexity,
} from '../kernel/ai.ts';
import type { AuthedCtx } from '../kernel/deps.ts';
import { AppError } from '../kernel/errors.ts';
import type { AiDeps } from './ai-deps.ts';
import { consumeChatQuota } from './ai-quota.ts';
import { AI_STREAM_MESSAGES, streamErrorMessage, stripMarkdownImages } from './ai.rules.ts';
import type { AiClient, ChatReplyDto, ChatRequest, ChatStreamEvent } from './ai.schemas.ts';
import { chatComplexityOf, checkPromptSafety, ZChatHistory } from './prompt-safety.rules.ts';
import { buildChatMessages } from './prompts.ts';
import { guardStream, singleEvent } from './stream-guard.ts';

type PreparedChat =
  { ok: true; messages: AiMessage[]; complexity: ChatComplexity } | { ok: false; error: AppError };

const refuse = (code: 'FORBIDDEN' | 'DEPENDENCY_UNAVAILABLE' | 'INVALID_INPUT', message: string) =>
  ({ ok: false, error: new AppError(code, message) }) as const;

/**
 * The checks before any call. Throws RATE_LIMITED (the IP bucket, the daily quota: JSON 429 on both
 * routes); returns the other refusals, which the stream sends as its single error event.
 */
const prepareChat = async (
  deps: AiDeps,
  ctx: AuthedCtx,
  request: ChatRequest,
  client: AiClient,
): Promise<PreparedChat> => {
  await deps.rateLimits.consume('chat', client.ip);
  if (!(await deps.settings.isChatEnabled())) {
    return refuse('FORBIDDEN', AI_STREAM_MESSAGES.chatDisabled);
  }
  if (!deps.provider.configured) {
    return refuse('DEPENDENCY_UNAVAILABLE', AI_STREAM_MESSAGES.chatNotConfigured);
  }
  const message = typeof request.message === 'string' ? request.message.trim() : '';
  if (message === '') return refuse('INVALID_INPUT', AI_STREAM_MESSAGES.messageRequired);
  const history = ZChatHistory.safeParse(request.history ?? undefined);
  if (!history.success) return refuse('INVALID_INPUT', AI_STREAM_MESSAGES.invalidHistory);
  const safety = checkPromptSafety(message);
  if (!safety.ok) {
    return refuse('INVALID_INPUT', AI_STREAM_MESSAGES.invalidMessage(safety.reason));
  }
  await consumeChatQuota(deps, ctx.actor.userId);
  return {
    ok: true,
    messages: buildChatMessages({ message, history: history.data }),
    complexity: chatComplexityOf(message),
  };
};

/** `core.ai.chat`: the whole answer at once; an AI failure is a 503 with a generic French message. */
export const makeChat =
  (deps: AiDeps) =>
  async (ctx: AuthedCtx, request: ChatRequest, client: AiClient): Promise<ChatReplyDto> => {
    const prepared = await prepareChat(deps, ctx, request, client);
    if (!prepared.ok) throw prepared.error;
    const stream = deps.provider.streamText({
      workload: { kind: 'chat', complexity: prepared.complexity },
      messages: prepared.messages,
      ...(ctx.signal ? { signal: ctx.signal } : {}),
    });
    let text = '';
    try {
      for await (const part of stream) text += part;
    } catch (err) {
      if (!isAiError(err)) throw err;
      // A refusal (content filter) is the tutor's answer: a gentle one, never the provider's text.
      if (err.kind !== 'refused') throw aiErrorToAppError(err);
      text = AI_MESSAGES.refused;
    }
    ctx.log.info({ complexity: prepared.complexity, model: stream.model }, 'AI chat answered');
    return {
      response: stripMarkdownImages(text),
      modelUsed: stream.model,
      complexity: prepared.complexity,
    };
  };

async function* chatEvents(
  deps: AiDeps,
  ctx: AuthedCtx,
  prepared: { messages: AiMessage[]; complexity: ChatComplexity },
): AsyncGenerator<ChatStreamEvent, void, undefined> {
  yield { type: 'status', message: AI_STREAM_MESSAGES.thinking };
  const stream = deps.provider.streamText({
    workload: { kind: 'chat', complexity: prepared.complexity },
    messages: prepared.messages,
    ...(ctx.signal ? { signal: ctx.signal } : {}),
  });
  let sent = false;
  try {
    for await (const part of stream) {
      sent = true;
      yield { type: 'chunk', content: part };
    }
  } catch (err) {
    if (!(isAiError(err) && err.kind === 'refused' && !sent)) {
      ctx.log.warn({ aiError: isAiError(err) ? err.kind : 'unexpected' }, 'AI chat stream failed');
      yield { type: 'error', message: streamErrorMessage(err) };
      return;
    }
    yield { type: 'chunk', content: AI_MESSAGES.refused };
  }
  ctx.log.info({ complexity: prepared.complexity, model: stream.model }, 'AI chat streamed');
  yield { type: 'done', modelUsed: stream.model, complexity: prepared.complexity };
}

/**
 * `core.ai.chatStream`: throws RATE_LIMITED before the stream (a JSON 429, like the legacy limiter);
 * every other refusal is the stream's single `error` event; then `status`, `chunk`s, `done` or `error`.
 */
export const makeChatStream =
  (deps: AiDeps) =>
  async (
    ctx: AuthedCtx,
    request: ChatRequest,
    client: AiClient,
  ): Promise<AsyncGenerator<ChatStreamEvent, void, undefined>> => {
    const prepared = await prepareChat(deps, ctx, request, client);
    const error = (message: string): ChatStreamEvent => ({ type: 'error', message });
    if (!prepared.ok) return singleEvent(error(prepared.error.message));
    return guardStream(ctx, 'AI chat', chatEvents(deps, ctx, prepared), error);
  };
