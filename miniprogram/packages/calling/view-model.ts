/** What the calling page shows, from its own mode and the call store's state. Pure: the page only renders it. */
import { t } from '../../i18n/index';
import type { CallEndReason } from '../../platform/host/types';
import type { CallRecord } from '../../platform/history/types';
import { describeCallFailure, describeEndReason } from './call-texts';
import type { RoomType } from '../../platform/voip/types';
import type { CallOutcome, CallPhase, CallProblem, CallRequest, IncomingCall } from '../../stores/call-store';
import { formatDuration } from '../../utils/format-time';
import { avatarOf } from '../../utils/avatar';
import { displayName } from '../../view-models/contact-name';
import { describeDeviceStatus, TONE_ICON } from '../../view-models/device-status';
import { tCalling } from './messages';

export type CallingMode = 'call' | 'outcome' | 'incoming' | 'invalid';

export type CallingScreen =
  | 'invalid'
  | 'connecting'
  | 'failed'
  /** another call is being set up or running: this page does not start one */
  | 'elsewhere'
  /** our page is still shown while the call runs (the plugin's call page did not open) */
  | 'in-call'
  | 'outcome'
  /** ended, without knowing how */
  | 'ended';

export interface CallingInput {
  mode: CallingMode;
  /** The call this page is about (call mode). */
  request?: CallRequest;
  /** This page placed the store's current call (or found the same call already being set up). */
  owns: boolean;
  phase: CallPhase;
  problem?: CallProblem;
  roomId?: string;
  connected: boolean;
  keepTime: number;
  lastOutcome?: CallOutcome;
  /** Newest history entry: the outcome view's fallback after the app was restarted by the plugin. */
  newestRecord?: CallRecord;
  /** A family member's call ringing or running on the device (incoming mode). */
  incoming?: IncomingCall;
}

export interface CallingView {
  screen: CallingScreen;
  name: string;
  /** the avatar of `name` */
  initials: string;
  color: string;
  roomType: RoomType;
  roomTypeText: string;
  /** icon file under /assets/icons, '' for none */
  icon: string;
  title: string;
  hint: string;
  /** "错误码 9", for the person helping */
  codeText: string;
  durationText: string;
  showSettings: boolean;
  /** outcome: the same call can be placed again (an openId is known) */
  canCallAgain: boolean;
}

const ICONS = { ...TONE_ICON, lock: '/assets/icons/lock-grey.svg', missed: '/assets/icons/missed-red.svg' };

const END_ICON: Record<CallEndReason, string> = {
  'hung-up': ICONS.ok,
  rejected: ICONS.info,
  busy: ICONS.info,
  'no-answer': ICONS.info,
  cancelled: ICONS.info,
  aborted: ICONS.warn,
  'join-failed': ICONS.warn,
  unknown: ICONS.info,
};

const END_REASONS: readonly string[] = Object.keys(END_ICON);

function isEndReason(value: string): value is CallEndReason {
  return END_REASONS.includes(value);
}

