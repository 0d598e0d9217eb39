/** docs/backend-api.md §2.3 (security protocol §8): every implementation signs these exactly. */
import * as crypto from 'crypto';
import { canonicalString, isDeviceSignature, pairingScene, parsePairingScene } from '#contract';
import { hmacBase64Url, sha256Hex } from '../src/auth/crypto';
import { signature } from './helpers/signing';

const SECRET = 'AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8';
const SN = 'SN0001-abc';
const TIMESTAMP = 1767225600;
const NONCE = 'AAECAwQFBgcICQoLDA0ODw';
const PUSH_BODY = '{"modelId":"model-1","pushToken":"push-abc","expiresAt":1767229200000}';

describe('golden vectors', () => {
  it('the secret is the bytes 0x00…0x1f', () => {
    expect(Buffer.from(SECRET, 'base64url')).toEqual(Buffer.from(Array.from({ length: 32 }, (_, i) => i)));
  });

  it('vector 1: POST push-token', () => {
    expect(sha256Hex(PUSH_BODY)).toBe('35223d654da0d88ebfe481d8b2f629250a9f494310aaacac86b8c0ab60fe9b26');
    const canonical = canonicalString({
      sn: SN,
      method: 'POST',
      path: '/devices/SN0001-abc/push-token',
      timestamp: TIMESTAMP,
      nonce: NONCE,
      bodySha256Hex: sha256Hex(PUSH_BODY),
    });
    expect(canonical).toBe(
      [
        'FCV1',
        SN,
        'POST',
        '/devices/SN0001-abc/push-token',
        '1767225600',
        NONCE,
        '35223d654da0d88ebfe481d8b2f629250a9f494310aaacac86b8c0ab60fe9b26',
      ].join('\n'),
    );
    expect(hmacBase64Url(SECRET, canonical)).toBe('3U2MhWMMBC4Bt09JT3kfvlnQ9BvMaEnxx7-i57fFALc');
  });

  it('vector 2: GET contacts with an empty body', () => {
    const sig = signature({
      secret: SECRET,
      sn: SN,
      method: 'GET',
      path: '/devices/SN0001-abc/contacts',
      body: '',
      timestamp: TIMESTAMP,
      nonce: NONCE,
    });
    expect(sig).toBe('jbonft4ewUBfQevdoV6FlDxLV1GcQ5a7D6uEy4mX3rQ');
  });

  it('the canonical string upper-cases the method and has no trailing newline', () => {
    const canonical = canonicalString({
      sn: SN,
      method: 'get' as 'GET',
      path: '/p',
      timestamp: 1,
      nonce: NONCE,
      bodySha256Hex: sha256Hex(''),
    });
    expect(canonical.split('\n')[2]).toBe('GET');
    expect(canonical.endsWith('\n')).toBe(false);
  });

  it('a host reply is checked before it is used', () => {
    const good = {
      sn: SN,
      timestamp: TIMESTAMP,
      nonce: NONCE,
      signature: 'jbonft4ewUBfQevdoV6FlDxLV1GcQ5a7D6uEy4mX3rQ',
    };
    expect(isDeviceSignature(good)).toBe(true);
    expect(isDeviceSignature({ ...good, sn: 'SN 1' })).toBe(false);
    expect(isDeviceSignature({ ...good, timestamp: '1767225600' })).toBe(false);
    expect(isDeviceSignature({ ...good, nonce: 'short' })).toBe(false);
    expect(isDeviceSignature({ ...good, signature: `${good.signature}=` })).toBe(false);
    expect(isDeviceSignature(null)).toBe(false);
  });

  it('pairing scenes are p.<pairingId>, 24 characters, and parse back (raw or URI-encoded)', () => {
    const id = crypto.randomBytes(16).toString('base64url');
    const scene = pairingScene(id);
    expect(scene).toHaveLength(24);
    expect(parsePairingScene(scene)).toBe(id);
    expect(parsePairingScene(encodeURIComponent(scene))).toBe(id);
    expect(parsePairingScene('SN0001-abc.model-1')).toBeUndefined();
    expect(parsePairingScene('p.short')).toBeUndefined();
    expect(parsePairingScene('%E0%A4%A')).toBeUndefined();
  });
});
