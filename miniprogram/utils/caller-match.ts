import type { ContactWithAuth } from '../platform/contacts/types';

/**
 * Who a family member's call came from, among the contacts. The call carries only the name they registered for this
 * device (callWMPF's nickName), so only an exact, unique name is a match: two contacts of that name, or none, are
 * said as such — nobody is guessed, so the wrong person is never called back.
 */
export type CallerMatch =
  | { kind: 'one'; contact: ContactWithAuth }
  | { kind: 'many'; count: number }
  | { kind: 'none' }
  /** The contacts are not loaded yet: nothing can be said. */
  | { kind: 'unknown' };

export interface ContactsByName {
  byName: Map<string, ContactWithAuth[]>;
  known: boolean;
}

export function matchCaller(name: string, contacts: ContactsByName): CallerMatch {
  if (!contacts.known) return { kind: 'unknown' };
  const same = contacts.byName.get(name.trim()) ?? [];
  if (same.length === 1) return { kind: 'one', contact: same[0] };
  return same.length === 0 ? { kind: 'none' } : { kind: 'many', count: same.length };
}
