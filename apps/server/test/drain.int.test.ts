// Issue 14, fault 4: SIGTERM on the real entrypoint under keep-alive load. Before the fix the server
// kept serving new requests on open keep-alive connections until SHUTDOWN_TIMEOUT_MS, then cut the
// requests in flight.
import { mkdtempSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';

import { rawConnection } from './raw-connection.ts';
import { embeddedServerEnv, killServers, listeningPort, spawnServer } from './server-process.ts';

const dataRoot = mkdtempSync(path.join(tmpdir(), 'mathakine-drain-'));
afterEach(killServers);
afterAll(() => {
  rmSync(dataRoot, { recursive: true, force: true });
});

type Outcome =
  | { kind: 'answered'; status: number; close: boolean }
  /** The server closed a reused keep-alive socket before reading the request: safe to retry. */
  | { kind: 'not-received' }
  /** The listener is closed: the load balancer sends the request elsewhere. */
  | { kind: 'refused' }
  /** A response started and did not complete, or any other failure: a request cut. */
  | { kind: 'cut'; detail: string };

/** One GET through a keep-alive agent, classified as a client would for a retry decision. */
const getThrough = (agent: Agent, port: number, path: string) =>
  new Promise<Outcome>((resolve) => {
    const req = request({ host: '127.0.0.1', port, path, agent }, (res) => {
      res.resume();
      res.on('end', () => {
        resolve({
          kind: 'answered',
          status: res.statusCode ?? 0,
          close: res.headers.connection === 'close',
        });
      });
      res.on('aborted', () => {
        resolve({ kind: 'cut', detail: 'response aborted' });
      });
    });
    req.on('error', (err: NodeJS.ErrnoException) => {
      if (err.code === 'ECONNREFUSED') resolve({ kind: 'refused' });
      else if (err.code === 'ECONNRESET' && req.reusedSocket) resolve({ kind: 'not-received' });
      else resolve({ kind: 'cut', detail: `${err.code ?? ''} ${err.message}` });
    });
    req.end();
  });

describe('SIGTERM on the real server (issue 14, fault 4)', () => {
  it('drains keep-alive connections: no request cut, idle sockets closed, exit 0 before the timeout', async () => {
    const server = spawnServer(
      embeddedServerEnv(path.join(dataRoot, 'pglite'), {
        // A bound far beyond the test: the drain must end because the work ended, not on this timer.
        SHUTDOWN_TIMEOUT_MS: '120000',
      }),
    );
    const port = await listeningPort(server);

    // An idle keep-alive connection (one request answered, nothing since).
    const idle = await rawConnection(port);
    idle.get('/health');
    expect((await idle.responses(1))[0]).toMatch(/^HTTP\/1\.1 200[\s\S]*keep-alive/i);

    // Requests in flight at the signal: their headers are read (the handler runs), half the body is not.
    const body = JSON.stringify({ username: 'nobody_here', password: 'not-the-password' });
    const inFlight = await Promise.all(
      [1, 2, 3].map(async () => {
        const connection = await rawConnection(port);
        connection.send(
          `POST /api/auth/login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n` +
            `Content-Length: ${String(Buffer.byteLength(body))}\r\n\r\n${body.slice(0, 10)}`,
        );
        return connection;
      }),
    );

    // Keep-alive load: 4 sockets, each sending requests back to back until the server refuses.
    const agent = new Agent({ keepAlive: true, maxSockets: 4 });
    const outcomes: Outcome[] = [];
    let signalled = false;
    const loop = async () => {
      for (;;) {
        const outcome = await getThrough(agent, port, '/health');
        outcomes.push(outcome);
        if (signalled && outcome.kind !== 'answered') return;
      }
    };
    const loops = [loop(), loop(), loop(), loop()];
    // Load is running on every socket before the signal (a condition, not a delay).
    while (outcomes.length < 8) await new Promise((resolve) => setImmediate(resolve));

    signalled = true;
    server.child.kill('SIGTERM');
    await server.waitForOutput('shutting down');

    // The idle connection is closed by the server at once.
    await idle.closed;
    // The requests in flight complete, each answered in full with `Connection: close`.
    for (const connection of inFlight) connection.send(body.slice(10));
    for (const connection of inFlight) {
      const [answer] = await connection.responses(1);
      expect(answer).toMatch(/^HTTP\/1\.1 401 /);
      expect(answer).toMatch(/\r\nconnection: close\r\n/i);
      expect(answer).toMatch(/"code":/);
      await connection.closed;
    }
    await Promise.all(loops);
    agent.destroy();

    expect(await server.exit).toBe(0);
    expect(server.output()).toMatch(/"forced":false[^\n]*"msg":"stopped"/);
    // Under load, no request was cut: each was answered in full, refused at connect, or never read.
    expect(outcomes.filter((o) => o.kind === 'cut')).toEqual([]);
    expect(outcomes.filter((o) => o.kind === 'answered' && o.status !== 200)).toEqual([]);
    // Each load socket stopped being served once: its last request was refused or not read (a
    // retry-safe outcome), and nothing else failed.
    expect(outcomes.filter((o) => o.kind !== 'answered').length).toBeLessThanOrEqual(4);
  });
});
