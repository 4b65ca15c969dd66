// The scripting vocabulary of the fake OpenAI-compatible server (fake-openai.ts): what a test says the
// next reply is, and what the server recorded of each request.

/** One request as received. */
export interface FakeOpenAiRequest {
  method: string;
  path: string;
  /** Lower-case header names. */
  headers: Readonly<Record<string, string | undefined>>;
  /** The JSON body ({} when it was not a JSON object). */
  body: Readonly<Record<string, unknown>>;
  model: string | null;
  stream: boolean;
  messages: readonly { role: string; content: string }[];
}

export interface FakeUsage {
  prompt_tokens: number;
  completion_tokens: number;
}

export interface FakeTextOptions {
  /** How a stream splits the content (default: word by word). Ignored when not streamed. */
  chunks?: readonly string[];
  finishReason?: 'stop' | 'length' | 'content_filter';
  /** A refusal instead of content (`message.refusal` / `delta.refusal`). */
  refusal?: string;
  /** Reported usage (default: about 4 characters a token); null sends none. */
  usage?: FakeUsage | null;
  /** Wait before the response headers. */
  delayMs?: number;
  /** Streams: wait between the first (role) chunk and the first text. */
  firstChunkDelayMs?: number;
  /** Streams: wait between two text chunks. */
  chunkDelayMs?: number;
  /** Streams: end the response after the text, without finish reason or `[DONE]`. */
  cutBeforeEnd?: boolean;
}

export type FakeReply =
  | ({ type: 'text'; content: string } & FakeTextOptions)
  | {
      type: 'error';
      status: number;
      message: string;
      code: string | null;
      errorType: string;
      headers: Readonly<Record<string, string>>;
    }
  | { type: 'raw'; status: number; body: string; contentType: string }
  /** Streamed: headers and these chunks, then silence. Not streamed: no response at all. */
  | { type: 'stall'; chunks: readonly string[] }
  /** Streamed: headers and these chunks, then the socket is destroyed. Not streamed: destroyed at once. */
  | { type: 'drop'; chunks: readonly string[] }
  /** Streamed: these chunks, then an in-stream `{"error": …}` event. */
  | { type: 'stream_error'; chunks: readonly string[]; message: string };

/** Reply builders. */
export const fakeReply = {
  text: (content: string, options: FakeTextOptions = {}): FakeReply => ({
    type: 'text',
    content,
    ...options,
  }),
  /** The value serialised as the model's content. */
  json: (value: unknown, options: FakeTextOptions = {}): FakeReply =>
    fakeReply.text(JSON.stringify(value), options),
  error: (
    status: number,
    options: {
      message?: string;
      code?: string | null;
      errorType?: string;
      headers?: Record<string, string>;
    } = {},
  ): FakeReply => ({
    type: 'error',
    status,
    message: options.message ?? `fake error ${status}`,
    code: options.code ?? null,
    errorType: options.errorType ?? (status >= 500 ? 'server_error' : 'invalid_request_error'),
    headers: options.headers ?? {},
  }),
  raw: (status: number, body: string, contentType = 'text/html'): FakeReply => ({
    type: 'raw',
    status,
    body,
    contentType,
  }),
  stall: (chunks: readonly string[] = []): FakeReply => ({ type: 'stall', chunks }),
  drop: (chunks: readonly string[] = []): FakeReply => ({ type: 'drop', chunks }),
  streamError: (chunks: readonly string[], message = 'fake stream error'): FakeReply => ({
    type: 'stream_error',
    chunks,
    message,
  }),
};

/** A reply, or a function choosing one from the request (e.g. by model). */
export type FakeScript = FakeReply | ((request: FakeOpenAiRequest) => FakeReply);
