import type zhCN from '../i18n/messages/calling';

const en: typeof zhCN = {
  title: 'Call',
  connecting: 'Connecting…',
  connectingHint: 'Just a moment, please.',
  incomingCall: 'Incoming call',
  cancel: 'Cancel',
  retry: 'Try again',
  back: 'Back to contacts',
  callAgain: 'Call again',
  openSettings: 'Open settings',
  hangUp: 'Hang up',
  duration: 'Call length {duration}',
  micDeniedTitle: 'The microphone is not allowed yet',
  micDeniedHint:
    'Calls need the microphone. Tap “Open settings”, turn on “Microphone”, then come back and tap “Try again”.',
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
  incomingHint: 'The call screen did not open. To decline or end the call, tap “Hang up”.',
  missedTitle: 'Missed call',
  missedHint: '{name} called. You can call them back from your contacts.',
  declinedTitle: 'Call declined',
  callBackHint: 'You can call them back from your contacts whenever you like.',
};

export default en;
