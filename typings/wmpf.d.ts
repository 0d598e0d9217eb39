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

  interface EventOptions {
    event: string;
    success?: (res: unknown) => void;
    fail?: (err: CallbackError) => void;
    complete?: () => void;
  }

  /** What wmpf.Channel.on hands its callback: the host's payload string in `data` (not always there). */
  interface ChannelEvent {
    data?: string;
  }

  type ChannelEventCallback = (res: ChannelEvent) => void;

  interface Channel {
    invoke(options: InvokeOptions): void;
    /**
     * Tells the host app (WMPFClientProvider.InvokeChannelDelegate.registerEvent(event, eventId)) that this Mini
     * Program wants `event`; the host then sends it with notifyInvokeChannelEvent. Optional: absent on old WMPF.
     */
    registerEvent?(options: EventOptions): void;
    unregisterEvent?(options: EventOptions): void;
    /** Listens to a registered event (the host's `data` string in res.data). */
    on?(event: string, callback: ChannelEventCallback): void;
    off?(event: string, callback: ChannelEventCallback): void;
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
