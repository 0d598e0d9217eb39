/**
 * Contacts scale: the real contacts page in the simulator with 100, 1,000 and 5,000 contacts. Counts what crosses
 * to the view layer (setData bytes of the page and of every component in it) until the first screen of rows is
 * shown, for one search keystroke and for one scroll to the bottom (the next window of rows).
 *
 * The simulated host and backend answer at once, so the time to first screen is the app's own work plus two costs
 * that are not the app's and are reported apart:
 *   simPluginMs  the simulated plugin's getIotBindContactList (a linear scan per openId: its own cost, not WeChat's)
 *   renderMs     miniprogram-simulate applying setData to its tree (a device's view layer has a different cost)
 *   logicMs      what is left: the app's logic (validation, authorisation merge, sorting, rows, cache write)
 * On a device each getIotBindContactList is a request to WeChat's backend, and the authorisation check sends them
 * AUTHORISATION_CONCURRENCY at a time (AUTHORISATION_BATCH_SIZE openIds each): the first screen's people first, the
 * rest after it is shown. `authRequests` counts the requests sent by the time the first screen shows; the "what if"
 * measurement adds AUTH_REQUEST_MS to each (an assumption, not a device measurement) and counts the requests answered
 * before the first screen (`authAnsweredBeforeFirstScreen`): the ones it could have waited for.
 */
import { AUTHORISATION_CONCURRENCY } from '../../miniprogram/platform/contacts/plugin-authorisation';
import { delay, systemClock } from '../../miniprogram/lib/clock';
import { generateContacts } from '../../miniprogram/simulator/simulated-contacts';
import { mountPage } from '../../harness/pages';
import {
  dataOf,
  installBenchPlatform,
  largestBytes,
  median,
  medians,
  round,
  rowsOf,
  startRecording,
  stopRecording,
  sumBytes,
  sumRenderMs,
  waitFor,
  type SetDataRecord,
} from './measure';

export const CONTACT_COUNTS = [100, 1000, 5000];
export const GOAL_SCALE = 5000;
export const FIRST_SETDATA_GOAL = 64 * 1024;
export const MAX_SETDATA_GOAL = 128 * 1024;
/** Assumed latency of one getIotBindContactList request on a device, for the "what if" figure. */
export const AUTH_REQUEST_MS = 100;
/** With AUTH_REQUEST_MS per request, the first screen at GOAL_SCALE contacts within this factor of 100 contacts. */
export const AUTH_LATENCY_SCALE_GOAL = 1.2;
export const AUTH_LATENCY_BASE = 100;

export interface ContactsScaleSample {
  contacts: number;
  /** the page's initial data, sent with the first render */
  initialDataBytes: number;
  /** the page's first setData (onLoad: texts and layout) */
  firstSetDataBytes: number;
  /** the first setData carrying rows */
  firstRowsSetDataBytes: number;
  /** the largest single setData of any component: first screen, keystroke and scroll */
  largestSetDataBytes: number;
  largestSetDataOwner: string;
  /** initial data + every setData (page and components) until the first rows are on screen */
  bytesUntilFirstScreen: number;
  setDataCallsUntilFirstScreen: number;
  firstScreenMs: number;
  simPluginMs: number;
  renderMs: number;
  logicMs: number;
  authRequests: number;
  /** requests answered when the first screen showed */
  authAnswered: number;
  rowsOnFirstScreen: number;
  searchKeystrokeBytes: number;
  searchKeystrokeMs: number;
  searchKeystrokeRenderMs: number;
  scrollBytes: number;
  scrollMs: number;
}

export interface ContactsScaleFigure extends ContactsScaleSample {
  /** time to first screen when every authorisation request takes AUTH_REQUEST_MS */
  firstScreenMsWithAuthLatency: number;
  /** with AUTH_REQUEST_MS per request: the requests answered before the first screen showed */
  authAnsweredBeforeFirstScreen: number;
  runs: number;
  authLatencyRuns: number;
}

export interface ContactsScaleSamples {
  plain: Map<number, ContactsScaleSample[]>;
  withAuthLatency: Map<number, Array<{ firstScreenMs: number; answered: number }>>;
}

interface PageData {
  listState: string;
}

interface PageMethods {
  onSearch(e: { detail: unknown }): void;
  onReachBottom(): void;
}

const isRowsSetData = (r: SetDataRecord) =>
  r.owner === 'components/contact-list/index' && r.keys.some((k) => k === 'rows' || k.startsWith('rows['));

