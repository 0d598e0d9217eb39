import { makeAutoObservable } from 'mobx-miniprogram';
import type { PairingBackend } from '../../../contract/backend-types';
import type { Clock } from '../../../lib/clock';
import type { Permissions } from '../../../platform/permissions';
import { createPairingFlow, type PairingFlow, type PairingState, type PairingWechat } from './pairing-flow';

export interface PairingStoreDeps {
  backend: PairingBackend;
  /** undefined outside a phone's WeChat. */
  wechat: PairingWechat | undefined;
  permissions: Pick<Permissions, 'openSettings'>;
  clock: Clock;
}

/** Phone: a family member authorises the device whose pairing code they scanned, and is added as its contact. */
export class PairingStore {
  state: PairingState = { step: 'loading' };
  /** The name the device will show them by, as typed. */
  name = '';
  /** "Agree" was tapped without a name. */
  nameMissing = false;
  private flow: PairingFlow | undefined;
  private unsubscribe: (() => void) | undefined;

  constructor(private readonly deps: PairingStoreDeps) {
    makeAutoObservable<PairingStore, 'deps' | 'flow' | 'unsubscribe'>(
      this,
      { deps: false, flow: false, unsubscribe: false },
      { autoBind: true },
    );
  }

  /** The pairing page opened with its query (a pairing code's scene, or sn/modelId): a new pairing begins. */
  start(query: Record<string, string | undefined> | undefined): Promise<void> {
    this.unsubscribe?.();
    const flow = createPairingFlow(this.deps);
    this.flow = flow;
    this.name = '';
    this.nameMissing = false;
    this.setState(flow.getState());
    this.unsubscribe = flow.subscribe((state) => {
      if (this.flow === flow) this.setState(state);
    });
    return flow.start(query);
  }

  setName(name: string): void {
    this.name = typeof name === 'string' ? name : '';
    this.nameMissing = false;
  }

  async agree(): Promise<void> {
    const answer = await this.flow?.authorise(this.name);
    if (answer === 'name-missing') this.setNameMissing();
  }

  retry(): Promise<void> {
    return this.flow?.retry() ?? Promise.resolve();
  }

  openSettings(): Promise<void> {
    return this.deps.permissions.openSettings();
  }

  private setState(state: PairingState): void {
    this.state = state;
  }

  private setNameMissing(): void {
    this.nameMissing = true;
  }
}
