import { request } from 'node:http';
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';

import { listen } from './http-server.ts';

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
    let release: () => void = () => undefined;
    let markStarted: () => void = () => undefined;
    const started = new Promise<void>((resolve) => {
      markStarted = resolve;
    });
    const app = new Hono();
    app.get('/slow', async (c) => {
      markStarted();
      await new Promise<void>((resolve) => {
        release = resolve;
      });
      return c.text('finished');
    });
    const server = await listen(app.fetch, { port: 0, host: '127.0.0.1' });

    const inFlight = get(server.port, '/slow');
    await started;
    const stopping = server.stop(5_000);
    // The listener is closed: a new connection is refused while the slow request is still running.
    await expect(get(server.port, '/slow')).rejects.toMatchObject({ code: 'ECONNREFUSED' });
    release();
    expect(await inFlight).toEqual({ status: 200, body: 'finished' });
    expect(await stopping).toEqual({ forced: false });
  });

  it('cuts requests that outlive the drain timeout', async () => {
    const app = new Hono();
    app.get('/hang', () => new Promise<Response>(() => undefined));
    const server = await listen(app.fetch, { port: 0, host: '127.0.0.1' });
    const hanging = get(server.port, '/hang').catch((err: unknown) => err);
    await new Promise((r) => setTimeout(r, 50));
    expect(await server.stop(100)).toEqual({ forced: true });
    expect(await hanging).toMatchObject({ code: 'ECONNRESET' });
  });
});
