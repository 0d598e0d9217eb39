/** The device secrets' HMAC keys are made once per secret: the same signatures, a bounded number of keys held. */
import * as crypto from 'crypto';
import { HMAC_KEY_CACHE_SIZE, hmacBase64Url, hmacKeyOf } from '../src/auth/crypto';

const secret = (i: number) => Buffer.alloc(32, i % 256).toString('base64url') + (i >= 256 ? `x${i}` : '');
const reference = (key: string, message: string) =>
  crypto.createHmac('sha256', Buffer.from(key, 'base64url')).update(message, 'utf8').digest('base64url');

describe('HMAC keys', () => {
  it('signs as an HMAC made from the secret each time, for a secret used again and after a rotation', () => {
    const before = secret(1);
    const after = secret(2);
    expect(hmacBase64Url(before, 'm')).toBe(reference(before, 'm'));
    expect(hmacBase64Url(before, 'm2')).toBe(reference(before, 'm2'));
    expect(hmacBase64Url(after, 'm')).toBe(reference(after, 'm'));
    expect(hmacBase64Url(after, 'm')).not.toBe(hmacBase64Url(before, 'm'));
  });

  it("makes each secret's key once, and keeps the HMAC_KEY_CACHE_SIZE most recent", () => {
    const oldest = secret(300);
    const first = hmacKeyOf(oldest);
    expect(hmacKeyOf(oldest)).toBe(first);
    // every key the cache held before is pushed out, then the oldest of these
    for (let i = 1; i <= HMAC_KEY_CACHE_SIZE; i += 1) hmacKeyOf(secret(300 + i));
    const newest = secret(300 + HMAC_KEY_CACHE_SIZE);
    expect(hmacKeyOf(newest)).toBe(hmacKeyOf(newest));
    const remade = hmacKeyOf(oldest);
    expect(remade).not.toBe(first);
    expect(remade.equals(first)).toBe(true);
    expect(hmacBase64Url(oldest, 'again')).toBe(reference(oldest, 'again'));
  });
});
