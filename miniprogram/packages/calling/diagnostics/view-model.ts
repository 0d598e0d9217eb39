/** What the diagnostics page shows (and the report says), from its store. Never the sn: only its first and last 2. */
import { MIN_PLUGIN_VERSION, WMPF_FLOORS } from '../../../config';
import type { BackendError } from '../../../contract/backend-types';
import type { FailedPrefetch, PrefetchState } from '../../../stores/credential-prefetch';
import type { DeviceStatus } from '../../../platform/device/types';
import type { HostError, PrefetchError } from '../../../platform/host/types';
import type { CallAttempt } from '../../../platform/voip/call-attempts';
import { isAtLeast } from '../../../utils/version';
import { describeBackendError } from '../../../view-models/backend-error';
import { attemptView } from './attempt-view';
import { age, clockTime, maskSn, type CheckRow, type Tone } from './format';
import { hostStatusRows, type HostStatusCheck } from './host-status';
import { type DiagnosticsKey as Key, tDiagnostics as text } from './messages';

export type Timed<E> = { ok: true; ms: number } | { ok: false; error: E };

/** A round trip slower than this is shown as a warning. */
const SLOW_HOST_MS = 1000;

export interface DiagnosticsInput {
  checking: boolean;
  checkedAt: number;
  host: Timed<HostError> | undefined;
  hostStatus: HostStatusCheck | undefined;
  backend: Timed<BackendError> | undefined;
  attempts: CallAttempt[];
  copy: { ok: true } | { ok: false; errMsg: string } | undefined;
  device: {
    status: DeviceStatus | null;
    prefetch: PrefetchState;
    lastPrefetchFailure: FailedPrefetch | undefined;
  };
}

function snOf(status: DeviceStatus | null): string {
  return status?.kind === 'ready' ? status.device.sn : '';
}

/** Texts a host wrote pass through here: the bridge already removes the sn; this keeps it so whatever came. */
function withoutSn(value: string, sn: string): string {
  return sn ? value.split(sn).join('****') : value;
}

function versions(status: DeviceStatus | null): { wmpf?: string; plugin?: string } {
  switch (status?.kind) {
    case 'ready':
      return { wmpf: status.device.wmpfVersion, plugin: status.pluginVersion };
    case 'unsupported':
      return { wmpf: status.wmpfVersion, plugin: status.pluginVersion };
    case 'not-registered':
      return { wmpf: status.wmpfVersion };
    default:
      return {};
  }
}

/** `belowFloor`: what still works below the floor (a warning, not a failure). */
function versionRow(
  id: string,
  label: Key,
  version: string | undefined,
  floor: string,
  belowFloor?: Key,
): CheckRow {
  if (!version) return { id, label: text(label), value: text('unknown'), detail: '', tone: 'muted' };
  const met = isAtLeast(version, floor);
  const detail = met ? text('floorMet', { floor }) : text(belowFloor ?? 'floorNotMet', { floor });
  return { id, label: text(label), value: version, detail, tone: met ? 'ok' : belowFloor ? 'warn' : 'bad' };
}

function describeHostError(error: PrefetchError, sn: string): string {
  switch (error.kind) {
    case 'not-wmpf':
      return text('errorNotWmpf');
    case 'timeout':
      return text('errorTimeout', { command: error.command, seconds: Math.round(error.timeoutMs / 1000) });
    case 'invoke-failed':
      return text('errorInvokeFailed', { command: error.command, errMsg: withoutSn(error.errMsg, sn) });
    case 'malformed-reply':
      return text('errorMalformed', { command: error.command, detail: withoutSn(error.detail, sn) });
    case 'prefetch-failed':
      return text('errorPrefetch', { errMsg: withoutSn(error.errMsg, sn) });
  }
}

function registrationRow(status: DeviceStatus | null, now: number): CheckRow {
  const row = { id: 'registration', label: text('registration') };
  switch (status?.kind) {
    case 'ready': {
      const { device, lastKnown } = status;
      return {
        ...row,
        value: text('registeredSn', { sn: maskSn(device.sn) }),
        detail: lastKnown
          ? text('lastKnown', { age: age(lastKnown.seenAt, now) })
          : text('modelId', { modelId: device.modelId }),
        tone: lastKnown ? 'warn' : 'ok',
      };
    }
    case 'not-registered':
      return { ...row, value: text('notRegistered'), detail: '', tone: 'bad' };
    case 'unsupported':
      return { ...row, value: text('unknown'), detail: text('unsupportedVersions'), tone: 'bad' };
    case 'not-wmpf':
      return { ...row, value: text('unknown'), detail: text('notWmpf'), tone: 'bad' };
    case 'plugin-missing':
      return { ...row, value: text('unknown'), detail: text('pluginMissing'), tone: 'bad' };
    case 'host-error':
      return { ...row, value: text('unknown'), detail: describeHostError(status.error, ''), tone: 'bad' };
    default:
      return { ...row, value: text('unknown'), detail: '', tone: 'muted' };
  }
}

const UNSUPPORTED: Record<Extract<PrefetchState, { status: 'unsupported' }>['reason'], Key> = {
  'not-wmpf': 'unsupportedNotWmpf',
  'not-registered': 'reasonNotRegistered',
  versions: 'unsupportedVersions',
};

