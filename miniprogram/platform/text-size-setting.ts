/** The large-text switch's choice, stored so it holds after a restart; none: WeChat's font size is followed. */
import type { KeyValueStorage } from './storage/types';
import { isRecord } from '../lib/guards';

export const TEXT_SIZE_KEY = 'text-size';

export type TextSizeChoice = 'system' | 'large' | 'standard';

export interface TextSizeSetting {
  /** 'system' when nothing was chosen, or storage cannot be read (or holds something else). */
  load(): Promise<TextSizeChoice>;
  /** false when storage failed: the choice then holds until the app restarts. */
  save(choice: TextSizeChoice): Promise<boolean>;
}

export function createTextSizeSetting(storage: KeyValueStorage): TextSizeSetting {
  return {
    async load() {
      const stored = await storage.get(TEXT_SIZE_KEY);
      const choice = stored.ok && isRecord(stored.value) ? stored.value.choice : undefined;
      return choice === 'large' || choice === 'standard' ? choice : 'system';
    },
    async save(choice) {
      const saved = await storage.set(TEXT_SIZE_KEY, { choice });
      if (!saved.ok) console.warn('[text size] not saved:', saved.error.errMsg);
      return saved.ok;
    },
  };
}
