import type { EndedEvent } from './call-records';

/**
 * One outgoing call's setup, from the tap until initByCaller answered: whether the person cancelled, whether the
 * plugin's call page is opening, and the room ends that came before initByCaller answered. Never observed: it only
 * answers the call store's decisions.
 */
export type CallSetup = ReturnType<typeof createCallSetup>;

export function createCallSetup() {
  let cancelRequested = false;
  /** initByCaller succeeded and its call page is being opened: leaving our page now is that, not a cancel. */
  let openingCallPage = false;
  /**
   * Ends of rooms nobody knew while initByCaller ran: the plugin may end our own room before initByCaller answers
   * (a busy callee). They wait for its answer, which tells whether the room is ours.
   */
  const endsBeforeStart = new Map<string, EndedEvent>();
  return {
    cancelled: () => cancelRequested,
    /** Too late once the call page is opening. */
    cancel() {
      if (!openingCallPage) cancelRequested = true;
    },
    /** Asked once initByCaller succeeded: open its call page unless the person cancelled meanwhile. */
    commitToCallPage() {
      openingCallPage = !cancelRequested;
      return openingCallPage;
    },
    holdEnd(event: EndedEvent) {
      endsBeforeStart.set(event.roomId, event);
    },
    /** initByCaller answered: its room's early end comes first; the others are ended as the rooms they are. */
    takeEnds(ownRoomId: string | undefined) {
      const waiting = [...endsBeforeStart.values()];
      endsBeforeStart.clear();
      const own = waiting.filter((event) => event.roomId === ownRoomId);
      return [...own, ...waiting.filter((event) => event.roomId !== ownRoomId)];
    },
  };
}
