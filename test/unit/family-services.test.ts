import { CONTACT_NAME_MAX_LENGTH, pairingScene } from '../../miniprogram/contract/index';
import { err, ok } from '../../miniprogram/lib/result';
import { withLoginCode } from '../../miniprogram/platform/phone/wechat-phone';
import { mergeDeviceLists } from '../../miniprogram/packages/phone/devices/my-devices';
import { PairingStore } from '../../miniprogram/packages/phone/pairing/pairing-store';
import { parsePairingQuery } from '../../miniprogram/packages/phone/pairing/pairing-steps';
import { createSimulatedWxPhone } from '../../miniprogram/simulator/simulated-phone';
import { createPhoneWechat } from '../../harness/adapters';
import type { PhoneWechat } from '../../miniprogram/platform/phone/types';
import { SN_TICKET_TTL_MS } from '../../miniprogram/simulator/simulated-backend';
import { SIMULATED_PHONE_OPEN_ID } from '../../miniprogram/simulator/family-scenario';
import { setUpSimulatedBackend } from '../helpers/simulated-backend';

const PAIRING_ID = 'AAECAwQFBgcICQoLDA0ODw';

describe('pairing page query: a one-time code, or agreeing again', () => {
  it('reads the pairing id from the scene "p.<pairingId>", raw or URI-encoded', () => {
    expect(parsePairingQuery({ scene: pairingScene(PAIRING_ID) })).toEqual({
      kind: 'code',
      pairingId: PAIRING_ID,
    });
    expect(parsePairingQuery({ scene: encodeURIComponent(pairingScene(PAIRING_ID)) })).toEqual({
      kind: 'code',
      pairingId: PAIRING_ID,
    });
  });

  it('reads ?sn=&modelId= (agree again, from my devices) when there is no scene', () => {
    expect(parsePairingQuery({ sn: 'SN-0001', modelId: 'm' })).toEqual({
      kind: 'device',
      sn: 'SN-0001',
      modelId: 'm',
    });
    expect(parsePairingQuery({ sn: 'SN-0001' })).toEqual({ kind: 'device', sn: 'SN-0001' });
  });

  it.each<[string, Record<string, string | undefined> | undefined]>([
    ['nothing', undefined],
    ['an empty query', {}],
    ['an old code with the sn in it', { scene: encodeURIComponent('SN-0001.model_A') }],
    ['a pairing id of the wrong length', { scene: 'p.abc' }],
    ['a broken encoding', { scene: '%E0%A4%A' }],
    ['an sn with forbidden characters', { sn: 'SN 01' }],
    ['a model id with spaces', { sn: 'SN-1', modelId: 'a b' }],
  ])('refuses %s', (_, query) => {
    expect(parsePairingQuery(query)).toBeUndefined();
  });
});

describe('my devices: WeChat list joined with the backend names', () => {
  const mine = [
    { sn: 'SN-1', modelId: 'm', deviceName: '奶奶家', myName: '小丽', pinned: false },
    { sn: 'SN-2', modelId: 'm', deviceName: '外公家', myName: '丽丽', pinned: true },
  ];

  it('names devices from the backend, takes the status from WeChat, adds unknown devices and groups', () => {
    const rows = mergeDeviceLists(
      [
        { kind: 'group', groupId: 'g-1', authorisation: 'authorised' },
        { kind: 'device', sn: 'SN-9', modelId: 'm9', authorisation: 'authorised' },
        { kind: 'device', sn: 'SN-1', modelId: 'm', authorisation: 'authorised' },
      ],
      mine,
    );
    expect(rows.map((r) => [r.kind, r.name, r.authorisation, r.device !== undefined])).toEqual([
      ['device', '奶奶家', 'authorised', true],
      // missing from the list WeChat gave: not (or no longer) authorised
      ['device', '外公家', 'not-authorised', true],
      ['device', '', 'authorised', false],
      ['group', '', 'authorised', false],
    ]);
  });

  it('marks the status unknown when WeChat gave no list, and shows WeChat items when the backend failed', () => {
    expect(mergeDeviceLists(undefined, mine).map((r) => r.authorisation)).toEqual(['unknown', 'unknown']);
    expect(
      mergeDeviceLists(
        [{ kind: 'device', sn: 'SN-1', modelId: 'm', authorisation: 'authorised' }],
        undefined,
      ),
    ).toEqual([{ kind: 'device', name: '', authorisation: 'authorised', sn: 'SN-1', modelId: 'm' }]);
  });
});

