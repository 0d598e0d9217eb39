import type { EndedEvent } from './call-records';

/** One outgoing call from the tap until initByCaller answered. Never observed: it answers the call store only. */
export type CallSetup = ReturnType<typeof createCallSetup>;

export function createCallSetup() {
  let cancelRequested = false;
  /** initByCaller succeeded and its call page is being opened: leaving our page now is that, not a cancel. */
  let openingCallPage = false;
  /** Ends of unknown rooms while initByCaller ran (a busy callee ends ours early): its answer says which is ours. */
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
    /** Our room's early end first. */
    takeEnds(ownRoomId: string | undefined) {
      const waiting = [...endsBeforeStart.values()];
      endsBeforeStart.clear();
      const own = waiting.filter((event) => event.roomId === ownRoomId);
      return [...own, ...waiting.filter((event) => event.roomId !== ownRoomId)];
    },
  };
}
