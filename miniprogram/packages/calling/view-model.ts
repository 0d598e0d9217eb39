/** What the calling page shows, from its own mode and the call store's state. Pure: the page only renders it. */
import { t } from '../../i18n/index';
import type { CallEndReason } from '../../platform/host/types';
import type { CallRecord } from '../../platform/history/types';
import { CALL_END_REASONS, describeEndReason } from './call-texts';
import { blank, type CallingScreen, type CallingView } from './calling-view';
import { failedView } from './failed-view';
import type { RoomType } from '../../platform/voip/types';
import type { CallOutcome, CallPhase, CallProblem, CallRequest, IncomingCall } from '../../stores/call-store';
import { formatDuration } from '../../utils/format-time';
import { avatarOf } from '../../utils/avatar';
import { displayName } from '../../view-models/contact-name';
import { TONE_ICON } from '../../view-models/device-status';
import { callingPair, tCalling } from './messages';

/** incoming: a family member's call where the plugin's page cannot be (simulator); invalid: an uncallable query. */
export type CallingMode = 'call' | 'outcome' | 'incoming' | 'invalid';
export { AUTO_RETURN_MS, type CallingScreen, type CallingView } from './calling-view';

export interface CallingInput {
  mode: CallingMode;
  request?: CallRequest;
  owns: boolean;
  phase: CallPhase;
  problem?: CallProblem;
  roomId?: string;
  connected: boolean;
  keepTime: number;
  lastOutcome?: CallOutcome;
  /** Newest history entry: the outcome view's fallback after the app was restarted by the plugin. */
  newestRecord?: CallRecord;
  incoming?: IncomingCall;
  avatarUrl?: string;
  callScreenFailed?: boolean;
}

const ICONS = { ...TONE_ICON, lock: '/assets/icons/lock-grey.svg', missed: '/assets/icons/missed-red.svg' };

function endIcon(reason: CallEndReason): string {
  if (reason === 'hung-up') return ICONS.ok;
  return reason === 'aborted' || reason === 'join-failed' ? ICONS.warn : ICONS.info;
}

function isEndReason(value: string): value is CallEndReason {
  return (CALL_END_REASONS as readonly string[]).includes(value);
}

function roomTypeText(roomType: RoomType): string {
  return roomType === 'video' ? t('common', 'videoCall') : t('common', 'voiceCall');
}

/** Who the call is for: nobody is named while the contacts do not know the openId (the URL's name is never used). */
function about(screen: CallingScreen, request: CallRequest | undefined): CallingView {
  const view = blank(screen, request?.roomType);
  if (!request) return view;
  return { ...view, name: request.contact.name.trim(), roomTypeText: roomTypeText(request.roomType) };
}

type EndedCall = ReturnType<typeof fromOutcome>;

/** How a family member's call ended, said from the device's side: answered, declined here, or missed. */
function incomingEnd(call: EndedCall, answered: boolean): { title: string; hint: string; icon: string } {
  if (answered && call.reason !== 'aborted') {
    return { title: tCalling('endedTitle'), hint: tCalling('callBackHint'), icon: ICONS.ok };
  }
  if (call.reason === 'aborted') return { ...describeEndReason('aborted'), icon: ICONS.warn };
  if (call.reason === 'rejected') {
    return { title: tCalling('declinedTitle'), hint: tCalling('callBackHint'), icon: ICONS.info };
  }
  return {
    title: tCalling('missedTitle'),
    hint: tCalling('missedHint', { name: displayName(call.name) }),
    icon: ICONS.missed,
  };
}

function outcomeView(call: EndedCall): CallingView {
  const answered = call.reason === 'hung-up' || call.keepTime > 0;
  const incoming = call.direction === 'incoming';
  const { title, hint, icon } = incoming
    ? incomingEnd(call, answered)
    : { ...describeEndReason(call.reason), icon: endIcon(call.reason) };
  return {
    ...blank('outcome', call.roomType),
    name: displayName(call.name),
    roomTypeText: incoming
      ? `${tCalling('incomingCall')} · ${roomTypeText(call.roomType)}`
      : roomTypeText(call.roomType),
    icon,
    title,
    hint: incoming && call.openId && call.reason !== 'aborted' ? tCalling('callBackNow') : hint,
    durationText: answered ? tCalling('duration', { duration: formatDuration(call.keepTime) }) : '',
    canCallAgain: call.openId !== '',
    callAgainLabel: tCalling(incoming ? 'callBack' : 'callAgain'),
    autoReturn: true,
  };
}

