/**
 * What every page repeats, as one behaviour: its texts as `text` (bound, so they follow a locale whose texts arrive
 * after the page), the large-text switch as `largeText`, and `text.title` as the navigation bar's title.
 */
import { comparer, reaction } from 'mobx-miniprogram';
import { appStores, currentApp } from './index';

export function pageTexts<T extends { title: string }>(texts: () => T): string {
  return Behavior({
    // the page sends its texts once when it attaches: the title observer sets the navigation bar's title then
    behaviors: [boundTexts(texts, true)],
    observers: {
      'text.title'(title: string) {
        currentApp().platform.ui.setTitle(title);
      },
    },
  });
}

/**
 * The same for a component of a page: its texts and the large-text switch, bound; no title. What equals the
 * initial data is not sent again when it attaches (a page of several components would send its texts once each).
 */
export function boundTexts<T extends object>(texts: () => T, sendFirst = false): string {
  const stops = new WeakMap<object, () => void>();
  return Behavior({
    data: { text: texts(), largeText: false },
    lifetimes: {
      attached() {
        const view = () => ({ text: texts(), largeText: appStores.ui.largeText });
        const now = view();
        const { text, largeText } = this.data as typeof now;
        if (sendFirst || !comparer.structural(now, { text, largeText })) this.setData(now);
        stops.set(
          this,
          reaction(view, (next) => this.setData(next), { equals: comparer.structural }),
        );
      },
      detached() {
        stops.get(this)?.();
      },
    },
  });
}
