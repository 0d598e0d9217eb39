/**
 * A fake of WeChat's server APIs on localhost, for tests and for local runs without an AppID/AppSecret. It keeps
 * WeChat's rules that matter to us, never kinder: access tokens expire after 2 h and are checked; a wx.login code
 * works once and for 5 minutes; getsnticket checks the sn's characters and length; getwxacodeunlimit checks the
 * scene (≤ 32 characters) and, with check_path, that the page is published. Faults can be injected per API.
 *
 * wx.login codes come from `issueLoginCode(openId)` (in process) or `POST /fake/login {"openId"}` (local runs):
 * the code stands for that WeChat user, as a real code stands for the person who called wx.login.
 */
import * as crypto from 'crypto';
import * as http from 'http';
import type { AddressInfo } from 'net';
import { encodePng } from './png';

export type FakeApi = 'stable_token' | 'jscode2session' | 'getsnticket' | 'getwxacodeunlimit';
/** `busy`: errcode -1; `http-500`; `drop`: the connection is closed without a reply; a number: that errcode. */
export type FakeFault = 'busy' | 'http-500' | 'drop' | number;

export interface FakeWechatOptions {
  appId: string;
  appSecret: string;
  now?: () => number;
  /** Pages getwxacodeunlimit accepts with check_path: true (WeChat: the published ones). */
  publishedPages?: string[];
}

