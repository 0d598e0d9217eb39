/**
 * The simulated backend's contacts endpoint, reached through the real (signed) contacts adapter: latency, the
 * scenario's contacts, malformed entries and scripted failures, exactly as a device would see them.
 */
import { err } from '../../miniprogram/lib/result';
import { SAMPLE_CONTACTS } from '../../miniprogram/simulator/scenario';
import { generateContacts } from '../../miniprogram/simulator/simulated-contacts';
import { setUpSimulatedBackend } from '../helpers/simulated-backend';

const SN = 'SIM-DEVICE-0001';

describe('the simulated backend: GET /devices/{sn}/contacts', () => {
  it('answers with the scenario contacts after contactsLatencyMs of simulated time', async () => {
    const t = setUpSimulatedBackend((s) => (s.contactsLatencyMs = 300));
    let settled = false;
    const pending = t.device.contacts.fetch(SN).then((r) => {
      settled = true;
      return r;
    });

    await t.clock.advance(299);
    expect(settled).toBe(false);
    await t.clock.advance(1);

    const result = await pending;
    expect(result.ok && result.value.skipped).toBe(0);
    expect(result.ok && result.value.contacts.map(({ openId, name }) => ({ openId, name }))).toEqual(
      SAMPLE_CONTACTS.map(({ openId, name }) => ({ openId, name })),
    );
    expect(t.backend.log).toEqual(['listContacts']);
  });

  it('sends when each contact was added (long ago for the samples, as the server always sends one)', async () => {
    const t = setUpSimulatedBackend(
      (s) => (s.contacts = [{ openId: 'o-1', name: '妈妈', bindStatus: 1, addedAt: 1_767_000_000_000 }]),
    );
    const result = await t.settle(t.device.contacts.fetch(SN));
    expect(result.ok && result.value.contacts).toEqual([
      { openId: 'o-1', name: '妈妈', addedAt: 1_767_000_000_000 },
    ]);
  });

  it('runs malformedContacts through the real validation: skipped and counted, the rest kept', async () => {
    const t = setUpSimulatedBackend((s) => {
      s.contacts = [{ openId: 'o-1', name: '妈妈', avatarUrl: 'wxfile://x.png', bindStatus: 1 }];
      s.malformedContacts = [
        { openId: '', name: 'x' },
        42,
        { openId: 'o-1', name: 'dup' },
        { openId: 'o-2', name: 'B' },
      ];
    });
    const result = await t.settle(t.device.contacts.fetch(SN));
    expect(result.ok && result.value.contacts.map((c) => [c.openId, c.name])).toEqual([
      ['o-1', '妈妈'],
      ['o-2', 'B'],
    ]);
    expect(result.ok && result.value.skipped).toBe(3);
  });

  it('fails with the scripted error, after the latency', async () => {
    const t = setUpSimulatedBackend((s) => {
      s.contactsLatencyMs = 50;
      s.contactsFailure = { kind: 'http-status', status: 503 };
    });
    const pending = t.device.contacts.fetch(SN);
    await t.clock.advance(50);
    expect(await pending).toEqual(err({ kind: 'http-status', status: 503 }));
  });

  it('reads the scenario on every request', async () => {
    const t = setUpSimulatedBackend((s) => (s.contactsFailure = { kind: 'timeout' }));
    expect((await t.settle(t.device.contacts.fetch(SN))).ok).toBe(false);
    delete t.scenario.contactsFailure;
    expect((await t.settle(t.device.contacts.fetch(SN))).ok).toBe(true);
  });
});

describe('generateContacts', () => {
  it('is deterministic for a seed and differs across seeds', () => {
    expect(generateContacts(50, 7)).toEqual(generateContacts(50, 7));
    expect(generateContacts(50, 7)).not.toEqual(generateContacts(50, 8));
  });

  it('produces 5,000 valid, unique contacts, mixed Chinese and English, about 90% authorised', async () => {
    const contacts = generateContacts(5000);
    expect(contacts).toHaveLength(5000);
    expect(new Set(contacts.map((c) => c.openId)).size).toBe(5000);
    expect(contacts.every((c) => /^o[\w-]{27}$/.test(c.openId))).toBe(true);

    const authorised = contacts.filter((c) => c.bindStatus === 1).length / contacts.length;
    expect(authorised).toBeGreaterThan(0.87);
    expect(authorised).toBeLessThan(0.93);

    const chinese = contacts.filter((c) => /[\u4e00-\u9fff]/.test(c.name)).length / contacts.length;
    expect(chinese).toBeGreaterThan(0.65);
    expect(chinese).toBeLessThan(0.85);
    expect(contacts.some((c) => /^[A-Z][a-z]+ [A-Z]/.test(c.name))).toBe(true);

    // Every generated entry survives the real validation.
    const t = setUpSimulatedBackend((s) => (s.contacts = contacts));
    const result = await t.settle(t.device.contacts.fetch(SN));
    expect(result.ok && result.value.contacts).toHaveLength(5000);
    expect(result.ok && result.value.skipped).toBe(0);
  });

  it('returns [] for zero or negative counts', () => {
    expect(generateContacts(0)).toEqual([]);
    expect(generateContacts(-3)).toEqual([]);
  });
});
