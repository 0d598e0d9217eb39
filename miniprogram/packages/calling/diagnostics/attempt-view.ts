/** One call attempt as the diagnostics page lists it: when, which kind, how it went and what to do about it. */
import { t } from '../../../i18n/index';
import type { CallAttempt } from '../../../platform/voip/call-attempts';
import { classifyErrCode } from '../../../platform/voip/error-catalog';
import { END_REASON_BY_EVENT } from '../../../platform/voip/voip-events';
import { describeCallFailure, describeEndReason } from '../call-texts';
import { clockTime, type Tone } from './format';
import { tDiagnostics as text } from './messages';

/** How a call ended, from the first plugin event that tells why. */
function endedBy(attempt: CallAttempt): string | undefined {
  const reason = attempt.events.map((e) => END_REASON_BY_EVENT[e.name]).find(Boolean);
  return reason ? describeEndReason(reason).title : undefined;
}

/** Why the device's own checks stopped a call before the plugin, for the installer. */
function stoppedBy(stop: NonNullable<CallAttempt['stopped']>): { title: string; hint: string } {
  const device = text(stop.detail === 'scope.camera' ? 'camera' : 'microphone');
  switch (stop.check) {
    case 'device':
      return { title: text('stopDevice', { detail: stop.detail }), hint: text('stopDeviceHint') };
    case 'contact':
      return stop.detail === 'not-authorised'
        ? describeCallFailure({ kind: 'not-authorised' })
        : { title: text('stopUnknownContact'), hint: text('stopUnknownContactHint') };
    case 'permission':
      return { title: text('stopPermission', { device }), hint: text('stopPermissionHint') };
    case 'privacy':
      return { title: text('stopPrivacy', { device }), hint: text('stopPrivacyHint') };
  }
}

/** `code`: "错误码 9" ('' without one); `explanation` and `hint`: what it means, from the error catalogue. */
export function attemptView(attempt: CallAttempt, index: number) {
  const kind = [
    text(attempt.direction === 'incoming' ? 'incoming' : 'outgoing'),
    attempt.roomType ? text(attempt.roomType) : '',
  ]
    .filter(Boolean)
    .join(' · ');
  const events = attempt.events.map((e, i) => ({ i, name: e.name, at: `+${e.atMs} ms` }));
  const shown = { index, when: clockTime(attempt.startedAt), kind, events };
  if (attempt.stopped) {
    const { title, hint } = stoppedBy(attempt.stopped);
    return {
      ...shown,
      outcome: text('attemptStopped'),
      tone: 'bad' as Tone,
      code: '',
      explanation: title,
      hint,
    };
  }
  if (attempt.failure !== undefined || attempt.errCode !== undefined) {
    const code = attempt.errCode;
    const failure = describeCallFailure({ kind: attempt.failure ?? classifyErrCode(code), code });
    return {
      ...shown,
      outcome: text('attemptFailed'),
      tone: 'bad' as Tone,
      code: code === undefined ? '' : t('errors', 'codeLabel', { code }),
      explanation: failure.title,
      hint: failure.hint,
    };
  }
  const ended = endedBy(attempt);
  return {
    ...shown,
    outcome: ended ?? text('attemptStarted'),
    tone: (ended ? 'ok' : 'warn') as Tone,
    code: '',
    explanation: '',
    hint: '',
  };
}
