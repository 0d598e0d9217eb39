/**
 * The plugin's getIotBindContactList: WeChat's answer to "which of these openIds authorised this device", read from
 * the scenario's contacts (bindStatus) after WeChat's round trip.
 */
import { delay } from '../lib/clock';
import type { SimulatedContactEntry } from './scenario';
import type { SimulatedFramework } from './simulated-framework';

export function createSimulatedBindContactList(
  framework: Pick<SimulatedFramework, 'clock' | 'scenario'>,
): WmpfVoip.Plugin['getIotBindContactList'] {
  const { clock } = framework;
  /**
   * WeChat answers from an index: a scan of the whole list per openId would cost the app's thread what the real
   * lookup, on WeChat's servers, does not. Rebuilt when the scenario's list is replaced or grows or shrinks.
   */
  let index:
    | { list: readonly SimulatedContactEntry[]; length: number; byOpenId: Map<string, SimulatedContactEntry> }
    | undefined;
  function contactIndex(list: readonly SimulatedContactEntry[]): Map<string, SimulatedContactEntry> {
    if (!index || index.list !== list || index.length !== list.length)
      index = { list, length: list.length, byOpenId: new Map(list.map((c) => [c.openId, c])) };
    return index.byOpenId;
  }

  return async function getIotBindContactList(
    request: WmpfVoip.BindContactListRequest,
  ): Promise<WmpfVoip.BindContactListResult> {
    const { scenario } = framework;
    // a request to WeChat's backend: it takes its time
    if (scenario.authorisationLatencyMs) await delay(clock, scenario.authorisationLatencyMs);
    const openIds = Array.isArray(request?.openid_list) ? request.openid_list : [];
    const sameDevice = request?.sn === scenario.device.sn;
    const byOpenId = contactIndex(scenario.contacts);
    const contactList = openIds.map((openid) => {
      const entry = byOpenId.get(openid);
      const status = sameDevice && entry ? entry.bindStatus : 0;
      return { sn: request.sn, model_id: request.model_id, openid, status };
    });
    return { errcode: 0, errmsg: 'ok', contact_list: contactList };
  };
}
