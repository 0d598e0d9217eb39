import { registerTexts } from '../../i18n/index';

/** Device: the pairing code a family member scans to be added as a contact. */
const zhCN = {
  title: '添加家人',
  heading: '请家人用手机微信扫一扫',
  step1: '家人打开手机微信，扫一扫这个二维码。',
  step2: '在手机上点「同意」，让这台设备可以给他打电话。',
  step3: '填上在这台设备上显示的称呼，点「同意并添加」。',
  after: '添加好以后，回到联系人页面就能看到他，直接点名字就能打电话。',
  loading: '正在准备二维码…',
  simulatedNote: '示例二维码（开发者工具）：不能真正扫码',
  imageFailedTitle: '二维码没有显示出来',
  imageFailedHint: '请检查网络后点「重新加载」。',
  reload: '重新加载',
  notDeviceTitle: '请在家里的通话设备上打开',
  notDeviceHint: '这个页面是给通话设备用的。家人在手机上请扫设备屏幕上的二维码。',
};

const en: typeof zhCN = {
  title: 'Add family',
  heading: 'Ask a family member to scan this with WeChat',
  step1: 'They open WeChat on their phone and scan this code.',
  step2: 'On the phone they tap "Agree", so this device can call them.',
  step3: 'They enter the name this device should show, and tap "Agree and add".',
  after: 'Then they appear on the contacts page: tap their name to call.',
  loading: 'Preparing the code…',
  simulatedNote: 'Sample code (DevTools): it cannot really be scanned',
  imageFailedTitle: 'The code did not show',
  imageFailedHint: 'Check the network and tap "Reload".',
  reload: 'Reload',
  notDeviceTitle: 'Please open this on the calling device at home',
  notDeviceHint: "This page is for the calling device. On a phone, scan the code on the device's screen.",
};

const catalog = { 'zh-CN': zhCN, en };

export default catalog;

registerTexts('devicePairing', catalog);
