import { request } from 'node:http';
import { Hono } from 'hono';
import { describe, expect, it, onTestFinished } from 'vitest';

import { listen, type RunningServer } from './http-server.ts';

/** Listens on a free port; the server is stopped after the test whatever its outcome. */
const listenForTest = async (fetch: Parameters<typeof listen>[0]): Promise<RunningServer> => {
  const server = await listen(fetch, { port: 0, host: '127.0.0.1' });
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
