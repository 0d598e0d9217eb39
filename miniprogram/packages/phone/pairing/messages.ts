import { translator } from '../../../i18n/index';

/** Phone: a family member agrees to calls from a device and is added as its contact. */
const zhCN = {
  title: '添加通话设备',
  loading: '正在查找设备…',
  invalidCodeTitle: '这个二维码打不开',
  invalidCodeHint: '请用微信扫一扫家里通话设备屏幕上「添加家人」的二维码。',
  notPhoneTitle: '请在手机微信里打开',
  notPhoneHint: '这一步要在家人的手机上完成：用手机微信扫一扫设备屏幕上的二维码。',
  deviceLabel: '家里的通话设备',
  intro: '同意后，这台设备就能给你打语音和视频电话，你也可以随时打给它。',
  nameLabel: '设备上怎么称呼你',
  namePlaceholder: '例如：女儿 小丽',
  nameMissing: '请先填一下称呼，设备上会显示这个名字。',
  agree: '同意并添加',
  working: '正在添加…',
  doneTitle: '添加好了',
  doneHint: '这台设备现在可以给你打电话了。在「我的设备」里，你也可以打给它。',
  doneAlreadyHint: '你之前已经同意过这台设备的来电，这次更新了你在设备上的称呼。',
  doneAgainHint: '这台设备又可以给你打电话了。',
  againIntro: '你已经是这台设备的联系人。如果设备打不通你的电话，请再同意一次它的来电。',
  agreeAgain: '同意来电',
  myDevices: '查看我的设备',
  retry: '再试一次',
  openSettings: '去设置',
  rejectedTitle: '还没有同意接听这台设备的电话',
  rejectedHint:
    '如果刚才没有弹出询问窗口，说明以前拒绝过，微信不会再问。请点「去设置」，打开「语音、视频通话提醒」里的这台设备，再点「再试一次」。',
  settingsPath: '也可以这样找到：本小程序右上角「···」→「设置」→「语音、视频通话提醒」',
  ticketExpiredTitle: '这次授权已经过期',
  ticketExpiredHint: '授权只在 5 分钟内有效。点「再试一次」会重新获取。',
  capabilityTitle: '这个小程序暂时不能添加通话设备',
  capabilityHint: '小程序的设备通话功能还没有开通，请联系设备管理员。',
  unsupportedTitle: '微信版本太低',
  unsupportedHint: '请把微信更新到最新版本，再扫一次设备上的二维码。',
  authFailedTitle: '没有添加成功',
  authFailedHint: '请过一会儿再试。如果一直这样，请联系设备管理员。',
  registerFailedTitle: '已经同意，但还没加到设备的联系人里',
};

const en: typeof zhCN = {
  title: 'Add a calling device',
  loading: 'Looking up the device…',
  invalidCodeTitle: 'This code cannot be opened',
  invalidCodeHint: 'In WeChat, scan the "Add family" code shown on the screen of the calling device at home.',
  notPhoneTitle: 'Please open this in WeChat on a phone',
  notPhoneHint:
    "This step is done on a family member's phone: scan the code on the device's screen with WeChat.",
  deviceLabel: 'Calling device at home',
  intro: 'Once you agree, this device can call you by voice and video, and you can call it any time.',
  nameLabel: 'Your name on the device',
  namePlaceholder: 'e.g. Lily (daughter)',
  nameMissing: 'Please enter a name first: the device will show it.',
  agree: 'Agree and add',
  working: 'Adding…',
  doneTitle: 'All set',
  doneHint: 'This device can now call you. You can call it from "My devices".',
  doneAlreadyHint:
    'You had already agreed to calls from this device; your name on the device has been updated.',
  doneAgainHint: 'This device can call you again.',
  againIntro:
    'You are already a contact of this device. If its calls do not reach you, agree to its calls once more.',
  agreeAgain: 'Agree to calls',
  myDevices: 'My devices',
  retry: 'Try again',
  openSettings: 'Open settings',
  rejectedTitle: 'Calls from this device are not allowed yet',
  rejectedHint:
    'If no question popped up just now, it was refused before and WeChat will not ask again. Tap "Open settings", switch this device on under "Voice and video call reminders", then tap "Try again".',
  settingsPath:
    'You can also get there via: "···" at the top right → "Settings" → "Voice and video call reminders"',
  ticketExpiredTitle: 'This authorisation has expired',
  ticketExpiredHint: 'It is only valid for 5 minutes. Tap "Try again" to get a new one.',
  capabilityTitle: 'This mini program cannot add calling devices yet',
  capabilityHint: 'Device calling has not been enabled for it yet. Please contact the device administrator.',
  unsupportedTitle: 'WeChat is too old',
  unsupportedHint: 'Please update WeChat to the latest version, then scan the code on the device again.',
  authFailedTitle: 'The device was not added',
  authFailedHint: 'Try again in a moment. If this keeps happening, contact the device administrator.',
  registerFailedTitle: "Agreed, but not yet added to the device's contacts",
};

export const { texts: pairingTexts, t: tPairing, pair: pairingPair } = translator({ 'zh-CN': zhCN, en });
