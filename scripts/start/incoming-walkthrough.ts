/**
 * The other direction of the walk-through: a family member's phone calls the device. Printed step by step: the
 * phone's callWMPF, WMPF's push to the host app, the host's launch on the plugin's call page, the ring, the answer,
 * the end and the host closing the app; then a second call nobody answers, which the contacts page shows as missed.
 */
import type { IncomingCallScript } from '../../miniprogram/simulator/scenario';
import { find, textOf } from '../../harness/pages';
import type { Session } from '../../harness/session';

type Step = (text: string) => void;

const CALLING = 'packages/calling/index';
const CONTACTS = 'pages/contacts/index';

function masked(text: string, sn: string): string {
  return sn ? text.split(sn).join('<registered sn>') : text;
}

/** The phone calls; the push travels to the host, which launches the app. */
async function phoneCalls(session: Session, step: Step, script: IncomingCallScript): Promise<string> {
  const roomId = session.sim.phoneCallsDevice(script);
  step(`${script.callerName}'s phone calls the device: callWMPF (${script.roomType}) → WeChat → WMPF push`);
  await session.wait(session.scenario.pushLatencyMs);
  const launch = session.sim.framework.stats.launches[session.sim.framework.stats.launches.length - 1];
  if (!launch) throw new Error('walk-through: the host did not launch the Mini Program for the push');
  step(
    `host app: a call push → launchMiniProgram(appid, path, appType ${launch.appType}), prefetches meanwhile`,
  );
  step(`  path: ${masked(decodeURIComponent(launch.path), session.scenario.device.sn)}`);
  step(
    `App.onShow on the plugin's call page → launch guard: "${session.platform.launch.currentShow()}" ` +
      '(the app neither navigates nor places a call)',
  );
  return roomId;
}

function hostClosed(session: Session, step: Step, before: number): void {
  const { callsEnded, closes } = session.sim.framework.stats;
  const notice = callsEnded[callsEnded.length - 1];
  step(
    `voipCallEnded ${JSON.stringify(notice)} → the host ${closes > before ? 'closes the Mini Program (it launched it for this call)' : 'leaves it open'}`,
  );
}

export async function runIncomingWalkthrough(session: Session, step: Step): Promise<void> {
  const answered: IncomingCallScript = {
    callerName: '妈妈',
    roomType: 'video',
    outcome: 'answered',
    ringMs: 5000,
    talkMs: 42_000,
  };
  const roomId = await phoneCalls(session, step, answered);
  const call = await session.show(CALLING, { view: 'incoming' });
  step(
    `the call page (our stand-in in the simulator): ${textOf(call.querySelector('#name'))} · ` +
      `${textOf(call.querySelector('#room-type'))} — "${textOf(call.querySelector('#title'))}"`,
  );
  await session.wait(answered.ringMs + 10_000);
  step(
    `answered at the device: "${textOf(call.querySelector('#title'))} ${textOf(call.querySelector('#duration'))}"`,
  );
  const closesBefore = session.sim.framework.stats.closes;
  await session.settle();
  const outcome = await session.show(CALLING, { view: 'outcome' });
  await session.settle();
  step(
    `the caller hung up → the plugin returns to our outcome view: ${textOf(outcome.querySelector('#title'))} ` +
      textOf(outcome.querySelector('#duration')),
  );
  hostClosed(session, step, closesBefore);
  const record = session.stores.history.find(roomId);
  if (!record) throw new Error('walk-through: the incoming call is not in the history');
  step(`history: ${record.contact.name}, ${record.direction}, ${record.outcome}, ${record.durationSec} s`);

  const missedBefore = session.sim.framework.stats.closes;
  const missedRoom = await phoneCalls(session, step, {
    callerName: '爸爸',
    roomType: 'voice',
    outcome: 'unanswered',
    ringMs: 30_000,
    talkMs: 0,
  });
  step("the device rings for 30 s; nobody answers and 爸爸 gives up (cancelVoip on the device's side)");
  await session.settle();
  hostClosed(session, step, missedBefore);
  const missed = session.stores.history.find(missedRoom);
  step(`history: ${missed?.contact.name}, ${missed?.direction}, ${missed?.outcome} — a missed call`);
  const contacts = await session.show(CONTACTS);
  await session.settle();
  find(contacts, '#missed-calls >>> #missed');
  const title = textOf(contacts.querySelector('#missed-calls >>> #missed .missed__title'));
  const line = textOf(contacts.querySelector('#missed-calls >>> #missed .missed__line'));
  step(
    `contacts page, opened later: "${title}: ${line}" until the person taps "知道了" or opens the recent calls`,
  );
}
