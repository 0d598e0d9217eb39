/** What every preview state is, and the two pages most states start from (shared by states.ts and its parts). */
import type { Locale } from '../../miniprogram/i18n/index';
import type { PermissionScope } from '../../miniprogram/platform/permissions';
import type { SimulatedRole } from '../../miniprogram/simulator/index';
import type { SimulationScenario } from '../../miniprogram/simulator/scenario';
import { simulate, type RenderedPage } from '../pages';
import type { Session } from '../session';

export interface PreviewState {
  name: string;
  route: string;
  title: string;
  /** text the state must show (checked by npm start and by test/preview/states.test.ts) */
  shows: string;
  locale?: Locale;
  build(session: Session): Promise<RenderedPage>;
  scenario?: (s: SimulationScenario) => void;
  deniedPermissions?: PermissionScope[];
  /** 'device' (default) or a family member's 'phone'. */
  role?: SimulatedRole;
}

export const CONTACTS = 'pages/contacts/index';
export const CALLING = 'packages/calling/index';
export const MUM = { openId: 'o-sim-mum', name: '妈妈' };

export function callingQuery(roomType: 'voice' | 'video' = 'video', contact = MUM): Record<string, string> {
  return { openId: contact.openId, roomType };
}

export async function contacts(session: Session): Promise<RenderedPage> {
  const page = await session.show(CONTACTS);
  await session.settle();
  return page;
}

/** The whole contacts list: a landscape device opens on its tiles, and "all contacts" opens the list. */
export async function contactsList(session: Session): Promise<RenderedPage> {
  const page = await contacts(session);
  const showAll = page.querySelector('#home-tiles >>> #show-all');
  if (showAll) {
    showAll.dispatchEvent('tap');
    await session.settle();
    await simulate.sleep(0);
  }
  return page;
}
