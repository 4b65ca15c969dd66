/**
 * One generation with its verification and at most one repair round (issue 11): ask for the JSON
 * object, verify it; when it is not usable (not JSON, wrong shape) or not consistent (the verifier's
 * problems), send the model its own output and our list of problems once; verify again; otherwise
 * reject. Nothing is saved here: the caller saves only an `ok` result.
 */
import type { z } from 'zod';

import {
  AiMalformedOutputError,
  type AiMessage,
  type AiProvider,
  type AiWorkload,
} from '../kernel/ai.ts';
import { problem, type ContentProblem } from '../lib/content-check.ts';
import { buildRepairMessages } from './prompts.ts';

export interface VerifiedRequest<T> {
  workload: AiWorkload;
  messages: readonly AiMessage[];
  schema: z.ZodType<T>;
  /** Fills defaults the output may omit (a title…) before verification. */
  complete?: (value: T) => T;
  verify: (value: T) => ContentProblem[];
  signal?: AbortSignal;
}

export type VerifiedGeneration<T> =
  | { ok: true; value: T; model: string; repaired: boolean; firstProblems: ContentProblem[] }
  /** Still unusable or inconsistent after the repair round. */
  | { ok: false; kind: 'rejected'; problems: ContentProblem[] }
  /** The provider failed (timeout, outage, refusal, abort): an AiError. */
  | { ok: false; kind: 'failed'; error: unknown };

type Attempt<T> =
  | { kind: 'value'; value: T; raw: string; model: string; problems: ContentProblem[] }
  | { kind: 'malformed'; raw: string; problems: ContentProblem[] }
  | { kind: 'failed'; error: unknown };

const malformedProblems = (err: AiMalformedOutputError): ContentProblem[] => {
  const what =
    err.reason === 'truncated'
      ? 'Ta réponse a été coupée : elle doit être plus courte.'
      : err.reason === 'empty'
        ? 'Ta réponse était vide.'
        : "Ta réponse n'était pas un objet JSON valide au format demandé.";
  return [
    problem('OUTPUT_MALFORMED', '(json)', what),
    ...err.issues.slice(0, 5).map((issue) => problem('OUTPUT_MALFORMED', '(json)', issue)),
  ];
};

const attempt = async <T>(
  provider: AiProvider,
  request: VerifiedRequest<T>,
  messages: readonly AiMessage[],
): Promise<Attempt<T>> => {
  try {
    const result = await provider.completeJson({
      workload: request.workload,
      messages,
      schema: request.schema,
      ...(request.signal ? { signal: request.signal } : {}),
    });
    const value = request.complete ? request.complete(result.value) : result.value;
    return {
      kind: 'value',
      value,
      raw: result.raw,
      model: result.model,
      problems: request.verify(value),
    };
  } catch (err) {
    if (err instanceof AiMalformedOutputError) {
      return { kind: 'malformed', raw: err.raw, problems: malformedProblems(err) };
    }
    return { kind: 'failed', error: err };
  }
};

export const generateVerified = async <T>(
  provider: AiProvider,
  request: VerifiedRequest<T>,
): Promise<VerifiedGeneration<T>> => {
  const first = await attempt(provider, request, request.messages);
  if (first.kind === 'failed') return { ok: false, kind: 'failed', error: first.error };
  if (first.kind === 'value' && first.problems.length === 0) {
    return { ok: true, value: first.value, model: first.model, repaired: false, firstProblems: [] };
  }
  const repairMessages = buildRepairMessages(
    request.messages,
    first.raw,
    first.problems.map((p) => p.message),
  );
  const second = await attempt(provider, request, repairMessages);
  if (second.kind === 'failed') return { ok: false, kind: 'failed', error: second.error };
  if (second.kind === 'value' && second.problems.length === 0) {
    return {
      ok: true,
      value: second.value,
      model: second.model,
      repaired: true,
      firstProblems: first.problems,
    };
  }
  return { ok: false, kind: 'rejected', problems: second.problems };
};
