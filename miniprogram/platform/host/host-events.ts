/**
 * The host's `registrationChanged` Channel event (docs/host-protocol.md §1.1; no payload used, no sn on purpose).
 * A failing registerEvent is retried with backoff; without the API it is `unsupported`. Events before registerEvent
 * succeeded are lost (harsher reading: WMPF keeps no queue), so `listening` tells a listener it may have missed one.
 */
import { backoffDelay } from '../../lib/backoff';
import { systemClock, type Clock } from '../../lib/clock';
import { createListeners } from '../../lib/listeners';
import { settleOnce } from '../../lib/settle-once';

export const REGISTRATION_CHANGED_EVENT = 'registrationChanged';

export type HostEventsState = 'idle' | 'registering' | 'listening' | 'retrying' | 'unsupported';

/** `listening`: registerEvent succeeded (an event may have been missed before); `changed`: the event arrived. */
export type RegistrationSignal = 'listening' | 'changed';

export interface RegistrationEvents {
  /** Registers for the event (once) and keeps trying until the host takes it. */
  start(): void;
  stop(): void;
  state(): HostEventsState;
  subscribe(listener: (signal: RegistrationSignal) => void): () => void;
}

export interface RegistrationEventsOptions {
  clock?: Clock;
  timeoutMs?: number;
  backoffMs?: readonly number[];
}

const REGISTER_TIMEOUT_MS = 5000;

export function createRegistrationEvents(
  api: Wmpf.Api | undefined,
  options: RegistrationEventsOptions = {},
): RegistrationEvents {
  const clock = options.clock ?? systemClock;
  const listeners = createListeners<RegistrationSignal>('host-events');
  let state: HostEventsState = 'idle';
  let failures = 0;
  let timer: number | undefined;
  const onEvent: Wmpf.ChannelEventCallback = () => listeners.emit('changed');

  function channelOf(): Wmpf.Channel | undefined {
    const channel = api?.Channel;
    const usable = channel && typeof channel.registerEvent === 'function' && typeof channel.on === 'function';
    return usable ? channel : undefined;
  }

  async function register(channel: Wmpf.Channel): Promise<void> {
    state = 'registering';
    const registered = await settleOnce<boolean>(
      (settle) =>
        channel.registerEvent?.({
          event: REGISTRATION_CHANGED_EVENT,
          success: () => settle(true),
          fail: () => settle(false),
        }),
      {
        clock,
        timeoutMs: options.timeoutMs ?? REGISTER_TIMEOUT_MS,
        onTimeout: () => false,
        onThrow: () => false,
      },
    );
    if (state !== 'registering') return; // stopped meanwhile
    if (registered) {
      failures = 0;
      state = 'listening';
      listeners.emit('listening');
      return;
    }
    failures += 1;
    state = 'retrying';
    console.warn('[host-events] registerEvent failed: trying again later');
    timer = clock.setTimeout(
      () => {
        timer = undefined;
        void register(channel);
      },
      backoffDelay(failures, options.backoffMs),
    );
  }

  return {
    start() {
      if (state !== 'idle') return;
      const channel = channelOf();
      if (!channel) {
        state = 'unsupported';
        return;
      }
      try {
        channel.on?.(REGISTRATION_CHANGED_EVENT, onEvent);
      } catch {
        state = 'unsupported';
        return;
      }
      void register(channel);
    },
    stop() {
      if (timer !== undefined) clock.clearTimeout(timer);
      timer = undefined;
      try {
        api?.Channel.off?.(REGISTRATION_CHANGED_EVENT, onEvent);
      } catch {
        // nothing to undo
      }
      state = 'idle';
    },
    state: () => state,
    subscribe: listeners.add,
  };
}
