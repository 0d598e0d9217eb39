/**
 * Every page state the previews show. A state sets up its own simulated device, drives the real pages the way a
 * person would (taps, typing) or the way the plugin would (its call page, its end page), and returns the page to
 * capture. States are rendered once per screen size, since layouts read the window size.
 */
import type { CallScript, SimulationScenario } from '../../miniprogram/simulator/scenario';
import { find, simulate, typeIntoSearch, type RenderedPage } from '../pages';
import { DIAGNOSTICS_STATES } from './diagnostics-states';
import { FAMILY_STATES } from './family-states';
import { HOME_STATES } from './home-states';
import { INCOMING_STATES } from './incoming-states';
import { startSession, type Session } from '../session';
import { CALLING, CONTACTS, MUM, callingQuery, contacts, contactsList, type PreviewState } from './state-kit';

export { CALLING, CONTACTS, callingQuery, contactsList, type PreviewState } from './state-kit';

/** Places a call from the calling page and lets the plugin play the script to its end page (the outcome view). */
async function outcome(session: Session, roomType: 'voice' | 'video'): Promise<RenderedPage> {
  await session.show(CALLING, callingQuery(roomType));
  await session.settle();
  const page = await session.show(CALLING, { view: 'outcome' });
  await session.settle();
  return page;
}

async function failedStart(session: Session): Promise<RenderedPage> {
  const page = await session.show(CALLING, callingQuery('video'));
  await session.settle();
  return page;
}

const withCall = (call: CallScript) => (s: SimulationScenario) => {
  s.calls = [call];
};

const failure = (
  name: string,
  errCode: number,
  errMsg: string,
  how: 'throw' | 'resolve-failure' = 'resolve-failure',
): PreviewState => ({
  name: `calling-failed-${name}`,
  route: CALLING,
  title: '通话',
  shows: `${errCode}`,
  scenario: withCall({ kind: how, errCode, errMsg }),
  build: failedStart,
});

const outcomeState = (
  name: string,
  shows: string,
  call: CallScript,
  roomType: 'voice' | 'video' = 'video',
): PreviewState => ({
  name: `outcome-${name}`,
  route: CALLING,
  title: '通话',
  shows,
  scenario: withCall(call),
  build: (s) => outcome(s, roomType),
});

