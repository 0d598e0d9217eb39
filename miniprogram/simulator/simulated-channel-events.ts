/**
 * The Channel events of a host implementing docs/host-protocol.md §1.1, as WMPF relays them: registerEvent reaches
 * the host after its latency (then succeeds, or fails/never answers as the scenario says); the host sends an event
 * to the ids registered at that moment, each delivered after its latency to the `on` callbacks of that moment.
 * Where the real behaviour is unknown this takes the harsher reading (unverified on a device): an event sent before
 * registerEvent reached the host is lost, nothing is queued or replayed, and `on` alone receives nothing.
 */
import { delay } from '../lib/clock';
import type { SimulatedFramework } from './simulated-framework';

export interface SimulatedChannelEvents {
  registerEvent(options: Wmpf.EventOptions): void;
  unregisterEvent(options: Wmpf.EventOptions): void;
  on(event: string, callback: Wmpf.ChannelEventCallback): void;
  off(event: string, callback: Wmpf.ChannelEventCallback): void;
  /** The host's notifyInvokeChannelEvent for every id registered for `event`; the number of ids sent to. */
  notify(event: string, payload: string): number;
  /** How many registrations the host holds for `event`. */
  registered(event: string): number;
}

export function createSimulatedChannelEvents(framework: SimulatedFramework): SimulatedChannelEvents {
  const registrations = new Map<string, number>();
  const callbacks = new Map<string, Set<Wmpf.ChannelEventCallback>>();
  const latency = () => delay(framework.clock, framework.scenario.hostLatencyMs);

  return {
    registerEvent(options) {
      const script = framework.scenario.registerEventReply ?? { kind: 'ok' };
      if (script.kind === 'never-answers') return;
      void latency().then(() => {
        if (script.kind === 'ok') {
          registrations.set(options.event, (registrations.get(options.event) ?? 0) + 1);
          options.success?.({ errMsg: 'registerEvent:ok' });
        } else {
          options.fail?.({ errMsg: script.kind === 'fail' ? script.errMsg : 'registerEvent:fail' });
        }
        options.complete?.();
      });
    },
    unregisterEvent(options) {
      const count = registrations.get(options.event) ?? 0;
      if (count > 0) registrations.set(options.event, count - 1);
      void latency().then(() => {
        options.success?.({ errMsg: 'unregisterEvent:ok' });
        options.complete?.();
      });
    },
    on(event, callback) {
      const set = callbacks.get(event) ?? new Set();
      set.add(callback);
      callbacks.set(event, set);
    },
    off(event, callback) {
      callbacks.get(event)?.delete(callback);
    },
    notify(event, payload) {
      const ids = registrations.get(event) ?? 0;
      for (let id = 0; id < ids; id += 1) {
        void latency().then(() => {
          for (const callback of [...(callbacks.get(event) ?? [])]) callback({ data: payload });
        });
      }
      return ids;
    },
    registered: (event) => registrations.get(event) ?? 0,
  };
}
