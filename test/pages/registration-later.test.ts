/**
 * A device registered while its Mini Program runs (docs/host-protocol.md §1.1): the host's `registrationChanged`
 * reaches the real contacts page through the simulated WMPF Channel, and the screen, the credential prefetch and the
 * push token follow without a restart. Without the event (an older host), the push token upload that waited for
 * the device is tried again with backoff and when the page shows.
 */
import { startDevicePlatform } from '../../miniprogram/composition-root';
import { REGISTRATION_CHANGED_EVENT } from '../../miniprogram/platform/host/host-events';
import { renderPage, textOf, viewUpdated, type Rendered } from '../../harness/pages';
import { installTestPlatform, type TestPlatform } from '../../harness/platform';

const ROUTE = 'pages/contacts/index';
const NO_SCREEN = { width: 0, height: 0 };

async function settle(t: TestPlatform, ms = 2000) {
  await t.clock.advance(ms);
  await viewUpdated();
}

const statusTitle = (comp: Rendered) => textOf(comp.querySelector('.status__title'));
const rowCount = (comp: Rendered) => comp.querySelectorAll('.row__name').length;

async function unregisteredDevice(options: { eventsAnswered: boolean }) {
  const t = installTestPlatform({
    scenario: (s) => {
      s.device.registered = false;
      if (!options.eventsAnswered) s.registerEventReply = { kind: 'never-answers' };
    },
  });
  startDevicePlatform(t.platform, NO_SCREEN);
  const rendered = await renderPage(ROUTE);
  await settle(t);
  expect(statusTitle(rendered.comp)).toBe('设备还没有注册，暂时不能通话');
  expect(t.sim.backend.uploads).toHaveLength(0);
  return { t, ...rendered };
}

afterEach(() => jest.restoreAllMocks());

describe('a device registered after its Mini Program started', () => {
  beforeEach(() => jest.spyOn(console, 'warn').mockImplementation(() => undefined));

  it('follows the host’s registrationChanged: the screen, the prefetch and the push token, without a restart', async () => {
    const { t, comp } = await unregisteredDevice({ eventsAnswered: true });
    expect(t.sim.channelEvents.registered(REGISTRATION_CHANGED_EVENT)).toBe(1);
    expect(rowCount(comp)).toBe(0);
    const deviceInfoAsked = t.sim.framework.stats.hostCalls.getMiniProgramDeviceInfo ?? 0;

    expect(t.sim.hostRegistersDevice()).toBe(1);
    await settle(t);

    expect(t.sim.framework.stats.hostCalls.getMiniProgramDeviceInfo).toBe(deviceInfoAsked + 1);
    expect(statusTitle(comp)).not.toBe('设备还没有注册，暂时不能通话');
    expect(rowCount(comp)).toBeGreaterThan(0);
    expect(t.platform.prefetch.getState().status).toBe('ready');
    expect(t.sim.backend.uploads).toEqual([
      expect.objectContaining({ sn: t.scenario.device.sn, modelId: t.scenario.device.modelId }),
    ]);
    expect(t.platform.pushToken!.getState().status).toBe('uploaded');
    t.platform.pushToken!.stop();
  });

  it('without the event (an older host) tries the waiting push token upload again with backoff', async () => {
    const { t } = await unregisteredDevice({ eventsAnswered: false });
    expect(t.platform.pushToken!.getState()).toMatchObject({
      status: 'failed',
      error: { kind: 'device-not-ready' },
    });
    t.scenario.device.registered = true; // registered through the host, no event reaches the app
    await settle(t, 25_000);
    expect(t.sim.backend.uploads).toHaveLength(0);
    await settle(t, 10_000); // the first backoff step is 30 s
    expect(t.sim.backend.uploads).toHaveLength(1);
    t.platform.pushToken!.stop();
  });

  it('without the event tries the waiting push token upload again when the page shows', async () => {
    const { t, page } = await unregisteredDevice({ eventsAnswered: false });
    t.scenario.device.registered = true;
    await settle(t, 1000);
    expect(t.sim.backend.uploads).toHaveLength(0);
    page.onShow?.();
    await settle(t);
    expect(t.sim.backend.uploads).toHaveLength(1);
    t.platform.pushToken!.stop();
  });
});
