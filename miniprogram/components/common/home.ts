/** What the home's components share: their texts, the contact behind an openId, calling a person. */
import { ComponentWithStore } from 'mobx-miniprogram-bindings';
import { t, texts } from '../../i18n/index';
import { callingUrl, HOME_PAGE, ROUTES } from '../../routes';
import { appStores } from '../../stores/index';
import { boundTexts } from '../../stores/page-texts';
import { toRow, type ContactRow } from '../../view-models/contacts-list';
import { missedByOpenId } from '../../view-models/missed-calls';

const { contacts, missedCalls, ui } = appStores;

export function homeTexts() {
  return { ...texts('contacts'), ...texts('common'), recheck: t('status', 'recheck') };
}

const homeTextsBehavior = boundTexts(homeTexts);

/** ComponentWithStore with the home's texts bound; app.wxss and the page's Vant rules apply (addGlobalClass). */
export const homeComponent: typeof ComponentWithStore = (definition) =>
  ComponentWithStore({ ...definition, behaviors: [homeTextsBehavior], options: { addGlobalClass: true } });

/** The contact as the store knows it now, by openId: a row index could point at someone else after a refresh. */
export function rowOf(id: unknown): ContactRow | undefined {
  const contact = typeof id === 'string' ? contacts.find(id) : undefined;
  return contact && toRow(contact, contacts.loadedAt);
}

export function navigateFromHome(url: string): void {
  ui.navigateTo(url, HOME_PAGE);
}

/** A video or voice call from the home, by openId (nothing for someone who cannot be called yet). */
export function callPerson(id: unknown, roomType: unknown): void {
  const row = rowOf(id);
  if (!row?.callable || (roomType !== 'video' && roomType !== 'voice')) return;
  // calling someone who called and was missed is calling them back (only a caller matched to them alone)
  if (missedByOpenId(missedCalls.callers, contacts).has(row.id)) void missedCalls.markCallerSeen(row.name);
  navigateFromHome(callingUrl({ openId: row.id, roomType }));
}

/** Back from the pairing code, a family member may have been added. */
export function addFamily(): void {
  contacts.markStale();
  navigateFromHome(ROUTES.devicePairing);
}
