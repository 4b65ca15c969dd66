import { request } from 'node:http';
import { Hono } from 'hono';
import { describe, expect, it, onTestFinished } from 'vitest';

import { rawConnection } from '../test/raw-connection.ts';
import { listen, type RunningServer } from './http-server.ts';

/** Listens on a free port; the server is stopped after the test whatever its outcome. */
const listenForTest = async (
  fetch: Parameters<typeof listen>[0],
  options: { headersTimeoutMs?: number; requestTimeoutMs?: number } = {},
): Promise<RunningServer> => {
  const server = await listen(fetch, { port: 0, host: '127.0.0.1', ...options });
  onTestFinished(async () => {
    if (server.server.listening) await server.stop(0);
  });
  return server;
};

/** A promise and the function that resolves it. */
const signal = () => {
  let fire: () => void = () => undefined;
  const fired = new Promise<void>((resolve) => {
    fire = resolve;
  });
  return { fire, fired };
};

const get = (port: number, path: string) =>
  new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, agent: false }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        body += chunk;
      });
      res.on('end', () => {
        resolve({ status: res.statusCode ?? 0, body });
      });
    });
    req.on('error', reject);
    req.end();
  });

describe('graceful stop', () => {
  it('lets an in-flight request finish, then refuses new connections', async () => {
    const started = signal();
    const release = signal();
    const app = new Hono();
    app.get('/slow', async (c) => {
      started.fire();
      await release.fired;
      return c.text('finished');
    });
    const server = await listenForTest(app.fetch);

    const inFlight = get(server.port, '/slow');
    await started.fired;
    // A drain bound far beyond the test: the stop must end because the request finished, not because
    // a busy machine let the bound pass first.
    const stopping = server.stop(120_000);
    // The listener is closed: a new connection is refused while the slow request is still running.
    await expect(get(server.port, '/slow')).rejects.toMatchObject({ code: 'ECONNREFUSED' });
    release.fire();
    expect(await inFlight).toEqual({ status: 200, body: 'finished' });
    expect(await stopping).toEqual({ forced: false });
  });

  it('cuts requests that outlive the drain timeout', async () => {
    const started = signal();
    const app = new Hono();
    app.get('/hang', () => {
      started.fire();
      return new Promise<Response>(() => undefined);
    });
    const server = await listenForTest(app.fetch);
    const hanging = get(server.port, '/hang').catch((err: unknown) => err);
    // The request is in flight (its handler runs) before the stop begins: no fixed delay.
    await started.fired;
    expect(await server.stop(100)).toEqual({ forced: true });
    expect(await hanging).toMatchObject({ code: 'ECONNRESET' });
  });
});

describe('the SIGTERM drain of keep-alive connections (issue 14, fault 4)', () => {
  it('closes idle keep-alive sockets at once, answers busy ones with Connection: close, then closes them', async () => {
    const started = signal();
    const release = signal();
    const app = new Hono();
    app.get('/fast', (c) => c.text('fast'));
    app.get('/slow', async (c) => {
      started.fire();
      await release.fired;
      return c.text('slow');
    });
    const server = await listenForTest(app.fetch);

    // Connection A: one request answered, then idle (kept alive). Connection B: a request in flight.
    const idle = await rawConnection(server.port);
    idle.get('/fast');
    expect((await idle.responses(1))[0]).toMatch(/keep-alive/i);
    const busy = await rawConnection(server.port);
    busy.get('/slow');
    await started.fired;

    const stopping = server.stop(120_000);
    // The idle connection is closed by the server without waiting for anything.
    await idle.closed;
    release.fire();
    const [answer] = await busy.responses(1);
    expect(answer).toMatch(/^HTTP\/1\.1 200/);
    expect(answer).toMatch(/\r\nconnection: close\r\n/i);
    expect(answer).toMatch(/slow$/);
    // … and its connection is closed right after: no further request can ride on it.
    await busy.closed;
    expect(await stopping).toEqual({ forced: false });
  });
});

describe('request timeouts (issue 14, fault 7: slow bodies)', () => {
  it('answers 408 and closes a connection whose body never completes', async () => {
    const app = new Hono();
    app.post('/upload', async (c) => c.text(String((await c.req.text()).length)));
    app.onError((_err, c) => c.text('unreadable body', 400));
    const server = await listenForTest(app.fetch, {
      headersTimeoutMs: 1_000,
      requestTimeoutMs: 1_000,
    });
    const slow = await rawConnection(server.port);
    slow.send('POST /upload HTTP/1.1\r\nHost: test\r\nContent-Length: 100\r\n\r\n0123456789');
    await slow.closed;
    expect((await slow.responses(1))[0]).toMatch(/^HTTP\/1\.1 408/);
  });

  it('answers 408 and closes a connection whose headers never complete', async () => {
    const server = await listenForTest(new Hono().fetch, {
      headersTimeoutMs: 1_000,
      requestTimeoutMs: 5_000,
    });
    const slow = await rawConnection(server.port);
    slow.send('GET / HTTP/1.1\r\nHost: test\r\nX-Slow: ');
    await slow.closed;
    expect((await slow.responses(1))[0]).toMatch(/^HTTP\/1\.1 408/);
  });
});
