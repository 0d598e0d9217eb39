/** Signs a device request as the host app does (docs/host-protocol.md signBackendRequest), for tests and the bench. */
import * as crypto from 'crypto';
import { canonicalString, deviceAuthHeaders, type SignedMethod } from '#contract';

export interface SignOptions {
  secret: string;
  sn: string;
  method: SignedMethod;
  /** Relative to the base URL, with the query string. */
  path: string;
  body?: string;
  /** seconds; default: now */
  timestamp?: number;
  nonce?: string;
}

export const newNonce = (): string => crypto.randomBytes(16).toString('base64url');

export function signature(options: SignOptions): string {
  const canonical = canonicalString({
    sn: options.sn,
    method: options.method,
    path: options.path,
    timestamp: options.timestamp ?? Math.floor(Date.now() / 1000),
    nonce: options.nonce ?? '',
    bodySha256Hex: crypto
      .createHash('sha256')
      .update(options.body ?? '', 'utf8')
      .digest('hex'),
  });
  return crypto
    .createHmac('sha256', Buffer.from(options.secret, 'base64url'))
    .update(canonical, 'utf8')
    .digest('base64url');
}

export function signedHeaders(options: SignOptions): Record<string, string> {
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  const nonce = options.nonce ?? newNonce();
  return deviceAuthHeaders({
    sn: options.sn,
    timestamp,
    nonce,
    signature: signature({ ...options, timestamp, nonce }),
  });
}
