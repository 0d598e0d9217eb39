/** The server's few cryptographic operations, in one place. */
import * as crypto from 'crypto';

export const randomBase64Url = (bytes: number): string => crypto.randomBytes(bytes).toString('base64url');

export const sha256Hex = (text: string): string =>
  crypto.createHash('sha256').update(text, 'utf8').digest('hex');

/** HMAC-SHA256 with the device secret (base64url of 32 bytes) as key; base64url without padding. */
export function hmacBase64Url(secretBase64Url: string, message: string): string {
  return crypto
    .createHmac('sha256', Buffer.from(secretBase64Url, 'base64url'))
    .update(message, 'utf8')
    .digest('base64url');
}

/** Constant-time equality of two strings of any length (compares their SHA-256 digests). */
export function sameSecret(a: string, b: string): boolean {
  const digest = (text: string) => crypto.createHash('sha256').update(text, 'utf8').digest();
  return crypto.timingSafeEqual(digest(a), digest(b));
}
