/** The calling screen's view: what the page renders (view-model.ts and failed-view.ts fill it). */
import type { RoomType } from '../../platform/voip/types';

export type CallingScreen =
  | 'invalid'
  | 'connecting'
  | 'failed'
  /** another call is being set up or running: this page does not start one */
  | 'elsewhere'
  /** our page is still shown while the call runs (the plugin's call page did not open) */
  | 'in-call'
  | 'outcome'
  /** ended, without knowing how */
  | 'ended';

/** An outcome returns to the contacts by itself after this long without a touch. */
export const AUTO_RETURN_MS = 30_000;

const BLANK = {
  name: '',
  initials: '',
  color: '',
  /** their picture, when the contacts have one ('' for initials) */
  avatar: '',
  roomTypeText: '',
  /** icon file under /assets/icons, '' for none */
  icon: '',
  title: '',
  hint: '',
  /** "错误码 9", for the person helping */
  codeText: '',
  durationText: '',
  showSettings: false,
  /** outcome: the same call can be placed again (an openId is known) */
  canCallAgain: false,
  /** failed: "retry" is the main button (a retry can succeed: network, busy, an interrupted start) */
  retryLeads: false,
  canRetry: false,
  /** failed: who can fix what a retry cannot, in one plain sentence ('' when a retry can) */
  fixer: '',
  /** outcome: the page goes back to the contacts by itself after AUTO_RETURN_MS without a touch */
  autoReturn: false,
  /** incoming ringing or in a call on our page: the plugin's call screen can be opened again */
  canOpenCallScreen: false,
  /** "answer" while it rings, "back to the call screen" once answered */
  callScreenLabel: '',
  /** the main outcome button: "call back" after a family member's call, else "call again" */
  callAgainLabel: '',
};

export type CallingView = typeof BLANK & { screen: CallingScreen; roomType: RoomType };

export function blank(screen: CallingScreen, roomType: RoomType = 'voice'): CallingView {
  return { ...BLANK, screen, roomType };
}
