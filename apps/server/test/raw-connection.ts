import { connect, type Socket } from 'node:net';

/**
 * A raw HTTP/1.1 keep-alive connection: the test sees exactly what the server sends and when it closes
 * the socket (an agent would hide both). Responses are framed by `Content-Length`.
 */
export const rawConnection = async (port: number) => {
  const socket: Socket = connect(port, '127.0.0.1');
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', resolve).once('error', reject);
  });
  let received = '';
  const waiters: (() => void)[] = [];
  const wakeAll = () => {
    for (const wake of waiters.splice(0)) wake();
  };
  socket.setEncoding('utf8');
  socket.on('data', (chunk: string) => {
    received += chunk;
    wakeAll();
  });
  socket.on('error', () => undefined);
  const closed = new Promise<void>((resolve) =>
    socket.once('close', () => {
      resolve();
      wakeAll();
    }),
  );
  /** Waits until `count` complete responses (head + Content-Length body) were received, or close. */
  const responses = async (count: number): Promise<string[]> => {
    for (;;) {
      const parsed: string[] = [];
      let rest = received;
      while (rest.includes('\r\n\r\n')) {
        const headEnd = rest.indexOf('\r\n\r\n');
        const head = rest.slice(0, headEnd);
        const length = Number(/content-length: (\d+)/i.exec(head)?.[1] ?? '0');
        if (Buffer.byteLength(rest.slice(headEnd + 4)) < length) break;
        const body = Buffer.from(rest.slice(headEnd + 4))
          .subarray(0, length)
          .toString();
        parsed.push(`${head}\r\n\r\n${body}`);
        rest = rest.slice(headEnd + 4 + body.length);
      }
      if (parsed.length >= count || socket.destroyed) return parsed;
      await new Promise<void>((resolve) => waiters.push(resolve));
    }
  };
  return {
    socket,
    closed,
    responses,
    send: (text: string) => socket.write(text),
    get: (path: string) => socket.write(`GET ${path} HTTP/1.1\r\nHost: test\r\n\r\n`),
  };
};