describe('phone requests with a wx.login code', () => {
  function phoneWithCodes(...codes: Array<string | undefined>): PhoneWechat & { logins: number } {
    const phone = {
      logins: 0,
      requestDeviceVoIP: jest.fn(),
      getDeviceVoIPList: jest.fn(),
      async login() {
        const code = codes[phone.logins];
        phone.logins += 1;
        return code ? ok(code) : err({ kind: 'failed' as const, errMsg: 'login:fail' });
      },
    };
    return phone;
  }

  it('tries one new code when the server says the code was not valid', async () => {
    const phone = phoneWithCodes('c-1', 'c-2');
    const seen: string[] = [];
    const result = await withLoginCode(phone, async (code) => {
      seen.push(code);
      return code === 'c-1'
        ? err({ kind: 'rejected' as const, status: 401, code: 'login-invalid' as const })
        : ok('fine');
    });
    expect(result).toEqual(ok('fine'));
    expect(seen).toEqual(['c-1', 'c-2']);
  });

  it('does not send the request when wx.login fails, and does not retry other errors', async () => {
    const failing = phoneWithCodes(undefined);
    const request = jest.fn();
    expect(await withLoginCode(failing, request)).toEqual(
      err({ kind: 'login-failed', errMsg: 'login:fail' }),
    );
    expect(request).not.toHaveBeenCalled();
    const phone = phoneWithCodes('c-1', 'c-2');
    const down = await withLoginCode(phone, async () => err({ kind: 'timeout' as const }));
    expect(down).toEqual(err({ kind: 'timeout' }));
    expect(phone.logins).toBe(1);
  });
});

describe('simulated backend rules', () => {
  it('issues tickets valid for 5 minutes for the sn they were issued for, to contacts only', async () => {
    const t = setUpSimulatedBackend();
    const phone = t.phone(SIMULATED_PHONE_OPEN_ID);
    const reply = await t.settle(phone.api.getSnTicket({ sn: 'SIM-DEVICE-0001', code: phone.code() }));
    if (!reply.ok) throw new Error('no ticket');
    expect(reply.value).toEqual(
      expect.objectContaining({ modelId: 'sim-model', deviceName: '奶奶家的通话屏' }),
    );
    expect(t.backend.isTicketValid(reply.value.snTicket, 'SIM-DEVICE-0001')).toBe(true);
    expect(t.backend.isTicketValid(reply.value.snTicket, 'SIM-DEVICE-0002')).toBe(false);
    await t.clock.advance(SN_TICKET_TTL_MS);
    expect(t.backend.isTicketValid(reply.value.snTicket, 'SIM-DEVICE-0001')).toBe(false);
    expect(await t.settle(phone.api.getSnTicket({ sn: 'SIM-DEVICE-0003', code: phone.code() }))).toEqual(
      err({ kind: 'rejected', status: 403, code: 'not-a-contact' }),
    );
    // an unknown sn answers like any device the caller is not a contact of
    expect(await t.settle(phone.api.getSnTicket({ sn: 'NOPE', code: phone.code() }))).toEqual(
      err({ kind: 'rejected', status: 403, code: 'not-a-contact' }),
    );
  });

  it('accepts a login code once and for 5 minutes, and gives push tokens only to the device contacts', async () => {
    const t = setUpSimulatedBackend();
    const phone = t.phone(SIMULATED_PHONE_OPEN_ID);
    const code = phone.code();
    expect(await t.settle(phone.api.getDevicePushToken({ sn: 'SIM-DEVICE-0001', code }))).toEqual(
      ok({ pushToken: 'sim-push-token-0001' }),
    );
    expect(await t.settle(phone.api.getDevicePushToken({ sn: 'SIM-DEVICE-0001', code }))).toEqual(
      err({ kind: 'rejected', status: 401, code: 'login-invalid', wechatErrcode: 40163 }),
    );
    const old = phone.code();
    await t.clock.advance(5 * 60 * 1000 + 1);
    expect(await t.settle(phone.api.getDevicePushToken({ sn: 'SIM-DEVICE-0001', code: old }))).toEqual(
      err({ kind: 'rejected', status: 401, code: 'login-invalid', wechatErrcode: 40029 }),
    );
    expect(
      await t.settle(phone.api.getDevicePushToken({ sn: 'SIM-DEVICE-0003', code: phone.code() })),
    ).toEqual(err({ kind: 'rejected', status: 403, code: 'not-a-contact' }));
    expect(
      await t.settle(phone.api.getDevicePushToken({ sn: 'SIM-DEVICE-0002', code: phone.code() })),
    ).toEqual(err({ kind: 'rejected', status: 409, code: 'push-token-unavailable' }));
  });
});

