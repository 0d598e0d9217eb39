import type zhCN from '../i18n/messages/status';

export default {
  checking: 'Checking the device…',
  ready: 'Device ready',
  simulated: 'Simulated device (DevTools): no real calls are made',
  notRegistered: 'This device is not registered yet, so it cannot call',
  notRegisteredHint: 'Ask the person who manages the device to register it, then open this app again.',
  unsupported: 'The device software is too old to call',
  unsupportedHint:
    'Needs WMPF {minWmpf} or later and call plugin {minPlugin} or later. Found: WMPF {wmpf}, plugin {plugin}. Ask for an update.',
  notWmpf: 'Device calls are not possible here',
  notWmpfHint: 'Please use this app on the calling device at home.',
  hostError: 'Cannot reach the device service',
  hostTimeoutHint:
    'The device service did not answer. Try again in a moment; if it keeps happening, restart the device.',
  hostInvokeFailedHint: 'The device app lacks a feature this needs. Ask for the device app to be updated.',
  hostMalformedHint: 'The device app sent something unexpected. Ask for the device app to be checked.',
  lastKnown: 'You can call: using the device details saved last time',
  lastKnownHint: 'Device details saved: {when}. This time: {why}',
  pluginMissing: 'The call plugin is not available',
  pluginMissingHint: 'Ask the app administrator to add the “VoIP call for hardware” plugin to this app.',
  recheck: 'Check again',
  personChecking: 'Checking this device…',
  personReady: 'Ready to call. Tap a button under a family member’s picture.',
  personSimulated: 'This is a simulated device: calls are not really made.',
  personNotReady: 'This device cannot make calls yet. Please tell your family or the installer.',
  personHostSilent: 'The device service is not answering; calls may not go through. Please try again later.',
  personOffline: 'The network is down, so calls cannot be made. Check the network or ask your family.',
  personContactsFailed: 'The contacts did not load. Tap “Check again” or ask your family.',
} satisfies typeof zhCN;
