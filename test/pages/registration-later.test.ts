/**
 * A device registered while its Mini Program runs (docs/host-protocol.md §1.1): the host's `registrationChanged`
 * reaches the real contacts page through the simulated WMPF Channel, and the screen, the credential prefetch and the
 * contacts follow without a restart. (The push token is the host's to upload after a registration, §7.1.)
 */
import { REGISTRATION_CHANGED_EVENT } from '../../miniprogram/platform/host/host-events';
import { renderPage, textOf, viewUpdated, type Rendered } from '../../harness/pages';
import { installTestPlatform, type TestPlatform } from '../../harness/platform';

const ROUTE = 'pages/contacts/index';
// the person's one-sentence status (the installer's 'not registered' is on the diagnostics page)
const NOT_REGISTERED = '这台设备还不能打电话，请告诉家人或安装人员。';

async function settle(t: TestPlatform, ms = 2000) {
  await t.clock.advance(ms);
  await viewUpdated();
}

const statusTitle = (comp: Rendered) => textOf(comp.querySelector('#status-line >>> .status__title'));
const rowCount = (comp: Rendered) => comp.querySelectorAll('#contact-list >>> .row__name').length;

async function unregisteredDevice(registerEventReply?: 'never-answers' | 'fails-once') {
  const t = installTestPlatform({
    scenario: (s) => {
      s.device.registered = false;
      if (registerEventReply === 'never-answers') s.registerEventReply = { kind: 'never-answers' };
      if (registerEventReply === 'fails-once')
        s.registerEventReply = { kind: 'fail', errMsg: 'registerEvent:fail no host app' };
    },
  });
  const rendered = await renderPage(ROUTE);
  await settle(t);
  expect(statusTitle(rendered.comp)).toBe(NOT_REGISTERED);
  expect(rowCount(rendered.comp)).toBe(0);
  return { t, ...rendered };
}

afterEach(() => jest.restoreAllMocks());
beforeEach(() => jest.spyOn(console, 'warn').mockImplementation(() => undefined));

describe('a device registered after its Mini Program started', () => {
  it('follows the host’s registrationChanged: the screen, the prefetch and the contacts, without a restart', async () => {
    const { t, comp } = await unregisteredDevice();
    expect(t.sim.channelEvents.registered(REGISTRATION_CHANGED_EVENT)).toBe(1);
    expect(t.stores.device.prefetch.status).toBe('unsupported');
    const deviceInfoAsked = t.sim.framework.stats.hostCalls.getMiniProgramDeviceInfo ?? 0;

    expect(t.sim.hostRegistersDevice()).toBe(1);
    await settle(t);

    expect(t.sim.framework.stats.hostCalls.getMiniProgramDeviceInfo).toBe(deviceInfoAsked + 1);
    expect(statusTitle(comp)).not.toBe(NOT_REGISTERED);
    expect(rowCount(comp)).toBeGreaterThan(0);
    expect(t.stores.device.prefetch.status).toBe('ready');
  });

  it('a registerEvent the host refused at first is tried again with backoff, then events arrive', async () => {
    const { t, comp } = await unregisteredDevice('fails-once');
    expect(t.sim.channelEvents.registered(REGISTRATION_CHANGED_EVENT)).toBe(0);
    t.scenario.registerEventReply = undefined; // the host app is up now
    await settle(t, 30_000); // the first backoff step
    expect(t.sim.channelEvents.registered(REGISTRATION_CHANGED_EVENT)).toBe(1);
    expect(t.sim.hostRegistersDevice()).toBe(1);
    await settle(t);
    expect(rowCount(comp)).toBeGreaterThan(0);
  });

  it('an event the app missed (sent before its registerEvent reached the host) is made up for once it listens', async () => {
    const { t, comp } = await unregisteredDevice('never-answers');
    t.scenario.device.registered = true; // registered, the event sent to nobody
    t.scenario.registerEventReply = undefined;
    expect(statusTitle(comp)).toBe(NOT_REGISTERED);
    t.platform.hostEvents!.stop();
    t.platform.hostEvents!.start(); // e.g. the next app start registers again
    await settle(t);
    expect(statusTitle(comp)).not.toBe(NOT_REGISTERED);
    expect(rowCount(comp)).toBeGreaterThan(0);
  });
});
