/**
 * The textual walk-through: a person at a simulated WMPF device sees the contacts, the credential is prefetched,
 * they tap Video on 妈妈, the call is answered and hung up, and the device comes back to the outcome. Then the other
 * direction: a phone calls the device (answered), and a second call nobody answers (a missed call). Each step is
 * printed with simulated time; the initByCaller request is printed with the sn masked (it has no voipToken key).
 */
import type { CallLifecycleEvent } from '../../miniprogram/platform/voip/types';
import { find, textOf, type Rendered } from '../../harness/pages';
import { runIncomingWalkthrough } from './incoming-walkthrough';
import { CALLING, CONTACTS } from '../../harness/preview/states';
import { startSession, type Session } from '../../harness/session';

type Log = (line: string) => void;

function describeEvent(event: CallLifecycleEvent): string {
  switch (event.type) {
    case 'ended':
      return `ended (${event.reason}, ${event.keepTime} s connected)`;
    case 'progress':
      return `connected ${event.keepTime} s`;
    case 'billed':
      return `billed duration ${event.keepTime} s`;
    default:
      return event.type;
  }
}

function maskSn<T>(request: T, sn: string): T {
  if (!sn) return request;
  return JSON.parse(JSON.stringify(request).split(sn).join('<registered sn>')) as T;
}

/** Lets simulated time pass until the condition holds; fails instead of hanging when it never does. */
async function waitUntil(session: Session, condition: () => boolean, what: string): Promise<void> {
  const limit = session.clock.now() + 10_000;
  while (!condition()) {
    if (session.clock.now() >= limit) throw new Error(`walk-through: ${what} did not happen`);
    await session.wait(10);
  }
}

export async function runWalkthrough(log: Log): Promise<void> {
  const session = startSession({
    scenario: (s) => (s.calls = [{ kind: 'answer', ringMs: 4000, talkMs: 65_000, hangUpBy: 'listener' }]),
  });
  const start = session.clock.now();
  const at = () => `+${((session.clock.now() - start) / 1000).toFixed(1).padStart(6)} s`;
  const step = (text: string) => log(`${at()}  ${text}`);
  const scenario = session.scenario;

  step(
    `simulated WMPF device: WMPF ${scenario.device.wmpfVersion}, plugin ${scenario.pluginVersion}, ` +
      `registered ${scenario.device.registered ? 'yes' : 'no'} (the sn is never printed)`,
  );
  session.platform.voipEvents.subscribe((event) => {
    if (event.type !== 'progress' || event.keepTime % 30 === 0)
      step(`plugin event → ${describeEvent(event)}`);
  });

  const contacts = await session.show(CONTACTS);
  step('contacts page shown: it asks the host app for the device info and starts the credential prefetch');
  await session.settle();
  const rows = contacts.querySelectorAll('#contact-list >>> .row__name').map((n) => textOf(n));
  const callable = contacts.querySelectorAll('#contact-list >>> .call-btn--video').length;
  step(`contacts: ${rows.length} people (${callable} can be called): ${rows.join(', ')}`);
  step(`device status: ${textOf(find(contacts, '#status-line >>> #status .status__title'))}`);
  step(
    `prefetch: ${session.stores.device.prefetch.status} (the person's screen does not show it; host round trips so far: ${JSON.stringify(session.sim.framework.stats.hostCalls)})`,
  );

  const video = find(contacts, '#contact-list >>> #row-0 .call-btn--video');
  step(`tap: Video on ${rows[0]}`);
  video.dispatchEvent('tap');
  await session.settle();
  const navigation = session.router.history[session.router.history.length - 1];
  step(`navigate → ${decodeURIComponent(navigation.url)}`);

  const query = Object.fromEntries(new URL(`https://x${navigation.url}`).searchParams);
  const calling = await session.show(CALLING, query);
  step(
    `calling page: "${textOf(calling.querySelector('#state'))}" — microphone and camera allowed, device ready`,
  );
  await waitUntil(session, () => session.sim.plugin.requests.length > 0, 'initByCaller');
  const request = session.sim.plugin.requests[0];
  step('initByCaller request:');
  log(JSON.stringify(maskSn(request, scenario.device.sn), null, 2).replace(/^/gm, '            '));
  if ('voipToken' in request) throw new Error('walk-through: the initByCaller request has a voipToken key');
  step('voipToken key in the request: absent, as required');
  await waitUntil(
    session,
    () => session.router.history.some((h) => h.kind === 'redirectTo'),
    'the redirect to the call page',
  );
  const redirect = session.router.history.find((h) => h.kind === 'redirectTo');
  step(`initByCaller succeeded → redirectTo ${redirect?.url ?? '(none)'} (the plugin's call page)`);
  await session.wait(4000 + 30_000);
  step(
    `the simulator has no plugin call page: our calling page shows the call — ` +
      `"${textOf(calling.querySelector('#title'))} ${textOf(calling.querySelector('#duration'))}"`,
  );
  await session.settle();
  const end = session.router.history[session.router.history.length - 1];
  step(`the plugin returns to our app → ${end.url}`);
  const outcome: Rendered = await session.show(CALLING, { view: 'outcome' });
  await session.settle();
  step(
    `outcome view: ${textOf(outcome.querySelector('#title'))} ${textOf(outcome.querySelector('#duration'))}`.trim(),
  );
  const history = session.stores.history;
  const record = history.records[0];
  if (!record) throw new Error('walk-through: the call is not in the history');
  step(
    `history: ${record.contact.name}, ${record.roomType}, ${record.outcome}, ${record.durationSec} s ` +
      `(${history.records.length} call${history.records.length === 1 ? '' : 's'} stored)`,
  );
  step(
    `host app told the call ended (voipCallEnded ${JSON.stringify(session.sim.framework.stats.callsEnded[0])}): ` +
      `the app stays on its outcome view (the host closes it only after an incoming call it launched it for)`,
  );

  log("\n▶ Walk-through: a family member's phone calls the device (simulated time)\n");
  await runIncomingWalkthrough(session, step);
  session.close();
}
