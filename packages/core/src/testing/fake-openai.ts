// A local OpenAI-compatible server for tests (the real protocol, no mock of our code): POST
// /v1/chat/completions answered with a chat.completion JSON, or with `text/event-stream` chunks ending
// in `data: [DONE]` when the request says `stream: true`. Each test scripts the replies (good output,
// malformed JSON, refusals, errors, slow or stalled streams, dropped connections) and reads back the
// requests it received (model, messages, parameters, API key).
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

import { fakeReply, type FakeOpenAiRequest, type FakeScript } from './fake-openai-replies.ts';

export * from './fake-openai-replies.ts';

export interface FakeOpenAiOptions {
  /** The key the server accepts (401 otherwise). Default `sk-fake-test-key`. */
  apiKey?: string;
}

const readBody = async (req: IncomingMessage): Promise<string> => {
  const parts: Buffer[] = [];
  for await (const part of req) parts.push(part as Buffer);
  return Buffer.concat(parts).toString('utf8');
};

const asObject = (text: string): Record<string, unknown> => {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : {};
  } catch {
    return {};
  }
};

const messagesOf = (body: Record<string, unknown>): { role: string; content: string }[] =>
  Array.isArray(body.messages)
    ? body.messages.map((m: unknown) => {
        const o = typeof m === 'object' && m !== null ? (m as Record<string, unknown>) : {};
        return {
          role: typeof o.role === 'string' ? o.role : '',
          content: typeof o.content === 'string' ? o.content : JSON.stringify(o.content ?? null),
        };
      })
    : [];

const tokens = (text: string): number => Math.max(1, Math.ceil(text.length / 4));

const words = (text: string): string[] => text.match(/\s*\S+\s*/g) ?? [text];

