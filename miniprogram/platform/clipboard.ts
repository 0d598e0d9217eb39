import { errMsgOf } from '../lib/guards';
import { err, ok, type Result } from '../lib/result';

/** The system clipboard (wx.setClipboardData; WeChat shows its own "copied" toast). */
export interface Clipboard {
  copy(text: string): Promise<Result<void, { errMsg: string }>>;
}

export const wxClipboard: Clipboard = {
  async copy(data) {
    try {
      await wx.setClipboardData({ data });
      return ok(undefined);
    } catch (e) {
      return err({ errMsg: errMsgOf(e, 'setClipboardData failed') });
    }
  },
};
