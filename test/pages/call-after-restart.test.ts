/**
 * The first tap after a restart (issue #19 item 7): the contacts from the cache, the registration the host confirmed
 * last from storage, the call started at once on it — through the real contacts and calling pages and the simulated
 * host. WMPF checks the caller anyway: a refusal asks the host again and tries once more with what it says now.
 */
import { CONTACTS_CACHE_KEY } from '../../miniprogram/platform/contacts/contacts-service';
import { LAST_REGISTRATION_KEY } from '../../miniprogram/platform/device/device-service';
import { createMemoryStorage } from '../../miniprogram/simulator/memory-storage';
import type { SimulationScenario } from '../../miniprogram/simulator/scenario';
import { appStores } from '../../miniprogram/stores/index';
import { find, renderPage, viewUpdated } from '../../harness/pages';
import { installTestPlatform, type TestPlatform } from '../../harness/platform';

const SLOW_HOST_MS = 2000;

function keptByEarlierSession(sn: string) {
  return createMemoryStorage({
    [CONTACTS_CACHE_KEY]: {
      schema: 1,
      savedAt: Date.now(),
      contacts: [{ openId: 'o-sim-mum', name: '妈妈', authorisation: 'authorised' }],
    },
    [LAST_REGISTRATION_KEY]: { sn, modelId: 'sim-model', wmpfVersion: '2.4.0', seenAt: Date.now() - 60_000 },
  });
}

/** The app restarts with what an earlier session kept; the host answers slowly; the first row's Video is tapped. */
async function tapVideoAfterRestart(
  keptSn: string,
  scenario?: (s: SimulationScenario) => void,
): Promise<TestPlatform> {
  const t = installTestPlatform({
    storage: keptByEarlierSession(keptSn),
    scenario: (s) => {
      s.hostLatencyMs = SLOW_HOST_MS;
      s.calls = [{ kind: 'answer', ringMs: 60_000, talkMs: 1000, hangUpBy: 'listener' }];
      scenario?.(s);
    },
  });
  const contacts = await renderPage('pages/contacts/index');
  await t.clock.advance(10);
  await viewUpdated();
  find(contacts.comp, '#contact-list >>> #row-0 .call-btn--video').dispatchEvent('tap');
  await viewUpdated();
  expect(t.router.history).toHaveLength(1);
  const url = new URL(`https://x${t.router.history[0].url}`);
  await renderPage(url.pathname.replace(/^\//, ''), Object.fromEntries(url.searchParams));
  return t;
}

describe('the first tap after a restart', () => {
  it('starts the call on the registration the host confirmed last, before the host has answered', async () => {
    const t = await tapVideoAfterRestart('SIM-DEVICE-0001');
    await t.clock.advance(SLOW_HOST_MS / 2);
    expect(appStores.device.status).toBeNull(); // the host has not answered yet
    expect(t.sim.plugin.requests.map((r) => r.caller.id)).toEqual(['SIM-DEVICE-0001']);
    await t.clock.advance(SLOW_HOST_MS * 2);
    expect(appStores.call.phase).toBe('in-call');
    expect(appStores.device.status?.kind).toBe('ready');
  });

  it('refused for a registration that changed, asks the host again and tries once more with the new one', async () => {
    const t = await tapVideoAfterRestart('OLD-DEVICE-9');
    await t.clock.advance(SLOW_HOST_MS * 4);
    expect(t.sim.plugin.requests.map((r) => r.caller.id)).toEqual(['OLD-DEVICE-9', 'SIM-DEVICE-0001']);
    expect(appStores.call.phase).toBe('in-call');
  });

  it('refused, and the host now says the device is not registered: that is what the page says, no second try', async () => {
    const t = await tapVideoAfterRestart('SIM-DEVICE-0001', (s) => (s.device.registered = false));
    await t.clock.advance(SLOW_HOST_MS * 4);
    await viewUpdated();
    expect(t.sim.plugin.requests).toHaveLength(1);
    expect(appStores.call.problem).toMatchObject({ kind: 'device', status: { kind: 'not-registered' } });
  });
});