/** A family member's call on our own page (the simulator's stand-in for the plugin's call page). */
function incomingView(input: CallingInput): CallingView {
  const call = input.incoming;
  if (!call) {
    const last = input.lastOutcome;
    return endedView(last?.direction === 'incoming' ? fromOutcome(last) : undefined);
  }
  const view: CallingView = {
    ...blank('in-call', call.roomType),
    name: displayName(call.callerName),
    roomTypeText: `${tCalling('incomingCall')} · ${roomTypeText(call.roomType)}`,
    hint: tCalling(input.callScreenFailed ? 'callScreenFailedHint' : 'incomingHint'),
    canOpenCallScreen: !input.callScreenFailed,
    callScreenLabel: tCalling(call.connected ? 'openCallScreen' : 'answer'),
  };
  return call.connected
    ? { ...view, title: tCalling('inCallTitle'), durationText: formatDuration(call.keepTime) }
    : { ...view, title: tCalling('incomingRinging') };
}

function fromOutcome(outcome: CallOutcome) {
  return {
    name: displayName(outcome.contact.name),
    openId: outcome.contact.openId,
    roomType: outcome.roomType,
    direction: outcome.direction,
    reason: outcome.reason,
    keepTime: outcome.keepTime,
  };
}

function fromRecord(record: CallRecord): EndedCall | undefined {
  if (!isEndReason(record.outcome)) return undefined;
  return {
    name: displayName(record.contact.name),
    openId: record.contact.openId ?? '',
    roomType: record.roomType,
    direction: record.direction,
    reason: record.outcome,
    keepTime: record.durationSec,
  };
}

function callView(input: CallingInput): CallingView {
  if (!input.owns) {
    return {
      ...about('elsewhere', input.request),
      icon: ICONS.info,
      ...callingPair('busyElsewhere'),
      canRetry: true,
      retryLeads: true,
    };
  }
  switch (input.phase) {
    case 'idle':
    case 'checking':
    case 'starting': {
      const view = about('connecting', input.request);
      const title = view.name
        ? tCalling('connectingTo', { name: displayName(view.name) })
        : tCalling('connecting');
      return { ...view, title, avatar: input.avatarUrl ?? '' };
    }
    case 'failed':
      return failedView(about('failed', input.request), input.request, input.problem);
    case 'in-call': {
      const view = {
        ...about('in-call', input.request),
        hint: tCalling('inCallHint'),
        avatar: input.avatarUrl ?? '',
      };
      return input.connected
        ? { ...view, title: tCalling('inCallTitle'), durationText: formatDuration(input.keepTime) }
        : { ...view, title: tCalling('ringing') };
    }
    case 'ended':
      return endedView(shownEndedCall(input));
  }
}

/** How the call ended, or only that it did. */
function endedView(ended: EndedCall | undefined): CallingView {
  return ended ? outcomeView(ended) : { ...blank('ended'), icon: ICONS.info, ...callingPair('ended') };
}

function screenView(input: CallingInput): CallingView {
  switch (input.mode) {
    case 'invalid':
      return { ...blank('invalid'), icon: ICONS.warn, ...callingPair('invalid') };
    case 'outcome':
      return endedView(shownEndedCall(input));
    case 'call':
      return callView(input);
    case 'incoming':
      return incomingView(input);
  }
}

export function describeCallingScreen(input: CallingInput): CallingView {
  const view = screenView(input);
  return view.name ? { ...view, ...avatarOf(view.name) } : view;
}

/** Outcome mode: the last outcome, else the newest history entry (the plugin restarted the app). */
function shownEndedCall(input: CallingInput): EndedCall | undefined {
  switch (input.mode) {
    case 'outcome':
      if (input.lastOutcome) return fromOutcome(input.lastOutcome);
      return input.newestRecord ? fromRecord(input.newestRecord) : undefined;
    case 'call': {
      const outcome = input.lastOutcome;
      const own = input.phase === 'ended' && outcome !== undefined && outcome.roomId === input.roomId;
      return own && outcome ? fromOutcome(outcome) : undefined;
    }
    default:
      return undefined;
  }
}

/** The call "call again" places: the ended call shown, when its contact can be called. */
export function callAgainRequest(input: CallingInput): CallRequest | undefined {
  const ended = shownEndedCall(input);
  if (!ended || !ended.openId) return undefined;
  return { contact: { openId: ended.openId, name: ended.name }, roomType: ended.roomType };
}
