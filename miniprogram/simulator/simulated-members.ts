/**
 * Who is a contact of which device, in the simulated backend: kept where the scenario keeps it (the simulated
 * device's contacts, the phone user's place on each family device), anyone else beside it.
 */
import type { Clock } from '../lib/clock';
import { familyOf, type SimulatedFamilyDevice } from './family-scenario';
import type { SimulationScenario } from './scenario';

/** Contacts of the sample scenario paired long ago (the server always sends addedAt). */
const LONG_AGO_MS = Date.UTC(2024, 0, 1);

/** A contact of a device, as the backend keeps them. */
export interface Member {
  name: string;
  addedAt: number;
  pinned: boolean;
}

export type SimulatedMembers = ReturnType<typeof createSimulatedMembers>;

export function createSimulatedMembers(getScenario: () => SimulationScenario, clock: Clock) {
  const family = () => familyOf(getScenario());
  /** Contacts the scenario has no place for (another WeChat user of a device other than the simulated one). */
  const others = new Map<string, Map<string, Member>>();
  const findDevice = (sn: string): SimulatedFamilyDevice | undefined =>
    family().devices.find((device) => device.sn === sn);

  /** Whether `openId` is a contact of `sn`, with the name the device shows them by. */
  function membership(sn: string, openId: string): Member | undefined {
    const scenario = getScenario();
    if (sn === scenario.device.sn) {
      const entry = scenario.contacts.find((contact) => contact.openId === openId);
      if (entry)
        return { name: entry.name, addedAt: entry.addedAt ?? LONG_AGO_MS, pinned: entry.pinned === true };
    }
    const device = findDevice(sn);
    if (device?.myName !== undefined && openId === family().phoneOpenId)
      return {
        name: device.myName,
        addedAt: device.myAddedAt ?? LONG_AGO_MS,
        pinned: device.myPinned === true,
      };
    return others.get(sn)?.get(openId);
  }

  function contactsOf(sn: string): Array<{ openId: string; avatarUrl?: string } & Member> {
    const scenario = getScenario();
    const list =
      sn === scenario.device.sn
        ? scenario.contacts.map(({ openId, name, avatarUrl, addedAt, pinned }) => ({
            openId,
            name,
            ...(avatarUrl === undefined ? {} : { avatarUrl }),
            addedAt: addedAt ?? LONG_AGO_MS,
            pinned: pinned === true,
          }))
        : [];
    // the simulated device's list is scenario.contacts (pairing adds the phone's user there too)
    const device = sn === scenario.device.sn ? undefined : findDevice(sn);
    if (device?.myName !== undefined)
      list.push({
        openId: family().phoneOpenId,
        name: device.myName,
        addedAt: device.myAddedAt ?? LONG_AGO_MS,
        pinned: device.myPinned === true,
      });
    for (const [openId, member] of others.get(sn) ?? []) list.push({ openId, ...member });
    return list;
  }

  /** Shows a contact on the device's home, or not; false when they are not one (the scenario keeps it). */
  function pin(sn: string, openId: string, pinned: boolean): boolean {
    const scenario = getScenario();
    let set = false;
    if (sn === scenario.device.sn) {
      const entry = scenario.contacts.find((contact) => contact.openId === openId);
      if (entry) {
        entry.pinned = pinned;
        set = true;
      }
    }
    const device = findDevice(sn);
    if (device?.myName !== undefined && openId === family().phoneOpenId) {
      device.myPinned = pinned;
      set = true;
    }
    const member = others.get(sn)?.get(openId);
    if (member) member.pinned = pinned;
    return set || member !== undefined;
  }

  /** Stores the contact, or renames an existing one (which keeps its addedAt). */
  function addContact(sn: string, openId: string, name: string): void {
    const now = clock.now();
    const scenario = getScenario();
    const device = findDevice(sn);
    let stored = false;
    if (sn === scenario.device.sn) {
      const entry = scenario.contacts.find((contact) => contact.openId === openId);
      if (entry) entry.name = name;
      else scenario.contacts.push({ openId, name, bindStatus: 1, addedAt: now });
      stored = true;
    }
    if (device && openId === family().phoneOpenId) {
      if (device.myName === undefined) device.myAddedAt = now;
      device.myName = name;
      stored = true;
    }
    if (!stored) {
      const members = others.get(sn) ?? new Map<string, Member>();
      const known = members.get(openId);
      members.set(openId, { name, addedAt: known?.addedAt ?? now, pinned: known?.pinned ?? false });
      others.set(sn, members);
    }
  }

  function removeContact(sn: string, openId: string): boolean {
    const scenario = getScenario();
    let removed = false;
    if (sn === scenario.device.sn) {
      const before = scenario.contacts.length;
      scenario.contacts = scenario.contacts.filter((contact) => contact.openId !== openId);
      removed = scenario.contacts.length < before;
    }
    const device = findDevice(sn);
    if (device?.myName !== undefined && openId === family().phoneOpenId) {
      device.myName = undefined;
      device.myAddedAt = undefined;
      device.myPinned = undefined;
      removed = true;
    }
    return (others.get(sn)?.delete(openId) ?? false) || removed;
  }

  return { membership, contactsOf, pin, addContact, removeContact };
}
