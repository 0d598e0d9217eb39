/**
 * Preview states of the installers' diagnostics page (issue 14): a device that works, with its last calls (one
 * refused with errCode 9, one answered, a family member's call), and one where everything an installer hunts for is
 * wrong (prefetch failing, a slow host, the backend down, a call failing with errCode 1000). Calls are placed through
 * the call store and played by the simulated plugin, as a tap on a contact would.
 */
import type { CallScript } from '../../miniprogram/simulator/scenario';
import { find, viewUpdated, type RenderedPage } from '../pages';
import type { Session } from '../session';
import type { PreviewState } from './state-kit';

const DIAGNOSTICS = 'packages/calling/diagnostics/index';
const MUM = { openId: 'o-sim-mum', name: '妈妈' };

async function call(session: Session, script: CallScript, roomType: 'voice' | 'video'): Promise<void> {
  session.scenario.calls = [script];
  const placing = session.stores.call.placeCall({ contact: MUM, roomType });
  await session.settle();
  await placing;
  session.stores.call.dismiss();
}

async function workingDevice(session: Session): Promise<RenderedPage> {
  session.stores.device.requestPrefetch();
  await call(session, { kind: 'resolve-failure', errCode: 9, errMsg: 'not authorised' }, 'video');
  await session.wait(60_000);
  await call(session, { kind: 'answer', ringMs: 4000, talkMs: 95_000, hangUpBy: 'listener' }, 'video');
  session.sim.phoneCallsDevice({
    callerName: '小明',
    roomType: 'voice',
    outcome: 'rejected',
    ringMs: 5000,
    talkMs: 0,
  });
  await session.settle();
  await session.wait(5 * 60_000);
  const page = await session.show(DIAGNOSTICS);
  await session.settle();
  return page;
}

async function troubledDevice(session: Session): Promise<RenderedPage> {
  session.stores.device.requestPrefetch();
  await call(session, { kind: 'throw', errCode: 1000, errMsg: 'getWMPFDeviceToken:fail' }, 'video');
  // then the backend goes away (with it down, the contacts could not be checked and no call would start)
  session.sim.family.backendDown = { kind: 'network', errMsg: 'ERR_NAME_NOT_RESOLVED' };
  const page = await session.show(DIAGNOSTICS);
  await session.settle();
  return page;
}

async function copied(session: Session): Promise<RenderedPage> {
  const page = await workingDevice(session);
  find(page, '#copy').dispatchEvent('click');
  await session.settle();
  await viewUpdated();
  return page;
}

export const DIAGNOSTICS_STATES: PreviewState[] = [
  {
    name: 'diagnostics',
    route: DIAGNOSTICS,
    title: '设备诊断',
    shows: '对方还没有同意接听这台设备的电话',
    build: workingDevice,
  },
  {
    name: 'diagnostics-problems',
    route: DIAGNOSTICS,
    title: '设备诊断',
    shows: '连接不上服务',
    scenario: (s) => {
      s.prefetchReply = { kind: 'error-text', errMsg: 'getWMPFDeviceToken:fail network' };
      s.hostLatencyMs = 850;
      // the host's upload keeps failing: the service is down for it too
      const pushToken = { state: 'failed', reason: 'network', attempts: 4, retryAt: Date.now() + 300_000 };
      s.hostStatusReply = {
        kind: 'malformed',
        raw: JSON.stringify({ provisioned: 1, wmpfDevice: 1, pushToken }),
      };
    },
    build: troubledDevice,
  },
  {
    name: 'diagnostics-copied',
    route: DIAGNOSTICS,
    title: '设备诊断',
    shows: '报告已复制',
    build: copied,
  },
  {
    name: 'diagnostics-en',
    route: DIAGNOSTICS,
    title: 'Diagnostics',
    shows: 'Call plugin version',
    locale: 'en',
    build: workingDevice,
  },
];