function prefetchRow(input: DiagnosticsInput['device'], now: number, sn: string): CheckRow {
  const state = input.prefetch;
  const last = input.lastPrefetchFailure;
  const lastError = last
    ? text('lastPrefetchError', { error: describeHostError(last.error, sn), age: age(last.at, now) })
    : text('noPrefetchError');
  const row = { id: 'prefetch', label: text('prefetch'), detail: lastError };
  switch (state.status) {
    case 'idle':
      return { ...row, value: text('prefetchIdle'), tone: 'muted' };
    case 'pending':
      return { ...row, value: text('prefetchPending', { age: age(state.since, now) }), tone: 'muted' };
    case 'ready': {
      const until = clockTime(state.validUntil).slice(11, 16);
      const tone: Tone = now < state.validUntil ? 'ok' : 'warn';
      return { ...row, value: text('prefetchReady', { age: age(state.at, now), until }), tone };
    }
    case 'failed':
      return {
        ...row,
        value: text('prefetchFailed', { age: age(state.at, now), attempts: state.attempts }),
        tone: 'bad',
      };
    case 'unsupported':
      return {
        ...row,
        value: text('prefetchUnsupported', { reason: text(UNSUPPORTED[state.reason]) }),
        tone: 'bad',
      };
  }
}

function hostRow(host: Timed<HostError> | undefined, sn: string): CheckRow {
  const row = { id: 'host', label: text('hostRtt') };
  if (!host) return { ...row, value: text('unknown'), detail: '', tone: 'muted' };
  if (host.ok)
    return {
      ...row,
      value: text('hostRttValue', { ms: host.ms }),
      detail: text('hostRttDetail', { command: 'getMiniProgramDeviceInfo' }),
      // a host this slow makes every call start late (each call asks it at least once)
      tone: host.ms > SLOW_HOST_MS ? 'warn' : 'ok',
    };
  return { ...row, value: text('unknown'), detail: describeHostError(host.error, sn), tone: 'bad' };
}

function backendRow(backend: Timed<BackendError> | undefined): CheckRow {
  const row = { id: 'backend', label: text('backend') };
  if (!backend) return { ...row, value: text('unknown'), detail: '', tone: 'muted' };
  if (backend.ok)
    return {
      ...row,
      value: text('backendOk', { ms: backend.ms }),
      detail: text('backendDetail'),
      tone: 'ok',
    };
  const problem = describeBackendError(backend.error);
  const detail = [problem.hint, problem.code].filter(Boolean).join(' ');
  return { ...row, value: problem.title, detail, tone: 'bad' };
}

export function diagnosticsView(input: DiagnosticsInput, now: number = input.checkedAt) {
  const { status } = input.device;
  const sn = snOf(status);
  const v = versions(status);
  const copyNote = !input.copy
    ? ''
    : input.copy.ok
      ? text('copied')
      : text('copyFailed', { reason: input.copy.errMsg });
  return {
    checking: input.checking,
    checkedAt: input.checkedAt ? text('checkedAt', { time: clockTime(input.checkedAt) }) : '',
    rows: [
      versionRow('wmpf', 'wmpfVersion', v.wmpf, WMPF_FLOORS.calls),
      versionRow('wmpf-incoming', 'wmpfIncoming', v.wmpf, WMPF_FLOORS.incomingCalls),
      versionRow(
        'wmpf-device-info',
        'wmpfDeviceInfo',
        v.wmpf,
        WMPF_FLOORS.deviceInfo,
        'deviceInfoFromRecord',
      ),
      versionRow('plugin', 'pluginVersion', v.plugin, MIN_PLUGIN_VERSION),
      registrationRow(status, now),
      prefetchRow(input.device, now, sn),
      hostRow(input.host, sn),
      ...hostStatusRows(input.hostStatus, now, (error) => describeHostError(error, sn)),
      backendRow(input.backend),
    ],
    attempts: input.attempts.map(attemptView),
    attemptsTitle: text('sectionCalls', { count: input.attempts.length }),
    copyNote,
    copyTone: (input.copy?.ok === false ? 'bad' : 'ok') as Tone,
  };
}

/** For support: only what the page shows, sn masked; no openId, name, token, ticket, signature or pairing id. */
export function diagnosticsReport(input: DiagnosticsInput, now: number): string {
  const view = diagnosticsView(input, now);
  const lines = [
    text('reportTitle'),
    `${text('reportTime')}: ${clockTime(now)}`,
    text('reportNoSecrets'),
    '',
    `[${text('sectionDevice')}]`,
    ...view.rows.map((row) => `${row.label}: ${row.value}${row.detail ? ` — ${row.detail}` : ''}`),
    '',
    `[${view.attemptsTitle}]`,
  ];
  if (view.attempts.length === 0) lines.push(text('noCalls'));
  for (const attempt of view.attempts) {
    const code = attempt.code ? ` · ${attempt.code}` : '';
    lines.push(`${attempt.index + 1}. ${attempt.when} · ${attempt.kind} · ${attempt.outcome}${code}`);
    if (attempt.explanation) lines.push(`   ${attempt.explanation} — ${attempt.hint}`);
    if (attempt.events.length > 0)
      lines.push(`   ${attempt.events.map((e) => `${e.name} ${e.at}`).join(' → ')}`);
  }
  return lines.join('\n');
}
