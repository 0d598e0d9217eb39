/**
 * The clipboard as wx.setClipboardData behaves: the text replaces what was there; it can fail (a scripted errMsg,
 * e.g. the privacy agreement not accepted). Keeps what was copied for tests and previews.
 */
import { err, ok } from '../lib/result';
import type { Clipboard } from '../platform/clipboard';

export interface SimulatedClipboard extends Clipboard {
  /** What the clipboard holds ('' before the first copy). */
  text: string;
  /** When set, every copy fails with this errMsg (and the clipboard keeps what it had). */
  failWith: string | undefined;
}

export function createSimulatedClipboard(): SimulatedClipboard {
  const clipboard: SimulatedClipboard = {
    text: '',
    failWith: undefined,
    copy(data) {
      if (clipboard.failWith !== undefined) return Promise.resolve(err({ errMsg: clipboard.failWith }));
      if (typeof data !== 'string')
        return Promise.resolve(err({ errMsg: 'setClipboardData:fail parameter error' }));
      clipboard.text = data;
      return Promise.resolve(ok(undefined));
    },
  };
  return clipboard;
}
