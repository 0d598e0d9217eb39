/**
 * The Mini Program's real backend adapters against the simulated backend, as the simulated platform wires them:
 * a device (its simulated host signs with the scenario's device secret) and phones (wx.login codes of a WeChat
 * user). For tests of the backend's rules and of the adapters on top of it.
 */
import { createHttpBackend } from '../../harness/adapters';
import type { Backend } from '../../miniprogram/contract/backend-types';
import { createHttpContactsSource } from '../../miniprogram/platform/contacts/http-contacts-source';
import type { ContactsSource } from '../../miniprogram/platform/contacts/types';
import { createHostBridge } from '../../miniprogram/platform/host/wmpf-host-bridge';
import { defaultScenario, type SimulationScenario } from '../../miniprogram/simulator/scenario';
import {
  createSimulatedBackend,
  SIMULATED_BACKEND_BASE_URL,
  type SimulatedBackend,
} from '../../miniprogram/simulator/simulated-backend-http';
import { createSimulatedFramework } from '../../miniprogram/simulator/simulated-framework';
import { createSimulatedWmpf } from '../../miniprogram/simulator/simulated-wmpf';
import { createFakeClock, type FakeClock } from '../../harness/fake-clock';

export interface SimulatedBackendSetup {
  scenario: SimulationScenario;
  clock: FakeClock;
  backend: SimulatedBackend;
  /** The device's adapters, signed by its simulated host. */
  device: { api: Backend; contacts: ContactsSource };
  /** A phone of the WeChat user `openId` (its login codes resolve to them). */
  phone(openId: string): { api: Backend; code(): string };
  /** Runs the clock until the promise settles (latencies are simulated time). */
  settle<T>(promise: Promise<T>): Promise<T>;
}

export function setUpSimulatedBackend(
  change: (s: SimulationScenario) => void = () => undefined,
): SimulatedBackendSetup {
  const scenario = defaultScenario();
  scenario.hostLatencyMs = 0;
  scenario.contactsLatencyMs = 0;
  change(scenario);
  const clock = createFakeClock(Date.UTC(2026, 0, 1, 9));
  const framework = createSimulatedFramework(scenario, clock);
  const host = createHostBridge(createSimulatedWmpf(framework), { clock, timeoutMs: 5000 });
  const backend = createSimulatedBackend(() => framework.scenario, clock);
  const config = { baseUrl: SIMULATED_BACKEND_BASE_URL };
  return {
    scenario: framework.scenario,
    clock,
    backend,
    device: {
      api: createHttpBackend(backend.http, host, config),
      contacts: createHttpContactsSource(backend.http, host, config),
    },
    phone: (openId) => ({
      api: createHttpBackend(backend.http, undefined, config),
      code: () => backend.issueLoginCode(openId),
    }),
    async settle(promise) {
      let done = false;
      void promise.finally(() => {
        done = true;
      });
      for (let i = 0; i < 100 && !done; i += 1) await clock.advance(50);
      return promise;
    },
  };
}
