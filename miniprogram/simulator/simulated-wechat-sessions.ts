/**
 * What WeChat's servers do for the simulated backend: wx.login codes (code2Session resolves each once, within
 * 5 minutes) and the snTickets wx.requestDeviceVoIP checks (issued for one sn, valid 5 minutes).
 */
import type { Clock } from '../lib/clock';
import { refuse } from './simulated-backend-requests';

/** WeChat's snTicket lifetime. */
export const SN_TICKET_TTL_MS = 5 * 60 * 1000;
/** A wx.login code works once, within 5 minutes. */
export const LOGIN_CODE_TTL_MS = 5 * 60 * 1000;
/** WeChat's errcodes for a wx.login code that is not valid / was used. */
const CODE_INVALID_ERRCODE = 40029;
const CODE_USED_ERRCODE = 40163;

export type SimulatedWechatSessions = ReturnType<typeof createSimulatedWechatSessions>;

export function createSimulatedWechatSessions(clock: Clock) {
  const tickets = new Map<string, { sn: string; issuedAt: number }>();
  const codes = new Map<string, { openId: string; issuedAt: number; used: boolean }>();
  let ticketSeq = 0;
  let codeSeq = 0;

  /** code2Session: the openId behind a code issued less than 5 minutes ago and not used before. */
  function openIdOf(code: string): string {
    const issued = codes.get(code);
    if (!issued || clock.now() - issued.issuedAt > LOGIN_CODE_TTL_MS)
      return refuse('login-invalid', undefined, { wechatErrcode: CODE_INVALID_ERRCODE });
    if (issued.used) return refuse('login-invalid', undefined, { wechatErrcode: CODE_USED_ERRCODE });
    issued.used = true;
    return issued.openId;
  }

  function issueTicket(sn: string): string {
    ticketSeq += 1;
    const snTicket = `sim-ticket-${ticketSeq}`;
    tickets.set(snTicket, { sn, issuedAt: clock.now() });
    return snTicket;
  }

  return {
    openIdOf,
    issueTicket,
    isTicketValid(ticket: string, sn: string): boolean {
      const issued = tickets.get(ticket);
      return issued !== undefined && issued.sn === sn && clock.now() - issued.issuedAt < SN_TICKET_TTL_MS;
    },
    issueLoginCode(openId: string): string {
      codeSeq += 1;
      const code = `sim-code-${codeSeq}`;
      codes.set(code, { openId, issuedAt: clock.now(), used: false });
      return code;
    },
  };
}
