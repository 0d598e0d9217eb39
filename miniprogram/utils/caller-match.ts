import type { ContactWithAuth } from '../platform/contacts/types';

/** callWMPF's nickName is all a call carries: only an exact, unique name matches (nobody is guessed). */
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
