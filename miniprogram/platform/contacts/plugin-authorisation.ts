/**
 * Which openIds authorised this device (plugin getIotBindContactList). Items are documented as `{ sn, model_id,
 * status }` but samples read `item.openid`: matched by openid, never by position (order undocumented), except when
 * there is one item per openId and all share a status. Anything unmatched stays 'unknown'.
 */
import { systemClock, type Clock } from '../../lib/clock';
import { errMsgOf, isRecord, scrub } from '../../lib/guards';
import { err, ok, type Result } from '../../lib/result';
import { settleOnce } from '../../lib/settle-once';
import type { Authorisation, AuthorisationChecker, AuthorisationError } from './types';

/** The plugin's limit for openid_list is undocumented; 100 per request is a conservative guess. */
export const AUTHORISATION_BATCH_SIZE = 100;
const AUTHORISATION_TIMEOUT_MS = 10_000;
/** Requests in flight at once: a long list is checked in about 1/4 of the sequential time, without a burst. */
export const AUTHORISATION_CONCURRENCY = 4;

export interface PluginAuthorisationOptions {
  clock?: Clock;
  timeoutMs?: number;
  batchSize?: number;
}

type BatchResult = Result<Map<string, Authorisation>, AuthorisationError>;

interface ReplyItem {
  openId?: string;
  authorisation: Authorisation;
}

/** status 1 = may be called; any other number = not authorised; missing or not a number = unknown. */
function toAuthorisation(status: unknown): Authorisation {
  const value = typeof status === 'string' && status.trim() !== '' ? Number(status) : status;
  if (typeof value !== 'number' || !Number.isFinite(value)) return 'unknown';
  return value === 1 ? 'authorised' : 'not-authorised';
}

function readItem(raw: unknown): ReplyItem {
  if (!isRecord(raw)) return { authorisation: 'unknown' };
  const openId = typeof raw.openid === 'string' ? raw.openid : undefined;
  return { openId, authorisation: toAuthorisation(raw.status) };
}

function matchItems(batch: string[], rawItems: unknown[]): Map<string, Authorisation> {
  const result = new Map<string, Authorisation>(batch.map((openId) => [openId, 'unknown']));
  const items = rawItems.map(readItem);
  for (const item of items) {
    if (item.openId !== undefined && result.has(item.openId)) result.set(item.openId, item.authorisation);
  }
  // Items without openid are only usable when their order cannot matter (see the comment at the top).
  const anonymous = items.filter((item) => item.openId === undefined);
  const onePerOpenId = anonymous.length === items.length && items.length === batch.length;
  const shared = anonymous[0]?.authorisation;
  if (onePerOpenId && shared && anonymous.every((item) => item.authorisation === shared)) {
    for (const openId of batch) result.set(openId, shared);
  }
  return result;
}

export function createPluginAuthorisationChecker(
  loadPlugin: () => WmpfVoip.Plugin | undefined,
  options: PluginAuthorisationOptions = {},
): AuthorisationChecker {
  const clock = options.clock ?? systemClock;
  const timeoutMs = options.timeoutMs ?? AUTHORISATION_TIMEOUT_MS;
  const batchSize = Math.max(1, Math.floor(options.batchSize ?? AUTHORISATION_BATCH_SIZE));

  /** One getIotBindContactList request. Never rejects; its errMsg never carries the sn. */
  async function askPlugin(
    plugin: WmpfVoip.Plugin,
    sn: string,
    modelId: string,
    batch: string[],
  ): Promise<BatchResult> {
    try {
      const reply: unknown = await plugin.getIotBindContactList({
        sn,
        model_id: modelId,
        openid_list: batch,
      });
      if (!isRecord(reply)) return err({ kind: 'failed', errMsg: 'reply is not an object' });
      if (reply.errcode !== undefined && reply.errcode !== null && Number(reply.errcode) !== 0) {
        const detail = typeof reply.errmsg === 'string' ? `: ${reply.errmsg}` : '';
        return err({ kind: 'failed', errMsg: scrub(`errcode ${String(reply.errcode)}${detail}`, [sn]) });
      }
      if (!Array.isArray(reply.contact_list))
        return err({ kind: 'failed', errMsg: 'reply has no contact_list' });
      return ok(matchItems(batch, reply.contact_list));
    } catch (e) {
      return err({ kind: 'failed', errMsg: scrub(errMsgOf(e, 'getIotBindContactList failed'), [sn]) });
    }
  }

  function checkBatch(plugin: WmpfVoip.Plugin, sn: string, modelId: string, batch: string[]) {
    return settleOnce<BatchResult>(
      (settle) => {
        void askPlugin(plugin, sn, modelId, batch).then(settle);
      },
      {
        clock,
        timeoutMs,
        onTimeout: () => err({ kind: 'failed', errMsg: 'timeout' }),
        onThrow: () => err({ kind: 'failed', errMsg: 'getIotBindContactList failed' }),
      },
    );
  }

  return {
    async check(sn, modelId, openIds) {
      let plugin: WmpfVoip.Plugin | undefined;
      try {
        plugin = loadPlugin();
      } catch {
        plugin = undefined;
      }
      if (!plugin || typeof plugin.getIotBindContactList !== 'function')
        return err({ kind: 'plugin-missing' });

      const unique = [...new Set(openIds)];
      const batches: string[][] = [];
      for (let start = 0; start < unique.length; start += batchSize)
        batches.push(unique.slice(start, start + batchSize));
      const all = new Map<string, Authorisation>();
      let failure: BatchResult | undefined;
      let next = 0;
      const worker = async (ready: WmpfVoip.Plugin): Promise<void> => {
        while (!failure && next < batches.length) {
          const result = await checkBatch(ready, sn, modelId, batches[next++]);
          if (!result.ok) failure = result;
          else result.value.forEach((authorisation, openId) => all.set(openId, authorisation));
        }
      };
      const workers = Math.min(AUTHORISATION_CONCURRENCY, batches.length);
      await Promise.all(Array.from({ length: workers }, () => worker(plugin)));
      return failure ?? ok(all);
    },
  };
}
