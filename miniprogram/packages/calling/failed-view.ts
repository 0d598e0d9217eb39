/** What the calling screen says when a call could not start: who can fix it, and whether a retry can help. */
import { t } from '../../i18n/index';
import type { CallFailureKind } from '../../platform/voip/types';
import type { CallProblem, CallRequest } from '../../stores/call-store';
import { displayName } from '../../view-models/contact-name';
import { describeDeviceStatus, TONE_ICON } from '../../view-models/device-status';
import { describeCallFailure } from './call-texts';
import { callingPair, tCalling } from './messages';
import type { CallingView } from './calling-view';

const LOCK_ICON = '/assets/icons/lock-grey.svg';

/** A retry can succeed: the network, the other side or the start itself was the trouble, not the set-up. */
const RETRY_CAN_HELP: ReadonlySet<CallFailureKind> = new Set([
  'network',
  'busy',
  'interrupted',
  'join-failed',
]);
/** Whose work the rest is: the family member's (authorise again) or the installer's (everything about the device). */
const FAMILY_FIXES: ReadonlySet<CallFailureKind> = new Set(['not-authorised', 'invalid-contact']);
/** A retry may still help after a moment (a credential refreshed, something unknown passed): offered second. */
const RETRY_MAY_HELP: ReadonlySet<CallFailureKind> = new Set(['device-credential', 'av-device', 'unknown']);

/** `base`: the failed screen about the call's person. */
export function failedView(
  base: CallingView,
  request: CallRequest | undefined,
  problem: CallProblem | undefined,
): CallingView {
  const view = { ...base, canRetry: true };
  if (!problem) {
    const { title, hint } = describeCallFailure({ kind: 'unknown' });
    return { ...view, icon: TONE_ICON.error, title, hint, fixer: tCalling('fixerInstaller') };
  }
  switch (problem.kind) {
    case 'device': {
      const { icon, title, hint, canRecheck } = describeDeviceStatus(problem.status);
      return { ...view, icon, title, hint, canRetry: canRecheck, fixer: tCalling('fixerInstaller') };
    }
    case 'contact': {
      const unknown = problem.reason === 'unknown';
      return {
        ...view,
        name: unknown ? '' : problem.name,
        icon: LOCK_ICON,
        title: unknown
          ? tCalling('unknownContactTitle')
          : tCalling('notAuthorisedTitle', { name: displayName(problem.name) }),
        hint: unknown
          ? tCalling('unknownContactHint')
          : t('contacts', 'notAuthorisedExplain', { name: displayName(problem.name) }),
        canRetry: false,
      };
    }
    case 'permission': {
      const camera = problem.scope === 'scope.camera';
      if (problem.reason === 'not-declared') {
        // errno 112: the scope is missing from the privacy guide; only whoever publishes the Mini Program can add it
        return {
          ...view,
          icon: TONE_ICON.error,
          title: tCalling('privacyNotDeclaredTitle'),
          hint: tCalling('privacyNotDeclaredHint', { device: tCalling(camera ? 'camera' : 'microphone') }),
          fixer: tCalling('fixerInstaller'),
        };
      }
      return {
        ...view,
        icon: LOCK_ICON,
        ...callingPair(camera ? 'cameraDenied' : 'micDenied'),
        showSettings: true,
      };
    }
    case 'call': {
      const failure = describeCallFailure(problem.failure);
      const kind = problem.failure.kind;
      const retryLeads = RETRY_CAN_HELP.has(kind);
      return {
        ...view,
        icon: retryLeads ? TONE_ICON.info : TONE_ICON.error,
        title: failure.title,
        hint: failure.hint,
        codeText: failure.code === undefined ? '' : t('errors', 'codeLabel', { code: failure.code }),
        // 2007/2102: the microphone or camera could not be used; its permission may be what is off
        showSettings: kind === 'av-device',
        retryLeads: retryLeads && kind !== 'av-device',
        canRetry: retryLeads || RETRY_MAY_HELP.has(kind),
        fixer: retryLeads
          ? ''
          : tCalling(FAMILY_FIXES.has(kind) ? 'fixerFamily' : 'fixerInstaller', {
              name: displayName(request?.contact.name ?? ''),
            }),
      };
    }
  }
}
