/** A raw TCP client for what fetch cannot send: headers without their body, a trickle of bytes, pipelined requests. */
import * as net from 'net';

export interface RawClient {
  socket: net.Socket;
  /** Everything the server sent so far. */
  received(): string;
  /** Resolves with the milliseconds it took when the server closes the connection; rejects after `withinMs`. */
  closed(withinMs: number): Promise<number>;
  send(text: string): void;
}

export async function rawClient(baseUrl: string): Promise<RawClient> {
  const { hostname, port } = new URL(baseUrl);
  const socket = net.connect({ host: hostname, port: Number(port) });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('error', reject);
  });
  socket.on('error', () => undefined);
  let text = '';
  socket.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
  const openedAt = Date.now();
  const closedAt = new Promise<number>((resolve) =>
    socket.once('close', () => resolve(Date.now() - openedAt)),
  );
  return {
    socket,
    received: () => text,
    send: (data) => void socket.write(data),
    closed: (withinMs) =>
      new Promise<number>((resolve, reject) => {
        const timer = setTimeout(() => {
          socket.destroy();
          reject(new Error(`connection still open after ${withinMs} ms`));
        }, withinMs);
        void closedAt.then((ms) => {
          clearTimeout(timer);
          resolve(ms);
        });
      }),
  };
}

/** The status and JSON body of the first response in `raw`. */
export function firstResponse(raw: string): { status: number; headers: string; body: unknown } {
  const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(raw)?.[1] ?? 0);
  const split = raw.indexOf('\r\n\r\n');
  const headers = raw.slice(0, split).toLowerCase();
  const length = Number(/content-length: (\d+)/.exec(headers)?.[1] ?? 0);
  const text = raw.slice(split + 4, split + 4 + length);
  let body: unknown = text;
  try {
    body = JSON.parse(text) as unknown;
  } catch {
    // not JSON
  }
  return { status, headers, body };
}