/** Starts the server on 127.0.0.1 with an ephemeral port. Close it in afterAll/afterEach. */
export const startFakeOpenAi = async (options: FakeOpenAiOptions = {}) => {
  const apiKey = options.apiKey ?? 'sk-fake-test-key';
  const requests: FakeOpenAiRequest[] = [];
  const queue: FakeScript[] = [];
  let fallback: FakeScript = fakeReply.error(500, { message: 'fake-openai: no scripted reply' });
  let inFlight = 0;
  let nextId = 1;
  const waiters = new Set<() => void>();
  const wake = () => {
    for (const w of [...waiters]) w();
  };

  const waitUntil = async (ok: () => boolean, what: string, timeoutMs: number): Promise<void> => {
    const deadline = Date.now() + timeoutMs;
    while (!ok()) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`fake-openai: ${what} not reached within ${timeoutMs} ms`);
      await new Promise<void>((resolve) => {
        const done = () => {
          clearTimeout(timer);
          waiters.delete(done);
          resolve();
        };
        const timer = setTimeout(done, Math.min(left, 200));
        waiters.add(done);
      });
    }
  };

  const send = (res: ServerResponse, status: number, body: unknown, headers = {}) => {
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(JSON.stringify(body));
  };

  const serve = async (req: IncomingMessage, res: ServerResponse, request: FakeOpenAiRequest) => {
    const closed = new AbortController();
    res.on('close', () => {
      closed.abort();
    });
    const pause = (ms: number | undefined) =>
      ms === undefined || ms <= 0 || closed.signal.aborted
        ? Promise.resolve()
        : new Promise<void>((resolve) => {
            const onClose = () => {
              clearTimeout(timer);
              resolve();
            };
            const timer = setTimeout(() => {
              closed.signal.removeEventListener('abort', onClose);
              resolve();
            }, ms);
            closed.signal.addEventListener('abort', onClose, { once: true });
          });
    const script = queue.shift() ?? fallback;
    const reply = typeof script === 'function' ? script(request) : script;
    const id = `chatcmpl-fake-${nextId++}`;
    const created = Math.floor(Date.now() / 1000);
    const model = request.model ?? 'fake-model';
    const chunk = (delta: Record<string, unknown>, finishReason: string | null = null) =>
      `data: ${JSON.stringify({
        id,
        object: 'chat.completion.chunk',
        created,
        model,
        choices: [{ index: 0, delta, finish_reason: finishReason, logprobs: null }],
      })}\n\n`;
    /** Resolves once the text is handed to the socket (so a drop after it still delivers it). */
    const write = (text: string) =>
      new Promise<void>((resolve) => {
        if (closed.signal.aborted) {
          resolve();
          return;
        }
        const onClose = () => {
          resolve();
        };
        closed.signal.addEventListener('abort', onClose, { once: true });
        res.write(text, () => {
          closed.signal.removeEventListener('abort', onClose);
          resolve();
        });
      });
    const startStream = () => {
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
      return write(chunk({ role: 'assistant', content: '' }));
    };

    switch (reply.type) {
      case 'error':
        send(
          res,
          reply.status,
          {
            error: {
              message: reply.message,
              type: reply.errorType,
              param: null,
              code: reply.code,
            },
          },
          reply.headers,
        );
        return;
      case 'raw':
        res.writeHead(reply.status, { 'content-type': reply.contentType });
        res.end(reply.body);
        return;
      case 'stall':
      case 'drop':
      case 'stream_error':
        if (request.stream) {
          await startStream();
          for (const text of reply.chunks) await write(chunk({ content: text }));
        }
        if (reply.type === 'drop') {
          req.socket.destroy();
        } else if (reply.type === 'stream_error' && request.stream) {
          await write(
            `data: ${JSON.stringify({ error: { message: reply.message, type: 'server_error' } })}\n\n`,
          );
          res.end();
        } else {
          // Stay silent until the client gives up (its timeout or abort closes the connection).
          if (!closed.signal.aborted) {
            await new Promise<void>((resolve) => {
              closed.signal.addEventListener('abort', () => {
                resolve();
              });
            });
          }
        }
        return;
      case 'text':
        break;
    }

    await pause(reply.delayMs);
    if (closed.signal.aborted) return;
    const finishReason = reply.finishReason ?? 'stop';
    const usage =
      reply.usage === null
        ? null
        : (reply.usage ?? {
            prompt_tokens: tokens(request.messages.map((m) => m.content).join('\n')),
            completion_tokens: tokens(reply.content),
          });
    if (!request.stream) {
      send(res, 200, {
        id,
        object: 'chat.completion',
        created,
        model,
        choices: [
          {
            index: 0,
            message: {
              role: 'assistant',
              content: reply.refusal ? null : reply.content,
              refusal: reply.refusal ?? null,
            },
            finish_reason: finishReason,
            logprobs: null,
          },
        ],
        ...(usage
          ? { usage: { ...usage, total_tokens: usage.prompt_tokens + usage.completion_tokens } }
          : {}),
      });
      return;
    }
    await startStream();
    await pause(reply.firstChunkDelayMs);
    if (reply.refusal) {
      await write(chunk({ refusal: reply.refusal }));
    } else {
      const pieces = reply.chunks ?? words(reply.content);
      for (const [index, text] of pieces.entries()) {
        if (index > 0) await pause(reply.chunkDelayMs);
        await write(chunk({ content: text }));
      }
    }
    if (reply.cutBeforeEnd) {
      res.end();
      return;
    }
    await write(chunk({}, finishReason));
    const options = request.body.stream_options;
    const wantsUsage =
      typeof options === 'object' && options !== null && 'include_usage' in options
        ? options.include_usage === true
        : false;
    if (usage && wantsUsage) {
      await write(
        `data: ${JSON.stringify({ id, object: 'chat.completion.chunk', created, model, choices: [], usage: { ...usage, total_tokens: usage.prompt_tokens + usage.completion_tokens } })}\n\n`,
      );
    }
    await write('data: [DONE]\n\n');
    res.end();
  };

  const server = createServer((req, res) => {
    inFlight++;
    res.on('close', () => {
      inFlight--;
      wake();
    });
    void (async () => {
      const text = await readBody(req);
      const body = asObject(text);
      const headers: Record<string, string | undefined> = {};
      for (const [name, value] of Object.entries(req.headers)) {
        headers[name] = Array.isArray(value) ? value[0] : value;
      }
      const request: FakeOpenAiRequest = {
        method: req.method ?? '',
        path: (req.url ?? '').split('?')[0] ?? '',
        headers,
        body,
        model: typeof body.model === 'string' ? body.model : null,
        stream: body.stream === true,
        messages: messagesOf(body),
      };
      requests.push(request);
      wake();
      if (request.method !== 'POST' || request.path !== '/v1/chat/completions') {
        send(res, 404, {
          error: {
            message: 'fake-openai: unknown route',
            type: 'invalid_request_error',
            code: null,
          },
        });
        return;
      }
      if (headers.authorization !== `Bearer ${apiKey}`) {
        send(res, 401, {
          error: {
            message: 'Incorrect API key provided',
            type: 'invalid_request_error',
            code: 'invalid_api_key',
          },
        });
        return;
      }
      await serve(req, res, request);
    })().catch(() => {
      req.socket.destroy();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    /** `http://127.0.0.1:<port>/v1`: the OPENAI_BASE_URL of the code under test. */
    baseUrl: `http://127.0.0.1:${port}/v1`,
    apiKey,
    /** Every request received, in order. */
    requests: requests as readonly FakeOpenAiRequest[],
    /** Replies for the next requests, in order; then the default. */
    enqueue: (...replies: FakeScript[]) => {
      queue.push(...replies);
    },
    /** The reply once the queue is empty (initially a 500 "no scripted reply"). */
    setDefault: (reply: FakeScript) => {
      fallback = reply;
    },
    /** Requests whose connection is still open. */
    get inFlight() {
      return inFlight;
    },
    /** Resolves once `count` requests have arrived in total. */
    waitForRequests: (count: number, timeoutMs = 10_000) =>
      waitUntil(() => requests.length >= count, `${count} requests`, timeoutMs),
    /** Resolves once no connection is open (the client closed what it aborted). */
    waitForIdle: (timeoutMs = 10_000) => waitUntil(() => inFlight === 0, 'idle', timeoutMs),
    /** Forgets requests and scripted replies (the default reply stays). */
    reset: () => {
      requests.length = 0;
      queue.length = 0;
    },
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => {
        server.close(() => {
          resolve();
        });
      });
    },
  };
};

export type FakeOpenAi = Awaited<ReturnType<typeof startFakeOpenAi>>;
