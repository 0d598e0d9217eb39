/** getHostStatus over the Channel (docs/host-protocol.md §2.5): the bridge's part — the object, or an older host. */
import { parseHostStatus } from '../../miniprogram/packages/calling/diagnostics/host-status';
import { createHostBridge } from '../../miniprogram/platform/host/wmpf-host-bridge';

function bridgeAnswering(data: string) {
  const commands: string[] = [];
  const api: Wmpf.Api = {
    Channel: {
      invoke(options) {
        commands.push(options.command);
        options.success?.({ data });
      },
    },
  };
  return { bridge: createHostBridge(api), commands };
}

describe('host bridge: getHostStatus', () => {
  it('sends the command and gives the reply object', async () => {
    const status = { provisioned: 1, wmpfDevice: 1, pushToken: { state: 'idle' } };
    const { bridge, commands } = bridgeAnswering(JSON.stringify(status));
    await expect(bridge.getHostStatus()).resolves.toEqual({ ok: true, value: status });
    expect(commands).toEqual(['getHostStatus']);
  });

  it('an older host (hostError unknown-command) is host-outdated, not a failure', async () => {
    const { bridge } = bridgeAnswering('{"hostError":"unknown-command"}');
    await expect(bridge.getHostStatus()).resolves.toEqual({ ok: true, value: 'host-outdated' });
  });

  it('a reply that is not a JSON object is malformed', async () => {
    const { bridge } = bridgeAnswering('[1]');
    const reply = await bridge.getHostStatus();
    expect(reply).toMatchObject({ ok: false, error: { kind: 'malformed-reply', command: 'getHostStatus' } });
  });

  it('outside WMPF: not-wmpf', async () => {
    await expect(createHostBridge(undefined).getHostStatus()).resolves.toEqual({
      ok: false,
      error: { kind: 'not-wmpf' },
    });
  });
});

describe('parseHostStatus', () => {
  const uploaded = { state: 'uploaded', uploadedAt: 1, expiresAt: 3, refreshAt: 2 };
  it('keeps the fields of every state', () => {
    expect(parseHostStatus({ provisioned: 0, wmpfDevice: 1, pushToken: uploaded })).toEqual({
      provisioned: false,
      wmpfDevice: true,
      pushToken: { state: 'uploaded', uploadedAt: 1, refreshAt: 2 },
    });
    expect(
      parseHostStatus({
        provisioned: 1,
        wmpfDevice: 1,
        pushToken: { state: 'unsupported', reason: 'network' },
      }),
    ).toMatchObject({ pushToken: { state: 'unsupported', reason: 'network' } });
  });

  it.each([
    ['provisioned true', { provisioned: true, wmpfDevice: 1, pushToken: uploaded }],
    ['wmpfDevice missing', { provisioned: 1, pushToken: uploaded }],
    ['an unknown state', { provisioned: 1, wmpfDevice: 1, pushToken: { state: 'great' } }],
    [
      'uploaded without refreshAt',
      { provisioned: 1, wmpfDevice: 1, pushToken: { state: 'uploaded', uploadedAt: 1 } },
    ],
    [
      'failed with attempts "3"',
      { provisioned: 1, wmpfDevice: 1, pushToken: { state: 'failed', attempts: '3', retryAt: 9 } },
    ],
  ])('refuses %s whole', (_name, reply) => {
    expect(parseHostStatus(reply)).toBeUndefined();
  });
});
