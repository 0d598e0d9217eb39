/** Issue 21 item 7: one plain line for the person, never contradicting itself. */
import { t } from '../../miniprogram/i18n/index';
import type { DeviceStatus } from '../../miniprogram/platform/device/types';
import { noticesOf } from '../../miniprogram/view-models/contacts-list';
import { describePersonStatus } from '../../miniprogram/view-models/device-status';

const READY: DeviceStatus = {
  kind: 'ready',
  device: { sn: 'sn-1', modelId: 'm-1', registered: true, wmpfVersion: '2.4.0' },
  pluginVersion: '2.4.6',
  simulated: false,
};

describe('the person’s status line', () => {
  it('says ready only when the device is ready and the contacts loaded', () => {
    expect(describePersonStatus({ status: READY, contactsError: undefined })).toMatchObject({
      tone: 'ok',
      text: t('status', 'personReady'),
    });
  });

  it('is not "ready" while offline: the network is named and whom to ask', () => {
    const line = describePersonStatus({ status: READY, contactsError: { kind: 'network', errMsg: 'x' } });
    expect(line).toMatchObject({ tone: 'warn', text: t('status', 'personOffline') });
    expect(line.text).not.toContain(t('status', 'personReady'));
  });

  it('says whom to tell when the device is not set up, without versions or the sn', () => {
    const line = describePersonStatus({
      status: { kind: 'not-registered', wmpfVersion: '2.4.0', simulated: false },
      contactsError: undefined,
    });
    expect(line.text).toBe('这台设备还不能打电话，请告诉家人或安装人员。');
    expect(line.text).not.toMatch(/2\.4|sn/);
  });
});

describe('notices beside the list', () => {
  it('say the saved contacts are shown only when there are some', () => {
    const failed = { fromCache: true, error: { kind: 'network', errMsg: 'x' } as const, skipped: 0 };
    expect(noticesOf({ ...failed, authorisationError: undefined, all: [] })).toEqual([]);
    expect(
      noticesOf({
        ...failed,
        authorisationError: undefined,
        all: [{ openId: 'o', name: '妈妈', authorisation: 'authorised' }],
      } as unknown as Parameters<typeof noticesOf>[0]),
    ).toHaveLength(1);
  });
});
