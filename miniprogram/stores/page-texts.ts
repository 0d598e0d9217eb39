/** Every page's behaviour: bound `text` (follows late-loading locale texts), `largeText`, `text.title` as title. */
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

/** For a component: no title, and data equal to the initial data is not sent again on attach. */
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
