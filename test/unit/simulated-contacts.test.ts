import { err } from '../../miniprogram/services/result';
import {
  defaultScenario,
  SAMPLE_CONTACTS,
  type SimulationScenario,
} from '../../miniprogram/simulator/scenario';
import {
  createSimulatedContactsSource,
  generateContacts,
} from '../../miniprogram/simulator/simulated-contacts';
import { createFakeClock } from '../helpers/fake-clock';

function scenarioWith(patch: Partial<SimulationScenario>): SimulationScenario {
  return { ...defaultScenario(), ...patch };
}

describe('createSimulatedContactsSource', () => {
  it('answers with the scenario contacts after contactsLatencyMs of simulated time', async () => {
    const clock = createFakeClock();
    const source = createSimulatedContactsSource(() => scenarioWith({ contactsLatencyMs: 300 }), clock);
    let settled = false;
    const pending = source.fetch('SIM-DEVICE-0001').then((r) => {
      settled = true;
      return r;
    });

    await clock.advance(299);
    expect(settled).toBe(false);
    await clock.advance(1);

    const result = await pending;
    expect(result.ok && result.value.skipped).toBe(0);
    expect(result.ok && result.value.contacts).toEqual(
      SAMPLE_CONTACTS.map(({ openId, name }) => ({ openId, name })),
    );
  });

  it('runs malformedContacts through the real validation: skipped and counted, the rest kept', async () => {
    const clock = createFakeClock();
    const source = createSimulatedContactsSource(
      () =>
        scenarioWith({
          contactsLatencyMs: 0,
          contacts: [{ openId: 'o-1', name: '妈妈', avatarUrl: 'wxfile://x.png', bindStatus: 1 }],
          malformedContacts: [
            { openId: '', name: 'x' },
            42,
            { openId: 'o-1', name: 'dup' },
            { openId: 'o-2', name: 'B' },
          ],
        }),
      clock,
    );
    const result = await source.fetch('sn');
    expect(result).toEqual({
      ok: true,
      value: {
        contacts: [
          { openId: 'o-1', name: '妈妈' },
          { openId: 'o-2', name: 'B' },
        ],
        skipped: 3,
      },
    });
  });

  it('fails with the scripted error, after the latency', async () => {
    const clock = createFakeClock();
    const source = createSimulatedContactsSource(
      () => scenarioWith({ contactsLatencyMs: 50, contactsFailure: { kind: 'http-status', status: 503 } }),
      clock,
    );
    const pending = source.fetch('sn');
    await clock.advance(50);
    expect(await pending).toEqual(err({ kind: 'http-status', status: 503 }));
  });

  it('reads the scenario on every fetch', async () => {
    const clock = createFakeClock();
    let scenario = scenarioWith({ contactsLatencyMs: 0, contactsFailure: { kind: 'timeout' } });
    const source = createSimulatedContactsSource(() => scenario, clock);
    expect((await source.fetch('sn')).ok).toBe(false);
    scenario = scenarioWith({ contactsLatencyMs: 0 });
    expect((await source.fetch('sn')).ok).toBe(true);
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
    const clock = createFakeClock();
    const source = createSimulatedContactsSource(
      () => scenarioWith({ contactsLatencyMs: 0, contacts }),
      clock,
    );
    const result = await source.fetch('sn');
    expect(result.ok && result.value.contacts).toHaveLength(5000);
    expect(result.ok && result.value.skipped).toBe(0);
  });

  it('returns [] for zero or negative counts', () => {
    expect(generateContacts(0)).toEqual([]);
    expect(generateContacts(-3)).toEqual([]);
  });
});
