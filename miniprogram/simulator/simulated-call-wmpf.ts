/**
 * Adds callWMPF (phone → WMPF device, plugin >= 2.4.0) to the simulated plugin. Like the real one it throws a
 * VoipError on failure: 1004 for missing parameters, 22 for a charge type the account does not have (left out, it
 * is the plugin's default 'license'), otherwise what the scenario's family part scripts.
 */
import { delay, type Clock } from '../lib/clock';
import { familyOf, type CallWmpfScript, type FamilyScenario } from './family-scenario';
import { SimulatedVoipError } from './simulated-plugin';

export interface SimulatedCallWmpfLog {
  /** Every callWMPF request as received (copies). */
  callWmpfRequests: WmpfVoip.CallWmpfRequest[];
}

const CALL_WMPF_MS = 200;
const REQUIRED: ReadonlyArray<keyof WmpfVoip.CallWmpfRequest> = ['roomType', 'sn', 'modelId', 'pushToken'];

export function addSimulatedCallWmpf<P extends WmpfVoip.Plugin>(
  plugin: P,
  getScenario: () => { family?: FamilyScenario; chargeType?: WmpfVoip.ChargeType },
  clock: Clock,
): P & SimulatedCallWmpfLog {
  const callWmpfRequests: WmpfVoip.CallWmpfRequest[] = [];
  let index = 0;
  let roomSeq = 0;

  function nextScript(): CallWmpfScript {
    const scripts = familyOf(getScenario()).callWmpf;
    if (scripts.length === 0) return { kind: 'ok' };
    const script = scripts[Math.min(index, scripts.length - 1)];
    index += 1;
    return script;
  }

  async function callWMPF(request: WmpfVoip.CallWmpfRequest): Promise<WmpfVoip.CallWmpfResult> {
    callWmpfRequests.push({ ...request });
    await delay(clock, CALL_WMPF_MS);
    const missing = REQUIRED.filter((key) => typeof request[key] !== 'string' || request[key] === '');
    if (missing.length > 0) throw new SimulatedVoipError(1004, `invalid params: ${missing.join(', ')}`);
    const account = getScenario().chargeType ?? 'duration';
    if ((request.chargeType ?? 'license') !== account) throw new SimulatedVoipError(22, 'invalid chargeType');
    const script = nextScript();
    if (script.kind === 'throw') throw new SimulatedVoipError(script.errCode, script.errMsg);
    roomSeq += 1;
    return { roomId: `sim-wmpf-room-${roomSeq}` };
  }

  return Object.assign(plugin, { callWMPF, callWmpfRequests });
}
