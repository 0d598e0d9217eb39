/**
 * wx.requestDeviceVoIP as a Result. Failures documented only by samples: 10001 = already authorised (success),
 * 10008 = snTicket error, "invalid scope" = capability off (FAQ 3.3), refusal = "auth deny" / "cancel".
 */
import { systemClock, type Clock } from '../../../lib/clock';
import { errMsgOf, finiteNumber, isRecord } from '../../../lib/guards';
import type {
  DeviceAuthError,
  DeviceAuthOutcome,
  DeviceAuthoriser,
  WxPhoneApi,
} from '../../../platform/phone/types';
import { ALREADY_AUTHORISED_ERRCODE, TICKET_INVALID_ERRCODE } from '../../../platform/phone/wechat-phone';
import { err, ok, type Result } from '../../../lib/result';
import { settleOnce } from '../../../lib/settle-once';

/** WeChat's dialog shows at most 13 characters of deviceName. */
const MAX_DIALOG_DEVICE_NAME = 13;

function errCodeOf(res: unknown): number | undefined {
  if (!isRecord(res)) return undefined;
  return finiteNumber(typeof res.errCode === 'string' ? Number(res.errCode) : res.errCode);
}

export function classifyAuthFailure(res: unknown): Result<DeviceAuthOutcome, DeviceAuthError> {
  const errCode = errCodeOf(res);
  const errMsg = errMsgOf(res);
  const message = errMsg.toLowerCase();
  if (errCode === ALREADY_AUTHORISED_ERRCODE) return ok('already-authorised');
  if (message.includes('invalid scope')) return err({ kind: 'capability' });
  if (errCode === TICKET_INVALID_ERRCODE || message.includes('ticket')) {
    return err(errCode === undefined ? { kind: 'ticket-invalid' } : { kind: 'ticket-invalid', errCode });
  }
  if (/deny|denied|reject|cancel/.test(message)) return err({ kind: 'rejected', errMsg });
  if (/not support|not a function/.test(message)) return err({ kind: 'unsupported' });
  const failure: DeviceAuthError = { kind: 'failed' };
  if (errCode !== undefined) failure.errCode = errCode;
  if (errMsg) failure.errMsg = errMsg;
  return err(failure);
}

/** Cut by characters, not UTF-16 units. */
export function dialogDeviceName(name: string): string {
  return Array.from(name.trim()).slice(0, MAX_DIALOG_DEVICE_NAME).join('');
}

export function createDeviceAuthoriser(api: WxPhoneApi, clock: Clock = systemClock): DeviceAuthoriser {
  return {
    requestDeviceVoIP(request) {
      const call = api.requestDeviceVoIP;
      if (typeof call !== 'function') return Promise.resolve(err({ kind: 'unsupported' }));
      // No timeout: WeChat's dialog waits for the person as long as they need.
      return settleOnce<Result<DeviceAuthOutcome, DeviceAuthError>>(
        (settle) =>
          call.call(api, {
            sn: request.sn,
            snTicket: request.snTicket,
            modelId: request.modelId,
            deviceName: dialogDeviceName(request.deviceName),
            success: () => settle(ok('authorised')),
            fail: (res) => settle(classifyAuthFailure(res)),
          }),
        { clock, onThrow: classifyAuthFailure },
      );
    },
  };
}
