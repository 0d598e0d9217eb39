import { translator } from '../../i18n/index';

/** The calling page: starting a call, why it did not start, how it ended. Plain words for elderly users. */
const zhCN = {
  title: '通话',
  connecting: '正在连接…',
  connectingTo: '正在呼叫{name}…',
  connectingHint: '请稍等，马上就好。',
  incomingCall: '来电',
  cancel: '取消',
  retry: '重试',
  back: '返回联系人',
  callAgain: '再打一次',
  callBack: '回拨',
  callBackNow: '想和对方说话，点“回拨”就能打回去。',
  answer: '接听',
  openCallScreen: '回到通话画面',
  forInstaller: '给安装人员看',
  fixerInstaller: '这要请安装人员来处理，再试也没有用。',
  fixerFamily: '这要请家人在手机上重新同意，再试也没有用。',
  autoReturn: '不碰屏幕的话，30 秒后自动回到联系人。',
  callScreenFailedHint: '来电画面打不开。请点“挂断”，稍后给对方回电话。',
  openSettings: '去设置',
  hangUp: '挂断',
  duration: '通话时长 {duration}',
  micDeniedTitle: '还没有允许使用麦克风',
  micDeniedHint: '打电话要用麦克风。请点“去设置”，打开“麦克风”，回来后点“重试”。',
  cameraDeniedTitle: '还没有允许使用摄像头',
  cameraDeniedHint: '视频通话要用摄像头。请点“去设置”，打开“摄像头”，回来后点“重试”。',
  privacyNotDeclaredTitle: '这台设备还没设置好，暂时不能通话',
  privacyNotDeclaredMicHint:
    '请联系安装人员：小程序的用户隐私保护指引里没有声明“麦克风”（错误 112），要在管理后台声明后重新发布。',
  privacyNotDeclaredCameraHint:
    '请联系安装人员：小程序的用户隐私保护指引里没有声明“摄像头”（错误 112），要在管理后台声明后重新发布。',
  busyElsewhereTitle: '现在已经有一个电话在进行',
  busyElsewhereHint: '请等这个电话结束后再打。',
  invalidTitle: '不知道要打给谁',
  invalidHint: '请回到联系人页面，重新选一下要打给谁。',
  unknownContactTitle: '这个人不在联系人里',
  unknownContactHint: '只能给联系人里的家人打电话。请回到联系人页面，从名单里选。',
  notAuthorisedTitle: '{name} 还没有授权这台设备',
  inCallTitle: '正在通话',
  inCallHint: '通话画面没有打开。要结束通话，请点“挂断”。',
  endedTitle: '通话已结束',
  endedHint: '想再打，请回到联系人页面。',
  ringing: '正在呼叫，等对方接听…',
  incomingRinging: '打来电话，正在响铃…',
  incomingHint: '来电画面没有打开。点“接听”就能通话；不想接，请点“挂断”。',
  missedTitle: '未接来电',
  missedHint: '{name} 打来过电话。可以在联系人里给对方回电话。',
  declinedTitle: '已拒接',
  callBackHint: '需要的时候，可以在联系人里给对方回电话。',
};

const en: typeof zhCN = {
  title: 'Call',
  connecting: 'Connecting…',
  connectingTo: 'Calling {name}…',
  connectingHint: 'Just a moment, please.',
  incomingCall: 'Incoming call',
  cancel: 'Cancel',
  retry: 'Try again',
  back: 'Back to contacts',
  callAgain: 'Call again',
  callBack: 'Call back',
  callBackNow: 'To talk to them, tap “Call back”.',
  answer: 'Answer',
  openCallScreen: 'Back to the call screen',
  forInstaller: 'For the installer',
  fixerInstaller: 'The installer has to fix this; trying again will not help.',
  fixerFamily: 'A family member has to agree again on their phone; trying again will not help.',
  autoReturn: 'Going back to your contacts in 30 seconds unless you touch the screen.',
  callScreenFailedHint: 'The call screen does not open. Tap “Hang up” and call them back later.',
  openSettings: 'Open settings',
  hangUp: 'Hang up',
  duration: 'Call length {duration}',
  micDeniedTitle: 'The microphone is not allowed yet',
  micDeniedHint:
    'Calls need the microphone. Tap “Open settings”, turn on “Microphone”, then come back and tap “Try again”.',
  privacyNotDeclaredTitle: 'This device is not set up for calls yet',
  privacyNotDeclaredMicHint:
    'Please call the installer: the Mini Program’s privacy guide does not declare the microphone (error 112); it must be declared in the admin console and the Mini Program published again.',
  privacyNotDeclaredCameraHint:
    'Please call the installer: the Mini Program’s privacy guide does not declare the camera (error 112); it must be declared in the admin console and the Mini Program published again.',
  cameraDeniedTitle: 'The camera is not allowed yet',
  cameraDeniedHint:
    'Video calls need the camera. Tap “Open settings”, turn on “Camera”, then come back and tap “Try again”.',
  busyElsewhereTitle: 'A call is already in progress',
  busyElsewhereHint: 'Please wait until that call has ended, then call again.',
  invalidTitle: 'It is not clear whom to call',
  invalidHint: 'Go back to your contacts and choose the person to call again.',
  unknownContactTitle: 'This person is not among your contacts',
  unknownContactHint: 'Only family in your contacts can be called. Go back and choose someone from the list.',
  notAuthorisedTitle: '{name} has not authorised this device yet',
  inCallTitle: 'In a call',
  inCallHint: 'The call screen did not open. To end the call, tap “Hang up”.',
  endedTitle: 'The call has ended',
  endedHint: 'To call again, go back to your contacts.',
  ringing: 'Calling, waiting for an answer…',
  incomingRinging: 'Calling you, ringing…',
  incomingHint: 'The call screen did not open. Tap “Answer” to talk, or “Hang up” to decline.',
  missedTitle: 'Missed call',
  missedHint: '{name} called. You can call them back from your contacts.',
  declinedTitle: 'Call declined',
  callBackHint: 'You can call them back from your contacts whenever you like.',
};

const catalog = { 'zh-CN': zhCN, en };

export default catalog;

export type CallingKey = keyof typeof zhCN & string;

export const { texts: callingTexts, t: tCalling } = translator(catalog);
