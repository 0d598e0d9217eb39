/**
 * The one status line the person at the device reads (issue 21): ready or not, and what to do, in one sentence.
 * Versions, the registration and the host's errors are the installers' (the diagnostics page); nothing here says
 * "ready" while the contacts could not be loaded, nor promises saved contacts that are not there.
 */
import { t } from '../i18n/index';
import type { DeviceStatus } from '../platform/device/types';
import type { ContactsError } from '../platform/contacts/types';
import { TONE_ICON, type Tone } from './device-status';

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
