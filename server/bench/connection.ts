/**
 * One client's own kept-alive HTTP/1.1 connection to 127.0.0.1, as a device or a phone holds one: opened by its
 * first request, one request at a time. Written on a bare socket because node's http client costs the load
 * generator several times the CPU per request, and on two cores the generator's CPU is taken from the server and
 * its busy event loop delays the reading of replies — both would be counted as server latency.
 *
 * A request's time runs from the moment it is handed to the socket (for a client's first request: from the start
 * of the TCP connect) to the moment the last byte of the reply has arrived.
 */
import * as net from 'net';

export interface Reply {
  status: number;
  body: unknown;
  ms: number;
}

interface Pending {
  resolve(reply: Reply): void;
  reject(error: Error): void;
  started: number;
  timer: NodeJS.Timeout;
}

const CRLF = Buffer.from('\r\n');
const CRLF2 = Buffer.from('\r\n\r\n');

type Body = { content: Buffer; end: number } | undefined | 'malformed';

function sizedBody(buffered: Buffer, start: number, head: string): Body {
  const length = /\r\ncontent-length: *(\d+)/i.exec(head);
  const end = start + Number(length?.[1] ?? 0);
  return buffered.length < end ? undefined : { content: buffered.subarray(start, end), end };
}

function chunkedBody(buffered: Buffer, start: number): Body {
  const parts: Buffer[] = [];
  for (let at = start; ;) {
    const lineEnd = buffered.indexOf(CRLF, at);
    if (lineEnd < 0) return undefined;
    const size = parseInt(buffered.toString('latin1', at, lineEnd), 16);
    if (!Number.isInteger(size) || size < 0) return 'malformed';
    const dataEnd = lineEnd + CRLF.length + size;
    if (buffered.length < dataEnd + CRLF.length) return undefined;
    if (size === 0) return { content: Buffer.concat(parts), end: dataEnd + CRLF.length };
    parts.push(buffered.subarray(lineEnd + CRLF.length, dataEnd));
    at = dataEnd + CRLF.length;
  }
}

function parseBody(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

export class Connection {
  private socket: net.Socket | undefined;
  private buffered: Buffer = Buffer.alloc(0);
  private pending: Pending | undefined;

  constructor(
    private readonly port: number,
    private readonly timeoutMs = 10_000,
  ) {}

  request(
    method: string,
    path: string,
    options: { headers?: Record<string, string>; body?: string } = {},
  ): Promise<Reply> {
    if (this.pending) return Promise.reject(new Error('one request at a time per connection'));
    const body = options.body === undefined ? undefined : Buffer.from(options.body, 'utf8');
    let head = `${method} ${path} HTTP/1.1\r\nhost: 127.0.0.1:${this.port}\r\n`;
    for (const [name, value] of Object.entries(options.headers ?? {})) head += `${name}: ${value}\r\n`;
    if (body) head += `content-type: application/json\r\ncontent-length: ${body.length}\r\n`;
    const message = Buffer.concat([Buffer.from(`${head}\r\n`, 'latin1'), body ?? Buffer.alloc(0)]);
    return new Promise<Reply>((resolve, reject) => {
      const timer = setTimeout(() => this.fail(new Error('timeout')), this.timeoutMs);
      this.pending = { resolve, reject, started: performance.now(), timer };
      this.open().write(message);
    });
  }

  close(): void {
    this.socket?.destroy();
    this.socket = undefined;
  }

  private open(): net.Socket {
    if (this.socket && !this.socket.destroyed) return this.socket;
    const socket = net.connect({ port: this.port, host: '127.0.0.1', noDelay: true });
    this.buffered = Buffer.alloc(0);
    socket.on('data', (chunk: Buffer) => this.received(chunk));
    socket.on('error', (error) => this.fail(error));
    socket.on('close', () => {
      if (this.socket === socket) this.socket = undefined;
      this.fail(new Error('connection closed'));
    });
    this.socket = socket;
    return socket;
  }

  private received(chunk: Buffer): void {
    this.buffered = this.buffered.length === 0 ? chunk : Buffer.concat([this.buffered, chunk]);
    const headEnd = this.buffered.indexOf(CRLF2);
    if (headEnd < 0) return;
    const head = this.buffered.toString('latin1', 0, headEnd);
    const body = /\r\ntransfer-encoding: *chunked/i.test(head)
      ? chunkedBody(this.buffered, headEnd + CRLF2.length)
      : sizedBody(this.buffered, headEnd + CRLF2.length, head);
    if (body === 'malformed') return this.fail(new Error('malformed reply'));
    if (body === undefined) return; // not all there yet
    const pending = this.pending;
    if (!pending) return this.fail(new Error('reply without a request'));
    const ms = performance.now() - pending.started;
    const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(head)?.[1] ?? 0);
    this.buffered = this.buffered.subarray(body.end);
    this.pending = undefined;
    clearTimeout(pending.timer);
    pending.resolve({ status, body: parseBody(body.content.toString('utf8')), ms });
  }

  private fail(error: Error): void {
    const pending = this.pending;
    this.pending = undefined;
    if (pending) {
      clearTimeout(pending.timer);
      pending.reject(error);
    }
    if (this.socket && error.message !== 'connection closed') this.close();
  }
}

/** Kept-alive connections, taken by one request at a time; a new one opens when all are busy. */
export class ConnectionPool {
  private readonly idle: Connection[] = [];
  private readonly all = new Set<Connection>();
  constructor(private readonly port: number) {}
  take(): Connection {
    const connection = this.idle.pop() ?? new Connection(this.port);
    this.all.add(connection);
    return connection;
  }
  give(connection: Connection, healthy: boolean): void {
    if (healthy) this.idle.push(connection);
    else {
      connection.close();
      this.all.delete(connection);
    }
  }
  get size(): number {
    return this.all.size;
  }
  close(): void {
    for (const connection of this.all) connection.close();
  }
}
