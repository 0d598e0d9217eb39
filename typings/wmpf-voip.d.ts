/**
 * Types for the WeChat VOIP call plugin (alias `wmpf-voip`, provider wxf830863afde621eb), which
 * miniprogram-api-typings does not ship: the plugin APIs this app calls. Field names follow the official pages,
 * https://developers.weixin.qq.com/miniprogram/dev/framework/device/voip-plugin/api/<name>.html
 */
declare namespace WmpfVoip {
  type RoomType = 'voice' | 'video';
  /** 0 = camera on, 1 = camera off */
  type CameraStatus = 0 | 1;
  type MiniprogramState = 'formal' | 'trial' | 'developer';
  /** How a call is billed: call minutes ('duration') or device licences ('license'). */
  type ChargeType = 'duration' | 'license';

  interface Party {
    id: string;
    name?: string;
    cameraStatus?: CameraStatus;
  }

  /**
   * initByCaller request. Deliberately has NO `voipToken` member: devices registered with
   * registerMiniProgramDevice must not send the key at all (plugin >= 2.3.0).
   */
  interface InitByCallerRequest {
    roomType: RoomType;
    caller: Party;
    listener: Party;
    /** 1 = device calls a WeChat user */
    businessType: 1 | 2;
    miniprogramState?: MiniprogramState;
    customQuery?: string;
    /** >= 2.3.8 */
    timeLimit?: number;
  }

  interface InitByCallerSuccess {
    isSuccess: true;
    /** >= 2.4.0 */
    roomId?: string;
    groupId?: string;
    chargeType?: ChargeType;
  }

  interface InitByCallerFailure {
    isSuccess: false;
    errCode?: number;
    errMsg?: string;
    errObj?: VoipErrorLike;
    error?: { err_code?: number; errMsg?: string };
  }

  type InitByCallerResult = InitByCallerSuccess | InitByCallerFailure;

  /** Shape of the plugin's VoipError classes (>= 2.4.0). Thrown by initByCaller / callWMPF. */
  interface VoipErrorLike {
    errCode: number;
    errMsg: string;
    errno?: number;
    message?: string;
    extErrMsg?: string;
    errType?: string;
    cause?: unknown;
  }

  type EventName =
    | 'startVoip'
    | 'abortVoip'
    | 'hangOnVoip'
    | 'cancelVoip'
    | 'rejectVoip'
    | 'hangUpVoip'
    | 'endVoip'
    | 'busy'
    | 'calling'
    | 'timeout'
    | 'joinedRoomByCaller'
    | 'joinFailCaller'
    | 'joinFailListener'
    | 'finishVoip'
    | 'callPageOnShow'
    | 'showCustomBox'
    | 'hideCustomBox';

  /** Event as delivered by the plugin. `data` is loosely typed on purpose: it is validated by our code. */
  interface RawEvent {
    eventName: string;
    roomId?: string;
    groupId?: string;
    data?: unknown;
  }

  type EventListener = (event: RawEvent) => void;

  interface UIConfig {
    cameraRotation?: 0 | 90 | 180 | 270;
    aspectRatio?: number;
    horMirror?: boolean;
    vertMirror?: boolean;
    enableToggleCamera?: boolean;
    objectFit?: 'fill' | 'contain';
  }

  interface SetUIConfigRequest {
    btnText?: string;
    callerUI?: UIConfig;
    listenerUI?: UIConfig;
    handsFree?: boolean;
    isSelfWindowMax?: boolean;
    customBoxHeight?: '70vh' | '90vh';
  }

  interface SetVoipEndPagePathRequest {
    url: string;
    key: 'Call' | 'BindContact';
    options?: string;
    routeType?: 'redirectTo' | 'switchTab' | 'reLaunch';
  }

  interface BindContactListRequest {
    sn: string;
    model_id: string;
    openid_list: string[];
  }

  interface BindContactListResult {
    errcode?: number;
    errmsg?: string;
    contact_list?: unknown;
  }

  /** callWMPF (>= 2.4.0, phone WeChat only): a WeChat user calls an Android WMPF device. */
  interface CallWmpfRequest {
    roomType: RoomType;
    sn: string;
    modelId: string;
    pushToken: string;
    nickName: string;
    deviceName?: string;
    /** >= 2.4.0; the plugin's default is 'license' */
    chargeType?: ChargeType;
    timeLimit?: number;
    enableCallerCamera?: boolean;
    enableListenerCamera?: boolean;
    envVersion?: 'release' | 'trial' | 'develop';
    customQuery?: string;
  }

  interface CallWmpfResult {
    roomId?: string;
  }

  interface PluginEnterOptions {
    query?: Record<string, string | undefined>;
    path?: string;
  }

  interface Plugin {
    CALL_PAGE_PATH?: string;
    initByCaller(request: InitByCallerRequest): Promise<InitByCallerResult>;
    callWMPF?(request: CallWmpfRequest): Promise<CallWmpfResult>;
    onVoipEvent(listener: EventListener): (() => void) | undefined;
    forceHangUpVoip(roomId?: string): void;
    setUIConfig(config: SetUIConfigRequest): void;
    setVoipEndPagePath(request: SetVoipEndPagePathRequest): void;
    getIotBindContactList(request: BindContactListRequest): Promise<BindContactListResult>;
    getPluginEnterOptions?(): PluginEnterOptions | undefined;
    /** The query of the call page's onLoad (>= 2.2.3; read after callPageOnShow). */
    getPluginOnloadOptions?(): Record<string, string | undefined> | undefined;
  }
}