const TOKEN_LIFETIME_S = 7200;
const CODE_LIFETIME_MS = 5 * 60 * 1000;
const SCENE_PATTERN = /^[0-9A-Za-z!#$&'()*+,/:;=?@._~-]{1,32}$/;

const ROUTES = new Map<string, FakeApi>([
  ['POST /cgi-bin/stable_token', 'stable_token'],
  ['GET /sns/jscode2session', 'jscode2session'],
  ['POST /wxa/getsnticket', 'getsnticket'],
  ['POST /wxa/getwxacodeunlimit', 'getwxacodeunlimit'],
]);

const randomId = (bytes: number) => crypto.randomBytes(bytes).toString('base64url');

export class FakeWechat {
  readonly calls: Record<FakeApi, number> = {
    stable_token: 0,
    jscode2session: 0,
    getsnticket: 0,
    getwxacodeunlimit: 0,
  };
  /** Tickets issued, by ticket: which sn/model it was for (tests check what reached the phone). */
  readonly snTickets = new Map<string, { sn: string; modelId: string }>();
  /** Scenes of the codes generated, in order. */
  readonly wxacodeScenes: string[] = [];
  /** TCP connections accepted so far (a client that keeps its connections alive opens few). */
  connectionsOpened = 0;

  private server: http.Server | undefined;
  private readonly now: () => number;
  private token: { value: string; expiresAt: number } | undefined;
  private readonly previousTokens = new Map<string, number>();
  private readonly codes = new Map<string, { openId: string; issuedAt: number; used: boolean }>();
  private readonly faults = new Map<FakeApi, FakeFault[]>();
  private readonly publishedPages: Set<string>;

  constructor(private readonly options: FakeWechatOptions) {
    this.now = options.now ?? Date.now;
    this.publishedPages = new Set(options.publishedPages ?? ['packages/phone/pairing/index']);
  }

  /** Listens on 127.0.0.1 (port 0 = any free port); resolves with the base URL. */
  async start(port = 0): Promise<string> {
    const server = http.createServer((req, res) => {
      this.handle(req, res).catch(() => {
        if (!res.headersSent) res.writeHead(500).end();
      });
    });
    server.on('connection', () => (this.connectionsOpened += 1));
    this.server = server;
    await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
    return this.baseUrl;
  }

  get baseUrl(): string {
    const address = this.server?.address() as AddressInfo | null | undefined;
    if (!address) throw new Error('fake WeChat API not started');
    return `http://127.0.0.1:${address.port}`;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** What wx.login gives the WeChat user `openId` on a phone. */
  issueLoginCode(openId: string): string {
    const code = `fake-${randomId(18)}`;
    this.codes.set(code, { openId, issuedAt: this.now(), used: false });
    return code;
  }

  /** The next `count` calls of `api` fail with `fault`. */
  failNext(api: FakeApi, fault: FakeFault, count = 1): void {
    const queue = this.faults.get(api) ?? [];
    for (let i = 0; i < count; i += 1) queue.push(fault);
    this.faults.set(api, queue);
  }

  /** As if WeChat invalidated the current access_token (errcode 40001 for it from now on). */
  revokeAccessToken(): void {
    if (this.token) this.previousTokens.set(this.token.value, 0);
    this.token = undefined;
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://fake');
    const body = await readJson(req);
    const route = `${req.method} ${url.pathname}`;
    if (route === 'POST /fake/login') {
      const openId = typeof body.openId === 'string' && body.openId !== '' ? body.openId : `o${randomId(20)}`;
      return sendJson(res, { code: this.issueLoginCode(openId) });
    }
    const api = ROUTES.get(route);
    if (api === undefined) return sendJson(res, { errcode: 404, errmsg: 'not found' }, 404);
    this.calls[api] += 1;
    const fault = this.faults.get(api)?.shift();
    if (fault !== undefined) {
      if (fault === 'drop') return void req.socket.destroy();
      if (fault === 'http-500') return sendJson(res, { errmsg: 'internal' }, 500);
      return sendJson(res, { errcode: fault === 'busy' ? -1 : fault, errmsg: 'injected' });
    }
    switch (api) {
      case 'stable_token':
        return sendJson(res, this.stableToken(body));
      case 'jscode2session':
        return sendJson(res, this.jscode2session(url.searchParams));
      case 'getsnticket':
        return sendJson(res, this.tokenError(url) ?? this.getSnTicket(body));
      case 'getwxacodeunlimit': {
        const failure = this.tokenError(url) ?? this.wxacodeError(body);
        if (failure) return sendJson(res, failure);
        const scene = String(body.scene);
        this.wxacodeScenes.push(scene);
        const image = fakeCodeImage(scene);
        res.writeHead(200, { 'content-type': 'image/png', 'content-length': image.length }).end(image);
        return;
      }
    }
  }

  private stableToken(body: Record<string, unknown>) {
    if (body.grant_type !== 'client_credential') return { errcode: 40002, errmsg: 'invalid grant_type' };
    if (body.appid !== this.options.appId) return { errcode: 40013, errmsg: 'invalid appid' };
    if (body.secret !== this.options.appSecret) return { errcode: 40125, errmsg: 'invalid appsecret' };
    const now = this.now();
    if (!this.token || this.token.expiresAt <= now || body.force_refresh === true) {
      if (this.token)
        this.previousTokens.set(this.token.value, Math.min(this.token.expiresAt, now + 5 * 60_000));
      this.token = { value: `tok-${randomId(24)}`, expiresAt: now + TOKEN_LIFETIME_S * 1000 };
    }
    const expiresIn = Math.floor((this.token.expiresAt - now) / 1000);
    return { access_token: this.token.value, expires_in: expiresIn };
  }

  private tokenError(url: URL) {
    const token = url.searchParams.get('access_token');
    if (!token) return { errcode: 41001, errmsg: 'access_token missing' };
    const now = this.now();
    if (this.token?.value === token) {
      return this.token.expiresAt > now ? undefined : { errcode: 42001, errmsg: 'access_token expired' };
    }
    const graceUntil = this.previousTokens.get(token);
    if (graceUntil !== undefined && graceUntil > now) return undefined;
    return { errcode: 40001, errmsg: 'invalid credential, access_token is invalid or not latest' };
  }

  private jscode2session(query: URLSearchParams) {
    if (query.get('appid') !== this.options.appId) return { errcode: 40013, errmsg: 'invalid appid' };
    if (query.get('secret') !== this.options.appSecret)
      return { errcode: 40125, errmsg: 'invalid appsecret' };
    if (query.get('grant_type') !== 'authorization_code')
      return { errcode: 40002, errmsg: 'invalid grant_type' };
    const entry = this.codes.get(query.get('js_code') ?? '');
    if (!entry || entry.issuedAt + CODE_LIFETIME_MS <= this.now())
      return { errcode: 40029, errmsg: 'invalid code' };
    if (entry.used) return { errcode: 40163, errmsg: 'code been used' };
    entry.used = true;
    return { openid: entry.openId, session_key: randomId(16) };
  }

  private getSnTicket(body: Record<string, unknown>) {
    const { sn, model_id: modelId } = body;
    if (typeof sn !== 'string' || sn.length > 128) return { errcode: 9800001, errmsg: 'sn too long' };
    if (!/^[0-9A-Za-z_-]+$/.test(sn)) return { errcode: 9800002, errmsg: 'sn invalid' };
    if (typeof modelId !== 'string' || modelId === '')
      return { errcode: 9800003, errmsg: 'model_id invalid' };
    const ticket = `snt-${randomId(24)}`;
    this.snTickets.set(ticket, { sn, modelId });
    return { errcode: 0, errmsg: 'ok', sn_ticket: ticket };
  }

  private wxacodeError(body: Record<string, unknown>) {
    if (typeof body.scene !== 'string' || !SCENE_PATTERN.test(body.scene))
      return { errcode: 40169, errmsg: 'invalid length for scene, or the data is not json string' };
    const page = typeof body.page === 'string' ? body.page : '';
    if (body.check_path !== false && !this.publishedPages.has(page))
      return { errcode: 41030, errmsg: 'invalid page rule' };
    return undefined;
  }
}

async function readJson(req: http.IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  if (text === '') return {};
  try {
    const parsed: unknown = JSON.parse(text);
    return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

function sendJson(res: http.ServerResponse, body: unknown, status = 200): void {
  const text = JSON.stringify(body);
  res
    .writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) })
    .end(text);
}

/** A code-like picture (not a real wxacode): 25×25 modules from the scene's hash, three finder squares. */
function fakeCodeImage(scene: string): Buffer {
  const modules = 25;
  const scale = 8;
  const bits = crypto.createHash('sha256').update(scene).digest();
  const finder = (x: number, y: number) => {
    for (const [fx, fy] of [
      [0, 0],
      [modules - 7, 0],
      [0, modules - 7],
    ] as const) {
      const dx = x - fx;
      const dy = y - fy;
      if (dx >= 0 && dx < 7 && dy >= 0 && dy < 7)
        return dx === 0 || dx === 6 || dy === 0 || dy === 6 || (dx >= 2 && dx <= 4 && dy >= 2 && dy <= 4);
    }
    return undefined;
  };
  const size = modules * scale;
  const pixels = Buffer.alloc(size * size, 255);
  for (let y = 0; y < modules; y += 1) {
    const top = y * scale * size;
    for (let x = 0; x < modules; x += 1) {
      const index = y * modules + x;
      const dark = finder(x, y) ?? ((bits[index % bits.length] ?? 0) >> (index % 8)) % 2 === 1;
      if (dark) pixels.fill(0, top + x * scale, top + (x + 1) * scale);
    }
    // a module row is `scale` pixel rows alike
    for (let py = 1; py < scale; py += 1) pixels.copy(pixels, top + py * size, top, top + size);
  }
  return encodePng(size, size, pixels);
}
