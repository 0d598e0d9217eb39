const PALETTE = ['#3f8cff', '#07c160', '#ff8f1f', '#7e57c2', '#e64a7b', '#00a2b8', '#8d6e63', '#5c6bc0'];

/**
 * Chinese names show their first character (妈妈 → 妈); Latin names the initials of the first two words
 * (Anna Schmidt → AS). Empty names show a neutral mark.
 */
export function avatarInitials(name: string): string {
  const trimmed = (name || '').trim();
  if (!trimmed) return '?';
  const words = trimmed.split(/\s+/).filter((w) => /^[A-Za-z]/.test(w));
  if (words.length > 0 && /^[A-Za-z]/.test(trimmed)) {
    return words
      .slice(0, 2)
      .map((w) => w[0].toUpperCase())
      .join('');
  }
  return Array.from(trimmed)[0];
}

/** The same name always gets the same colour. */
export function avatarColor(name: string): string {
  let hash = 0;
  for (const ch of name || '') hash = (hash * 31 + (ch.codePointAt(0) || 0)) >>> 0;
  return PALETTE[hash % PALETTE.length];
}

/** What <contact-avatar> shows without a picture, computed where the rows are made (no setData per avatar). */
export interface AvatarLook {
  initials: string;
  color: string;
}

export function avatarOf(name: string): AvatarLook {
  return { initials: avatarInitials(name), color: avatarColor(name) };
}
