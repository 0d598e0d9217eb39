import { runInAction } from 'mobx-miniprogram';
import { pairingUrl } from '../../../routes';
import type { BackendError, MyDevicesBackend } from '../../../contract/backend-types';
import type { Permissions } from '../../../platform/permissions';
import { callFamilyDevice, loadMyDevices, type DeviceRow, type FamilyCallProblem } from './my-devices';
import type { VoipListError } from '../../../platform/phone/types';
import type { PhoneSide } from './call-device';
import type { RoomType } from '../../../platform/voip/types';
import { makeStoreObservable } from '../../../stores/observable-store';

export interface MyDevicesStoreDeps {
  /** undefined outside a phone's WeChat. */
  phone: PhoneSide | undefined;
  backend: MyDevicesBackend;
  permissions: Permissions;
}

export class MyDevicesStore {
  loaded = false;
  rows: DeviceRow[] = [];
  voipListError: VoipListError | undefined = undefined;
  /** The backend (our device names) could not be reached: WeChat's list is shown without them. */
  backendError: BackendError | undefined = undefined;
  problem: FamilyCallProblem | undefined = undefined;
  /** The call being started: its row and kind (the buttons wait meanwhile). */
  calling: { index: number; roomType: RoomType } | undefined = undefined;
  private loading: Promise<void> | undefined;

  constructor(private readonly deps: MyDevicesStoreDeps) {
    makeStoreObservable(this, ['deps', 'loading']);
  }

  get isPhone(): boolean {
    return this.deps.phone !== undefined;
  }

  refresh(): Promise<void> {
    const phone = this.deps.phone;
    if (!phone) {
      this.loaded = true;
      return Promise.resolve();
    }
    this.loading ??= loadMyDevices(phone.wechat, this.deps.backend)
      .then((load) => {
        runInAction(() => Object.assign(this, load, { problem: undefined, loaded: true }));
      })
      .finally(() => {
        this.loading = undefined;
      });
    return this.loading;
  }

  /** Calls the device of row `index`; one call at a time. */
  async call(index: number, roomType: RoomType): Promise<void> {
    const phone = this.deps.phone;
    const device = this.rows[index]?.device;
    if (this.calling || !phone || !device) return;
    this.calling = { index, roomType };
    this.problem = undefined;
    let problem: FamilyCallProblem | undefined;
    try {
      const result = await callFamilyDevice(
        { phone, backend: this.deps.backend, permissions: this.deps.permissions },
        device,
        roomType,
      );
      if (!result.ok) problem = result.error;
    } finally {
      // the buttons come back whatever happened: never a spinner that does not end
      runInAction(() => {
        this.calling = undefined;
        this.problem = problem;
      });
    }
  }

  /** The pairing page for row `index` ("agree again"), when it is a single known device. */
  reauthoriseUrl(index: number): string | undefined {
    const row = this.rows[index];
    return row?.sn ? pairingUrl({ sn: row.sn, modelId: row.modelId }) : undefined;
  }

  dismissProblem(): void {
    this.problem = undefined;
  }

  openSettings(): Promise<void> {
    return this.deps.permissions.openSettings();
  }
}
