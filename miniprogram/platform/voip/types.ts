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
  /** Asked once initByCaller (not abortable) succeeded: false = cancelled meanwhile, hung up, no call page. */
  stillWanted?: () => boolean;
}

export interface VoipService {
  /** Calls initByCaller (businessType 1, no voipToken key) and, on success, opens the plugin's call page. */
  startCall(request: StartCallRequest, options?: StartCallOptions): Promise<StartCallResult>;
  forceHangUp(roomId?: string): void;
  /** Answers a family member's call on the plugin's call page (isClickedHangOnBtn=1); false if not opened. */
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
