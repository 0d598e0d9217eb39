/**
 * The simulated backend as the app reaches it: an HttpClient (the same interface wx.request is behind) whose
 * requests go to the simulated server after the scenario's latency, unless the scenario scripts a failure (the
 * backend down, one endpoint failing) — expressed as what arrives over the wire: a timeout, a network failure, a
 * status, an error body, a reply that is not JSON. Logs the endpoints asked, in order.
 */
import { delay, systemClock, type Clock } from '../lib/clock';
import type { HttpClient, HttpRequestOptions, HttpResult } from '../platform/http';
import { err, ok } from '../lib/result';
import { familyOf, type BackendOperation, type SimulatedBackendFailure } from './family-scenario';
import type { SimulationScenario } from './scenario';
import { createSimulatedServer, operationOf, type SimulatedServer } from './simulated-backend';

/** Where the simulated backend "is": `.invalid` never resolves, so nothing can reach a real host by mistake. */
export const SIMULATED_BACKEND_BASE_URL = 'https://family-call-backend.invalid/v1';

export interface SimulatedBackend extends SimulatedServer {
  /** What the platform sends its backend requests through. */
  http: HttpClient;
  /** Endpoints asked, in order. */
  log: BackendOperation[];
}

function wire(failure: SimulatedBackendFailure): HttpResult {
  switch (failure.kind) {
    case 'timeout':
      return err({ kind: 'timeout' });
    case 'network':
      return err({ kind: 'network', errMsg: `request:fail ${failure.errMsg}` });
    case 'http-status':
      return ok({ status: failure.status, data: `<html>${failure.status}</html>`, headers: {} });
    case 'rejected': {
      const error: Record<string, unknown> = { code: failure.code };
      if (failure.wechatErrcode !== undefined) error.wechatErrcode = failure.wechatErrcode;
      return ok({ status: failure.status, data: { error }, headers: {} });
    }
    case 'malformed':
      return ok({ status: 200, data: '{"contacts": [', headers: {} });
  }
}

function lowerCase(headers: Record<string, string> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers ?? {})) out[name.toLowerCase()] = value;
  return out;
}

export function createSimulatedBackend(
  getScenario: () => SimulationScenario,
  clock: Clock = systemClock,
): SimulatedBackend {
  const server = createSimulatedServer(getScenario, clock);
  const log: BackendOperation[] = [];

  async function request(method: string, url: string, body: unknown, options: HttpRequestOptions = {}) {
    if (!url.startsWith(`${SIMULATED_BACKEND_BASE_URL}/`))
      return err({ kind: 'network', errMsg: 'request:fail url not in domain list' }) as HttpResult;
    const path = url.slice(SIMULATED_BACKEND_BASE_URL.length);
    const op = operationOf(method, path);
    if (op) log.push(op);
    const scenario = getScenario();
    const family = familyOf(scenario);
    await delay(clock, op === 'listContacts' ? scenario.contactsLatencyMs : family.backendLatencyMs);
    const failure =
      family.backendDown ??
      (op ? family.backendFailures[op] : undefined) ??
      (op === 'listContacts' ? scenario.contactsFailure : undefined);
    if (failure) return wire(failure);
    const text = body === undefined ? '' : typeof body === 'string' ? body : JSON.stringify(body);
    const reply = server.handle({ method, path, headers: lowerCase(options.headers), body: text });
    return ok({ status: reply.status, data: reply.data, headers: lowerCase(reply.headers) }) as HttpResult;
  }

  return {
    ...server,
    http: {
      get: (url, options) => request('GET', url, undefined, options),
      post: (url, body, options) => request('POST', url, body, options),
      delete: (url, options) => request('DELETE', url, undefined, options),
    },
    log,
  };
}