describe('the name given when pairing (1 to 20 characters, docs/backend-api.md §3.7)', () => {
  it('the simulated backend refuses a longer name, or one with control characters, like the real one', async () => {
    const t = setUpSimulatedBackend();
    const code = await t.settle(t.device.api.createPairingCode({ sn: 'SIM-DEVICE-0001' }));
    if (!code.ok) throw new Error('no code');
    const phone = t.phone('o-someone');
    for (const name of ['一'.repeat(CONTACT_NAME_MAX_LENGTH + 1), '女儿\u202e丽小', '   ']) {
      expect(
        await t.settle(
          phone.api.completePairing({ pairingId: code.value.pairingId, code: phone.code(), name }),
        ),
      ).toEqual(err({ kind: 'rejected', status: 400, code: 'invalid-request' }));
    }
  });

  it('the pairing flow sends at most 20 characters, and no name holding a bidi control', async () => {
    const t = setUpSimulatedBackend((s) => {
      s.family!.backendLatencyMs = 0;
      s.family!.phoneLatencyMs = 0;
    });
    const code = await t.settle(t.device.api.createPairingCode({ sn: 'SIM-DEVICE-0001' }));
    if (!code.ok) throw new Error('no code');
    const phone = t.phone(SIMULATED_PHONE_OPEN_ID);
    const completePairing = jest.spyOn(phone.api, 'completePairing');
    const wechat = createPhoneWechat(
      createSimulatedWxPhone(() => t.scenario, t.backend, t.clock),
      t.clock,
    );
    const openSettings = () => Promise.resolve();
    const store = new PairingStore({
      backend: phone.api,
      wechat,
      permissions: { openSettings },
      clock: t.clock,
    });
    await t.settle(store.start({ scene: pairingScene(code.value.pairingId) }));
    // a bidi control (or any invisible character) refuses the name whole: nothing is sent
    store.setName(`  \u2067${'长'.repeat(5)}  `);
    await t.settle(store.agree());
    expect(store.nameMissing).toBe(true);
    expect(store.state.step).toBe('ready');
    expect(completePairing).not.toHaveBeenCalled();
    store.setName(`  ${'长'.repeat(25)}  `);
    await t.settle(store.agree());
    expect(store.nameMissing).toBe(false);
    expect(store.state).toMatchObject({ step: 'done' });
    expect(completePairing).toHaveBeenCalledWith(expect.objectContaining({ name: '长'.repeat(20) }));
  });

  it('a pairing page opened again forgets the earlier opening: its late answers change nothing', async () => {
    const t = setUpSimulatedBackend((s) => (s.family!.backendLatencyMs = 500));
    const code = await t.settle(t.device.api.createPairingCode({ sn: 'SIM-DEVICE-0001' }));
    if (!code.ok) throw new Error('no code');
    const wechat = createPhoneWechat(
      createSimulatedWxPhone(() => t.scenario, t.backend, t.clock),
      t.clock,
    );
    const openSettings = () => Promise.resolve();
    const phone = t.phone(SIMULATED_PHONE_OPEN_ID);
    const store = new PairingStore({
      backend: phone.api,
      wechat,
      permissions: { openSettings },
      clock: t.clock,
    });
    const first = store.start({ scene: pairingScene(code.value.pairingId) });
    await store.start({});
    expect(store.state.step).toBe('invalid-code');
    await t.settle(first);
    expect(store.state.step).toBe('invalid-code');
  });
});
