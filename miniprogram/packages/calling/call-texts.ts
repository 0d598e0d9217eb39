/** The words for why a call did not start and how it ended (the kinds come from services/voip/error-catalog.ts). */
import { t } from '../../i18n/index';
import { finiteNumber } from '../../lib/guards';
import type { CallEndReason } from '../../platform/host/types';
import type { CallFailure, CallFailureKind } from '../../platform/voip/types';

/** 'not-authorised' → 'notAuthorised': a kind's texts are named after it in the errors catalogue. */
type Camel<S extends string> = S extends `${infer A}-${infer B}` ? `${A}${Camel<Capitalize<B>>}` : S;
const camel = <S extends string>(kind: S) =>
  kind.replace(/-(\w)/g, (_m, c: string) => c.toUpperCase()) as Camel<S>;

const kindsOf = <K extends string>(kinds: Record<K, 1>) => Object.keys(kinds) as K[];

export const CALL_FAILURE_KINDS = kindsOf<CallFailureKind>({
  'not-authorised': 1,
  'invalid-contact': 1,
  'device-credential': 1,
  capability: 1,
  arrears: 1,
  licence: 1,
  busy: 1,
  'av-device': 1,
  network: 1,
  'invalid-params': 1,
  'not-wmpf': 1,
  interrupted: 1,
  'join-failed': 1,
  'plugin-missing': 1,
  unknown: 1,
});

/** A failed start's texts, with the plugin's errCode for the helper (`codeLabel`); unknown ones name their code. */
export function describeCallFailure(failure: CallFailure): { title: string; hint: string; code?: number } {
  const kind = camel(CALL_FAILURE_KINDS.includes(failure.kind) ? failure.kind : 'unknown');
  const code = finiteNumber(failure.code);
  const title = t('errors', `${kind}Title`);
  if (code !== undefined) return { title, hint: t('errors', `${kind}Hint`, { code }), code };
  return { title, hint: t('errors', kind === 'unknown' ? 'unknownHintNoCode' : `${kind}Hint`) };
}

export const CALL_END_REASONS = kindsOf<CallEndReason>({
  'hung-up': 1,
  rejected: 1,
  busy: 1,
  'no-answer': 1,
  cancelled: 1,
  aborted: 1,
  'join-failed': 1,
  unknown: 1,
});

export function describeEndReason(reason: CallEndReason): { title: string; hint: string } {
  const key = camel(`end-${CALL_END_REASONS.includes(reason) ? reason : 'unknown'}` as const);
  return { title: t('errors', `${key}Title`), hint: t('errors', `${key}Hint`) };
}
