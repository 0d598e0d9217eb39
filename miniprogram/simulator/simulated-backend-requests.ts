/**
 * How the simulated backend reads a request, as the reference server does: its endpoint, its strict JSON body, the
 * login code in it, and the refusal (`{ "error": { "code" } }` with the code's status) for anything else.
 */
import { ERROR_STATUS, type ErrorCode } from '../contract/errors';
import { LOGIN_CODE_MAX_LENGTH, OPAQUE_ID_PATTERN } from '../contract/formats';
import { isRecord } from '../lib/guards';
import type { BackendOperation } from './family-scenario';

export interface SimulatedRequest {
  method: string;
  /** Relative to the base URL, with the query string. */
  path: string;
  /** Names in lower case. */
  headers: Record<string, string>;
  /** The exact body ('' when none). */
  body: string;
}

export interface SimulatedReply {
  status: number;
  /** What wx.request gives: the parsed JSON. */
  data: unknown;
  headers: Record<string, string>;
}

export class ApiRefusal {
  constructor(
    readonly code: ErrorCode,
    readonly status: number = ERROR_STATUS[code],
    readonly extra: { wechatErrcode?: number; headers?: Record<string, string> } = {},
  ) {}
}

export const refuse = (code: ErrorCode, status?: number, extra?: ApiRefusal['extra']): never => {
  throw new ApiRefusal(code, status, extra);
};

export const matches = (pattern: string, value: unknown): value is string =>
  typeof value === 'string' && new RegExp(pattern).test(value);

/** The JSON body as an object with exactly these fields (the server refuses unknown fields), else 400. */
export function strictBody(raw: string, fields: readonly string[]): Record<string, unknown> {
  let body: unknown;
  try {
    body = JSON.parse(raw);
  } catch {
    return refuse('invalid-request');
  }
  if (!isRecord(body) || Object.keys(body).some((key) => !fields.includes(key)))
    return refuse('invalid-request');
  return body;
}

export function loginCode(body: Record<string, unknown>): string {
  const { code } = body;
  if (!matches(OPAQUE_ID_PATTERN, code) || code.length > LOGIN_CODE_MAX_LENGTH)
    return refuse('invalid-request');
  return code;
}

export function decoded(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return '';
  }
}

/** The contract's endpoints (docs/backend-api.md §3); `device`: signed. */
const ENDPOINTS: ReadonlyArray<{ method: string; pattern: RegExp; op: BackendOperation; device: boolean }> = [
  { method: 'GET', pattern: /^\/devices\/([^/]+)\/contacts$/, op: 'listContacts', device: true },
  { method: 'DELETE', pattern: /^\/devices\/([^/]+)\/contacts\/([^/]+)$/, op: 'removeContact', device: true },
  {
    method: 'POST',
    pattern: /^\/devices\/([^/]+)\/contacts\/([^/]+)\/pin$/,
    op: 'setContactPin',
    device: true,
  },
  { method: 'POST', pattern: /^\/devices\/([^/]+)\/push-token$/, op: 'uploadPushToken', device: true },
  { method: 'POST', pattern: /^\/devices\/([^/]+)\/pairing-codes$/, op: 'createPairingCode', device: true },
  {
    method: 'GET',
    pattern: /^\/devices\/([^/]+)\/pairing-codes\/([^/]+)$/,
    op: 'getPairingStatus',
    device: true,
  },
  { method: 'POST', pattern: /^\/pairings\/([^/]+)\/ticket$/, op: 'claimPairing', device: false },
  { method: 'POST', pattern: /^\/pairings\/([^/]+)\/contact$/, op: 'completePairing', device: false },
  { method: 'POST', pattern: /^\/me\/devices$/, op: 'listMyDevices', device: false },
  {
    method: 'POST',
    pattern: /^\/me\/devices\/([^/]+)\/push-token$/,
    op: 'getDevicePushToken',
    device: false,
  },
  { method: 'POST', pattern: /^\/me\/devices\/([^/]+)\/sn-ticket$/, op: 'getSnTicket', device: false },
  { method: 'GET', pattern: /^\/healthz$/, op: 'health', device: false },
  { method: 'POST', pattern: /^\/me\/devices\/([^/]+)\/pin$/, op: 'setMyPin', device: false },
];

export function endpointOf(method: string, path: string) {
  const pathOnly = path.split('?')[0];
  return ENDPOINTS.find((endpoint) => endpoint.method === method && endpoint.pattern.test(pathOnly));
}

/** The operation a request is for (what the simulated backend logs and scripts); undefined for no endpoint. */
export function operationOf(method: string, path: string): BackendOperation | undefined {
  return endpointOf(method, path)?.op;
}
