import '../../miniprogram/pages/device-pairing/messages';
import '../../miniprogram/pages/devices/messages';
import '../../miniprogram/pages/pairing/messages';
import { createSimulatedBackend, SN_TICKET_TTL_MS } from '../../miniprogram/simulator/simulated-backend';
import { CONTACT_NAME_MAX_LENGTH } from '../../miniprogram/services/backend/types';
import { err, ok } from '../../miniprogram/services/result';
import { withLoginCode } from '../../miniprogram/services/phone/login-code';
import { mergeDeviceLists } from '../../miniprogram/services/phone/my-devices';
import { createPairingFlow } from '../../miniprogram/services/phone/pairing-flow';
import { pairingScene, parsePairingQuery } from '../../miniprogram/services/phone/pairing-target';
import { createSimulatedWxPhone } from '../../miniprogram/simulator/simulated-phone';
import { createPhoneWechat } from '../../miniprogram/services/phone/wechat-phone';
import type { PhoneWechat } from '../../miniprogram/services/phone/types';
import { defaultFamilyScenario } from '../../miniprogram/simulator/family-scenario';
import { createFakeClock } from '../helpers/fake-clock';

describe('pairing code scene and query', () => {
  it('reads "<sn>.<modelId>" or "<sn>" from the URI-encoded scene', () => {
    expect(parsePairingQuery({ scene: encodeURIComponent('SN-0001.model_A') })).toEqual({
      sn: 'SN-0001',
      modelId: 'model_A',
    });
    expect(parsePairingQuery({ scene: 'SN-0001' })).toEqual({ sn: 'SN-0001' });
  });

  it('reads ?sn=&modelId= when there is no scene', () => {
    expect(parsePairingQuery({ sn: 'SN-0001', modelId: 'm' })).toEqual({ sn: 'SN-0001', modelId: 'm' });
    expect(parsePairingQuery({ sn: 'SN-0001' })).toEqual({ sn: 'SN-0001' });
  });

  it.each<[string, Record<string, string | undefined> | undefined]>([
    ['nothing', undefined],
    ['an empty query', {}],
    ['an sn with forbidden characters', { sn: 'SN 01' }],
    ['a broken encoding', { scene: '%E0%A4%A' }],
    ['an empty sn before the dot', { scene: '.model' }],
    ['a model id with spaces', { sn: 'SN-1', modelId: 'a b' }],
  ])('refuses %s', (_, query) => {
    expect(parsePairingQuery(query)).toBeUndefined();
  });

  it('builds scenes that fit the 32 characters of a wxacode', () => {
    expect(pairingScene('SN-0001', 'model')).toBe('SN-0001.model');
    expect(pairingScene('SN-0001-ABCDEFGHIJKLMNOP', 'a-long-model-id')).toBe('SN-0001-ABCDEFGHIJKLMNOP');
    expect(pairingScene('S'.repeat(40), 'm')).toBeUndefined();
  });
});

describe('my devices: WeChat list joined with the backend names', () => {
  const mine = [
    { sn: 'SN-1', modelId: 'm', deviceName: '奶奶家', myName: '小丽' },
    { sn: 'SN-2', modelId: 'm', deviceName: '外公家', myName: '丽丽' },
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
  it('issues tickets valid for 5 minutes for the sn they were issued for', async () => {
    const clock = createFakeClock();
    const scenario = { family: { ...defaultFamilyScenario(), backendLatencyMs: 0 } };
    const backend = createSimulatedBackend(() => scenario, clock);
    const reply = await backend.getSnTicket({ sn: 'SIM-DEVICE-0001' });
    expect(reply.ok).toBe(true);
    if (!reply.ok) return;
    expect(reply.value).toEqual(
      expect.objectContaining({ modelId: 'sim-model', deviceName: '奶奶家的通话屏' }),
    );
    expect(backend.isTicketValid(reply.value.snTicket, 'SIM-DEVICE-0001')).toBe(true);
    expect(backend.isTicketValid(reply.value.snTicket, 'SIM-DEVICE-0002')).toBe(false);
    await clock.advance(SN_TICKET_TTL_MS);
    expect(backend.isTicketValid(reply.value.snTicket, 'SIM-DEVICE-0001')).toBe(false);
    expect(await backend.getSnTicket({ sn: 'NOPE' })).toEqual(
      err({ kind: 'rejected', status: 404, code: 'device-unknown' }),
    );
  });

  it('accepts a login code once, and gives push tokens only to the device contacts', async () => {
    const scenario = { family: { ...defaultFamilyScenario(), backendLatencyMs: 0 } };
    const backend = createSimulatedBackend(() => scenario, createFakeClock());
    expect(await backend.getDevicePushToken({ sn: 'SIM-DEVICE-0001', code: 'sim-code-1' })).toEqual(
      ok({ pushToken: 'sim-push-token-0001' }),
    );
    expect(await backend.getDevicePushToken({ sn: 'SIM-DEVICE-0001', code: 'sim-code-1' })).toEqual(
      err({ kind: 'rejected', status: 401, code: 'login-invalid' }),
    );
    expect(await backend.getDevicePushToken({ sn: 'SIM-DEVICE-0003', code: 'sim-code-2' })).toEqual(
      err({ kind: 'rejected', status: 403, code: 'not-a-contact' }),
    );
    expect(await backend.getDevicePushToken({ sn: 'SIM-DEVICE-0002', code: 'sim-code-3' })).toEqual(
      err({ kind: 'rejected', status: 409, code: 'push-token-unavailable' }),
    );
  });
});

describe('the name given when pairing (1 to 20 characters, docs/backend-api.md §3.3)', () => {
  it('the simulated backend refuses a longer name, like the real one', async () => {
    const scenario = { family: { ...defaultFamilyScenario(), backendLatencyMs: 0 } };
    const backend = createSimulatedBackend(() => scenario, createFakeClock());
    const name = '一'.repeat(CONTACT_NAME_MAX_LENGTH + 1);
    expect(await backend.registerContact({ sn: 'SIM-DEVICE-0003', code: 'sim-code-1', name })).toEqual(
      err({ kind: 'rejected', status: 400, code: 'invalid-request' }),
    );
  });

  it('the pairing flow sends at most 20 characters', async () => {
    const clock = createFakeClock();
    const scenario = { family: { ...defaultFamilyScenario(), backendLatencyMs: 0, phoneLatencyMs: 0 } };
    const backend = createSimulatedBackend(() => scenario, clock);
    const registerContact = jest.spyOn(backend, 'registerContact');
    const wechat = createPhoneWechat(
      createSimulatedWxPhone(() => scenario, backend, clock),
      clock,
    );
    const flow = createPairingFlow({ backend, wechat, clock });
    await flow.start({ sn: 'SIM-DEVICE-0003' });
    const answer = flow.authorise(`  ${'长'.repeat(25)}  `);
    await clock.runAll();
    expect(await answer).toBe('started');
    expect(flow.getState()).toMatchObject({ step: 'done' });
    expect(registerContact).toHaveBeenCalledWith(expect.objectContaining({ name: '长'.repeat(20) }));
  });
});
