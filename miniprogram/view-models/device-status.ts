import { MIN_PLUGIN_VERSION, MIN_WMPF_VERSION } from '../config';
import { t } from '../i18n/index';
import type { ContactsError } from '../platform/contacts/types';
import type { DeviceStatus } from '../platform/device/types';
import type { HostError } from '../platform/host/types';
import { formatCallTime } from '../utils/format-time';

export type Tone = 'ok' | 'info' | 'warn' | 'error';

export const TONE_ICON: Record<Tone, string> = {
  ok: '/assets/icons/check-green.svg',
  info: '/assets/icons/info-grey.svg',
  warn: '/assets/icons/warning-orange.svg',
  error: '/assets/icons/warning-red.svg',
};

/** `icon`: a file under /assets/icons; `canRecheck`: "check again" makes sense (the cause may go away). */
function view(tone: Tone, title: string, hint = '', canRecheck = false) {
  return { tone, icon: TONE_ICON[tone], title, hint, canRecheck };
}

export type StatusView = ReturnType<typeof view>;

/** The status catalogue's `<name>` as the title and `<name>Hint` as the hint. */
function withHint(tone: Tone, name: 'notRegistered' | 'notWmpf' | 'pluginMissing', canRecheck = false) {
  return view(tone, t('status', name), t('status', `${name}Hint`), canRecheck);
}

/** The device status line: what works, and what to do when it does not. Versions are shown; the sn never is. */
export function describeDeviceStatus(status: DeviceStatus | null): StatusView {
  if (!status) return view('info', t('status', 'checking'));
  switch (status.kind) {
    case 'ready': {
      const { lastKnown } = status;
      if (lastKnown) {
        const hint = t('status', 'lastKnownHint', {
          when: formatCallTime(lastKnown.seenAt, lastKnown.checkedAt),
          why: hostProblem(lastKnown.error),
        });
        return view('warn', t('status', 'lastKnown'), hint, true);
      }
      return status.simulated ? view('info', t('status', 'simulated')) : view('ok', t('status', 'ready'));
    }
    case 'not-registered':
      return withHint('error', 'notRegistered', true);
    case 'unsupported':
      return view(
        'error',
        t('status', 'unsupported'),
        t('status', 'unsupportedHint', {
          minWmpf: MIN_WMPF_VERSION,
          minPlugin: MIN_PLUGIN_VERSION,
          wmpf: status.wmpfVersion || '?',
          plugin: status.pluginVersion || '?',
        }),
      );
    case 'not-wmpf':
      return withHint('warn', 'notWmpf');
    case 'plugin-missing':
      return withHint('error', 'pluginMissing');
    case 'host-error':
      return view('error', t('status', 'hostError'), hostProblem(status.error), true);
  }
}

function hostProblem(error: HostError): string {
  switch (error.kind) {
    case 'timeout':
      return t('status', 'hostTimeoutHint');
    case 'malformed-reply':
      return t('status', 'hostMalformedHint');
    default:
      return t('status', 'hostInvokeFailedHint');
  }
}

/** The person's status sentence (issue 21): never "ready" without contacts, nor promising saved ones not there. */
export interface PersonStatusInput {
  status: DeviceStatus | null;
  /** the last contacts load failed (the list may show saved contacts) */
  contactsError: ContactsError | undefined;
}

const line = (tone: Tone, text: string) => ({ tone, icon: TONE_ICON[tone], text });

export function describePersonStatus({ status, contactsError }: PersonStatusInput) {
  if (!status) return line('info', t('status', 'personChecking'));
  if (status.kind !== 'ready') {
    // the device is not set up for calls: nothing the person can do but tell someone
    return line('error', t('status', 'personNotReady'));
  }
  if (status.lastKnown) return line('warn', t('status', 'personHostSilent'));
  if (contactsError?.kind === 'network' || contactsError?.kind === 'timeout')
    return line('warn', t('status', 'personOffline'));
  if (contactsError) return line('warn', t('status', 'personContactsFailed'));
  return status.simulated
    ? line('info', t('status', 'personSimulated'))
    : line('ok', t('status', 'personReady'));
}
