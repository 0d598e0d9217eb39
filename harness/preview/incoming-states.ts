/**
 * The page states of a family member's call to the device: the call (the calling page stands in for the plugin's
 * call page, which the simulator does not have), its three ends, the missed call on the contacts page, and the
 * status card when the host does not answer. Each call comes the real way: callWMPF → push → the host's launch.
 */
import type { IncomingCallScript } from '../../miniprogram/simulator/scenario';
import type { RenderedPage } from '../pages';
import { setUpPluginAsAtLaunch } from '../platform';
import type { Session } from '../session';
import type { PreviewState } from './state-kit';

const CONTACTS = 'pages/contacts/index';
const CALLING = 'packages/calling/index';

const MUM_CALLS: IncomingCallScript = {
  callerName: '妈妈',
  roomType: 'video',
  outcome: 'answered',
  ringMs: 6000,
  talkMs: 155_000,
};

/** The phone calls; the push reaches the host, which launches the app on the call page. */
async function phoneCalls(session: Session, script: Partial<IncomingCallScript>): Promise<void> {
  session.sim.phoneCallsDevice({ ...MUM_CALLS, ...script });
  await session.wait(session.scenario.pushLatencyMs);
}

async function callPage(session: Session, waitMs: number): Promise<RenderedPage> {
  await phoneCalls(session, {});
  const page = await session.show(CALLING, { view: 'incoming' });
  await session.wait(waitMs);
  return page;
}

async function ended(session: Session, script: Partial<IncomingCallScript>): Promise<RenderedPage> {
  await contacts(session); // the device was on its home when the call came
  setUpPluginAsAtLaunch(session.platform);
  await phoneCalls(session, script);
  await session.settle();
  const page = await session.show(CALLING, { view: 'outcome' });
  await session.settle();
  return page;
}

async function contacts(session: Session): Promise<RenderedPage> {
  const page = await session.show(CONTACTS);
  await session.settle();
  return page;
}

export const INCOMING_STATES: PreviewState[] = [
  {
    name: 'incoming-ringing',
    route: CALLING,
    title: '通话',
    shows: '打来电话，正在响铃…',
    build: (session) => callPage(session, 1000),
  },
  {
    name: 'incoming-in-call',
    route: CALLING,
    title: '通话',
    shows: '01:23',
    build: (session) => callPage(session, 6000 + 83_000),
  },
  {
    name: 'outcome-incoming-answered',
    route: CALLING,
    title: '通话',
    shows: '通话时长 02:35',
    build: (session) => ended(session, {}),
  },
  {
    name: 'outcome-incoming-declined',
    route: CALLING,
    title: '通话',
    shows: '已拒接',
    build: (session) => ended(session, { outcome: 'rejected', ringMs: 5000 }),
  },
  {
    name: 'outcome-incoming-missed',
    route: CALLING,
    title: '通话',
    shows: '未接来电',
    build: (session) =>
      ended(session, { callerName: '爸爸', roomType: 'voice', outcome: 'unanswered', ringMs: 30_000 }),
  },
  {
    name: 'contacts-missed-calls',
    route: CONTACTS,
    title: '联系人',
    shows: '3 个未接来电',
    async build(session) {
      for (const callerName of ['爸爸', '妈妈', '爸爸']) {
        await phoneCalls(session, { callerName, roomType: 'voice', outcome: 'unanswered', ringMs: 30_000 });
        await session.settle();
        await session.wait(20 * 60 * 1000);
      }
      return contacts(session);
    },
  },
  {
    name: 'contacts-host-silent',
    route: CONTACTS,
    title: '联系人',
    shows: '这台设备还不能打电话',
    scenario: (s) => {
      s.deviceInfoReply = { kind: 'never-answers' };
      s.prefetchReply = { kind: 'never-answers' };
    },
    build: contacts,
  },
  {
    name: 'contacts-last-registration',
    route: CONTACTS,
    title: '联系人',
    shows: '设备服务暂时没有回应',
    async build(session) {
      // the host answered once (the registration is kept), then stops answering
      const asked = session.stores.device.refreshStatus(true);
      await session.settle();
      await asked;
      await session.wait(3 * 60 * 60 * 1000);
      session.scenario.deviceInfoReply = { kind: 'never-answers' };
      session.scenario.prefetchReply = { kind: 'never-answers' };
      const page = await contacts(session);
      // pulled down to refresh: the host is asked again and does not answer
      const refreshed = session.stores.contacts.load(true);
      await session.settle();
      await refreshed;
      return page;
    },
  },
];
