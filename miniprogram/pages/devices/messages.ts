import { registerTexts } from '../../i18n/index';

/** Phone: the devices a family member has added, and calling them. */
const zhCN = {
  title: '我的设备',
  loading: '正在加载…',
  refresh: '刷新',
  simulatedNote: '模拟数据（开发者工具）：不会真正拨打电话',
  emptyTitle: '还没有添加设备',
  emptyHint: '在家里的通话设备上打开「添加家人」，用微信扫一扫屏幕上的二维码。',
  statusAuthorised: '可以给你打电话',
  statusNotAuthorised: '还不能给你打电话',
  statusUnknown: '不确定能不能给你打电话',
  reauthorise: '重新同意',
  reauthoriseHint: '需要你重新同意它的来电',
  unnamedDevice: '未添加的设备',
  unnamedHint: '你同意过它的来电，但还不是它的联系人。请在设备上重新扫码添加。',
  groupName: '设备组',
  groupHint: '你同意过这一组设备的来电。',
  voice: '语音',
  video: '视频',
  calling: '正在呼叫…',
  listUnavailable: '暂时看不到哪些设备能给你打电话，稍后刷新试试。',
  namesUnavailable: '设备名字暂时加载不出来：{reason}。{hint}',
  permissionRecordTitle: '需要使用麦克风',
  permissionCameraTitle: '需要使用摄像头',
  permissionHint: '请点「去设置」允许本小程序使用，然后再打。',
  openSettings: '去设置',
  dismiss: '知道了',
  deviceOfflineTitle: '设备现在可能没有联网',
  deviceOfflineHint: '请确认设备已经开机并连上网络，过一会儿再打。',
  notPhoneTitle: '请在手机微信里使用',
  notPhoneHint: '「我的设备」是给家人手机用的页面。',
  updateWechatTitle: '通话功能没有准备好',
  updateWechatHint: '请把微信更新到最新版本后再打。',
};

const en: typeof zhCN = {
  title: 'My devices',
  loading: 'Loading…',
  refresh: 'Refresh',
  simulatedNote: 'Simulated data (DevTools): no real calls are made',
  emptyTitle: 'No devices yet',
  emptyHint: 'On the calling device at home, open "Add family" and scan the code on its screen with WeChat.',
  statusAuthorised: 'Can call you',
  statusNotAuthorised: 'Cannot call you yet',
  statusUnknown: 'Not sure whether it can call you',
  reauthorise: 'Agree again',
  reauthoriseHint: 'Agree again so that it can call you',
  unnamedDevice: 'Device not added',
  unnamedHint:
    'You allowed its calls, but you are not one of its contacts. Scan the code on the device again.',
  groupName: 'Device group',
  groupHint: 'You allowed calls from this group of devices.',
  voice: 'Voice',
  video: 'Video',
  calling: 'Calling…',
  listUnavailable: 'Cannot tell right now which devices may call you. Try refreshing later.',
  namesUnavailable: 'Device names cannot be loaded right now. {reason}. {hint}',
  permissionRecordTitle: 'The microphone is needed',
  permissionCameraTitle: 'The camera is needed',
  permissionHint: 'Tap "Open settings" to allow it, then call again.',
  openSettings: 'Open settings',
  dismiss: 'OK',
  deviceOfflineTitle: 'The device may be offline',
  deviceOfflineHint: 'Make sure the device is on and connected to the network, then call again later.',
  notPhoneTitle: 'Please use this in WeChat on a phone',
  notPhoneHint: '"My devices" is a page for family members\' phones.',
  updateWechatTitle: 'Calling is not ready',
  updateWechatHint: 'Please update WeChat to the latest version and call again.',
};

const catalog = { 'zh-CN': zhCN, en };

export default catalog;

registerTexts('devices', catalog);
