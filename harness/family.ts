/**
 * The other party of a pairing, beside the platform a test renders, on the same simulated backend and clock: the
 * device (its adapters, signed by its simulated host) for a phone test, a family member's phone (its stores,
 * driven as its pages would) for a device test.
 */
import { pairingScene } from '../miniprogram/contract/index';
import type { Backend } from '../miniprogram/contract/backend-types';
import { createHostBridge } from '../miniprogram/platform/host/wmpf-host-bridge';
import type { FamilyScenario } from '../miniprogram/simulator/family-scenario';
import { SIMULATED_BACKEND_BASE_URL } from '../miniprogram/simulator/simulated-backend-http';
import { createSimulatedFramework } from '../miniprogram/simulator/simulated-framework';
import { createSimulatedWmpf } from '../miniprogram/simulator/simulated-wmpf';
import type { AppStores, RunningApp } from '../miniprogram/stores/index';
import { createHttpBackend } from './adapters';
import type { FakeClock } from './fake-clock';
import { installSimulatedPlatform, type SimulatedSetup } from './platform';

/** The simulated device of `t`'s scenario, as its backend adapters (what its stores would use). */
export function deviceBeside(t: SimulatedSetup<FakeClock>): {
  api: Backend;
  sn: string;
  newScene(): Promise<string>;
} {
  const framework = createSimulatedFramework(t.scenario, t.clock);
  const host = createHostBridge(createSimulatedWmpf(framework), { clock: t.clock });
  const api = createHttpBackend(t.sim.backend.http, host, { baseUrl: SIMULATED_BACKEND_BASE_URL });
  const sn = t.scenario.device.sn;
  return {
    api,
    sn,
    /** What the device's "Add family" view shows next: a new one-time code, as its wxacode's scene. */
    async newScene() {
      const created = api.createPairingCode({ sn });
      await t.clock.advance(1000);
      const code = await created;
      if (!code.ok) throw new Error(`no pairing code: ${code.error.kind}`);
      return pairingScene(code.value.pairingId);
    },
  };
}

/** A family member's phone on `t`'s backend: its stores, not installed for the pages. */
export function phoneBeside(
  t: SimulatedSetup<FakeClock>,
  family: (f: FamilyScenario) => void = () => undefined,
): { stores: AppStores; app: RunningApp; family: FamilyScenario } {
  const phone = installSimulatedPlatform({
    clock: t.clock,
    role: 'phone',
    startStores: false,
    backend: t.sim.backend,
    install: false,
  });
  family(phone.sim.family);
  return { stores: phone.stores, app: phone.app, family: phone.sim.family };
}
