import type { CallEndReason } from '../host/types';
import type { Result } from '../../lib/result';

export type RoomType = WmpfVoip.RoomType;

export interface CallTarget {
  openId: string;
  name: string;
}

export interface StartCallRequest {
  contact: CallTarget;
  roomType: RoomType;
  /** The REGISTERED sn from getMiniProgramDeviceInfo (the plugin uses it anyway; a different one fails with 9). */
  callerSn: string;
}

/** Why a call could not start, grouped by what the person at the device can do about it. */
export type CallFailureKind =
  | 'not-authorised'
  | 'invalid-contact'
  | 'device-credential'
  | 'capability'
  | 'arrears'
  | 'licence'
  | 'busy'
  | 'av-device'
  | 'network'
  | 'invalid-params'
  | 'not-wmpf'
  | 'interrupted'
  | 'join-failed'
  | 'plugin-missing'
  | 'unknown';

export interface CallFailure {
  kind: CallFailureKind;
  /** The plugin's errCode when there is one (shown to the user for support). */
  code?: number;
  /** Plugin errMsg, for diagnostics only (never shown raw, never contains our sn). */
  errMsg?: string;
}

export type StartCallResult = Result<{ roomId: string }, CallFailure>;

export interface StartCallOptions {
  /**
   * Asked when initByCaller succeeded (it cannot be aborted): false when the person cancelled meanwhile. The call is
   * then hung up at once and the plugin's call page is not opened.
   */
  stillWanted?: () => boolean;
}

export interface VoipService {
  /** Calls initByCaller (businessType 1, no voipToken key) and, on success, opens the plugin's call page. */
  startCall(request: StartCallRequest, options?: StartCallOptions): Promise<StartCallResult>;
  forceHangUp(roomId?: string): void;
  /**
   * Opens the plugin's call page for a family member's call our page is showing, answering it (the push path's
   * query plus isClickedHangOnBtn=1, the flag a host sets after its own answer button). False when it did not open.
   */
  answerOnCallPage(call: { roomId?: string; roomType: RoomType; callerName: string }): Promise<boolean>;
}

/** The call lifecycle, derived from the plugin's 17 events and keyed by roomId. */
export type CallLifecycleEvent =
  | { type: 'joined'; roomId: string }
  | { type: 'connected'; roomId: string }
  | { type: 'progress'; roomId: string; keepTime: number }
  | {
      type: 'ended';
      roomId: string;
      reason: CallEndReason;
      /** seconds the call was connected */
      keepTime: number;
      isCaller?: boolean;
      roomType?: RoomType;
      /** counterpart display name from endVoip, when the plugin gives it */
      peerName?: string;
      errMsg?: string;
    }
  | { type: 'billed'; roomId: string; keepTime: number }
  | { type: 'call-page-shown' };

export interface VoipEvents {
  /** Listeners get lifecycle events from the one app-lifetime onVoipEvent subscription. */
  subscribe(listener: (event: CallLifecycleEvent) => void): () => void;
}
