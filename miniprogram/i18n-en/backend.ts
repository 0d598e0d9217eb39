import type zhCN from '../i18n/messages/backend';

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
  notProvisionedTitle: 'This device is not set up for the family service yet',
  notProvisionedHint: 'Please contact the installer: the device secret has to be provisioned.',
  hostOutdatedTitle: 'The host app needs an update',
  hostOutdatedHint: 'Please ask the device administrator to update the host app.',
  hostErrorTitle: 'The host app did not answer',
  hostErrorHint:
    'Restart the device and try again. If this keeps happening, contact the device administrator.',
  clockWrongTitle: "The device's clock is wrong",
  clockWrongHint: 'Check the date and time on the device, then try again.',
  clockSkew: 'The device clock is about {minutes} min off',
  notRecognisedTitle: 'The service does not recognise this device',
  notRecognisedHint: 'Please ask the installer to check the device secret.',
  pairingUnknownTitle: 'This code is not valid',
  pairingUnknownHint: 'In WeChat, scan the "Add family" code on the screen of the calling device at home.',
  pairingExpiredTitle: 'This code has expired',
  pairingExpiredHint: 'The device shows a new code now: scan it again.',
  pairingUsedTitle: 'This code was already used',
  pairingUsedHint: 'Each code works once. Open "Add family" on the device and scan the new code.',
};

export default en;
