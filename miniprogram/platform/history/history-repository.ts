/**
 * Call history as `{ schema: 1, records }`, newest first, capped; writes serialised. Reading never throws. Another
 * schema's document (a newer app, then a rollback) is copied to its backup key before the first write, never lost.
 */
import { errMsgOf, isRecord, keepValid } from '../../lib/guards';
import type { Result } from '../../lib/result';
import type { KeyValueStorage, StorageError } from '../storage/types';
import type { CallOutcome, CallRecord, HistoryLoad, HistoryProblem, HistoryRepository } from './types';

export const HISTORY_KEY = 'call-history';
export const HISTORY_SCHEMA = 1;
export const HISTORY_CAP = 200;

/** Where a history of another schema version is kept before this version writes its own. */
export function historyBackupKey(schema: number): string {
  return `${HISTORY_KEY}.backup.v${schema}`;
}
const MAX_ID_LENGTH = 128;
const MAX_NAME_LENGTH = 80;

export interface HistoryDocument {
  schema: typeof HISTORY_SCHEMA;
  records: CallRecord[];
}

/** A Record (not an array) so that the compiler insists every outcome is listed. */
const OUTCOMES: Record<CallOutcome, true> = {
  'hung-up': true,
  rejected: true,
  busy: true,
  'no-answer': true,
  cancelled: true,
  aborted: true,
  'join-failed': true,
  unknown: true,
  failed: true,
  'in-progress': true,
};

function isTime(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0;
}

function isOutcome(value: unknown): value is CallOutcome {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(OUTCOMES, value);
}

/** A clean copy holding only the known fields (so nothing else, such as an sn, is ever stored), or undefined. */
export function validateCallRecord(raw: unknown): CallRecord | undefined {
  if (!isRecord(raw) || !isRecord(raw.contact)) return undefined;
  const { id, contact, roomType, direction, startedAt, endedAt, outcome, durationSec, errCode } = raw;
  if (typeof id !== 'string' || id.length === 0 || id.length > MAX_ID_LENGTH) return undefined;
  if (typeof contact.name !== 'string') return undefined;
  if (contact.openId !== undefined && typeof contact.openId !== 'string') return undefined;
  if (roomType !== 'voice' && roomType !== 'video') return undefined;
  if (direction !== 'outgoing' && direction !== 'incoming') return undefined;
  if (!isTime(startedAt) || !isTime(durationSec) || !isOutcome(outcome)) return undefined;
  if (endedAt !== undefined && !isTime(endedAt)) return undefined;
  if (errCode !== undefined && !(typeof errCode === 'number' && Number.isInteger(errCode))) return undefined;

  const name = Array.from(contact.name).slice(0, MAX_NAME_LENGTH).join('');
  const record: CallRecord = {
    id,
    contact: contact.openId === undefined ? { name } : { openId: contact.openId, name },
    roomType,
    direction,
    startedAt,
    outcome,
    durationSec,
  };
  if (endedAt !== undefined) record.endedAt = endedAt;
  if (errCode !== undefined) record.errCode = errCode;
  return record;
}

/** Newest first; the sort is stable, so among equal start times the earlier position wins. */
function arrange(records: CallRecord[], cap: number): CallRecord[] {
  return [...records].sort((a, b) => b.startedAt - a.startedAt).slice(0, cap);
}

const messageOf = (e: unknown) => errMsgOf(e, 'unexpected error');

/** How many records an unreadable document seems to hold (at least 1, for the report). */
function countEntries(value: unknown): number {
  if (Array.isArray(value)) return Math.max(1, value.length);
  if (isRecord(value) && Array.isArray(value.records)) return Math.max(1, value.records.length);
  return 1;
}

/** The schema number of a document written by another version of the app, else undefined. */
function otherSchemaOf(value: unknown): number | undefined {
  if (!isRecord(value) || typeof value.schema !== 'number' || !Number.isInteger(value.schema))
    return undefined;
  return value.schema === HISTORY_SCHEMA ? undefined : value.schema;
}

function readHistoryDocument(value: unknown): { records: CallRecord[]; problem?: HistoryProblem } {
  if (value === undefined || value === null || value === '') return { records: [] };
  const otherSchema = otherSchemaOf(value);
  if (otherSchema !== undefined)
    return { records: [], problem: { kind: 'unknown-version', schema: otherSchema } };
  if (!isRecord(value) || value.schema !== HISTORY_SCHEMA || !Array.isArray(value.records)) {
    return { records: [], problem: { kind: 'corrupt', dropped: countEntries(value) } };
  }
  const { valid, dropped } = keepValid(value.records, validateCallRecord, (record) => record.id);
  return dropped > 0 ? { records: valid, problem: { kind: 'corrupt', dropped } } : { records: valid };
}

