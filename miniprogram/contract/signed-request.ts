/**
 * The receiving side of a signed device request (docs/backend-api.md §2.2), shared by the server and the simulated
 * backend so both refuse the same requests. Nothing in app.json reaches it: not uploaded.
 */
import {
  DEVICE_NONCE_HEADER,
  DEVICE_SIGNATURE_HEADER,
  DEVICE_SN_HEADER,
  DEVICE_TIMESTAMP_HEADER,
  TIMESTAMP_PATTERN,
  isDeviceSignature,
  type DeviceSignature,
  type SignedMethod,
} from './signing';

const TIMESTAMP = new RegExp(TIMESTAMP_PATTERN);

export function signedMethodOf(method: string): SignedMethod | undefined {
  return method === 'GET' || method === 'POST' || method === 'DELETE' ? method : undefined;
}

/** The signature the headers carry (`header` looks one up by its name), when all four are there and well formed. */
export function signatureFromHeaders(
  header: (name: string) => string | undefined,
): DeviceSignature | undefined {
  const timestamp = header(DEVICE_TIMESTAMP_HEADER);
  if (timestamp === undefined || !TIMESTAMP.test(timestamp)) return undefined;
  const signature = {
    sn: header(DEVICE_SN_HEADER),
    timestamp: Number(timestamp),
    nonce: header(DEVICE_NONCE_HEADER),
    signature: header(DEVICE_SIGNATURE_HEADER),
  };
  return isDeviceSignature(signature) ? signature : undefined;
}
