/**
 * Preview states of adding and removing family (issue 12): the device's "Add family" view (a one-time code, who was
 * just added, a device that is not set up), the contacts page (a new contact, removing one) and the phone's pairing
 * page (scanned, a used code, agreeing again). Device pairing polls while shown, so its states let simulated time
 * pass instead of running every timer.
 */
import { find, simulate, viewUpdated, type RenderedPage } from '../pages';
import { deviceBeside, phoneBeside } from '../family';
import { contactsList, type PreviewState } from './state-kit';
import type { Session } from '../session';
import { pairingStoreOf } from '../../miniprogram/packages/phone/setup';

const DEVICE_PAIRING = 'packages/add-family/index';
const CONTACTS = 'pages/contacts/index';
const PAIRING = 'packages/phone/pairing/index';
const DEVICES = 'packages/phone/devices/index';

async function addFamily(session: Session): Promise<RenderedPage> {
  const page = await session.show(DEVICE_PAIRING);
  await session.wait(1000);
  await viewUpdated();
  return page;
}

/** A tap on the page, and what it set off settled (van-popup's enter transition runs on real timers). */
export async function tap(session: Session, page: RenderedPage, selector: string): Promise<void> {
  find(page, selector).dispatchEvent('tap');
  await session.settle();
  await viewUpdated();
  // van-popup's enter transition runs on real timers
  await simulate.sleep(50);
}

/** A family member scanned the code on the device and agreed on their phone, as 小丽. */
async function addedJustNow(session: Session): Promise<RenderedPage> {
  const page = await addFamily(session);
  const pairingId = session.sim.backend.pairingsOf(session.scenario.device.sn).at(-1)?.id ?? '';
  const phone = phoneBeside(session);
  const scanned = pairingStoreOf(phone.app).start({ scene: `p.${pairingId}` });
  await session.wait(1000);
  await scanned;
  pairingStoreOf(phone.app).setName('小丽');
  const agreed = pairingStoreOf(phone.app).agree();
  await session.wait(2000);
  await agreed;
  await session.wait(4000);
  await viewUpdated();
  return page;
}

async function scannedOnPhone(session: Session): Promise<RenderedPage> {
  const scene = await deviceBeside(session).newScene();
  const page = await session.show(PAIRING, { scene: encodeURIComponent(scene) });
  await session.settle();
  return page;
}

async function usedCodeOnPhone(session: Session): Promise<RenderedPage> {
  const device = deviceBeside(session);
  const scene = await device.newScene();
  const pairingId = scene.slice(2);
  const someoneElse = session.sim.backend.issueLoginCode('o-someone-else');
  const claimed = device.api.claimPairing({ pairingId, code: someoneElse });
  await session.wait(1000);
  await claimed;
  const page = await session.show(PAIRING, { scene: encodeURIComponent(scene) });
  await session.settle();
  return page;
}

export const FAMILY_STATES: PreviewState[] = [
  {
    name: 'device-pairing',
    route: DEVICE_PAIRING,
    title: '添加家人',
    shows: '10 分钟内有效',
    build: addFamily,
  },
  {
    name: 'device-pairing-added',
    route: DEVICE_PAIRING,
    title: '添加家人',
    shows: '刚刚添加了「小丽」',
    build: addedJustNow,
  },
  {
    name: 'device-pairing-not-provisioned',
    route: DEVICE_PAIRING,
    title: '添加家人',
    shows: '这台设备还没有开通家人服务',
    scenario: (s) => (s.device.secret = undefined),
    build: addFamily,
  },
  {
    name: 'contacts-new-family',
    route: CONTACTS,
    title: '联系人',
    shows: '小丽新',
    scenario: (s) => {
      // the fake clock's start (test/helpers/fake-clock.ts): 小丽 paired an hour before
      s.contacts.unshift({
        openId: 'o-sim-phone-xiaoli',
        name: '小丽',
        bindStatus: 1,
        addedAt: 1_700_000_000_000 - 3_600_000,
      });
    },
    build: (session) => contactsList(session),
  },
  {
    name: 'contacts-remove',
    route: CONTACTS,
    title: '联系人',
    shows: '删除「爸爸」？',
    async build(session) {
      const page = await contactsList(session);
      await tap(session, page, '#contact-list >>> #row-1');
      await tap(session, page, '#person-sheet >>> #sheet-remove');
      return page;
    },
  },
  {
    name: 'pairing-phone',
    route: PAIRING,
    title: '添加通话设备',
    shows: '奶奶家的通话屏',
    role: 'phone',
    build: scannedOnPhone,
  },
  {
    name: 'pairing-phone-used',
    route: PAIRING,
    title: '添加通话设备',
    shows: '这个二维码已经用过了',
    role: 'phone',
    build: usedCodeOnPhone,
  },
  {
    name: 'pairing-phone-again',
    route: PAIRING,
    title: '添加通话设备',
    shows: '同意来电',
    role: 'phone',
    async build(session) {
      const page = await session.show(PAIRING, { sn: 'SIM-DEVICE-0002', modelId: 'sim-model' });
      await session.settle();
      return page;
    },
  },
  {
    name: 'devices-phone',
    route: DEVICES,
    title: '我的设备',
    shows: '奶奶家的通话屏',
    role: 'phone',
    async build(session) {
      const page = await session.show(DEVICES);
      await session.settle();
      return page;
    },
  },
];
