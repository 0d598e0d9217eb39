/**
 * The `wmpf` global exists only inside WMPF (the Android hardware framework). It is undefined in phone
 * WeChat and DevTools, so every use must be guarded with `typeof wmpf !== 'undefined'`.
 */
declare namespace Wmpf {
  interface InvokeSuccess {
    /** The string the host app returned (our protocol: JSON). */
    data: string;
  }

  interface CallbackError {
    errMsg?: string;
    errCode?: number;
  }

  interface InvokeOptions {
    command: string;
    data?: Record<string, unknown>;
    success?: (res: InvokeSuccess) => void;
    fail?: (err: CallbackError) => void;
    complete?: () => void;
  }

  interface Channel {
    invoke(options: InvokeOptions): void;
  }

  interface PushTokenResult {
    token: string;
    /** seconds or milliseconds since epoch, as a string (validated by our code) */
    expireTimestamp: string | number;
  }

  interface Api {
    Channel: Channel;
    getWmpfPushToken?(options: {
      success?: (res: PushTokenResult) => void;
      fail?: (err: CallbackError) => void;
    }): void;
  }
}

declare const wmpf: Wmpf.Api | undefined;
