import type { CallRecord } from '../platform/history/types';

/**
 * A family member's call nobody at the device took: incoming, never connected, and not declined at the device (a
 * declined call was seen). A row still "in progress" is not one: the call may be ringing now.
 */
export function isMissedCall(record: CallRecord): boolean {
  if (record.direction !== 'incoming' || record.durationSec > 0) return false;
  return record.outcome !== 'hung-up' && record.outcome !== 'rejected' && record.outcome !== 'in-progress';
}
