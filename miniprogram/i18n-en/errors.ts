import type zhCN from '../i18n/messages/errors';

export default {
  codeLabel: 'Error code {code}',

  notAuthorisedTitle: 'This person has not yet agreed to take calls from this device',
  notAuthorisedHint:
    'Ask them to open this mini program in WeChat on their phone and agree again to calls from this device, then call again.',
  invalidContactTitle: 'The details of this contact are wrong',
  invalidContactHint: 'Ask your family to add this contact again on their phone, then call again.',
  deviceCredentialTitle: 'This device is not ready to make calls',
  deviceCredentialHint:
    'Check the network and try again. If it still does not work, contact the device administrator.',
  capabilityTitle: 'Calling is not available yet',
  capabilityHint: 'The calling service is still being set up. Please contact the device administrator.',
  arrearsTitle: 'The calling service has run out of credit',
  arrearsHint: 'Please ask the device administrator to top up or activate the calling service.',
  licenceTitle: 'The calling service of this device has expired or is not active',
  licenceHint: 'Please contact the device administrator.',
  busyTitle: 'A call is already in progress',
  busyHint: 'Hang up the current call first, or wait a moment and call again.',
  avDeviceTitle: 'The microphone or camera cannot be used',
  avDeviceHint: 'Check that the microphone and camera of the device are switched on, then try again.',
  networkTitle: 'The network is not good enough, the call did not go through',
  networkHint: 'Check that the network is connected and call again in a moment.',
  invalidParamsTitle: 'The call details are wrong, the call did not go through',
  invalidParamsHint:
    'Go back to your contacts, choose the person again and call. If it still does not work, contact the device administrator.',
  notWmpfTitle: 'Calls cannot be made here',
  notWmpfHint: 'Please use this on the calling device at home.',
  interruptedTitle: 'The call was interrupted',
  interruptedHint: 'Please call again.',
  joinFailedTitle: 'The call could not be connected',
  joinFailedHint: 'Wait a moment and try again. If it keeps happening, restart the device and call again.',
  pluginMissingTitle: 'Calling is not ready',
  pluginMissingHint:
    'Restart the device and try again. If it still does not work, contact the device administrator.',
  unknownTitle: 'The call did not go through',
  unknownHint:
    'Wait a moment and try again. If it keeps happening, tell your family or the device administrator the error code {code}.',
  unknownHintNoCode:
    'Wait a moment and try again. If it keeps happening, tell your family or the device administrator.',

  endHungUpTitle: 'The call has ended',
  endHungUpHint: 'If you want to talk more, just call again.',
  endRejectedTitle: 'They cannot take the call right now',
  endRejectedHint: 'You can call again a little later.',
  endBusyTitle: 'They are on another call',
  endBusyHint: 'Please call again in a few minutes.',
  endNoAnswerTitle: 'No one answered',
  endNoAnswerHint: 'They may not have seen their phone. You can call again a little later.',
  endCancelledTitle: 'The call was cancelled',
  endCancelledHint: 'You can call again whenever you like.',
  endAbortedTitle: 'The call was cut off',
  endAbortedHint: 'The network may be poor. Check the network and call again.',
  endJoinFailedTitle: 'The call could not be connected',
  endJoinFailedHint: 'Wait a moment and try again. If it keeps happening, restart the device and call again.',
  endUnknownTitle: 'The call has ended',
  endUnknownHint: 'If you want to talk more, just call again.',
} satisfies typeof zhCN;
