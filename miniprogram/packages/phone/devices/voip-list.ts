/** wx.getDeviceVoIPList as a typed Result: the devices (and device groups) the person authorised, each with its status. */
import { systemClock, type Clock } from '../../../lib/clock';
import { cleanModelId, cleanSn } from '../../../contract/validate-backend';
import { errMsgOf, isRecord, nonEmptyString } from '../../../lib/guards';
import type {
  VoipAuthorisation,
  VoipListError,
  VoipListFetch,
  VoipListItem,
  VoipListReader,
  WxPhoneApi,
} from '../../../platform/phone/types';
import { PHONE_API_TIMEOUT_MS } from '../../../platform/phone/wechat-phone';
import { err, ok, type Result } from '../../../lib/result';
import { settleOnce } from '../../../lib/settle-once';

function toAuthorisation(status: unknown): VoipAuthorisation {
  const value = typeof status === 'string' && status.trim() !== '' ? Number(status) : status;
  if (value === 1) return 'authorised';
  if (value === 0) return 'not-authorised';
  return 'unknown';
}

/** Items carry `sn` + `model_id` (one device) or `group_id` (a device group, base library >= 2.30.4). */
function readVoipItem(raw: unknown): VoipListItem | undefined {
  if (!isRecord(raw)) return undefined;
  const authorisation = toAuthorisation(raw.status);
  const sn = cleanSn(raw.sn);
  if (sn) {
    const modelId = cleanModelId(raw.model_id) ?? '';
    return { kind: 'device', sn, modelId, authorisation };
  }
  const groupId = nonEmptyString(raw.group_id)?.trim();
  return groupId ? { kind: 'group', groupId, authorisation } : undefined;
}

export function parseVoipList(res: unknown): Result<VoipListFetch, VoipListError> {
  if (!isRecord(res) || !Array.isArray(res.list)) return err({ kind: 'failed', errMsg: 'reply has no list' });
  const items: VoipListItem[] = [];
  let skipped = 0;
  for (const raw of res.list) {
    const item = readVoipItem(raw);
    if (item) items.push(item);
    else skipped += 1;
  }
  return ok({ items, skipped });
}

export function createVoipListReader(api: WxPhoneApi, clock: Clock = systemClock): VoipListReader {
  return {
    getDeviceVoIPList() {
      const call = api.getDeviceVoIPList;
      if (typeof call !== 'function') return Promise.resolve(err({ kind: 'unsupported' }));
      return settleOnce<Result<VoipListFetch, VoipListError>>(
        (settle) =>
          call.call(api, {
            success: (res) => settle(parseVoipList(res)),
            fail: (res) => settle(err({ kind: 'failed', errMsg: errMsgOf(res) || 'getDeviceVoIPList:fail' })),
          }),
        {
          clock,
          timeoutMs: PHONE_API_TIMEOUT_MS,
          onTimeout: () => err({ kind: 'failed', errMsg: 'timeout' }),
          onThrow: (e) =>
            /not support/i.test(errMsgOf(e))
              ? err({ kind: 'unsupported' })
              : err({ kind: 'failed', errMsg: errMsgOf(e) || 'getDeviceVoIPList threw' }),
        },
      );
    },
  };
}
