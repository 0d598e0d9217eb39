/** The words for why a call did not start and how it ended (the kinds come from services/voip/error-catalog.ts). */
import { t, type MessageKey } from '../../i18n/index';
import type { CallEndReason } from '../../platform/host/types';
import type { CallFailure, CallFailureKind } from '../../platform/voip/types';

type ErrorKey = MessageKey<'errors'>;
interface TextKeys {
  title: ErrorKey;
  hint: ErrorKey;
}

const FAILURE_TEXTS: Readonly<Record<CallFailureKind, TextKeys>> = {
  'not-authorised': { title: 'notAuthorisedTitle', hint: 'notAuthorisedHint' },
  'invalid-contact': { title: 'invalidContactTitle', hint: 'invalidContactHint' },
  'device-credential': { title: 'deviceCredentialTitle', hint: 'deviceCredentialHint' },
  capability: { title: 'capabilityTitle', hint: 'capabilityHint' },
  arrears: { title: 'arrearsTitle', hint: 'arrearsHint' },
  licence: { title: 'licenceTitle', hint: 'licenceHint' },
  busy: { title: 'busyTitle', hint: 'busyHint' },
  'av-device': { title: 'avDeviceTitle', hint: 'avDeviceHint' },
  network: { title: 'networkTitle', hint: 'networkHint' },
  'invalid-params': { title: 'invalidParamsTitle', hint: 'invalidParamsHint' },
  'not-wmpf': { title: 'notWmpfTitle', hint: 'notWmpfHint' },
  interrupted: { title: 'interruptedTitle', hint: 'interruptedHint' },
  'join-failed': { title: 'joinFailedTitle', hint: 'joinFailedHint' },
  'plugin-missing': { title: 'pluginMissingTitle', hint: 'pluginMissingHint' },
  unknown: { title: 'unknownTitle', hint: 'unknownHint' },
};

export const CALL_FAILURE_KINDS = Object.keys(FAILURE_TEXTS) as CallFailureKind[];

export interface FailureDescription {
  title: string;
  hint: string;
  /** The plugin's errCode, for the person helping (format with `codeLabel`). */
  code?: number;
}

/** Texts for a failed call start, in the current locale. Unknown failures always name their code. */
export function describeCallFailure(failure: CallFailure): FailureDescription {
  const keys = FAILURE_TEXTS[failure.kind] ?? FAILURE_TEXTS.unknown;
  const code = typeof failure.code === 'number' && Number.isFinite(failure.code) ? failure.code : undefined;
  const hintKey: ErrorKey =
    keys.hint === 'unknownHint' && code === undefined ? 'unknownHintNoCode' : keys.hint;
  const description: FailureDescription = {
    title: t('errors', keys.title),
    hint: t('errors', hintKey, code === undefined ? undefined : { code }),
  };
  if (code !== undefined) description.code = code;
  return description;
}

const END_TEXTS: Readonly<Record<CallEndReason, TextKeys>> = {
  'hung-up': { title: 'endHungUpTitle', hint: 'endHungUpHint' },
  rejected: { title: 'endRejectedTitle', hint: 'endRejectedHint' },
  busy: { title: 'endBusyTitle', hint: 'endBusyHint' },
  'no-answer': { title: 'endNoAnswerTitle', hint: 'endNoAnswerHint' },
  cancelled: { title: 'endCancelledTitle', hint: 'endCancelledHint' },
  aborted: { title: 'endAbortedTitle', hint: 'endAbortedHint' },
  'join-failed': { title: 'endJoinFailedTitle', hint: 'endJoinFailedHint' },
  unknown: { title: 'endUnknownTitle', hint: 'endUnknownHint' },
};

export const CALL_END_REASONS = Object.keys(END_TEXTS) as CallEndReason[];

/** Texts for how a call ended, in the current locale. */
export function describeEndReason(reason: CallEndReason): { title: string; hint: string } {
  const keys = END_TEXTS[reason] ?? END_TEXTS.unknown;
  return { title: t('errors', keys.title), hint: t('errors', keys.hint) };
}