function blank(screen: CallingScreen, roomType: RoomType = 'voice'): CallingView {
  return {
    screen,
    name: '',
    initials: '',
    color: '',
    roomType,
    roomTypeText: '',
    icon: '',
    title: '',
    hint: '',
    codeText: '',
    durationText: '',
    showSettings: false,
    canCallAgain: false,
  };
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

interface EndedCall {
  name: string;
  openId: string;
  roomType: RoomType;
  direction: 'outgoing' | 'incoming';
  reason: CallEndReason;
  keepTime: number;
}

/** How a family member's call ended, said from the device's side: answered, declined here, or missed. */
function incomingEnd(call: EndedCall, answered: boolean): { title: string; hint: string; icon: string } {
  if (answered && call.reason !== 'aborted') {
    return { title: tCalling('endedTitle'), hint: tCalling('callBackHint'), icon: ICONS.ok };
  }
  if (call.reason === 'aborted') return { ...describeEndReason('aborted'), icon: END_ICON.aborted };
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
    : { ...describeEndReason(call.reason), icon: END_ICON[call.reason] };
  return {
    ...blank('outcome', call.roomType),
    name: displayName(call.name),
    roomTypeText: incoming
      ? `${tCalling('incomingCall')} · ${roomTypeText(call.roomType)}`
      : roomTypeText(call.roomType),
    icon,
    title,
    hint,
    durationText: answered ? tCalling('duration', { duration: formatDuration(call.keepTime) }) : '',
    canCallAgain: call.openId !== '',
  };
}

/** A family member's call on our own page (the simulator's stand-in for the plugin's call page). */
function incomingView(input: CallingInput): CallingView {
  const call = input.incoming;
  if (!call) {
    const last = input.lastOutcome;
    return last && last.direction === 'incoming' ? outcomeView(fromOutcome(last)) : endedView();
  }
  const view: CallingView = {
    ...blank('in-call', call.roomType),
    name: displayName(call.callerName),
    roomTypeText: `${tCalling('incomingCall')} · ${roomTypeText(call.roomType)}`,
    hint: tCalling('incomingHint'),
  };
  return call.connected
    ? { ...view, title: tCalling('inCallTitle'), durationText: formatDuration(call.keepTime) }
    : { ...view, title: tCalling('incomingRinging') };
}

function fromOutcome(outcome: CallOutcome): EndedCall {
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

function failedView(request: CallRequest | undefined, problem: CallProblem | undefined): CallingView {
  const view = about('failed', request);
  if (!problem) {
    const { title, hint } = describeCallFailure({ kind: 'unknown' });
    return { ...view, icon: ICONS.error, title, hint };
  }
  switch (problem.kind) {
    case 'device': {
      const status = describeDeviceStatus(problem.status);
      return { ...view, icon: status.icon, title: status.title, hint: status.hint };
    }
    case 'contact': {
      const unknown = problem.reason === 'unknown';
      return {
        ...view,
        name: unknown ? '' : problem.name,
        icon: ICONS.lock,
        title: unknown
          ? tCalling('unknownContactTitle')
          : tCalling('notAuthorisedTitle', { name: displayName(problem.name) }),
        hint: unknown
          ? tCalling('unknownContactHint')
          : t('contacts', 'notAuthorisedExplain', { name: displayName(problem.name) }),
      };
    }
    case 'permission': {
      const camera = problem.scope === 'scope.camera';
      return {
        ...view,
        icon: ICONS.lock,
        title: tCalling(camera ? 'cameraDeniedTitle' : 'micDeniedTitle'),
        hint: tCalling(camera ? 'cameraDeniedHint' : 'micDeniedHint'),
        showSettings: true,
      };
    }
    case 'call': {
      const failure = describeCallFailure(problem.failure);
      return {
        ...view,
        icon: ICONS.error,
        title: failure.title,
        hint: failure.hint,
        codeText: failure.code === undefined ? '' : t('errors', 'codeLabel', { code: failure.code }),
        // 2007/2102: the microphone or camera could not be used; its permission may be what is off
        showSettings: problem.failure.kind === 'av-device',
      };
    }
  }
}

function callView(input: CallingInput): CallingView {
  if (!input.owns) {
    return { ...about('elsewhere', input.request), icon: ICONS.info, ...elsewhereTexts() };
  }
  switch (input.phase) {
    case 'idle':
    case 'checking':
    case 'starting':
      return { ...about('connecting', input.request), title: tCalling('connecting') };
    case 'failed':
      return failedView(input.request, input.problem);
    case 'in-call': {
      const view = { ...about('in-call', input.request), hint: tCalling('inCallHint') };
      return input.connected
        ? { ...view, title: tCalling('inCallTitle'), durationText: formatDuration(input.keepTime) }
        : { ...view, title: tCalling('ringing') };
    }
    case 'ended': {
      const ended = shownEndedCall(input);
      return ended ? outcomeView(ended) : endedView();
    }
  }
}

function elsewhereTexts(): { title: string; hint: string } {
  return { title: tCalling('busyElsewhereTitle'), hint: tCalling('busyElsewhereHint') };
}

function endedView(): CallingView {
  return {
    ...blank('ended'),
    icon: ICONS.info,
    title: tCalling('endedTitle'),
    hint: tCalling('endedHint'),
  };
}

function screenView(input: CallingInput): CallingView {
  switch (input.mode) {
    case 'invalid':
      return {
        ...blank('invalid'),
        icon: ICONS.warn,
        title: tCalling('invalidTitle'),
        hint: tCalling('invalidHint'),
      };
    case 'outcome': {
      const ended = shownEndedCall(input);
      return ended ? outcomeView(ended) : endedView();
    }
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

/**
 * The ended call the page shows: after a call (outcome mode) the last outcome, else the newest history entry
 * (the app was restarted by the plugin); on the calling page only the call it was about.
 */
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
