/** What went wrong with our service (pairing, my devices, push token), for people, not engineers. */
const zhCN = {
  codeLabel: '代码 {code}',
  notConfiguredTitle: '服务还没有设置好',
  notConfiguredHint: '请联系设备管理员。',
  offlineTitle: '连接不上服务',
  offlineHint: '请检查网络，过一会儿再试。',
  deviceUnknownTitle: '找不到这台设备',
  deviceUnknownHint: '请确认扫的是家里通话设备屏幕上的二维码。如果一直这样，请联系设备管理员。',
  notAContactTitle: '你还没有添加这台设备',
  notAContactHint: '请在设备上打开「添加家人」，用微信扫一扫屏幕上的二维码。',
  pushTokenUnavailableTitle: '设备现在可能没有联网',
  pushTokenUnavailableHint: '请确认设备已经开机并连上网络，过一会儿再打。',
  loginTitle: '微信登录没有成功',
  loginHint: '请检查网络，过一会儿再试。',
  invalidRequestTitle: '信息有误',
  invalidRequestHint: '请重新扫一下设备上的二维码再试。',
  wechatErrorTitle: '微信服务暂时出错了',
  wechatErrorHint: '请过一会儿再试；如果一直这样，请联系设备管理员。',
  malformedTitle: '服务返回的信息看不懂',
  malformedHint: '请过一会儿再试；如果一直这样，请联系设备管理员。',
};

const en: typeof zhCN = {
  codeLabel: 'Code {code}',
  notConfiguredTitle: 'The service is not set up yet',
  notConfiguredHint: 'Please contact the device administrator.',
  offlineTitle: 'Cannot reach the service',
  offlineHint: 'Check the network and try again in a moment.',
  deviceUnknownTitle: 'This device cannot be found',
  deviceUnknownHint:
    'Make sure you scanned the code on the screen of the calling device at home. If this keeps happening, contact the device administrator.',
  notAContactTitle: 'You have not added this device yet',
  notAContactHint: 'On the device, open "Add family" and scan the code on its screen with WeChat.',
  pushTokenUnavailableTitle: 'The device may be offline',
  pushTokenUnavailableHint: 'Make sure the device is on and connected to the network, then call again later.',
  loginTitle: 'WeChat sign-in did not work',
  loginHint: 'Check the network and try again in a moment.',
  invalidRequestTitle: 'Something in the request is wrong',
  invalidRequestHint: 'Scan the code on the device again and retry.',
  wechatErrorTitle: 'A WeChat service had a problem',
  wechatErrorHint: 'Try again in a moment. If this keeps happening, contact the device administrator.',
  malformedTitle: 'The service sent something unexpected',
  malformedHint: 'Try again in a moment. If this keeps happening, contact the device administrator.',
};

export default { 'zh-CN': zhCN, en };
