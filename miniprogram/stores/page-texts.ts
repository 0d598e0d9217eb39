/**
 * What every page repeats, as one behaviour: its texts as `text` (bound, so they follow a locale whose texts arrive
 * after the page), the large-text switch as `largeText`, and `text.title` as the navigation bar's title.
 */
import { createStoreBindings } from 'mobx-miniprogram-bindings';
import { appStores, currentApp } from './index';
import type { UiStore } from './ui-store';

type Bindings = ReturnType<typeof createStoreBindings>;

export function pageTexts<T extends { title: string }>(texts: () => T): string {
  const bound = new WeakMap<object, Bindings>();
  return Behavior({
    data: { text: texts(), largeText: false },
    lifetimes: {
      attached() {
        const bindings = createStoreBindings(this, {
          store: appStores.ui,
          fields: { text: () => texts(), largeText: (ui: UiStore) => ui.largeText },
          actions: [],
          structuralComparison: true,
        });
        bindings.updateStoreBindings();
        bound.set(this, bindings);
      },
      detached() {
        bound.get(this)?.destroyStoreBindings();
      },
    },
    observers: {
      'text.title'(title: string) {
        currentApp().platform.ui.setTitle(title);
      },
    },
  });
}
