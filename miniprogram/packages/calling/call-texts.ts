/** The words for why a call did not start and how it ended (the kinds come from services/voip/error-catalog.ts). */
import { t } from '../../i18n/index';
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

export interface FailureDescription {
  title: string;
  hint: string;
  /** The plugin's errCode, for the person helping (format with `codeLabel`). */
  code?: number;
}

/** Texts for a failed call start, in the current locale. Unknown failures always name their code. */
export function describeCallFailure(failure: CallFailure): FailureDescription {
  const kind = camel(CALL_FAILURE_KINDS.includes(failure.kind) ? failure.kind : 'unknown');
  const code = typeof failure.code === 'number' && Number.isFinite(failure.code) ? failure.code : undefined;
  const hint = kind === 'unknown' && code === undefined ? 'unknownHintNoCode' : (`${kind}Hint` as const);
  const description: FailureDescription = {
    title: t('errors', `${kind}Title`),
    hint: t('errors', hint, code === undefined ? undefined : { code }),
  };
  if (code !== undefined) description.code = code;
  return description;
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
