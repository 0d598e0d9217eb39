import type { Contact } from '../platform/contacts/types';

/** The contact with `pinned` set, or left out (not pinned is the default, as older backend replies say). */
export function pinnedAs<C extends Contact>(contact: C, pinned: boolean): C {
  const copy = { ...contact };
  if (pinned) copy.pinned = true;
  else delete copy.pinned;
  return copy;
}
