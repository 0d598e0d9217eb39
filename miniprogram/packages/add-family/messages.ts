import { translator } from '../../i18n/index';

/** Device: the pairing code a family member scans to be added as a contact. */
const zhCN = {
  title: '添加家人',
  heading: '请家人用手机微信扫一扫',
  step1: '家人打开手机微信，扫一扫这个二维码。',
  step2: '在手机上点「同意」，让这台设备可以给他打电话。',
  step3: '填上在这台设备上显示的称呼，点「同意并添加」。二维码只能用一次。',
  after: '添加好以后，回到联系人页面就能看到他，直接点名字就能打电话。',
  loading: '正在准备二维码…',
  simulatedNote: '示例二维码（开发者工具）：不能真正扫码',
  imageFailedTitle: '二维码没有显示出来',
  imageFailedHint: '请检查网络后点「重新加载」。',
  reload: '重新加载',
  notDeviceTitle: '请在家里的通话设备上打开',
  notDeviceHint: '这个页面是给通话设备用的。家人在手机上请扫设备屏幕上的二维码。',
  validFor: '{minutes} 分钟内有效，只能用一次',
  validLessThanMinute: '马上换新的二维码…',
  claimed: '有家人扫了这个二维码，正在手机上确认…',
  added: '刚刚添加了「{name}」',
  addedNoName: '刚刚添加了一位家人',
  addedHint: '回到联系人页面就能给 TA 打电话。要再加一位，请扫新的二维码。',
  pausedTitle: '二维码已经收起来了',
  pausedHint: '很久没有人扫码。要添加家人时，点下面的按钮显示新的二维码。',
  showNewCode: '显示新的二维码',
};

const en: typeof zhCN = {
  title: 'Add family',
  heading: 'Ask a family member to scan this with WeChat',
  step1: 'They open WeChat on their phone and scan this code.',
  step2: 'On the phone they tap "Agree", so this device can call them.',
  step3: 'They enter the name this device should show, and tap "Agree and add". Each code works once.',
  after: 'Then they appear on the contacts page: tap their name to call.',
  loading: 'Preparing the code…',
  simulatedNote: 'Sample code (DevTools): it cannot really be scanned',
  imageFailedTitle: 'The code did not show',
  imageFailedHint: 'Check the network and tap "Reload".',
  reload: 'Reload',
  notDeviceTitle: 'Please open this on the calling device at home',
  notDeviceHint: "This page is for the calling device. On a phone, scan the code on the device's screen.",
  validFor: 'Valid for {minutes} min, works once',
  validLessThanMinute: 'A new code is on its way…',
  claimed: 'Someone scanned this code and is confirming on their phone…',
  added: '{name} was added just now',
  addedNoName: 'A family member was added just now',
  addedHint: 'Back on the contacts page you can call them. To add someone else, scan the new code.',
  pausedTitle: 'The code was put away',
  pausedHint: 'Nobody scanned for a while. To add family, tap below for a new code.',
  showNewCode: 'Show a new code',
};

export const {
  texts: devicePairingTexts,
  t: tDevicePairing,
  pair: devicePairingPair,
} = translator({ 'zh-CN': zhCN, en });
