import { errMsgOf } from '../../lib/guards';
import { err, ok, type Result } from '../../lib/result';
import type { KeyValueStorage, StorageError } from './types';

function toError(e: unknown): StorageError {
  return { errMsg: errMsgOf(e, 'storage failed') };
}

async function written(write: () => Promise<unknown>): Promise<Result<void, StorageError>> {
  try {
    await write();
    return ok(undefined);
  } catch (e) {
    return err(toError(e));
  }
}

/** wx.getStorage fails with "getStorage:fail data not found" for a missing key. */
function isMissingKey(e: StorageError): boolean {
  return /not found/i.test(e.errMsg);
}

/** wx storage (async API). A missing key reads as undefined, not as an error. */
export const wxStorage: KeyValueStorage = {
  async get(key) {
    try {
      const res = await wx.getStorage({ key });
      return ok(res.data as unknown);
    } catch (e) {
      const error = toError(e);
      return isMissingKey(error) ? ok(undefined) : err(error);
    }
  },
  set: (key, value) => written(() => wx.setStorage({ key, data: value })),
  remove: (key) => written(() => wx.removeStorage({ key })),
};