export function createHistoryRepository(
  storage: KeyValueStorage,
  options: { cap?: number } = {},
): HistoryRepository {
  const cap = options.cap !== undefined && options.cap >= 1 ? Math.floor(options.cap) : HISTORY_CAP;
  /** This session's list: what storage held once read, plus what was recorded since. */
  let records: CallRecord[] = [];
  /** False until storage could be read: until then nothing is written, so a failed read never erases the history. */
  let loaded = false;
  /** A document of another schema version found on read: copied to its backup key before the first write. */
  let toBackUp: { schema: number; document: unknown } | undefined;
  let unreadableReported = false;
  /** Reported by the first load() after it was found, then cleared. */
  let pendingProblem: HistoryProblem | undefined;
  let queue: Promise<unknown> = Promise.resolve();

  function serialised<T>(task: () => Promise<T>): Promise<T> {
    const run = queue.then(task);
    queue = run.then(
      () => undefined,
      () => undefined,
    );
    return run;
  }

  /** Reads storage until that succeeds once; an unreadable storage is asked again next time (reported once). */
  async function ensureLoaded(): Promise<CallRecord[]> {
    if (loaded) return records;
    let problem: HistoryProblem | undefined;
    try {
      const stored = await storage.get(HISTORY_KEY);
      if (stored.ok) {
        const read = readHistoryDocument(stored.value);
        if (read.problem?.kind === 'unknown-version')
          toBackUp = { schema: read.problem.schema, document: stored.value };
        const recordedNow = new Set(records.map((record) => record.id));
        records = arrange([...records, ...read.records.filter((r) => !recordedNow.has(r.id))], cap);
        loaded = true;
        problem = read.problem;
      } else {
        problem = { kind: 'unreadable', errMsg: stored.error.errMsg };
      }
    } catch (e) {
      problem = { kind: 'unreadable', errMsg: messageOf(e) };
    }
    const alreadyReported = problem?.kind === 'unreadable' && unreadableReported;
    if (problem && !alreadyReported) {
      if (problem.kind === 'unreadable') unreadableReported = true;
      pendingProblem = problem;
      console.warn('[history] could not read everything:', problem);
    }
    return records;
  }

  /** A storage write that fails, by its result or by throwing, is logged as `failure`: false. */
  async function write(failure: string, step: () => Promise<Result<void, StorageError>>): Promise<boolean> {
    try {
      const result = await step();
      if (!result.ok) console.warn(`[history] ${failure}:`, result.error.errMsg);
      return result.ok;
    } catch (e) {
      console.warn(`[history] ${failure}:`, messageOf(e));
      return false;
    }
  }

  /** Copies the other version's document aside once; until that worked, its key stays read-only. */
  async function backUpOtherVersion(): Promise<boolean> {
    if (!toBackUp) return true;
    const { schema, document } = toBackUp;
    const failure = 'not saved: the history of another version could not be backed up';
    if (!(await write(failure, () => storage.set(historyBackupKey(schema), document)))) return false;
    toBackUp = undefined;
    return true;
  }

  async function persist(next: CallRecord[]): Promise<boolean> {
    if (!(await backUpOtherVersion())) return false;
    const document: HistoryDocument = { schema: HISTORY_SCHEMA, records: next };
    return write('not saved', () => storage.set(HISTORY_KEY, document));
  }

  return {
    load: () =>
      serialised(async (): Promise<HistoryLoad> => {
        const current = await ensureLoaded();
        const problem = pendingProblem;
        pendingProblem = undefined;
        const copy = current.map((record) => ({ ...record, contact: { ...record.contact } }));
        return problem ? { records: copy, problem } : { records: copy };
      }),

    upsert: (input) =>
      serialised(async () => {
        const record = validateCallRecord(input);
        if (!record) {
          console.warn('[history] invalid record not saved');
          return false;
        }
        const current = await ensureLoaded();
        records = arrange([record, ...current.filter((r) => r.id !== record.id)], cap);
        if (!loaded) {
          console.warn('[history] not saved: the stored history could not be read');
          return false;
        }
        return persist(records);
      }),

    clear: () =>
      serialised(async () => {
        // the person cleared their calls; another version's history is left where it is
        if (!(await backUpOtherVersion())) return false;
        records = [];
        loaded = true;
        pendingProblem = undefined;
        return write('not cleared', () => storage.remove(HISTORY_KEY));
      }),
  };
}
