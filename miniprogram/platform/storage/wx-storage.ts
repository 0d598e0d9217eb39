import { errMsgOf } from '../../lib/guards';
import { err, ok } from '../../lib/result';
import type { KeyValueStorage, StorageError } from './types';

function toError(e: unknown): StorageError {
  return { errMsg: errMsgOf(e, 'storage failed') };
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
  async set(key, value) {
    try {
      await wx.setStorage({ key, data: value });
      return ok(undefined);
    } catch (e) {
      return err(toError(e));
    }
  },
  async remove(key) {
    try {
      await wx.removeStorage({ key });
      return ok(undefined);
    } catch (e) {
      return err(toError(e));
    }
  },
};
