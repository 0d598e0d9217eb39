/**
 * Preview states of the device's home (issue 14): the tiles of the people called most and the pinned ones (a
 * landscape device; a portrait phone keeps its list), a family member's missed calls first with "call back", and
 * large text — switched on at the home, as the person at the device would — on the home, the list, the missed
 * calls, a call that could not start and the Add family page.
 */
import type { SimulationScenario } from '../../miniprogram/simulator/scenario';
import { viewUpdated, type RenderedPage } from '../pages';
import type { Session } from '../session';
import { tap } from './family-states';
import type { PreviewState } from './state-kit';

const CONTACTS = 'pages/contacts/index';
const CALLING = 'packages/calling/index';
const DEVICE_PAIRING = 'packages/add-family/index';

/** 王丽 called most, then 小明; 张叔叔 was pinned from his phone (he has not authorised the device yet). */
const family = (s: SimulationScenario) => {
  const uncle = s.contacts.find((c) => c.openId === 'o-sim-uncle');
  if (uncle) uncle.pinned = true;
  s.calls = Array.from({ length: 4 }, () => ({
    kind: 'answer' as const,
    ringMs: 2000,
    talkMs: 20_000,
    hangUpBy: 'listener' as const,
  }));
};

async function callsMade(session: Session): Promise<void> {
  const people = [
    { openId: 'o-sim-daughter', name: '王丽' },
    { openId: 'o-sim-grandson', name: '小明' },
    { openId: 'o-sim-daughter', name: '王丽' },
    { openId: 'o-sim-daughter', name: '王丽' },
  ];
  for (const contact of people) {
    const placing = session.stores.call.placeCall({ contact, roomType: 'video' });
    await session.settle();
    await placing;
    await session.wait(2 * 60 * 60 * 1000);
  }
}

/** 妈妈 called twice by video and nobody answered; 爸爸 once. */
async function missedCalls(session: Session): Promise<void> {
  for (const callerName of ['爸爸', '妈妈', '妈妈']) {
    session.sim.phoneCallsDevice({
      callerName,
      roomType: 'video',
      outcome: 'unanswered',
      ringMs: 30_000,
      talkMs: 0,
    });
    await session.wait(session.scenario.pushLatencyMs);
    await session.settle();
    await session.wait(15 * 60 * 1000);
  }
}

async function home(session: Session): Promise<RenderedPage> {
  const page = await session.show(CONTACTS);
  await session.settle();
  return page;
}

/** The home with the large-text switch turned on by the person at the device. */
async function largeHome(session: Session): Promise<RenderedPage> {
  const page = await home(session);
  await tap(session, page, '#status-line >>> #large-text');
  return page;
}

export const HOME_STATES: PreviewState[] = [
  {
    name: 'home-tiles',
    route: CONTACTS,
    title: '联系人',
    shows: '王丽',
    scenario: family,
    async build(session) {
      await callsMade(session);
      return home(session);
    },
  },
  {
    name: 'home-missed-call',
    route: CONTACTS,
    title: '联系人',
    shows: '3 个未接来电',
    scenario: family,
    async build(session) {
      await callsMade(session);
      await missedCalls(session);
      return home(session);
    },
  },
  {
    name: 'large-text-home',
    route: CONTACTS,
    title: '联系人',
    shows: '大字开',
    scenario: family,
    async build(session) {
      await callsMade(session);
      return largeHome(session);
    },
  },
  {
    name: 'large-text-missed-call',
    route: CONTACTS,
    title: '联系人',
    shows: '回拨',
    scenario: family,
    async build(session) {
      await callsMade(session);
      await missedCalls(session);
      return largeHome(session);
    },
  },
  {
    name: 'large-text-list',
    route: CONTACTS,
    title: '联系人',
    shows: '社区李医生',
    async build(session) {
      const page = await largeHome(session);
      if (page.querySelector('#home-tiles >>> #show-all'))
        await tap(session, page, '#home-tiles >>> #show-all');
      return page;
    },
  },
  {
    name: 'large-text-call-failed',
    route: CALLING,
    title: '通话',
    shows: '9',
    scenario: (s) =>
      (s.calls = [{ kind: 'resolve-failure', errCode: 9, errMsg: 'openId not authorised the device' }]),
    async build(session) {
      await largeHome(session);
      const page = await session.show(CALLING, { openId: 'o-sim-mum', roomType: 'video' });
      await session.settle();
      return page;
    },
  },
  {
    name: 'large-text-add-family',
    route: DEVICE_PAIRING,
    title: '添加家人',
    shows: '扫一扫',
    async build(session) {
      await largeHome(session);
      const page = await session.show(DEVICE_PAIRING);
      await session.wait(1000);
      await viewUpdated();
      return page;
    },
  },
];
