/** Each colour carries white initials at 4.5:1 or more (WCAG AA for any size; docs/design.md). */
const PALETTE = ['#1f6fe0', '#067d45', '#b45309', '#7e57c2', '#c2185b', '#00788a', '#795548', '#5c6bc0'];

/** 妈妈 → 妈; Anna Schmidt → AS (the first two words' initials); an empty name shows a neutral mark. */
function avatarInitials(name: string): string {
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
function avatarColor(name: string): string {
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
