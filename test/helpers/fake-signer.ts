/**
 * A host that signs backend requests for tests of the Mini Program's adapters: records what it was asked to sign
 * and answers a well-formed signature with a fresh nonce each time (or the error a test scripts).
 */
import type { DeviceSignature } from '../../miniprogram/contract/index';
import type { HostSigner, SignError, SignRequest } from '../../miniprogram/platform/host/types';
import { err, ok, type Result } from '../../miniprogram/lib/result';

export const SIGNED_SN = 'SN-0042_x';
export const SIGNED_AT = 1_767_225_600;

export interface FakeSigner extends HostSigner {
  requests: SignRequest[];
  /** The signatures handed out, in order. */
  issued: DeviceSignature[];
  /** Every next answer is this error (undefined: sign). */
  failWith: SignError | undefined;
}

export function createFakeSigner(sn = SIGNED_SN): FakeSigner {
  const signer: FakeSigner = {
    requests: [],
    issued: [],
    failWith: undefined,
    async signBackendRequest(request): Promise<Result<DeviceSignature, SignError>> {
      signer.requests.push({ ...request });
      if (signer.failWith) return err(signer.failWith);
      const n = signer.issued.length + 1;
      const signature: DeviceSignature = {
        sn,
        timestamp: SIGNED_AT + n,
        nonce: `nonce-${String(n).padStart(16, '0')}`,
        signature: `sig${String(n).padStart(40, '0')}`,
      };
      signer.issued.push(signature);
      return ok(signature);
    },
  };
  return signer;
}

/** The four headers a request signed with `signature` carries. */
export function signedHeadersOf(signature: DeviceSignature): Record<string, string> {
  return {
    'X-Device-Sn': signature.sn,
    'X-Device-Timestamp': String(signature.timestamp),
    'X-Device-Nonce': signature.nonce,
    'X-Device-Signature': signature.signature,
  };
}
