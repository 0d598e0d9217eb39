import { parseVoipList } from '../../miniprogram/packages/phone/devices/voip-list';
import {
  classifyAuthFailure,
  dialogDeviceName,
} from '../../miniprogram/packages/phone/pairing/device-authoriser';
import type { WxPhoneApi } from '../../miniprogram/platform/phone/types';
import { createPhoneWechat } from '../../harness/adapters';
import { err, ok } from '../../miniprogram/lib/result';
import { createFakeClock } from '../../harness/fake-clock';

describe('wx.requestDeviceVoIP replies', () => {
  it.each<[string, unknown, ReturnType<typeof classifyAuthFailure>]>([
    [
      '10001 (already authorised) as success',
      { errCode: 10001, errMsg: 'requestDeviceVoIP:fail' },
      ok('already-authorised'),
    ],
    [
      '10008 as an invalid ticket',
      { errCode: 10008, errMsg: 'requestDeviceVoIP:fail' },
      err({ kind: 'ticket-invalid', errCode: 10008 }),
    ],
    [
      'a ticket message as an invalid ticket',
      { errMsg: 'requestDeviceVoIP:fail snTicket expired' },
      err({ kind: 'ticket-invalid' }),
    ],
    [
      '"invalid scope" as a missing capability',
      { errMsg: 'requestDeviceVoIP:fail invalid scope' },
      err({ kind: 'capability' }),
    ],
    [
      '"auth deny" as rejected',
      { errMsg: 'requestDeviceVoIP:fail auth deny' },
      err({ kind: 'rejected', errMsg: 'requestDeviceVoIP:fail auth deny' }),
    ],
    [
      '"cancel" as rejected',
      { errMsg: 'requestDeviceVoIP:fail cancel' },
      err({ kind: 'rejected', errMsg: 'requestDeviceVoIP:fail cancel' }),
    ],
    [
      'anything else as failed, keeping the code',
      { errCode: 10025, errMsg: 'requestDeviceVoIP:fail x' },
      err({ kind: 'failed', errCode: 10025, errMsg: 'requestDeviceVoIP:fail x' }),
    ],
    ['garbage as failed', 'nope', err({ kind: 'failed' })],
  ])('classifies %s', (_, reply, expected) => {
    expect(classifyAuthFailure(reply)).toEqual(expected);
  });

  it('calls WeChat with sn, snTicket, modelId and a deviceName cut to 13 characters', async () => {
    type Options = Parameters<NonNullable<WxPhoneApi['requestDeviceVoIP']>>[0];
    const requestDeviceVoIP = jest.fn((o: Options) => o.success?.({ errMsg: 'requestDeviceVoIP:ok' }));
    const phone = createPhoneWechat({ requestDeviceVoIP });
    const result = await phone.requestDeviceVoIP({
      sn: 'SN-1',
      snTicket: 'ticket',
      modelId: 'm',
      deviceName: '奶奶家客厅里的那台大屏幕通话设备',
    });
    expect(result).toEqual(ok('authorised'));
    const sent = requestDeviceVoIP.mock.calls[0][0];
    expect({
      sn: sent.sn,
      snTicket: sent.snTicket,
      modelId: sent.modelId,
      deviceName: sent.deviceName,
    }).toEqual({
      sn: 'SN-1',
      snTicket: 'ticket',
      modelId: 'm',
      deviceName: '奶奶家客厅里的那台大屏幕通',
    });
    expect(Array.from(dialogDeviceName('😀'.repeat(20)))).toHaveLength(13);
  });

  it('reports an old WeChat without the API as unsupported', async () => {
    const phone = createPhoneWechat({});
    expect(await phone.requestDeviceVoIP({ sn: 's', snTicket: 't', modelId: 'm', deviceName: 'd' })).toEqual(
      err({ kind: 'unsupported' }),
    );
    expect(await phone.getDeviceVoIPList()).toEqual(err({ kind: 'unsupported' }));
    const throwing = createPhoneWechat({
      requestDeviceVoIP() {
        throw new Error('requestDeviceVoIP is not supported');
      },
    });
    expect(
      await throwing.requestDeviceVoIP({ sn: 's', snTicket: 't', modelId: 'm', deviceName: 'd' }),
    ).toEqual(err({ kind: 'unsupported' }));
  });
});

describe('wx.getDeviceVoIPList', () => {
  it('reads devices (sn, model_id) and groups (group_id) with their status, skipping malformed items', () => {
    expect(
      parseVoipList({
        list: [
          { sn: 'SN-1', model_id: 'm', status: 1 },
          { sn: 'SN-2', model_id: 'm', status: 0 },
          { group_id: 'g-1', status: 1 },
          { groupId: 'camel-case-is-not-the-field', status: 1 },
          { sn: 'SN-3', status: 'x' },
          null,
        ],
      }),
    ).toEqual(
      ok({
        items: [
          { kind: 'device', sn: 'SN-1', modelId: 'm', authorisation: 'authorised' },
          { kind: 'device', sn: 'SN-2', modelId: 'm', authorisation: 'not-authorised' },
          { kind: 'group', groupId: 'g-1', authorisation: 'authorised' },
          { kind: 'device', sn: 'SN-3', modelId: '', authorisation: 'unknown' },
        ],
        skipped: 2,
      }),
    );
    expect(parseVoipList({ nope: true })).toEqual(err({ kind: 'failed', errMsg: 'reply has no list' }));
  });

  it('times out when WeChat never calls back', async () => {
    const clock = createFakeClock();
    const phone = createPhoneWechat({ getDeviceVoIPList: () => undefined, login: () => undefined }, clock);
    const list = phone.getDeviceVoIPList();
    const login = phone.login();
    await clock.advance(10_000);
    expect(await list).toEqual(err({ kind: 'failed', errMsg: 'timeout' }));
    expect(await login).toEqual(err({ kind: 'failed', errMsg: 'timeout' }));
  });
});

describe('wx.login', () => {
  it('gives the code, or a typed failure', async () => {
    const good = createPhoneWechat({ login: (o) => o.success?.({ code: 'c-1', errMsg: 'login:ok' }) });
    expect(await good.login()).toEqual(ok('c-1'));
    const empty = createPhoneWechat({ login: (o) => o.success?.({ errMsg: 'login:ok' }) });
    expect(await empty.login()).toEqual(err({ kind: 'failed', errMsg: 'login gave no code' }));
    const failing = createPhoneWechat({ login: (o) => o.fail?.({ errMsg: 'login:fail network' }) });
    expect(await failing.login()).toEqual(err({ kind: 'failed', errMsg: 'login:fail network' }));
  });
});