async function measureOnce(count: number, authRequestMs = 0): Promise<ContactsScaleSample> {
  const contacts = generateContacts(count);
  const bench = installBenchPlatform((s) => {
    s.contacts = contacts;
    s.contactsLatencyMs = 0;
    s.hostLatencyMs = 0;
  });
  const { plugin } = bench.sim;
  const check = plugin.getIotBindContactList.bind(plugin);
  let simPluginMs = 0;
  let authRequests = 0;
  let authAnswered = 0;
  plugin.getIotBindContactList = async (request) => {
    authRequests += 1;
    if (authRequestMs > 0) await delay(systemClock, authRequestMs);
    // the simulated lookup runs synchronously inside the call; awaiting it would also count other batches' turns
    const started = performance.now();
    const reply = check(request);
    simPluginMs += performance.now() - started;
    authAnswered += 1;
    return reply;
  };

  const records = startRecording();
  const started = performance.now();
  const mounted = await mountPage('pages/contacts/index');
  const data = () => dataOf<PageData>(mounted);
  await waitFor(() => data().listState === 'ready' && rowsOf(mounted).length > 0, 'first screen of contacts');
  const firstScreenMs = performance.now() - started;
  // the rest of the list is checked after the first screen: only the requests it waited for count
  const authRequestsBeforeFirstScreen = authRequests;
  const authAnsweredBeforeFirstScreen = authAnswered;
  const untilFirstScreen = [...records];
  const rowsOnFirstScreen = rowsOf(mounted).length;
  const page = mounted.comp.instance as unknown as PageMethods;

  // one keystroke: the first character of a name in the middle of the list (the first one builds the index)
  const query = contacts[Math.floor(count / 2)].name.slice(0, 1);
  let from = records.length;
  let keyStart = performance.now();
  page.onSearch({ detail: query });
  const searchKeystrokeMs = performance.now() - keyStart;
  const keystroke = records.slice(from);

  // back to the whole list, then one scroll to the bottom: the next window of rows
  page.onSearch({ detail: '' });
  from = records.length;
  keyStart = performance.now();
  page.onReachBottom();
  const scrollMs = performance.now() - keyStart;
  const scroll = records.slice(from);
  stopRecording();
  // the rest of the list is still being checked in the background: let it finish, or its timers and lookups would
  // run inside the next measurement
  await waitFor(
    () => bench.stores.contacts.all.every((contact) => contact.authorisation !== 'checking'),
    'the rest of the list checked',
  );
  mounted.unmount();

  const pageCalls = untilFirstScreen.filter((r) => r.owner === 'pages/contacts/index');
  const largest = records.reduce<SetDataRecord | undefined>(
    (a, r) => (!a || r.bytes > a.bytes ? r : a),
    undefined,
  );
  const renderMs = sumRenderMs(untilFirstScreen) + mounted.mountMs;
  return {
    contacts: count,
    initialDataBytes: mounted.initialBytes,
    firstSetDataBytes: pageCalls[0]?.bytes ?? 0,
    firstRowsSetDataBytes: untilFirstScreen.find(isRowsSetData)?.bytes ?? 0,
    largestSetDataBytes: largestBytes(records),
    largestSetDataOwner: largest?.owner ?? '',
    bytesUntilFirstScreen: mounted.initialBytes + sumBytes(untilFirstScreen),
    setDataCallsUntilFirstScreen: untilFirstScreen.length,
    firstScreenMs,
    simPluginMs,
    renderMs,
    logicMs:
      firstScreenMs -
      simPluginMs -
      renderMs -
      Math.ceil(authAnsweredBeforeFirstScreen / AUTHORISATION_CONCURRENCY) * authRequestMs,
    authRequests: authRequestsBeforeFirstScreen,
    authAnswered: authAnsweredBeforeFirstScreen,
    rowsOnFirstScreen,
    searchKeystrokeBytes: sumBytes(keystroke),
    searchKeystrokeMs,
    searchKeystrokeRenderMs: sumRenderMs(keystroke),
    scrollBytes: sumBytes(scroll),
    scrollMs,
  };
}

export function emptyContactsSamples(): ContactsScaleSamples {
  return {
    plain: new Map(CONTACT_COUNTS.map((n) => [n, []])),
    withAuthLatency: new Map(CONTACT_COUNTS.map((n) => [n, []])),
  };
}

/** Warm-up: module loading and the WXML compile are not the page's cost. */
export async function warmUpContacts(): Promise<void> {
  await measureOnce(100);
}

/** One round: every size once (interleaved, so a noisy moment hits them alike). */
export async function contactsRound(samples: ContactsScaleSamples): Promise<void> {
  for (const count of CONTACT_COUNTS) samples.plain.get(count)?.push(await measureOnce(count));
}

/** One round of the "what if" figure: slow (≈ count / 100 × AUTH_REQUEST_MS per size), so fewer rounds. */
export async function contactsAuthLatencyRound(samples: ContactsScaleSamples): Promise<void> {
  for (const count of CONTACT_COUNTS) {
    const sample = await measureOnce(count, AUTH_REQUEST_MS);
    samples.withAuthLatency
      .get(count)
      ?.push({ firstScreenMs: sample.firstScreenMs, answered: sample.authAnswered });
  }
}

export function summarizeContacts(samples: ContactsScaleSamples): ContactsScaleFigure[] {
  return CONTACT_COUNTS.map((count) => {
    const list = samples.plain.get(count) ?? [];
    const withAuthLatency = samples.withAuthLatency.get(count) ?? [];
    return {
      // sizes are deterministic; the max keeps the goal check strict anyway
      ...medians(list, ['largestSetDataBytes']),
      largestSetDataOwner: [...new Set(list.map((s) => s.largestSetDataOwner))].join(', '),
      firstScreenMsWithAuthLatency: round(median(withAuthLatency.map((w) => w.firstScreenMs)), 2),
      authAnsweredBeforeFirstScreen: median(withAuthLatency.map((w) => w.answered)),
      runs: list.length,
      authLatencyRuns: withAuthLatency.length,
    };
  });
}
