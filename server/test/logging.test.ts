/** No secret in the logs: a whole session at debug level, then every identifier and secret searched for. */
import { API_PATHS } from '#contract';
import { startTestServer } from './helpers/test-server';

it('logs name routes and codes, never an sn, openId, secret, signature, code, ticket, token or pairing id', async () => {
  const lines: string[] = [];
  const server = await startTestServer({ logLines: lines });
  const secrets: string[] = [];
  try {
    const device = await server.provision('SN0001-abc');
    secrets.push(device.sn, device.secret);
    const code = await device.newPairingCode();
    secrets.push(code.pairingId);
    const loginCode = server.fake.issueLoginCode('o-daughter-openid');
    secrets.push(loginCode, 'o-daughter-openid');
    const ticket = await server.call('POST', API_PATHS.pairingTicket(code.pairingId), {
      body: JSON.stringify({ code: loginCode }),
    });
    secrets.push((ticket.body as { snTicket: string }).snTicket);
    await server.phone('o-daughter-openid', API_PATHS.pairingContact(code.pairingId), { name: '小丽' });
    await device.uploadPushToken('push-token-secret', server.clock.now() + 60_000);
    secrets.push('push-token-secret');
    await server.phone('o-daughter-openid', API_PATHS.myDevicePushToken(device.sn));
    await device.request('DELETE', API_PATHS.deviceContact(device.sn, 'o-daughter-openid'));
    await server.call('GET', API_PATHS.deviceContacts(device.sn), { headers: { 'X-Device-Sn': device.sn } });
    await server.call('POST', API_PATHS.myDevices(), {
      body: JSON.stringify({ code: 'refused-login-code' }),
    });
    secrets.push('refused-login-code', 'test-app-secret', 'test-admin-token');
    server.fake.failNext('getsnticket', 'busy', 3);
    await server.phone('o-daughter-openid', API_PATHS.myDeviceSnTicket(device.sn));
  } finally {
    await server.close();
  }
  const log = lines.join('');
  expect(lines.length).toBeGreaterThan(10);
  expect(log).toContain('"route":"/devices/:sn/contacts"');
  expect(log).toContain('"code":"auth-required"');
  for (const secret of secrets) expect([secret, log.includes(secret)]).toEqual([secret, false]);
  expect(log).not.toMatch(/X-Device-Signature|authorization|access_token/i);
});
