/** The backend's decisions as pure rules: the reference server and the simulated backend both call these. */
import {
  PUSH_TOKEN_MAX_LIFETIME_MS,
  claimRefusal,
  livePushToken,
  mayClaim,
  mayComplete,
  pairingStatusReply,
  pushTokenUploadRefusal,
  refusedCompletion,
  visibleStatus,
  type PairingState,
} from '../../miniprogram/contract';
import { SIMULATED_PHONE_OPEN_ID } from '../../miniprogram/simulator/family-scenario';
import { setUpSimulatedBackend } from '../helpers/simulated-backend';

const NOW = 1_700_000_000_000;
const live = (status: PairingState['status'], extra: Partial<PairingState> = {}): PairingState => ({
  status,
  expiresAt: NOW + 1,
  ...extra,
});
const late = (status: PairingState['status'], extra: Partial<PairingState> = {}): PairingState => ({
  status,
  expiresAt: NOW,
  ...extra,
});

describe('pairing rules', () => {
  it('a waiting or claimed code at its expiry is expired; used and expired stay as stored', () => {
    expect(visibleStatus(live('waiting'), NOW)).toBe('waiting');
    expect(visibleStatus(live('claimed'), NOW)).toBe('claimed');
    expect(visibleStatus(late('waiting'), NOW)).toBe('expired');
    expect(visibleStatus(late('claimed'), NOW)).toBe('expired');
    expect(visibleStatus(late('used'), NOW)).toBe('used');
    expect(visibleStatus(live('expired'), NOW)).toBe('expired');
  });

  it('only a waiting, live code can be claimed', () => {
    expect(mayClaim(live('waiting'), NOW)).toBe(true);
    expect(mayClaim(late('waiting'), NOW)).toBe(false);
    expect(mayClaim(live('claimed', { claimedBy: 'a' }), NOW)).toBe(false);
    expect(mayClaim(live('used'), NOW)).toBe(false);
  });

  it('the claim is kept by its phone; others are told used, a late code expired, none unknown', () => {
    const claimed = live('claimed', { claimedBy: 'a' });
    expect(claimRefusal(claimed, 'a', NOW)).toBeUndefined();
    expect(claimRefusal(claimed, 'b', NOW)).toBe('pairing-used');
    expect(claimRefusal(live('used', { claimedBy: 'a' }), 'a', NOW)).toBe('pairing-used');
    expect(claimRefusal(late('claimed', { claimedBy: 'a' }), 'a', NOW)).toBe('pairing-expired');
    expect(claimRefusal(undefined, 'a', NOW)).toBe('pairing-unknown');
  });

  it('a live code completes when waiting or claimed by the same phone', () => {
    expect(mayComplete(live('waiting'), 'a', NOW)).toBe(true);
    expect(mayComplete(live('claimed', { claimedBy: 'a' }), 'a', NOW)).toBe(true);
    expect(mayComplete(live('claimed', { claimedBy: 'b' }), 'a', NOW)).toBe(false);
    expect(mayComplete(late('waiting'), 'a', NOW)).toBe(false);
    expect(mayComplete(live('used', { claimedBy: 'a' }), 'a', NOW)).toBe(false);
  });

  it('a refused completion: the same phone again is already added, anyone else used, a late code expired', () => {
    expect(refusedCompletion(live('used', { claimedBy: 'a' }), 'a', NOW)).toBe('already-added');
    expect(refusedCompletion(live('used', { claimedBy: 'a' }), 'b', NOW)).toBe('used-by-another');
    expect(refusedCompletion(live('claimed', { claimedBy: 'b' }), 'a', NOW)).toBe('used-by-another');
    expect(refusedCompletion(late('claimed', { claimedBy: 'a' }), 'a', NOW)).toBe('expired');
    expect(refusedCompletion(live('expired'), 'a', NOW)).toBe('expired');
    expect(refusedCompletion(undefined, 'a', NOW)).toBe('unknown');
  });

  it('the device polling its code learns the contact name only once used', () => {
    expect(pairingStatusReply(live('used', { contactName: '小丽' }), NOW)).toEqual({
      status: 'used',
      contactName: '小丽',
    });
    expect(pairingStatusReply(live('claimed', { contactName: '小丽' }), NOW)).toEqual({ status: 'claimed' });
    expect(pairingStatusReply(late('waiting'), NOW)).toEqual({ status: 'expired' });
  });
});

describe('push-token rules', () => {
  it('an upload needs the provisioned model and an expiry ahead, within the longest lifetime', () => {
    const upload = (modelId: string, expiresAt: number) =>
      pushTokenUploadRefusal({ modelId, expiresAt }, 'm', NOW);
    expect(upload('m', NOW + 1)).toBeUndefined();
    expect(upload('m', NOW + PUSH_TOKEN_MAX_LIFETIME_MS)).toBeUndefined();
    expect(upload('other', NOW + 1)).toMatch(/modelId/);
    expect(upload('m', NOW)).toMatch(/expiresAt/);
    expect(upload('m', NOW + PUSH_TOKEN_MAX_LIFETIME_MS + 1)).toMatch(/expiresAt/);
  });

  it('a phone gets a token only while its known expiry is ahead', () => {
    expect(livePushToken({ pushToken: 't', pushTokenExpiresAt: NOW + 1 }, NOW)).toBe('t');
    expect(livePushToken({ pushToken: 't', pushTokenExpiresAt: NOW }, NOW)).toBeUndefined();
    expect(livePushToken({ pushToken: 't' }, NOW)).toBeUndefined();
    expect(livePushToken({ pushTokenExpiresAt: NOW + 1 }, NOW)).toBeUndefined();
  });
});

describe('the simulated backend follows the rules', () => {
  it('gives no push token whose expiry it does not know, as the server never does', async () => {
    const t = setUpSimulatedBackend((s) => {
      const device = s.family!.devices[0];
      device.pushTokenExpiresAt = undefined;
    });
    const phone = t.phone(SIMULATED_PHONE_OPEN_ID);
    const reply = await t.settle(phone.api.getDevicePushToken({ sn: 'SIM-DEVICE-0001', code: phone.code() }));
    expect(reply).toMatchObject({ ok: false, error: { code: 'push-token-unavailable' } });
  });
});
