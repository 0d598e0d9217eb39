/**
 * A simulated phone WeChat: callback-style wx.requestDeviceVoIP / wx.getDeviceVoIPList / wx.login answering like
 * WeChat, scripted by the scenario's family part. Wrapped by the same wrappers as the real `wx`
 * (services/phone/wechat-phone.ts, packages/phone/pairing/device-authoriser.ts, packages/phone/devices/voip-list.ts).
 */
import { delay, systemClock, type Clock } from '../lib/clock';
import { familyOf, type FamilyScenario, type PhoneAuthScript } from './family-scenario';
import type { WxPhoneApi } from '../platform/phone/types';
import { ALREADY_AUTHORISED_ERRCODE, TICKET_INVALID_ERRCODE } from '../platform/phone/wechat-phone';

export interface SimulatedWxPhone extends WxPhoneApi {
  /** Every requestDeviceVoIP request as received (without callbacks). */
  authRequests: Array<{ sn: string; snTicket: string; modelId: string; deviceName: string }>;
  loginCount: number;
}

/** The WeChat side the simulated backend plays: tickets it issued, and the openId behind a wx.login code. */
export interface SimulatedWechatServer {
  isTicketValid(ticket: string, sn: string): boolean;
  issueLoginCode(openId: string): string;
}

export function createSimulatedWxPhone(
  getScenario: () => { family?: FamilyScenario },
  wechat: SimulatedWechatServer,
  clock: Clock = systemClock,
): SimulatedWxPhone {
  let authIndex = 0;
  const family = () => familyOf(getScenario());

  function nextAuthScript(): PhoneAuthScript {
    const scripts = family().authorisations;
    if (scripts.length === 0) return { kind: 'accept' };
    const script = scripts[Math.min(authIndex, scripts.length - 1)];
    authIndex += 1;
    return script;
  }

  function remember(sn: string, modelId: string): void {
    const list = family().voipList;
    const index = list.findIndex(
      (item) => typeof item === 'object' && item !== null && 'sn' in item && item.sn === sn,
    );
    const entry = { sn, model_id: modelId, status: 1 };
    if (index >= 0) list[index] = entry;
    else list.push(entry);
  }

  const phone: SimulatedWxPhone = {
    authRequests: [],
    loginCount: 0,
    requestDeviceVoIP(options) {
      const { sn, snTicket, modelId, deviceName } = options;
      phone.authRequests.push({ sn, snTicket, modelId, deviceName });
      void delay(clock, family().phoneLatencyMs).then(() => {
        const script = nextAuthScript();
        if (script.kind === 'fail') {
          options.fail?.({ errCode: script.errCode, errMsg: `requestDeviceVoIP:fail ${script.errMsg}` });
          return;
        }
        if (script.kind === 'invalid-scope') {
          options.fail?.({ errMsg: 'requestDeviceVoIP:fail invalid scope' });
          return;
        }
        if (script.kind === 'reject') {
          options.fail?.({ errMsg: 'requestDeviceVoIP:fail auth deny' });
          return;
        }
        // WeChat checks the ticket before showing the dialog.
        if (!wechat.isTicketValid(snTicket, sn)) {
          options.fail?.({
            errCode: TICKET_INVALID_ERRCODE,
            errMsg: 'requestDeviceVoIP:fail snTicket invalid',
          });
          return;
        }
        remember(sn, modelId);
        if (script.kind === 'already-authorised') {
          options.fail?.({
            errCode: ALREADY_AUTHORISED_ERRCODE,
            errMsg: 'requestDeviceVoIP:fail already authorized',
          });
          return;
        }
        options.success?.({ errMsg: 'requestDeviceVoIP:ok' });
      });
    },
    getDeviceVoIPList(options) {
      void delay(clock, family().phoneLatencyMs).then(() => {
        const { voipListFailure, voipList } = family();
        if (voipListFailure) options.fail?.({ errMsg: `getDeviceVoIPList:fail ${voipListFailure}` });
        else options.success?.({ list: voipList.map((item) => item), errMsg: 'getDeviceVoIPList:ok' });
      });
    },
    login(options) {
      phone.loginCount += 1;
      void delay(clock, family().phoneLatencyMs).then(() => {
        if (family().loginFails) {
          options.fail?.({ errMsg: 'login:fail network error' });
          return;
        }
        options.success?.({ code: wechat.issueLoginCode(family().phoneOpenId), errMsg: 'login:ok' });
      });
    },
  };
  return phone;
}