export const PREVIEW_STATES: PreviewState[] = [
  { name: 'contacts', route: CONTACTS, title: '联系人', shows: '社区李医生', build: contacts },
  {
    name: 'contacts-search',
    route: CONTACTS,
    title: '联系人',
    shows: '共 1 人',
    async build(session) {
      const page = await contactsList(session);
      await typeIntoSearch(page, '#search', 'mm');
      await session.settle();
      return page;
    },
  },
  {
    name: 'contacts-empty',
    route: CONTACTS,
    title: '联系人',
    shows: '还没有联系人',
    scenario: (s) => (s.contacts = []),
    build: contacts,
  },
  {
    name: 'contacts-error',
    route: CONTACTS,
    title: '联系人',
    shows: '联系人加载失败',
    scenario: (s) => (s.contactsFailure = { kind: 'network', errMsg: 'request:fail' }),
    build: contacts,
  },
  {
    name: 'contacts-not-registered',
    route: CONTACTS,
    title: '联系人',
    shows: '这台设备还不能打电话',
    scenario: (s) => (s.device.registered = false),
    build: contacts,
  },
  {
    name: 'contacts-versions-too-low',
    route: CONTACTS,
    title: '联系人',
    shows: '这台设备还不能打电话', // the versions: diagnostics
    scenario: (s) => {
      s.device.wmpfVersion = '1.1.0';
      s.pluginVersion = '2.2.9';
    },
    build: contacts,
  },
  {
    name: 'contacts-en',
    route: CONTACTS,
    title: 'Contacts',
    shows: 'Add family',
    locale: 'en',
    build: contacts,
  },
  {
    name: 'history',
    route: CONTACTS,
    title: '联系人',
    shows: '已接通 02:35',
    scenario: (s) => {
      s.calls = [
        { kind: 'answer', ringMs: 4000, talkMs: 155_000, hangUpBy: 'listener' },
        { kind: 'timeout', ringMs: 60_000 },
        { kind: 'busy', ringMs: 1500 },
        { kind: 'resolve-failure', errCode: 9, errMsg: 'openId not authorised' },
      ];
    },
    async build(session) {
      const people = [
        MUM,
        { openId: 'o-sim-dad', name: '爸爸' },
        { openId: 'o-sim-grandson', name: '小明' },
        MUM,
      ];
      for (const [i, contact] of people.entries()) {
        const placing = session.stores.call.placeCall({ contact, roomType: i % 2 ? 'voice' : 'video' });
        await session.settle();
        await placing;
        await session.wait(3 * 60 * 60 * 1000);
      }
      const page = await contactsList(session);
      find(page, '#tab-history').dispatchEvent('tap');
      await simulate.sleep(0);
      return page;
    },
  },
  {
    name: 'calling-connecting',
    route: CALLING,
    title: '通话',
    shows: '正在呼叫妈妈…',
    async build(session) {
      await contacts(session); // the person comes from the contacts
      return session.show(CALLING, callingQuery('video'));
    },
  },
  failure('not-authorised', 9, 'openId not authorised the device'),
  failure('device-credential', 1000, 'getWMPFDeviceToken:fail:register info invalid', 'throw'),
  failure('arrears', 15, 'operateWXData:fail'),
  failure('licence', 23, 'license expired'),
  failure('busy', 1005, 'plugin is busy', 'throw'),
  failure('network', 1002, 'cgi request failed'),
  failure('unknown-code', 4242, 'something new'),
  {
    name: 'calling-failed-microphone',
    route: CALLING,
    title: '通话',
    shows: '麦克风',
    deniedPermissions: ['scope.record'],
    build: failedStart,
  },
  {
    name: 'calling-failed-camera',
    route: CALLING,
    title: '通话',
    shows: '摄像头',
    deniedPermissions: ['scope.camera'],
    build: failedStart,
  },
  {
    name: 'calling-failed-not-registered',
    route: CALLING,
    title: '通话',
    shows: '设备还没有注册',
    scenario: (s) => (s.device.registered = false),
    build: failedStart,
  },
  {
    name: 'calling-in-call',
    route: CALLING,
    title: '通话',
    shows: '01:23',
    scenario: withCall({ kind: 'answer', ringMs: 2000, talkMs: 600_000, hangUpBy: 'listener' }),
    async build(session) {
      await contacts(session); // the person comes from the contacts
      // the plugin's call page did not open (the simulator has none): the calling page shows the call itself
      const page = await session.show(CALLING, callingQuery('video'));
      await session.wait(1000 + 2000 + 83_000);
      return page;
    },
  },
  outcomeState('answered', '通话时长 02:35', {
    kind: 'answer',
    ringMs: 4000,
    talkMs: 155_000,
    hangUpBy: 'listener',
  }),
  outcomeState('no-answer', '对方没有接听', { kind: 'timeout', ringMs: 60_000 }, 'voice'),
  outcomeState('busy', '对方正在打电话', { kind: 'busy', ringMs: 1500 }),
  outcomeState('rejected', '对方现在不方便接听', { kind: 'reject', ringMs: 5000 }, 'voice'),
  ...FAMILY_STATES,
  ...INCOMING_STATES,
  ...DIAGNOSTICS_STATES,
  ...HOME_STATES,
];

export function sessionFor(state: PreviewState, size: { width: number; height: number }): Session {
  return startSession({
    scenario: state.scenario,
    deniedPermissions: state.deniedPermissions,
    role: state.role,
    locale: state.locale,
    width: size.width,
    height: size.height,
  });
}
