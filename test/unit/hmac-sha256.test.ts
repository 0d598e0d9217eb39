/**
 * The simulator's SHA-256/HMAC-SHA256/base64url (it signs and verifies device requests in DevTools and tests):
 * the golden vectors of docs/backend-api.md §2.3 and Node's crypto on random inputs.
 */
import * as crypto from 'crypto';
import { canonicalString } from '../../miniprogram/contract/index';
import {
  fromBase64Url,
  hmacSha256,
  sameText,
  sha256,
  toBase64Url,
  toHex,
  utf8Bytes,
} from '../../miniprogram/simulator/hmac-sha256';

const SECRET = 'AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8';
const SN = 'SN0001-abc';
const TIMESTAMP = 1767225600;
const NONCE = 'AAECAwQFBgcICQoLDA0ODw';

function sign(method: 'GET' | 'POST', path: string, body: string): string {
  const key = fromBase64Url(SECRET);
  if (!key) throw new Error('secret is not base64url');
  const canonical = canonicalString({
    sn: SN,
    method,
    path,
    timestamp: TIMESTAMP,
    nonce: NONCE,
    bodySha256Hex: toHex(sha256(utf8Bytes(body))),
  });
  return toBase64Url(hmacSha256(key, utf8Bytes(canonical)));
}

describe('golden vectors (docs/backend-api.md §2.3)', () => {
  it('decodes the secret to the 32 bytes 0x00…0x1f', () => {
    expect(Array.from(fromBase64Url(SECRET) ?? [])).toEqual(Array.from({ length: 32 }, (_, i) => i));
  });

  it('1. POST /devices/SN0001-abc/push-token: body hash and signature', () => {
    const body = '{"modelId":"model-1","pushToken":"push-abc","expiresAt":1767229200000}';
    expect(toHex(sha256(utf8Bytes(body)))).toBe(
      '35223d654da0d88ebfe481d8b2f629250a9f494310aaacac86b8c0ab60fe9b26',
    );
    expect(sign('POST', '/devices/SN0001-abc/push-token', body)).toBe(
      '3U2MhWMMBC4Bt09JT3kfvlnQ9BvMaEnxx7-i57fFALc',
    );
  });

  it('2. GET /devices/SN0001-abc/contacts with an empty body', () => {
    expect(sign('GET', '/devices/SN0001-abc/contacts', '')).toBe(
      'jbonft4ewUBfQevdoV6FlDxLV1GcQ5a7D6uEy4mX3rQ',
    );
  });
});

describe('agrees with Node crypto', () => {
  const texts = [
    '',
    'a',
    'abc',
    '奶奶家的通话屏',
    '😀 emoji',
    'x'.repeat(55),
    'y'.repeat(56),
    'z'.repeat(64),
    'w'.repeat(1000),
  ];

  it.each(texts.map((t) => [t.length, t]))('sha256 of a %i-character text', (_length, text) => {
    expect(toHex(sha256(utf8Bytes(text)))).toBe(
      crypto.createHash('sha256').update(text, 'utf8').digest('hex'),
    );
  });

  it('hmac with short, block-sized and long keys', () => {
    for (const keyLength of [0, 16, 32, 64, 65, 200]) {
      const key = crypto.randomBytes(keyLength);
      const message = crypto.randomBytes(keyLength * 3 + 1);
      expect(toBase64Url(hmacSha256(key, message))).toBe(
        crypto.createHmac('sha256', key).update(message).digest('base64url'),
      );
    }
  });

  it('base64url both ways for every length up to 40 bytes', () => {
    for (let length = 0; length <= 40; length += 1) {
      const bytes = crypto.randomBytes(length);
      const encoded = toBase64Url(bytes);
      expect(encoded).toBe(bytes.toString('base64url'));
      expect(Buffer.from(fromBase64Url(encoded) ?? [])).toEqual(bytes);
    }
  });

  it('refuses text that is not base64url', () => {
    expect(fromBase64Url('abc+')).toBeUndefined();
    expect(fromBase64Url('abcde')).toBeUndefined();
    expect(fromBase64Url('a=')).toBeUndefined();
  });

  it('compares texts exactly', () => {
    expect(sameText('abc', 'abc')).toBe(true);
    expect(sameText('abc', 'abd')).toBe(false);
    expect(sameText('abc', 'ab')).toBe(false);
    expect(sameText('', '')).toBe(true);
  });
});
